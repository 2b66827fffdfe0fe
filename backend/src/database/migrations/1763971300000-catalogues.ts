import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '../tenant-isolation';

/**
 * Reference catalogues shipped with the product (no organization_id: reference tables, replicated
 * as such under Citus), and the entries organisations add to the open catalogues.
 */
export class Catalogues1763971300000 implements MigrationInterface {
  name = 'Catalogues1763971300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE catalogue_entries (
        catalogue text NOT NULL,
        code text NOT NULL,
        position integer NOT NULL,
        label_fr text NOT NULL,
        label_en text NOT NULL,
        help_fr text,
        help_en text,
        facts jsonb NOT NULL DEFAULT '{}'::jsonb,
        catalogue_version text NOT NULL,
        PRIMARY KEY (catalogue, code)
      );

      CREATE TABLE organization_catalogue_entries (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        catalogue text NOT NULL,
        code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,62}$'),
        label_fr text NOT NULL,
        label_en text NOT NULL,
        help_fr text,
        help_en text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, catalogue, code)
      );
      ${tenantIsolation('organization_catalogue_entries')}

      GRANT SELECT ON catalogue_entries TO registre_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON organization_catalogue_entries TO registre_app;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS organization_catalogue_entries, catalogue_entries');
  }
}
