import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '../tenant-isolation';

/**
 * The weekly digest (issue 19, item 6): one e-mail per person and organisation each week, with what
 * changed, what waits for them and what falls due.
 *
 * weekly_digests records each digest sent, one row per organisation, person and week (the Monday, in
 * the jobs' time zone): the job claims the row before sending, so a second run the same week, or a
 * second API process, sends nothing twice. A person opts out with notification_preferences.weekly_digest.
 * stored_emails gains the kind of these e-mails.
 */
export class WeeklyDigests1765100000000 implements MigrationInterface {
  name = 'WeeklyDigests1765100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE weekly_digests (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        -- The Monday of the week the digest covers (Europe/Paris).
        week_start date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
        sent_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (organization_id, user_id, week_start)
      );

      ALTER TABLE notification_preferences ADD COLUMN weekly_digest boolean NOT NULL DEFAULT true;

      ALTER TABLE stored_emails DROP CONSTRAINT stored_emails_kind_check,
        ADD CONSTRAINT stored_emails_kind_check CHECK (kind IN ('immediate', 'digest', 'weekly'));
    `);
    await queryRunner.query(tenantIsolation('weekly_digests'));
    // A sent digest is a fact: written once, never rewritten.
    await queryRunner.query('GRANT SELECT, INSERT ON weekly_digests TO registre_app;');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE IF EXISTS weekly_digests;
      ALTER TABLE notification_preferences DROP COLUMN IF EXISTS weekly_digest;
      DELETE FROM stored_emails WHERE kind = 'weekly';
      ALTER TABLE stored_emails DROP CONSTRAINT stored_emails_kind_check,
        ADD CONSTRAINT stored_emails_kind_check CHECK (kind IN ('immediate', 'digest'));
    `);
  }
}
