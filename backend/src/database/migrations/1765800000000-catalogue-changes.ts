import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '../tenant-isolation';

/**
 * Adequacy decisions that change (issue 17, item 6). The catalogue sync records each change a new
 * catalogue version makes to a country's adequacy decision (adopted, ended, annulled, validity moved,
 * scope changed), with the day it takes effect: a global fact like the catalogue entries themselves,
 * no tenant, read by every organisation. The daily job then tells each organisation's DPOs once per
 * change, naming the transfers and vendors concerned: `adequacy_change_notices` records that an
 * organisation was assessed for a change (with what was found, even nothing), so it is never told twice.
 */
export class CatalogueChanges1765800000000 implements MigrationInterface {
  name = 'CatalogueChanges1765800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE catalogue_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        catalogue text NOT NULL,
        code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('adopted', 'withdrawn', 'ended', 'annulled', 'valid_until_changed', 'scope_changed')),
        decision text NOT NULL,
        -- The decision's scope after the change (null when it was withdrawn from the catalogue).
        scope text CHECK (scope IN ('full', 'partial')),
        effective_on date,
        catalogue_version text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX catalogue_changes_recorded ON catalogue_changes (recorded_at);

      CREATE TABLE adequacy_change_notices (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        change_id uuid NOT NULL REFERENCES catalogue_changes (id) ON DELETE CASCADE,
        transfers integer NOT NULL CHECK (transfers >= 0),
        vendors integer NOT NULL CHECK (vendors >= 0),
        -- Up to a few of the records concerned, as named when the notice was made: [{type, id, reference, name}].
        records jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(records) = 'array'),
        noticed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (organization_id, change_id)
      );

      ALTER TABLE notifications
        DROP CONSTRAINT notifications_record_type_check,
        ADD CONSTRAINT notifications_record_type_check
          CHECK (record_type IN ('activity', 'vendor', 'dpia', 'design_grid', 'membership', 'rights_request', 'breach', 'adequacy_change'));
    `);
    await queryRunner.query(tenantIsolation('adequacy_change_notices'));
    await queryRunner.query(`
      GRANT SELECT ON catalogue_changes TO registre_app;
      -- A notice is a fact of its day: written once, never rewritten.
      GRANT SELECT, INSERT ON adequacy_change_notices TO registre_app;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE FROM notifications WHERE record_type = 'adequacy_change';
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_record_type_check,
        ADD CONSTRAINT notifications_record_type_check
          CHECK (record_type IN ('activity', 'vendor', 'dpia', 'design_grid', 'membership', 'rights_request', 'breach'));
      DROP TABLE IF EXISTS adequacy_change_notices, catalogue_changes;
    `);
  }
}
