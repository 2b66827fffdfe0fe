import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '../tenant-isolation';

/**
 * The ten-question design grid: one row per project, its answers (JSONB keyed by question), the DPO's
 * comment per question, and the link to the draft activity it produced with, per activity field,
 * what the grid last wrote there (to tell a direct edit of the DPO from the grid's own writes).
 *
 * Tenant-owned: organization_id is in the primary key and in every foreign key to another tenant
 * table, and row-level security limits it to the organisation of the transaction.
 */
export class DesignGrids1763971700000 implements MigrationInterface {
  name = 'DesignGrids1763971700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE design_grids (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_name text NOT NULL CHECK (length(project_name) BETWEEN 1 AND 300),
        department_id uuid,
        pitch text,
        answers jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(answers) = 'object'),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'changes_requested', 'accepted')),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        activity_id uuid,
        -- Per activity field: { mapped, written }, the answers' value and the draft's value at the last write.
        sync_state jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(sync_state) = 'object'),
        -- Per question: the DPO's latest comment { text, authorId, authorName, at }.
        comments jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(comments) = 'object'),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_by_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        reviewed_at timestamptz,
        reviewed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        PRIMARY KEY (organization_id, id),
        -- A deleted department or draft leaves the grid in place, unlinked.
        CONSTRAINT design_grids_department_fk FOREIGN KEY (organization_id, department_id)
          REFERENCES departments (organization_id, id) ON DELETE SET NULL (department_id),
        CONSTRAINT design_grids_activity_fk FOREIGN KEY (organization_id, activity_id)
          REFERENCES processing_activities (organization_id, id) ON DELETE SET NULL (activity_id)
      );
      -- One grid per activity: the activity page finds "its" grid.
      CREATE UNIQUE INDEX design_grids_activity_key ON design_grids (organization_id, activity_id) WHERE activity_id IS NOT NULL;
      CREATE INDEX design_grids_status_idx ON design_grids (organization_id, status, updated_at);
      CREATE INDEX design_grids_creator_idx ON design_grids (organization_id, created_by);

      ${tenantIsolation('design_grids')}

      -- Grids are not deleted by the application (the audit trail and the activity refer to them).
      GRANT SELECT, INSERT, UPDATE ON design_grids TO registre_app;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS design_grids');
  }
}
