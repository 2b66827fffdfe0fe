import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '../tenant-isolation';

/**
 * The register: processing activities, their full history (one snapshot per change) and the
 * per-organisation counter that numbers them (T-0001, T-0002…).
 *
 * The Article 30 content of an activity (purposes, data, retention, recipients, transfers…) is one
 * JSONB document in the interchange format; the columns hold what lists filter and sort on. Filters
 * on the document run in SQL (containment on a GIN index, jsonb_array_elements), never in memory.
 */
export class ProcessingActivities1763971400000 implements MigrationInterface {
  name = 'ProcessingActivities1763971400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Accent-insensitive search when the unaccent extension can be installed (it is "trusted": the
    // database owner may create it); otherwise the search is accent-sensitive, nothing else changes.
    await queryRunner.query(`
      DO $$
      DECLARE
        extension_schema text;
      BEGIN
        BEGIN
          CREATE EXTENSION IF NOT EXISTS unaccent;
        EXCEPTION WHEN OTHERS THEN
          RAISE NOTICE 'unaccent is not available (%): search stays accent-sensitive', SQLERRM;
        END;
        SELECT n.nspname INTO extension_schema
          FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
          WHERE e.extname = 'unaccent';
        IF extension_schema IS NOT NULL THEN
          EXECUTE format(
            'CREATE FUNCTION registre_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT '
            || 'AS $f$ SELECT %I.unaccent(%L::regdictionary, $1) $f$',
            extension_schema, extension_schema || '.unaccent');
        ELSE
          CREATE FUNCTION registre_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $f$ SELECT $1 $f$;
        END IF;
      END $$;
    `);

    // One definition of what is searchable, used by the stored column and by the as-of register
    // (which searches past snapshots). 'simple': French and English text alike, no stemming.
    await queryRunner.query(`
      CREATE FUNCTION activity_search_vector(reference text, name text, description text, purposes jsonb)
        RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
          SELECT setweight(to_tsvector('simple', registre_unaccent(coalesce(reference, ''))), 'A')
              || setweight(to_tsvector('simple', registre_unaccent(coalesce(name, ''))), 'A')
              || setweight(to_tsvector('simple', registre_unaccent(coalesce(description, ''))), 'B')
              || setweight(to_tsvector('simple', registre_unaccent(coalesce(
                   (SELECT string_agg(purpose ->> 'description', ' ')
                    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(purposes) = 'array' THEN purposes ELSE '[]'::jsonb END) AS purpose),
                   ''))), 'C')
        $$;

      -- A search box query: every word must match, each as a prefix ("recru" finds "Recrutement").
      CREATE FUNCTION activity_search_query(query text)
        RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
          SELECT to_tsquery('simple', coalesce(string_agg('''' || lexeme || ''':*', ' & '), ''))
          FROM unnest(tsvector_to_array(to_tsvector('simple', registre_unaccent(coalesce(query, ''))))) AS lexeme
          WHERE lexeme !~ '[''\\\\:&|!()<>]'
        $$;
    `);

    await queryRunner.query(`
      CREATE TABLE processing_activities (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 40),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        description text,
        department_id uuid,
        owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
        role text NOT NULL CHECK (role IN ('controller', 'joint_controller', 'processor')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'validated', 'archived')),
        next_review_date date,
        document jsonb NOT NULL CHECK (jsonb_typeof(document) = 'object'),
        search tsvector GENERATED ALWAYS AS (activity_search_vector(reference, name, description, document -> 'purposes')) STORED,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        validated_at timestamptz,
        validated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        PRIMARY KEY (organization_id, id),
        CONSTRAINT processing_activities_reference_key UNIQUE (organization_id, reference),
        CONSTRAINT processing_activities_department_fk FOREIGN KEY (organization_id, department_id)
          REFERENCES departments (organization_id, id)
      );
      CREATE INDEX processing_activities_status_idx ON processing_activities (organization_id, status);
      CREATE INDEX processing_activities_department_idx ON processing_activities (organization_id, department_id);
      CREATE INDEX processing_activities_owner_idx ON processing_activities (organization_id, owner_id);
      CREATE INDEX processing_activities_review_idx ON processing_activities (organization_id, next_review_date);
      CREATE INDEX processing_activities_search_idx ON processing_activities USING gin (search);
      -- Containment filters on the document: legal basis of a purpose, DPIA screening decision.
      CREATE INDEX processing_activities_document_idx ON processing_activities USING gin (document jsonb_path_ops);

      -- Full snapshots in the interchange format; the application may add, never rewrite.
      CREATE TABLE activity_versions (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        activity_id uuid NOT NULL,
        number integer NOT NULL CHECK (number >= 1),
        action text NOT NULL,
        snapshot jsonb NOT NULL CHECK (jsonb_typeof(snapshot) = 'object'),
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        author_name text,
        comment text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (organization_id, activity_id, number),
        CONSTRAINT activity_versions_activity_fk FOREIGN KEY (organization_id, activity_id)
          REFERENCES processing_activities (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX activity_versions_as_of_idx ON activity_versions (organization_id, created_at);

      -- Numbers references per organisation: the row is locked by the increment until commit, so
      -- two concurrent creations never get the same number.
      CREATE TABLE activity_reference_counters (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        last_number integer NOT NULL DEFAULT 0,
        PRIMARY KEY (organization_id)
      );
    `);

    await queryRunner.query(`
      ${tenantIsolation('processing_activities', 'activity_versions', 'activity_reference_counters')}

      GRANT SELECT, INSERT, UPDATE, DELETE ON processing_activities TO registre_app;
      -- History is append-only for the application (a deleted draft takes its versions with it
      -- through the foreign key, which runs with the table owner's rights).
      GRANT SELECT, INSERT ON activity_versions TO registre_app;
      GRANT SELECT, INSERT, UPDATE ON activity_reference_counters TO registre_app;
      GRANT EXECUTE ON FUNCTION registre_unaccent(text), activity_search_vector(text, text, text, jsonb), activity_search_query(text) TO registre_app;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE IF EXISTS activity_reference_counters, activity_versions, processing_activities;
      DROP FUNCTION IF EXISTS activity_search_query(text);
      DROP FUNCTION IF EXISTS activity_search_vector(text, text, text, jsonb);
      DROP FUNCTION IF EXISTS registre_unaccent(text);
    `);
  }
}
