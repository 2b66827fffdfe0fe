import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '../tenant-isolation';

/**
 * Adequacy over time (issue 17, item 6). A partial adequacy decision (Art 45(1): Canada, Japan, Korea,
 * the US Data Privacy Framework) covers only some recipients: the DPO confirms once per recipient that
 * it is in scope, with why. Each confirmation is a row, never rewritten: the latest one per recipient
 * and country counts, and the register as of a date reads the ones made by then. It names the decision
 * it was made under, so a new decision asks again.
 */
export class AdequacyConfirmations1765650000000 implements MigrationInterface {
  name = 'AdequacyConfirmations1765650000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE adequacy_confirmations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        -- The recipient as named (a vendor's name, or an activity transfer's recipient), matched in lower
        -- case like transfers match vendors: renaming a vendor asks again, as the recipient may differ.
        recipient text NOT NULL CHECK (length(recipient) BETWEEN 1 AND 200),
        country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        decision text NOT NULL CHECK (length(decision) BETWEEN 1 AND 300),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        confirmed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        confirmed_by_name text,
        confirmed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX adequacy_confirmations_recipient ON adequacy_confirmations (organization_id, lower(recipient), country, confirmed_at DESC);
    `);
    await queryRunner.query(tenantIsolation('adequacy_confirmations'));
    // A confirmation is a fact of its day: written once, never rewritten.
    await queryRunner.query('GRANT SELECT, INSERT ON adequacy_confirmations TO registre_app;');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS adequacy_confirmations;');
  }
}
