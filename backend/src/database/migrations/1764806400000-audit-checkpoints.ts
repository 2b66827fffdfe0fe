import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '../tenant-isolation';

/**
 * An audit chain that proves itself (issue 21, item 1).
 *
 * - `audit_events.hash_version`: existing events keep scheme 1 (they are not re-hashed: their hash
 *   is what earlier evidence packs recorded); the API writes scheme 2, which covers every field.
 * - `audit_signing_keys`: the PUBLIC keys (Ed25519) that signed checkpoints, kept after a rotation
 *   so that older checkpoints still verify. Private keys never enter the database.
 * - `audit_checkpoints`: the signed head of an organisation's chain (last event, sequence, hash,
 *   count, signing instant). Tenant-owned, row-level security, append-only for the application.
 */
export class AuditCheckpoints1764806400000 implements MigrationInterface {
  name = 'AuditCheckpoints1764806400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE audit_events ADD COLUMN hash_version smallint NOT NULL DEFAULT 1
        CONSTRAINT audit_events_hash_version_check CHECK (hash_version IN (1, 2));

      CREATE TABLE audit_signing_keys (
        key_id text PRIMARY KEY CHECK (key_id ~ '^[0-9a-f]{64}$'),
        algorithm text NOT NULL CHECK (algorithm = 'Ed25519'),
        public_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );

      CREATE TABLE audit_checkpoints (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        last_event_id uuid NOT NULL,
        last_sequence bigint NOT NULL,
        last_hash text NOT NULL,
        event_count bigint NOT NULL CHECK (event_count > 0),
        signed_at timestamptz NOT NULL,
        key_id text NOT NULL REFERENCES audit_signing_keys (key_id),
        signature text NOT NULL,
        occasion text NOT NULL CHECK (occasion IN ('export', 'scheduled')),
        PRIMARY KEY (organization_id, id)
      );
      CREATE INDEX audit_checkpoints_org_signed_idx ON audit_checkpoints (organization_id, signed_at);

      ${tenantIsolation('audit_checkpoints')}

      -- Append-only for the application, like the audit trail.
      GRANT SELECT, INSERT ON audit_signing_keys, audit_checkpoints TO registre_app;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE IF EXISTS audit_checkpoints, audit_signing_keys;
      ALTER TABLE audit_events DROP COLUMN IF EXISTS hash_version;
    `);
  }
}
