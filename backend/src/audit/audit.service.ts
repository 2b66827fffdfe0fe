import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager, QueryDeepPartialEntity } from 'typeorm';
import { diffFields } from '../common/diff/field-diff';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { AuditEvent } from './audit-event.entity';
import { CURRENT_HASH_VERSION, hashEvent, type HashableEvent } from './audit-hash';

// Scripts (docker/ops/verify-audit-chain.js) and tests import the hash from here.
export { hashEvent, storedEvent } from './audit-hash';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | null;
  entityLabel?: string | null;
  before?: object | null;
  after?: object | null;
}

/** Fields that change on every write and say nothing a reader needs. */
const NOISE = ['version', 'updatedAt', 'createdAt'];

/**
 * Writes audit events in the caller's transaction, so a change and its event commit together.
 * Events of one organisation form a hash chain: each hash covers the event and the previous hash,
 * so a deleted or edited event breaks the chain. The id is chosen here because the v2 hash covers it.
 */
@Injectable()
export class AuditService {
  constructor(private readonly connection: TransactionalConnection) {}

  async record(input: AuditInput): Promise<AuditEvent> {
    const { manager, organizationId, previousHash } = await this.lockChain();
    const event = manager.getRepository(AuditEvent).create(this.eventOf(input, organizationId, previousHash, new Date()));
    event.hash = hashEvent(event);
    // insert, not save: save first SELECTs the row by its (new) id to choose between INSERT and UPDATE.
    // The JSONB `changes` is plain JSON; TypeORM's deep-partial type cannot see through its record type.
    await manager.getRepository(AuditEvent).insert(event as QueryDeepPartialEntity<AuditEvent>);
    return event;
  }

  /**
   * Many events in one go (an import): the lock and the last hash are taken once, the chain is
   * computed in memory in the order given, and the rows are inserted in chunks whose order sets
   * their sequence, so the chain walked by sequence is the one hashed here.
   */
  async recordMany(inputs: AuditInput[]): Promise<void> {
    if (inputs.length === 0) return;
    const chain = await this.lockChain();
    const { manager, organizationId } = chain;
    let previousHash = chain.previousHash;
    const occurredAt = new Date();
    for (let start = 0; start < inputs.length; start += AUDIT_CHUNK) {
      const rows = inputs.slice(start, start + AUDIT_CHUNK).map((input) => {
        const event: HashableEvent & { hash?: string } = this.eventOf(input, organizationId, previousHash, occurredAt);
        event.hash = previousHash = hashEvent(event);
        return event;
      });
      // WITH ORDINALITY … ORDER BY: the identity sequence follows the order of the chain.
      await manager.query(
        `INSERT INTO audit_events (organization_id, id, occurred_at, actor_user_id, actor_name, action, entity_type, entity_id, entity_label, changes, request_id, previous_hash, hash, hash_version)
         SELECT $1, (e ->> 'id')::uuid, (e ->> 'occurredAt')::timestamptz, (e ->> 'actorUserId')::uuid, e ->> 'actorName', e ->> 'action', e ->> 'entityType',
                (e ->> 'entityId')::uuid, e ->> 'entityLabel', e -> 'changes', e ->> 'requestId', e ->> 'previousHash', e ->> 'hash', (e ->> 'hashVersion')::smallint
         FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS r(e, position)
         ORDER BY r.position`,
        [organizationId, JSON.stringify(rows)],
      );
    }
  }
  /**
   * The organisation's chain, locked until the transaction ends (one writer at a time keeps it linear
   * under concurrent requests), and its last hash.
   */
  private async lockChain(): Promise<{ manager: EntityManager; organizationId: string; previousHash: string | null }> {
    const context = this.connection.context;
    const organizationId = context.organizationId;
    if (!organizationId) throw new Error('An audit event needs the organisation of the current transaction');
    const manager = context.manager;
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [organizationId]);
    const [last] = await manager.query<{ hash: string }[]>('SELECT hash FROM audit_events WHERE organization_id = $1 ORDER BY sequence DESC LIMIT 1', [organizationId]);
    return { manager, organizationId, previousHash: last?.hash ?? null };
  }

  /** One event as hashed: by the request's author, its changes as a field diff. */
  private eventOf(input: AuditInput, organizationId: string, previousHash: string | null, occurredAt: Date): HashableEvent {
    const context = this.connection.context;
    return {
      id: randomUUID(),
      organizationId,
      occurredAt,
      actorUserId: context.userId ?? null,
      actorName: context.actorName ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      entityLabel: input.entityLabel ?? null,
      changes: diffFields(asRecord(input.before), asRecord(input.after), NOISE),
      requestId: context.requestId || null,
      previousHash,
      hashVersion: CURRENT_HASH_VERSION,
    };
  }
}

/** Rows per INSERT of recordMany: large enough to save round trips, small enough to keep one statement's JSON modest. */
const AUDIT_CHUNK = 1000;

function asRecord(value: object | null | undefined): Record<string, unknown> | null {
  return value ? (value as Record<string, unknown>) : null;
}
