import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20, item 4: the register as of an instant, with a search, at 10,000 activities.
 *
 * The as-of list reads each activity's last version before the instant and, for a search, computed
 * its search vector from the snapshot at query time: the snapshot decompressed and the text
 * unaccented and split for every activity, then again for the ranking (EXPLAIN ANALYZE at 10,000
 * activities: 1.2 s, nearly all of it in activity_search_vector and jsonb_to_record). The vector is
 * now stored with each version, as `processing_activities.search` is for the live register: a
 * version is never rewritten, so it is computed once, on insert. The status is stored beside it so
 * that a status filter, too, is decided without decompressing the snapshot; only the matching
 * versions' snapshots are then read.
 *
 * Both are generated columns (PostgreSQL computes them, whoever inserts), not mapped by the entity.
 * Adding them rewrites the table once. The table's row-level security and grants cover them.
 */
export class ActivityVersionsSearch1765520000000 implements MigrationInterface {
  name = 'ActivityVersionsSearch1765520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE activity_versions
        ADD COLUMN snapshot_search tsvector GENERATED ALWAYS AS (
          activity_search_vector(snapshot ->> 'reference', snapshot ->> 'name', snapshot ->> 'description', snapshot -> 'purposes')) STORED,
        ADD COLUMN snapshot_status text GENERATED ALWAYS AS (snapshot ->> 'status') STORED;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE activity_versions DROP COLUMN snapshot_status, DROP COLUMN snapshot_search;');
  }
}
