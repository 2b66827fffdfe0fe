import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '../tenant-isolation';

/**
 * DPIAs (Art 35, CNIL PIA method): one per activity, edited section by section (the sections are one
 * JSONB document), with the DPO's opinion and the decision; each closed revision (validated or refused)
 * is kept whole in dpia_revisions, so a new revision never rewrites what was decided.
 *
 * Every table is tenant-owned: organization_id is in its primary key and in every foreign key to
 * another tenant table, and row-level security limits it to the organisation of the transaction.
 */
export class Dpias1763971600000 implements MigrationInterface {
  name = 'Dpias1763971600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dpias (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        activity_id uuid NOT NULL,
        revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'in_progress', 'awaiting_dpo_opinion', 'validated', 'refused')),
        content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
        dpo_opinion jsonb CHECK (dpo_opinion IS NULL OR jsonb_typeof(dpo_opinion) = 'object'),
        decision text CHECK (decision IN ('validated', 'validated_with_conditions', 'refused')),
        decision_comment text,
        decided_at timestamptz,
        decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
        decided_by_name text,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, id),
        -- A closed status and the decision go together.
        CONSTRAINT dpias_decision_status CHECK (
          (status IN ('validated', 'refused')) = (decision IS NOT NULL)
          AND (decision IS NULL OR (decision = 'refused') = (status = 'refused'))
        ),
        -- An activity with a DPIA cannot be deleted (only drafts can, and they rarely have one).
        CONSTRAINT dpias_activity_fk FOREIGN KEY (organization_id, activity_id)
          REFERENCES processing_activities (organization_id, id)
      );
      -- One DPIA per activity: its successive revisions live in the same row and in dpia_revisions.
      CREATE UNIQUE INDEX dpias_activity_key ON dpias (organization_id, activity_id);
      CREATE INDEX dpias_status_idx ON dpias (organization_id, status);

      -- Closed revisions, whole (content, opinion, decision, the register context of the time).
      CREATE TABLE dpia_revisions (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        dpia_id uuid NOT NULL,
        revision integer NOT NULL CHECK (revision >= 1),
        status text NOT NULL CHECK (status IN ('validated', 'refused')),
        snapshot jsonb NOT NULL CHECK (jsonb_typeof(snapshot) = 'object'),
        closed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (organization_id, dpia_id, revision),
        CONSTRAINT dpia_revisions_dpia_fk FOREIGN KEY (organization_id, dpia_id)
          REFERENCES dpias (organization_id, id) ON DELETE CASCADE
      );
    `);

    await queryRunner.query(tenantIsolation('dpias', 'dpia_revisions'));

    await queryRunner.query(`
      -- A DPIA is never deleted by the application: a refused one stays as the record of the refusal.
      GRANT SELECT, INSERT, UPDATE ON dpias TO registre_app;
      -- Closed revisions are append-only.
      GRANT SELECT, INSERT ON dpia_revisions TO registre_app;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS dpia_revisions, dpias;');
  }
}
