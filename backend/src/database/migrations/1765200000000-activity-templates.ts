import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '../tenant-isolation';

/**
 * An organisation's own activity templates (issue #19 item 4): an activity saved under a name, to
 * start drafts from like the built-in templates. The row keeps the activity's content (purposes,
 * data, retention, recipients, measures…) as it stood when saved, never its owner, department,
 * status or review date, which belong to each new draft.
 *
 * Not versioned: a template is never edited, only saved and deleted (both audited with its content),
 * so there is no concurrent change to guard against and no history beyond the audit trail.
 *
 * Tenant-owned: organization_id first in the primary key and the unique name, row-level security.
 */
export class ActivityTemplates1765200000000 implements MigrationInterface {
  name = 'ActivityTemplates1765200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE activity_templates (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 300),
        description text,
        role text NOT NULL,
        -- The activity's content keys (ActivityContent), as the register stores them.
        content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
        -- The reference of the activity it was saved from, in words for the list (the activity may go).
        source_reference text,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id)
      );
      -- Two templates of one organisation never share a name (in any case): the list shows names.
      CREATE UNIQUE INDEX activity_templates_name_key ON activity_templates (organization_id, lower(name));

      ${tenantIsolation('activity_templates')}

      -- Saved and deleted, never edited.
      GRANT SELECT, INSERT, DELETE ON activity_templates TO registre_app;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS activity_templates');
  }
}
