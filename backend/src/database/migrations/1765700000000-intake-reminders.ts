import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders of the rights-request and breach registers (issue #18 item 3): a notification may now name
 * a rights request or a breach as its record. The table already carries its row-level security and grants.
 */
export class IntakeReminders1765700000000 implements MigrationInterface {
  name = 'IntakeReminders1765700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_record_type_check,
        ADD CONSTRAINT notifications_record_type_check
          CHECK (record_type IN ('activity', 'vendor', 'dpia', 'design_grid', 'membership', 'rights_request', 'breach'));
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE FROM notifications WHERE record_type IN ('rights_request', 'breach');
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_record_type_check,
        ADD CONSTRAINT notifications_record_type_check CHECK (record_type IN ('activity', 'vendor', 'dpia', 'design_grid', 'membership'));
    `);
  }
}
