import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The factors a breach's risk is assessed on (EDPB Guidelines 9/2022, after the ENISA method they cite),
 * besides its type (natures) and the number of people (approx_persons) already recorded: sensitive data,
 * ease of identification, severity of the consequences, vulnerable people, the controller's
 * characteristics. The table already carries its row-level security and grants.
 */
export class BreachRiskFactors1765710000000 implements MigrationInterface {
  name = 'BreachRiskFactors1765710000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE breaches
        ADD COLUMN risk_sensitive_data boolean NOT NULL DEFAULT false,
        -- NULL: not assessed yet.
        ADD COLUMN risk_identifiability text CHECK (risk_identifiability IN ('low', 'medium', 'high')),
        ADD COLUMN risk_severity text CHECK (risk_severity IN ('low', 'medium', 'high')),
        ADD COLUMN risk_vulnerable_persons boolean NOT NULL DEFAULT false,
        ADD COLUMN risk_controller_characteristics text;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE breaches
        DROP COLUMN IF EXISTS risk_sensitive_data, DROP COLUMN IF EXISTS risk_identifiability, DROP COLUMN IF EXISTS risk_severity,
        DROP COLUMN IF EXISTS risk_vulnerable_persons, DROP COLUMN IF EXISTS risk_controller_characteristics;
    `);
  }
}
