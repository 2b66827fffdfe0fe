import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: a vendor's contacts (its DPO, the account or security contact: role in words, name,
 * e-mail, telephone).
 *
 * A JSON list on the vendor rather than a table: a contact has no identity or link of its own, it is
 * always read and written with its vendor, under the vendor's version (409 on a stale one), and it
 * belongs in the vendor's snapshot (`vendor_versions`) that the history, the audit trail and the
 * register as of a past date read. A table would add keys, a policy and a write per contact for no
 * query the product makes. The column lives on `vendors`, whose row-level security policy
 * (`tenantIsolation`) and grants already cover it.
 */
export class VendorContacts1765300000000 implements MigrationInterface {
  name = 'VendorContacts1765300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE vendors
        ADD COLUMN contacts jsonb NOT NULL DEFAULT '[]'::jsonb
          CHECK (jsonb_typeof(contacts) = 'array' AND jsonb_array_length(contacts) <= 20);
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE vendors DROP COLUMN contacts;');
  }
}
