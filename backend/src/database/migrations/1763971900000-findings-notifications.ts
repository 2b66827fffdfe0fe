import PgBoss from 'pg-boss';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '../tenant-isolation';

/** The job queue's schema (pg-boss), created here by the owner role: the API's role may not create tables. */
export const JOB_SCHEMA = 'pgboss';

/** Queues the API works on; created here because creating a queue creates a table (a partition). */
export const JOB_QUEUES = {
  reminders: 'registre-reminders',
  weeklyDigest: 'registre-weekly-digest',
  /** pg-boss's own queue for cron schedules (its timekeeper creates it on start unless it exists). */
  cron: '__pgboss__send-it',
} as const;

/**
 * Reminders and notifications: in-app notifications (one per user, record and due date), each user's
 * e-mail preference, e-mails stored when no SMTP server is configured, and the pg-boss job queue.
 *
 * notifications and stored_emails are tenant-owned (organization_id in the key, row-level security);
 * notification_preferences belongs to a user, like users. The pg-boss schema is built from the
 * construction plan of the installed pg-boss version (its own BEGIN/COMMIT removed: the migration
 * runs in a transaction), then the application role gets the rights to use it, not to change it.
 */
export class FindingsNotifications1763971900000 implements MigrationInterface {
  name = 'FindingsNotifications1763971900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notifications (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind ~ '^[a-z_]{1,60}$'),
        record_type text NOT NULL CHECK (record_type IN ('activity', 'vendor', 'dpia', 'design_grid')),
        record_id uuid NOT NULL,
        record_reference text NOT NULL,
        record_name text NOT NULL,
        due_date date,
        -- One notification per user and reminder (kind, record, due date): a job run twice adds nothing.
        dedupe_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        read_at timestamptz,
        -- Set when the notification went out by e-mail (immediately or in the weekly digest).
        emailed_at timestamptz,
        PRIMARY KEY (organization_id, id),
        CONSTRAINT notifications_once UNIQUE (organization_id, user_id, dedupe_key)
      );
      CREATE INDEX notifications_user_idx ON notifications (organization_id, user_id, created_at DESC);
      CREATE INDEX notifications_unsent_idx ON notifications (organization_id, user_id) WHERE emailed_at IS NULL;

      CREATE TABLE notification_preferences (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        email_frequency text NOT NULL DEFAULT 'immediate' CHECK (email_frequency IN ('immediate', 'weekly')),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- E-mails kept instead of sent when no SMTP server is configured (the embedded default):
      -- an administrator reads them in the application.
      CREATE TABLE stored_emails (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        to_address text NOT NULL,
        subject text NOT NULL,
        body_text text NOT NULL,
        body_html text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('fr', 'en')),
        kind text NOT NULL CHECK (kind IN ('immediate', 'digest')),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (organization_id, id)
      );
      CREATE INDEX stored_emails_created_idx ON stored_emails (organization_id, created_at DESC);

      -- Scheduled jobs run outside any request, for every organisation: they list them here, then
      -- work in each one's tenant transaction (row-level security applies).
      CREATE FUNCTION app_organization_ids() RETURNS SETOF uuid
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
          SELECT id FROM organizations ORDER BY id
        $$;
      REVOKE ALL ON FUNCTION app_organization_ids() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_organization_ids() TO registre_app;
    `);

    await queryRunner.query(tenantIsolation('notifications', 'stored_emails'));

    await queryRunner.query(`
      GRANT SELECT, INSERT, UPDATE ON notifications TO registre_app;
      GRANT SELECT, INSERT, UPDATE ON notification_preferences TO registre_app;
      -- Stored e-mails are a record of what would have been sent: written once, never rewritten.
      GRANT SELECT, INSERT ON stored_emails TO registre_app;
    `);

    // pg-boss: its schema, then its queues (each a partition table), then the application role's rights.
    const plan = PgBoss.getConstructionPlans(JOB_SCHEMA)
      .replace(/^\s*BEGIN;\s*$/m, '')
      .replace(/^\s*COMMIT;\s*$/m, '');
    await queryRunner.query(plan);
    for (const queue of Object.values(JOB_QUEUES)) {
      await queryRunner.query(`SELECT ${JOB_SCHEMA}.create_queue($1, $2::json)`, [queue, JSON.stringify({ policy: 'standard' })]);
    }
    await queryRunner.query(`
      GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO registre_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO registre_app;
      -- Queues added by later migrations get the same rights.
      ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOB_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO registre_app;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP SCHEMA IF EXISTS ${JOB_SCHEMA} CASCADE;
      DROP FUNCTION IF EXISTS app_organization_ids();
      DROP TABLE IF EXISTS stored_emails, notification_preferences, notifications;
    `);
  }
}
