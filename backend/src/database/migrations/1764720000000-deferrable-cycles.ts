import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every backup restores (issue 21, item 10). Vendors point to their DPA and TIA documents, and
 * documents point to their vendor: no table order satisfies both foreign keys, so a restore of a
 * vendor whose DPA is one of its documents failed. The foreign keys that close a cycle become
 * DEFERRABLE INITIALLY IMMEDIATE: the application still sees them checked at every statement, and
 * the restore (`SET CONSTRAINTS ALL DEFERRED`, one transaction) has them checked at its commit.
 * backup.spec.ts fails if a later migration adds a cycle whose foreign keys cannot be deferred.
 */
export class DeferrableCycles1764720000000 implements MigrationInterface {
  name = 'DeferrableCycles1764720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE vendors
        ALTER CONSTRAINT vendors_dpa_document_fk DEFERRABLE INITIALLY IMMEDIATE,
        ALTER CONSTRAINT vendors_tia_document_fk DEFERRABLE INITIALLY IMMEDIATE;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE vendors
        ALTER CONSTRAINT vendors_dpa_document_fk NOT DEFERRABLE,
        ALTER CONSTRAINT vendors_tia_document_fk NOT DEFERRABLE;
    `);
  }
}
