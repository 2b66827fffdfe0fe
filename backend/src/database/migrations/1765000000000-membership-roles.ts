import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Several roles per membership (issue 15, item 8): in a small office the same person is admin and
 * DPO, so a membership (and an invitation) holds a set of roles and the ability factory unions them.
 * The single `role` column becomes `roles text[]` (never empty, only known roles, no duplicate);
 * existing rows keep their role. The functions that read the role (the guard's membership lookup,
 * the two-factor requirement, the invitation lookup) read the array instead.
 *
 * The DPO contact block printed on the register gains the CNIL designation number.
 * Row-level security and grants are those of the tables; nothing new to grant.
 */
export class MembershipRoles1765000000000 implements MigrationInterface {
  name = 'MembershipRoles1765000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION app_valid_roles(p_roles text[]) RETURNS boolean
        LANGUAGE sql IMMUTABLE AS $$
          SELECT cardinality(p_roles) BETWEEN 1 AND 4
             AND p_roles <@ ARRAY['admin', 'dpo', 'contributor', 'auditor']::text[]
             AND cardinality(p_roles) = (SELECT count(DISTINCT r) FROM unnest(p_roles) r)
        $$;

      ALTER TABLE memberships ADD COLUMN roles text[];
      UPDATE memberships SET roles = ARRAY[role];
      ALTER TABLE memberships ALTER COLUMN roles SET NOT NULL,
        ADD CONSTRAINT memberships_roles_check CHECK (app_valid_roles(roles));
      ALTER TABLE memberships DROP COLUMN role;

      ALTER TABLE invitations ADD COLUMN roles text[];
      UPDATE invitations SET roles = ARRAY[role];
      ALTER TABLE invitations ALTER COLUMN roles SET NOT NULL,
        ADD CONSTRAINT invitations_roles_check CHECK (app_valid_roles(roles));
      ALTER TABLE invitations DROP COLUMN role;

      DROP FUNCTION app_membership(uuid, uuid);
      CREATE FUNCTION app_membership(p_organization_id uuid, p_user_id uuid)
        RETURNS TABLE (roles text[], department_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
          SELECT m.roles, m.department_id FROM memberships m
          WHERE m.organization_id = p_organization_id AND m.user_id = p_user_id
        $$;
      REVOKE ALL ON FUNCTION app_membership(uuid, uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_membership(uuid, uuid) TO registre_app;

      CREATE OR REPLACE FUNCTION app_mfa_missing(p_organization_id uuid, p_user_id uuid)
        RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
          SELECT EXISTS (
                   SELECT 1 FROM organizations o JOIN memberships m ON m.organization_id = o.id
                   WHERE o.id = p_organization_id AND m.user_id = p_user_id
                     AND o.require_mfa_for_admins AND m.roles && ARRAY['admin', 'dpo']::text[])
             AND NOT EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = p_user_id AND t.confirmed_at IS NOT NULL)
        $$;

      DROP FUNCTION app_invitation_by_token(text);
      CREATE FUNCTION app_invitation_by_token(p_token_hash text)
        RETURNS TABLE (organization_id uuid, invitation_id uuid, organization_name text, invited_by_name text,
                       email text, roles text[], expires_at timestamptz, accepted boolean, revoked boolean)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
          SELECT i.organization_id, i.id, o.name, u.name, i.email, i.roles, i.expires_at,
                 i.accepted_at IS NOT NULL, i.revoked_at IS NOT NULL
          FROM invitations i
          JOIN organizations o ON o.id = i.organization_id
          LEFT JOIN users u ON u.id = i.invited_by
          WHERE i.token_hash = p_token_hash
        $$;
      REVOKE ALL ON FUNCTION app_invitation_by_token(text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_invitation_by_token(text) TO registre_app;

      ALTER TABLE organizations ADD COLUMN dpo_designation_number text;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Going back keeps one role per membership: the strongest it holds.
    await queryRunner.query(`
      ALTER TABLE organizations DROP COLUMN IF EXISTS dpo_designation_number;

      ALTER TABLE memberships ADD COLUMN role text;
      UPDATE memberships SET role = CASE WHEN 'admin' = ANY(roles) THEN 'admin' WHEN 'dpo' = ANY(roles) THEN 'dpo'
                                         WHEN 'contributor' = ANY(roles) THEN 'contributor' ELSE 'auditor' END;
      ALTER TABLE invitations ADD COLUMN role text;
      UPDATE invitations SET role = CASE WHEN 'admin' = ANY(roles) THEN 'admin' WHEN 'dpo' = ANY(roles) THEN 'dpo'
                                         WHEN 'contributor' = ANY(roles) THEN 'contributor' ELSE 'auditor' END;

      DROP FUNCTION app_membership(uuid, uuid);
      CREATE FUNCTION app_membership(p_organization_id uuid, p_user_id uuid)
        RETURNS TABLE (role text, department_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
          SELECT m.role, m.department_id FROM memberships m
          WHERE m.organization_id = p_organization_id AND m.user_id = p_user_id
        $$;
      REVOKE ALL ON FUNCTION app_membership(uuid, uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_membership(uuid, uuid) TO registre_app;

      CREATE OR REPLACE FUNCTION app_mfa_missing(p_organization_id uuid, p_user_id uuid)
        RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
          SELECT EXISTS (
                   SELECT 1 FROM organizations o JOIN memberships m ON m.organization_id = o.id
                   WHERE o.id = p_organization_id AND m.user_id = p_user_id
                     AND o.require_mfa_for_admins AND m.role IN ('admin', 'dpo'))
             AND NOT EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = p_user_id AND t.confirmed_at IS NOT NULL)
        $$;

      DROP FUNCTION app_invitation_by_token(text);
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

      ALTER TABLE memberships DROP COLUMN roles,
        ADD CONSTRAINT memberships_role_check CHECK (role IN ('admin', 'dpo', 'contributor', 'auditor')),
        ALTER COLUMN role SET NOT NULL;
      ALTER TABLE invitations DROP COLUMN roles,
        ADD CONSTRAINT invitations_role_check CHECK (role IN ('admin', 'dpo', 'contributor', 'auditor')),
        ALTER COLUMN role SET NOT NULL;
      DROP FUNCTION app_valid_roles(text[]);
    `);
  }
}
