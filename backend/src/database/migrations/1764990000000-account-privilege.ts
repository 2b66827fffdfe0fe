import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Least privilege for accounts (issue 21, item 7).
 *
 * Whatever proves an identity moves out of the application role's reach: password hashes, the
 * session store, sign-in links (account_tokens), failed sign-ins, TOTP secrets and recovery codes.
 * They belong to `registre_auth`, a role used only by the account code (sign-in, sign-up, links,
 * two-factor, sessions list, the session store), whose queries are fixed statements. argon2 runs in
 * Node, so the hash has to reach Node: a SECURITY DEFINER function handing it out "for the e-mail
 * asked" would hand out every hash to an injected `SELECT f(email) FROM users`; a role the
 * application's connection cannot switch to does not.
 *
 * The application role keeps the columns of `users` everything else reads (never password_hash) and
 * may change only the profile (name, locale). Notification preferences get row-level security: the
 * user's own, or those of members of the organisation in the transaction (the notification jobs).
 * See docs/security.md, "Accounts: what the application role can reach".
 */
export class AccountPrivilege1764990000000 implements MigrationInterface {
  name = 'AccountPrivilege1764990000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Created here when the owner may create roles; the embedded bootstrap and the container's init
    // script create it (and make the owner a member) beforehand.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'registre_auth') THEN
          CREATE ROLE registre_auth NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
        IF NOT pg_has_role(current_user, 'registre_auth', 'MEMBER') THEN
          BEGIN
            EXECUTE format('GRANT registre_auth TO %I', current_user);
          EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN
            RAISE EXCEPTION 'The role % must be a member of registre_auth (the API switches to it for sign-in): run GRANT registre_auth TO % as an administrator', current_user, current_user;
          END;
        END IF;
      END $$;
    `);

    await queryRunner.query(`
      GRANT USAGE ON SCHEMA public TO registre_auth;

      REVOKE ALL ON users FROM registre_app;
      GRANT SELECT (id, email, name, locale, email_verified_at, created_at, updated_at) ON users TO registre_app;
      GRANT UPDATE (name, locale, updated_at) ON users TO registre_app;

      GRANT SELECT, INSERT ON users TO registre_auth;
      GRANT UPDATE (password_hash, email_verified_at, updated_at) ON users TO registre_auth;

      REVOKE ALL ON sessions, login_attempts, account_tokens, user_totp, user_recovery_codes FROM registre_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON sessions, login_attempts, account_tokens, user_totp, user_recovery_codes TO registre_auth;
      GRANT USAGE ON SEQUENCE login_attempts_id_seq TO registre_auth;

      -- The account's own trail: written by the account code, read by the application for the user.
      GRANT INSERT ON account_security_events TO registre_auth;
    `);

    for (const table of ['notification_preferences', 'notification_kind_preferences']) {
      await queryRunner.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_own ON ${table} FOR ALL
          USING (user_id = app_current_user_id()
                 OR user_id IN (SELECT m.user_id FROM memberships m WHERE m.organization_id = app_current_organization_id()))
          WITH CHECK (user_id = app_current_user_id());
      `);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['notification_preferences', 'notification_kind_preferences']) {
      await queryRunner.query(`DROP POLICY IF EXISTS ${table}_own ON ${table}; ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY;`);
    }
    await queryRunner.query(`
      REVOKE ALL ON users, sessions, login_attempts, account_tokens, user_totp, user_recovery_codes, account_security_events FROM registre_auth;
      REVOKE ALL ON SEQUENCE login_attempts_id_seq FROM registre_auth;
      REVOKE USAGE ON SCHEMA public FROM registre_auth;
      GRANT SELECT, INSERT, UPDATE, DELETE ON users, sessions, login_attempts, account_tokens, user_totp, user_recovery_codes TO registre_app;
    `);
  }
}
