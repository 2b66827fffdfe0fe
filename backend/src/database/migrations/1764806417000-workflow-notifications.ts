import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workflow notifications (issue 19, item 1). A notification now names who acted (`actor_name`, for
 * "Denis Délégué requested changes on…") and carries its delivery, decided from the recipient's
 * preferences when it is created: `in_app` (listed under the bell) and `by_email` (e-mailed after the
 * commit; one still unsent stays for the weekly digest, which is the outbox's retry).
 * notification_kind_preferences: per user and kind, in-app and/or e-mail; no row = both.
 * Invitations accepted are notified with the membership as their record.
 */
export class WorkflowNotifications1764806417000 implements MigrationInterface {
  name = 'WorkflowNotifications1764806417000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE notifications
        ADD COLUMN actor_name text,
        ADD COLUMN in_app boolean NOT NULL DEFAULT true,
        ADD COLUMN by_email boolean NOT NULL DEFAULT true,
        DROP CONSTRAINT notifications_record_type_check,
        ADD CONSTRAINT notifications_record_type_check CHECK (record_type IN ('activity', 'vendor', 'dpia', 'design_grid', 'membership'));

      CREATE TABLE notification_kind_preferences (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind ~ '^[a-z_]{1,60}$'),
        in_app boolean NOT NULL,
        email boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      );
      GRANT SELECT, INSERT, UPDATE ON notification_kind_preferences TO registre_app;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE IF EXISTS notification_kind_preferences;
      DELETE FROM notifications WHERE record_type = 'membership';
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_record_type_check,
        ADD CONSTRAINT notifications_record_type_check CHECK (record_type IN ('activity', 'vendor', 'dpia', 'design_grid')),
        DROP COLUMN by_email,
        DROP COLUMN in_app,
        DROP COLUMN actor_name;
    `);
  }
}
