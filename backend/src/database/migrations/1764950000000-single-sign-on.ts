import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '../tenant-isolation';

/**
 * Single sign-on with OpenID Connect, per organisation (issue 15 item 6).
 *
 * - organization_sso: the organisation's identity provider (issuer, client id, client secret stored
 *   encrypted with AES-256-GCM, see src/auth/totp.ts), the role given to newcomers and whether
 *   password sign-in is refused to its members. Tenant-owned, row-level security.
 * - organization_sso_domains: the e-mail domains that lead to it. A domain leads to one organisation
 *   only (primary key), so sign-in can discover the organisation from the address.
 * - app_sso_organization_for_domain: the sign-in page is outside every organisation; this answers
 *   only "which organisation signs in this domain".
 * - app_sso_required(user): the password step asks only whether one of the account's organisations
 *   requires single sign-on.
 */
export class SingleSignOn1764950000000 implements MigrationInterface {
  name = 'SingleSignOn1764950000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organization_sso (
        organization_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
        issuer text NOT NULL,
        client_id text NOT NULL,
        client_secret_encrypted text NOT NULL,
        default_role text NOT NULL CHECK (default_role IN ('admin', 'dpo', 'contributor', 'auditor')),
        require_sso boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE organization_sso_domains (
        domain text PRIMARY KEY CHECK (domain = lower(domain)),
        organization_id uuid NOT NULL REFERENCES organization_sso (organization_id) ON DELETE CASCADE
      );
      CREATE INDEX organization_sso_domains_org_idx ON organization_sso_domains (organization_id);

      ${tenantIsolation('organization_sso', 'organization_sso_domains')}

      CREATE FUNCTION app_sso_organization_for_domain(p_domain text)
        RETURNS uuid
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
          SELECT organization_id FROM organization_sso_domains WHERE domain = lower(p_domain)
        $$;
      REVOKE ALL ON FUNCTION app_sso_organization_for_domain(text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_sso_organization_for_domain(text) TO registre_app;

      CREATE FUNCTION app_sso_required(p_user_id uuid)
        RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
          SELECT EXISTS (SELECT 1 FROM memberships m JOIN organization_sso s ON s.organization_id = m.organization_id
                         WHERE m.user_id = p_user_id AND s.require_sso)
        $$;
      REVOKE ALL ON FUNCTION app_sso_required(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_sso_required(uuid) TO registre_app;

      GRANT SELECT, INSERT, UPDATE, DELETE ON organization_sso, organization_sso_domains TO registre_app;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP FUNCTION IF EXISTS app_sso_required(uuid);
      DROP FUNCTION IF EXISTS app_sso_organization_for_domain(text);
      DROP TABLE IF EXISTS organization_sso_domains, organization_sso;
    `);
  }
}
