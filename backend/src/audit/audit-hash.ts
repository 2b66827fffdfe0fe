import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/diff/field-diff';
import type { FieldChange } from '../common/diff/field-diff';

/**
 * Hash schemes of audit events. v1 (events written before issue 21) covered the content but not
 * the actor's name, the record's label, the request id nor the event's own id: those could be
 * rewritten unseen. v2 covers every stored field except `sequence`, which the database assigns
 * after the hash is computed; its order is still protected, since each event hashes the previous
 * one and the chain is walked by sequence. Old events keep v1 and verify as v1 (no re-hash).
 *
 * This file is mirrored by the evidence pack's standalone verifier (verify-evidence.mjs, written
 * from `offline-verifier.ts`): change both together, or packs stop verifying.
 */
export const CURRENT_HASH_VERSION = 2;
export const HASH_VERSIONS = [1, 2] as const;
export type HashVersion = (typeof HASH_VERSIONS)[number];

/** Every stored field of an event but its hash and sequence. */
export interface HashableEvent {
  id: string;
  organizationId: string;
  occurredAt: Date | string;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  entityLabel: string | null;
  changes: Record<string, FieldChange>;
  requestId: string | null;
  previousHash: string | null;
  /** Absent: v1 (the scheme of every event written before the column existed). */
  hashVersion?: number;
}

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/** The text hashed for an event, by its scheme. Throws on an unknown scheme (never valid). */
export function hashPayload(event: HashableEvent): string {
  const version = event.hashVersion ?? 1;
  if (version === 1) {
    return canonicalJson({
      organizationId: event.organizationId,
      occurredAt: iso(event.occurredAt),
      actorUserId: event.actorUserId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      changes: event.changes,
      previousHash: event.previousHash,
    });
  }
  if (version === 2) {
    return canonicalJson({
      hashVersion: 2,
      id: event.id,
      organizationId: event.organizationId,
      occurredAt: iso(event.occurredAt),
      actorUserId: event.actorUserId,
      actorName: event.actorName,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      entityLabel: event.entityLabel,
      changes: event.changes,
      requestId: event.requestId,
      previousHash: event.previousHash,
    });
  }
  throw new Error(`Unknown audit hash version ${version}`);
}

export function hashEvent(event: HashableEvent): string {
  return createHash('sha256').update(hashPayload(event)).digest('hex');
}

/** A stored row (snake_case, as `SELECT *` gives it) in the shape hashEvent reads. */
export function storedEvent(row: Record<string, unknown>): HashableEvent {
  return {
    id: row.id as string,
    organizationId: row.organization_id as string,
    occurredAt: row.occurred_at as Date,
    actorUserId: row.actor_user_id as string | null,
    actorName: row.actor_name as string | null,
    action: row.action as string,
    entityType: row.entity_type as string,
    entityId: row.entity_id as string | null,
    entityLabel: row.entity_label as string | null,
    changes: row.changes as Record<string, FieldChange>,
    requestId: row.request_id as string | null,
    previousHash: row.previous_hash as string | null,
    hashVersion: Number(row.hash_version ?? 1),
  };
}
