import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reminder whose deadline is an instant, not a day — a breach's 72 hours (Art 33(1)) run from the
 * hour the controller became aware — keeps that instant, so the reminder says "by 5 December at 14:32"
 * rather than a day that leaves the hours unsaid. `due_date` stays the day (the dedupe key reads it).
 */
export class NotificationDueAt1766100000000 implements MigrationInterface {
  name = 'NotificationDueAt1766100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE notifications ADD COLUMN due_at timestamptz');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE notifications DROP COLUMN due_at');
  }
}
