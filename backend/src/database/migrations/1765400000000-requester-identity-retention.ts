import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The request file's own retention (issue #18 item 1).
 *
 * - organizations.requester_identity_retention_months: how long after a request is closed the
 *   requester's identity is kept (1–120 months, 36 by default: see docs/rules.md). Part of the
 *   organisation's settings, versioned and audited with them.
 * - rights_requests.identity_erased_at: when the daily job removed the requester's identity (name
 *   replaced by a neutral label, contact, identity-check method and description cleared). Only a
 *   closed request can have it. Both tables already carry row-level security and the grants.
 */
export class RequesterIdentityRetention1765400000000 implements MigrationInterface {
  name = 'RequesterIdentityRetention1765400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE organizations ADD COLUMN requester_identity_retention_months integer NOT NULL DEFAULT 36
        CONSTRAINT organizations_requester_identity_retention_check CHECK (requester_identity_retention_months BETWEEN 1 AND 120);

      ALTER TABLE rights_requests ADD COLUMN identity_erased_at timestamptz,
        ADD CONSTRAINT rights_requests_identity_erased CHECK (identity_erased_at IS NULL OR closed_at IS NOT NULL);
      -- The job looks for closed requests whose identity is still there.
      CREATE INDEX rights_requests_identity_kept_idx ON rights_requests (organization_id, closed_at)
        WHERE closed_at IS NOT NULL AND identity_erased_at IS NULL;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX IF EXISTS rights_requests_identity_kept_idx;
      ALTER TABLE rights_requests DROP CONSTRAINT IF EXISTS rights_requests_identity_erased, DROP COLUMN IF EXISTS identity_erased_at;
      ALTER TABLE organizations DROP COLUMN IF EXISTS requester_identity_retention_months;
    `);
  }
}
