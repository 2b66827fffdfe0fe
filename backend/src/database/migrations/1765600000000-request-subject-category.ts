import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The data-subject category of the person who made a rights request (issue #18 item 4): a code of the
 * data-subject-categories catalogue (shipped or the organisation's own, checked by the API), the one the
 * register's activities were suggested from. Optional: a request may come from someone not yet placed.
 * The table already carries its row-level security and grants.
 */
export class RequestSubjectCategory1765600000000 implements MigrationInterface {
  name = 'RequestSubjectCategory1765600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE rights_requests ADD COLUMN subject_category text CHECK (length(subject_category) BETWEEN 1 AND 100);`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE rights_requests DROP COLUMN IF EXISTS subject_category;');
  }
}
