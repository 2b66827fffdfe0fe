import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '../tenant-isolation';

/**
 * Users, sessions, organisations (tenants), memberships, departments and the audit trail,
 * with row-level security on every tenant-owned table.
 *
 * Tenant-owned tables carry organization_id in their primary key and in every foreign key to
 * another tenant table, so a child row can never point into another organisation and the
 * schema can be distributed by organisation (Citus) as is.
 */
export class Foundation1763971200000 implements MigrationInterface {
  name = 'Foundation1763971200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The application role: no ownership, no BYPASSRLS. Created here when the owner may create
    // roles; the embedded bootstrap creates it as a login role beforehand.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'registre_app') THEN
          CREATE ROLE registre_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
        BEGIN
          -- Lets an owner connection switch to the application role (SET ROLE) when no
          -- DATABASE_APP_URL is configured.
          EXECUTE format('GRANT registre_app TO %I', current_user);
        EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN
          RAISE NOTICE 'registre_app not granted to %', current_user;
        END;
      END $$;
    `);

    await queryRunner.query(`
      CREATE FUNCTION app_current_organization_id() RETURNS uuid
        LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid $$;
      CREATE FUNCTION app_current_user_id() RETURNS uuid
        LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;
    `);

    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        name text NOT NULL,
        locale text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_normalised CHECK (email = lower(email))
      );
      CREATE UNIQUE INDEX users_email_key ON users (email);

      -- express-session store (connect-pg-simple layout), shared by every API process.
      CREATE TABLE sessions (
        sid varchar NOT NULL PRIMARY KEY,
        sess json NOT NULL,
        expire timestamp(6) NOT NULL
      );
      CREATE INDEX sessions_expire_idx ON sessions (expire);

      -- Failed sign-in attempts, counted per account and per IP across every API process.
      CREATE TABLE login_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        attempt_key text NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX login_attempts_key_time_idx ON login_attempts (attempt_key, attempted_at);
    `);

    await queryRunner.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        legal_name text,
        registration_number text,
        address text,
        country char(2),
        legal_representative text,
        dpo_name text,
        dpo_email text,
        dpo_phone text,
        eu_representative_name text,
        eu_representative_address text,
        eu_representative_email text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE departments (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id)
      );
      CREATE UNIQUE INDEX departments_name_key ON departments (organization_id, lower(name));

      CREATE TABLE memberships (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('admin', 'dpo', 'contributor', 'auditor')),
        department_id uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        CONSTRAINT memberships_user_key UNIQUE (organization_id, user_id),
        CONSTRAINT memberships_department_fk FOREIGN KEY (organization_id, department_id)
          REFERENCES departments (organization_id, id)
      );
      CREATE INDEX memberships_user_idx ON memberships (user_id);

      -- Append-only audit trail with a per-organisation hash chain (each event hashes the previous one).
      CREATE TABLE audit_events (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        sequence bigint GENERATED ALWAYS AS IDENTITY,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_user_id uuid,
        actor_name text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid,
        entity_label text,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id text,
        previous_hash text,
        hash text NOT NULL,
        PRIMARY KEY (organization_id, id)
      );
      CREATE INDEX audit_events_org_sequence_idx ON audit_events (organization_id, sequence);
      CREATE INDEX audit_events_entity_idx ON audit_events (organization_id, entity_type, entity_id);
    `);

    // Row-level security: the application only ever sees the organisation set in the transaction
    // (app.organization_id), plus its own memberships and their organisations (app.user_id).
    await queryRunner.query(`
      ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
      CREATE POLICY organizations_read ON organizations FOR SELECT
        USING (id = app_current_organization_id()
               OR EXISTS (SELECT 1 FROM memberships m
                          WHERE m.organization_id = organizations.id AND m.user_id = app_current_user_id()));
      CREATE POLICY organizations_insert ON organizations FOR INSERT
        WITH CHECK (id = app_current_organization_id());
      CREATE POLICY organizations_update ON organizations FOR UPDATE
        USING (id = app_current_organization_id()) WITH CHECK (id = app_current_organization_id());
      CREATE POLICY organizations_delete ON organizations FOR DELETE
        USING (id = app_current_organization_id());

      ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
      CREATE POLICY memberships_read ON memberships FOR SELECT
        USING (organization_id = app_current_organization_id() OR user_id = app_current_user_id());
      CREATE POLICY memberships_write ON memberships FOR ALL
        USING (organization_id = app_current_organization_id())
        WITH CHECK (organization_id = app_current_organization_id());

      ${tenantIsolation('departments', 'audit_events')}
    `);

    // Membership lookup for the authorization guard, which runs before the request transaction:
    // answers only "which role has this user in this organisation".
    await queryRunner.query(`
      CREATE FUNCTION app_membership(p_organization_id uuid, p_user_id uuid)
        RETURNS TABLE (role text, department_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
          SELECT m.role, m.department_id FROM memberships m
          WHERE m.organization_id = p_organization_id AND m.user_id = p_user_id
        $$;
      REVOKE ALL ON FUNCTION app_membership(uuid, uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_membership(uuid, uuid) TO registre_app;

      GRANT USAGE ON SCHEMA public TO registre_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON users, sessions, login_attempts,
        organizations, memberships, departments TO registre_app;
      -- The audit trail is append-only for the application.
      GRANT SELECT, INSERT ON audit_events TO registre_app;
      GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO registre_app;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP FUNCTION IF EXISTS app_membership(uuid, uuid);
      DROP TABLE IF EXISTS audit_events, memberships, departments, organizations, login_attempts, sessions, users;
      DROP FUNCTION IF EXISTS app_current_user_id();
      DROP FUNCTION IF EXISTS app_current_organization_id();
    `);
  }
}
