import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, item 3: the number of persons from which the organisation's processing is large scale
 * (WP248 criterion 5), set by its DPO. Every screening reads it; the default is the figure the code used
 * before (DEFAULT_SCREENING_THRESHOLDS), so no stored decision changes. The bounds are
 * LARGE_SCALE_PERSONS_RANGE in the shared domain.
 */
export class LargeScaleThreshold1766000000000 implements MigrationInterface {
  name = 'LargeScaleThreshold1766000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE organizations
        ADD COLUMN large_scale_persons integer NOT NULL DEFAULT 10000
          CONSTRAINT organizations_large_scale_persons_range CHECK (large_scale_persons BETWEEN 100 AND 100000000);
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE organizations DROP COLUMN large_scale_persons');
  }
}
