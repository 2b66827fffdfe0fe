import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-factor sign-in (TOTP, RFC 6238) and account security events (issue 15).
 *
 * - user_totp: one authenticator per account. The secret is stored encrypted (AES-256-GCM, see
 *   src/auth/totp.ts); `confirmed_at` null means set up but not confirmed with a code yet (it then
 *   grants nothing). `last_used_step` is the time step of the last accepted code: a code is accepted
 *   once, so an observed code cannot be replayed within its 30 seconds.
 * - user_recovery_codes: ten single-use codes shown once at confirmation; only their SHA-256 is kept.
 * - account_security_events: the account's own trail (two-factor turned on/off, a session revoked):
 *   global like users, since an account is not one organisation's. Never a secret or a code in it.
 * - organizations.require_mfa_for_admins: the organisation asks its administrators and DPOs to use
 *   two-factor sign-in; app_mfa_missing() lets the authorization guard, which runs before the
 *   request transaction (and so before row-level security knows the user), ask only that question.
 */
export class TwoFactor1764900000000 implements MigrationInterface {
  name = 'TwoFactor1764900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE user_totp (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        secret_encrypted text NOT NULL,
        confirmed_at timestamptz,
        last_used_step bigint,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );

      CREATE TABLE user_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        code_hash text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
        used_at timestamptz,
        CONSTRAINT user_recovery_codes_hash_key UNIQUE (user_id, code_hash)
      );

      CREATE TABLE account_security_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        action text NOT NULL CHECK (action IN ('mfa_enabled', 'mfa_disabled', 'session_revoked')),
        ip_address text,
        user_agent text,
        request_id text
      );
      CREATE INDEX account_security_events_user_idx ON account_security_events (user_id, occurred_at);

      ALTER TABLE organizations ADD COLUMN require_mfa_for_admins boolean NOT NULL DEFAULT false;

      CREATE FUNCTION app_mfa_missing(p_organization_id uuid, p_user_id uuid)
        RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
          SELECT EXISTS (
                   SELECT 1 FROM organizations o JOIN memberships m ON m.organization_id = o.id
                   WHERE o.id = p_organization_id AND m.user_id = p_user_id
                     AND o.require_mfa_for_admins AND m.role IN ('admin', 'dpo'))
             AND NOT EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = p_user_id AND t.confirmed_at IS NOT NULL)
        $$;
      REVOKE ALL ON FUNCTION app_mfa_missing(uuid, uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_mfa_missing(uuid, uuid) TO registre_app;

      GRANT SELECT, INSERT, UPDATE, DELETE ON user_totp, user_recovery_codes TO registre_app;
      -- The account's trail is append-only for the application.
      GRANT SELECT, INSERT ON account_security_events TO registre_app;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP FUNCTION IF EXISTS app_mfa_missing(uuid, uuid);
      ALTER TABLE organizations DROP COLUMN IF EXISTS require_mfa_for_admins;
      DROP TABLE IF EXISTS account_security_events, user_recovery_codes, user_totp;
    `);
  }
}
