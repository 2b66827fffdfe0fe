import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '../tenant-isolation';

/**
 * Incremental findings (issue 20, item 4). Each activity's own findings — those of the rules that read
 * the activity and the catalogue facts alone — and its completeness score, computed when the activity
 * is written (findings/activity-findings.ts), with the few parts of its document the other rules read. The
 * findings' first request reads these rows instead of every document and running the register rules
 * on each: derived data, valid only while `tuple` is the activity's row version (xmin/ctid: any write,
 * even plain SQL, makes a new one) and `rules_version` the running code's and catalogue's. A row that
 * does not match is ignored and the activity evaluated from its document.
 *
 * `parts` and `findings` are json, not jsonb: they are only ever read whole, and json is sent as
 * stored, without jsonb's conversion back to text.
 */
export class ActivityFindings1765900000000 implements MigrationInterface {
  name = 'ActivityFindings1765900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE activity_findings (
        organization_id uuid NOT NULL,
        activity_id uuid NOT NULL,
        tuple text NOT NULL,
        rules_version text NOT NULL,
        score int NOT NULL,
        parts json NOT NULL,
        findings json NOT NULL,
        PRIMARY KEY (organization_id, activity_id),
        FOREIGN KEY (organization_id, activity_id) REFERENCES processing_activities (organization_id, id) ON DELETE CASCADE
      );
    `);
    await queryRunner.query(tenantIsolation('activity_findings'));
    await queryRunner.query('GRANT SELECT, INSERT, UPDATE, DELETE ON activity_findings TO registre_app;');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS activity_findings;');
  }
}
