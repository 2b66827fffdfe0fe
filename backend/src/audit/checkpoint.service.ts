import { Inject, Injectable } from '@nestjs/common';
import { canonicalJson } from '../common/diff/field-diff';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { CHECKPOINT_SIGNER, type CheckpointSigner, type SigningKey } from './checkpoint-signer';

export type CheckpointOccasion = 'export' | 'scheduled';

/** A signed head of an organisation's chain, as stored and as shipped in evidence packs. */
export interface Checkpoint {
  id: string;
  organizationId: string;
  lastEventId: string;
  lastSequence: string;
  lastHash: string;
  eventCount: number;
  signedAt: string;
  keyId: string;
  /** Ed25519 signature of `checkpointPayload(…)`, base64. */
  signature: string;
  occasion: CheckpointOccasion;
}

export const CHECKPOINT_FORMAT = 'registre-audit-checkpoint/1';

/**
 * The bytes signed: canonical JSON of the head and the key (mirrored by verify-evidence.mjs). The
 * occasion and row id are bookkeeping, not signed.
 */
export function checkpointPayload(checkpoint: Omit<Checkpoint, 'id' | 'signature' | 'occasion'>): Buffer {
  return Buffer.from(
    canonicalJson({
      format: CHECKPOINT_FORMAT,
      organizationId: checkpoint.organizationId,
      lastEventId: checkpoint.lastEventId,
      lastSequence: checkpoint.lastSequence,
      lastHash: checkpoint.lastHash,
      eventCount: checkpoint.eventCount,
      signedAt: checkpoint.signedAt,
      keyId: checkpoint.keyId,
    }),
    'utf8',
  );
}

const SELECT = `SELECT id, organization_id AS "organizationId", last_event_id AS "lastEventId", last_sequence::text AS "lastSequence",
  last_hash AS "lastHash", event_count::int AS "eventCount", signed_at AS "signedAt", key_id AS "keyId", signature, occasion
  FROM audit_checkpoints`;

/** Signs and reads checkpoints, in the caller's tenant transaction. */
@Injectable()
export class CheckpointService {
  constructor(
    private readonly connection: TransactionalConnection,
    @Inject(CHECKPOINT_SIGNER) private readonly signer: CheckpointSigner,
  ) {}

  /** Signs the current head of the organisation's chain; null when it has no event yet. */
  async sign(organizationId: string, occasion: CheckpointOccasion): Promise<Checkpoint | null> {
    const manager = this.connection.manager;
    // The writers' lock (AuditService): no event can join the chain while its head is read and signed.
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [organizationId]);
    const [head] = await manager.query<{ id: string; sequence: string; hash: string; count: number }[]>(
      `SELECT id, sequence::text AS sequence, hash, (SELECT count(*)::int FROM audit_events WHERE organization_id = $1) AS count
       FROM audit_events WHERE organization_id = $1 ORDER BY audit_events.sequence DESC LIMIT 1`,
      [organizationId],
    );
    if (!head) return null;
    const key = this.signer.currentKey();
    await manager.query('INSERT INTO audit_signing_keys (key_id, algorithm, public_key) VALUES ($1, $2, $3) ON CONFLICT (key_id) DO NOTHING', [
      key.keyId,
      key.algorithm,
      key.publicKey,
    ]);
    const unsigned = {
      organizationId,
      lastEventId: head.id,
      lastSequence: head.sequence,
      lastHash: head.hash,
      eventCount: head.count,
      signedAt: new Date().toISOString(),
      keyId: key.keyId,
    };
    const signature = this.signer.sign(checkpointPayload(unsigned)).toString('base64');
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO audit_checkpoints (organization_id, last_event_id, last_sequence, last_hash, event_count, signed_at, key_id, signature, occasion)
       VALUES ($1, $2, $3::bigint, $4, $5, $6::timestamptz, $7, $8, $9) RETURNING id`,
      [organizationId, unsigned.lastEventId, unsigned.lastSequence, unsigned.lastHash, unsigned.eventCount, unsigned.signedAt, unsigned.keyId, signature, occasion],
    );
    return { id, ...unsigned, signature, occasion };
  }

  /**
   * Signs in a transaction of its own, committed at once: the writers' lock is not held for as long
   * as the caller's (an evidence pack streams for a while), and the checkpoint stands even if the
   * caller fails. The caller's transaction (READ COMMITTED) sees it in its next statements.
   */
  signNow(organizationId: string, occasion: CheckpointOccasion): Promise<Checkpoint | null> {
    return this.connection.withTenant({ organizationId }, () => this.sign(organizationId, occasion));
  }

  /** Signs `content` (an evidence pack's manifest) with the current key. */
  signDocument(content: Buffer): { keyId: string; algorithm: 'Ed25519'; signature: string } {
    const key = this.signer.currentKey();
    return { keyId: key.keyId, algorithm: key.algorithm, signature: this.signer.sign(content).toString('base64') };
  }

  /** Every checkpoint signed by `until` (all when null), oldest first. */
  async list(organizationId: string, until: Date | null = null): Promise<Checkpoint[]> {
    const rows = await this.connection.manager.query<(Omit<Checkpoint, 'signedAt'> & { signedAt: Date })[]>(
      `${SELECT} WHERE organization_id = $1 AND ($2::timestamptz IS NULL OR signed_at <= $2::timestamptz) ORDER BY signed_at, id`,
      [organizationId, until?.toISOString() ?? null],
    );
    return rows.map((row) => ({ ...row, signedAt: row.signedAt.toISOString() }));
  }

  /** The public keys that signed checkpoints (rotated ones included). */
  async keys(keyIds?: string[]): Promise<SigningKey[]> {
    return this.connection.manager.query<SigningKey[]>(
      `SELECT key_id AS "keyId", algorithm, public_key AS "publicKey" FROM audit_signing_keys
       WHERE $1::text[] IS NULL OR key_id = ANY($1::text[]) ORDER BY created_at, key_id`,
      [keyIds ?? null],
    );
  }

  /** The keys a pack ships: those that signed `checkpoints`, and the current one (it signs the manifest). */
  async packKeys(checkpoints: Checkpoint[]): Promise<SigningKey[]> {
    const current = this.signer.currentKey();
    const used = await this.keys([...new Set(checkpoints.map((checkpoint) => checkpoint.keyId))]);
    return [...used.filter((key) => key.keyId !== current.keyId), current];
  }

  /** Signs every organisation's head (the scheduled run), each in its own tenant transaction. */
  async signAll(): Promise<number> {
    const organizations = await this.connection.dataSource.query<{ id: string }[]>('SELECT app_organization_ids() AS id');
    let signed = 0;
    for (const { id } of organizations) {
      if (await this.signNow(id, 'scheduled')) signed += 1;
    }
    return signed;
  }
}
