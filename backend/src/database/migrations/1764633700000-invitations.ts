import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '../tenant-isolation';

/**
 * Invitations (issue 15): an admin invites an e-mail address with a role; the link goes to that
 * address only, and the person accepts it signed in with that proven address. Adding a member by
 * e-mail no longer enrols an existing account without its owner's consent.
 *
 * Tenant-owned (organisation in the key and in the foreign key to departments, row-level security).
 * Only the SHA-256 of the token is kept. Whoever holds the link is outside the organisation, so
 * `app_invitation_by_token` (SECURITY DEFINER) answers only for the exact token hash: which
 * organisation, who invited, which address and role, and whether it is still open.
 */
export class Invitations1764633700000 implements MigrationInterface {
  name = 'Invitations1764633700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE invitations (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        role text NOT NULL CHECK (role IN ('admin', 'dpo', 'contributor', 'auditor')),
        department_id uuid,
        token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (organization_id, id),
        CONSTRAINT invitations_token_key UNIQUE (token_hash),
        CONSTRAINT invitations_department_fk FOREIGN KEY (organization_id, department_id)
          REFERENCES departments (organization_id, id)
      );
      CREATE INDEX invitations_email_idx ON invitations (organization_id, email);
      -- One open invitation per address: a new one replaces it (the service revokes the old one first),
      -- and of two admins inviting the same address at once, one wins and the other gets a 409.
      CREATE UNIQUE INDEX invitations_one_open_key ON invitations (organization_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL;

      ${tenantIsolation('invitations')}

      CREATE FUNCTION app_invitation_by_token(p_token_hash text)
        RETURNS TABLE (organization_id uuid, invitation_id uuid, organization_name text, invited_by_name text,
                       email text, role text, expires_at timestamptz, accepted boolean, revoked boolean)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
          SELECT i.organization_id, i.id, o.name, u.name, i.email, i.role, i.expires_at,
                 i.accepted_at IS NOT NULL, i.revoked_at IS NOT NULL
          FROM invitations i
          JOIN organizations o ON o.id = i.organization_id
          LEFT JOIN users u ON u.id = i.invited_by
          WHERE i.token_hash = p_token_hash
        $$;
      REVOKE ALL ON FUNCTION app_invitation_by_token(text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_invitation_by_token(text) TO registre_app;

      GRANT SELECT, INSERT, UPDATE ON invitations TO registre_app;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP FUNCTION IF EXISTS app_invitation_by_token(text);
      DROP TABLE IF EXISTS invitations;
    `);
  }
}
