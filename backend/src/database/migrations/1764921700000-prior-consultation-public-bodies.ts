import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17 rules.
 *  - Art 36: a DPIA whose residual risk stays high keeps the prior consultation of the supervisory
 *    authority with its decision (`prior_consultation`, the request and, later, the answer).
 *  - Art 6(1) last subparagraph, Art 37(1)(a): the organisation says whether it is a public
 *    authority or body, and its sector; at a public authority, the DPO may record that an
 *    activity falls outside the authority's tasks (`outside_public_tasks`: who, when, why), which lets
 *    its purposes rest on legitimate interests.
 */
export class PriorConsultationPublicBodies1764921700000 implements MigrationInterface {
  name = 'PriorConsultationPublicBodies1764921700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE dpias
        ADD COLUMN prior_consultation jsonb CHECK (prior_consultation IS NULL OR jsonb_typeof(prior_consultation) = 'object');
      ALTER TABLE organizations
        ADD COLUMN public_body boolean NOT NULL DEFAULT false,
        ADD COLUMN sector text;
      ALTER TABLE processing_activities
        ADD COLUMN outside_public_tasks jsonb CHECK (outside_public_tasks IS NULL OR jsonb_typeof(outside_public_tasks) = 'object');
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE processing_activities DROP COLUMN outside_public_tasks;
      ALTER TABLE organizations DROP COLUMN sector, DROP COLUMN public_body;
      ALTER TABLE dpias DROP COLUMN prior_consultation;
    `);
  }
}
