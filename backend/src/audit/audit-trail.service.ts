import { Injectable } from '@nestjs/common';
import { Page, pageOf } from '../common/http/pagination';
import type { Locale } from '../common/i18n/i18n';
import { translate } from '../common/i18n/i18n';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import type { AuditEvent } from './audit-event.entity';
import { hashEvent, HASH_VERSIONS } from './audit-hash';
import { verifySignature } from './checkpoint-signer';
import { Checkpoint, checkpointPayload, CheckpointService } from './checkpoint.service';
import type { AuditEventView, ChainVerificationView, ChainFailureReason, ListAuditEventsQuery } from './dto/audit.dto';

// Ordering must name audit_events.sequence: the output column `sequence` is text (a bigint for JSON).
const SELECT = `SELECT id, sequence::text AS sequence, occurred_at AS "occurredAt", actor_user_id AS "actorUserId", actor_name AS "actorName",
  action, entity_type AS "entityType", entity_id AS "entityId", entity_label AS "entityLabel", changes, request_id AS "requestId",
  previous_hash AS "previousHash", hash, hash_version AS "hashVersion", organization_id AS "organizationId" FROM audit_events`;

/** Events per query when walking the chain. */
const CHAIN_BATCH = 1000;

const startOf = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
const endOf = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999Z` : value);

/** Reading and checking the audit trail (writing is AuditService's, in each change's transaction). */
@Injectable()
export class AuditTrailService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly checkpoints: CheckpointService,
  ) {}

  async list(organizationId: string, query: ListAuditEventsQuery): Promise<Page<AuditEventView>> {
    const params: unknown[] = [organizationId];
    const where = ['organization_id = $1'];
    const add = (condition: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    if (query.entityType) add((p) => `entity_type = ${p}`, query.entityType);
    if (query.entityId) add((p) => `entity_id = ${p}::uuid`, query.entityId);
    if (query.actorUserId) add((p) => `actor_user_id = ${p}::uuid`, query.actorUserId);
    if (query.action) add((p) => `action = ${p}`, query.action);
    if (query.from) add((p) => `occurred_at >= ${p}::timestamptz`, startOf(query.from));
    if (query.to) add((p) => `occurred_at <= ${p}::timestamptz`, endOf(query.to));
    const filter = where.join(' AND ');
    const manager = this.connection.manager;
    const [items, [{ total }]] = await Promise.all([
      manager.query<(AuditEventView & { requestId?: string; organizationId?: string; hashVersion?: number })[]>(
        `${SELECT} WHERE ${filter} ORDER BY audit_events.sequence DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
        params,
      ),
      manager.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM audit_events WHERE ${filter}`, params),
    ]);
    return pageOf(
      items.map(({ requestId: _requestId, organizationId: _organizationId, hashVersion: _hashVersion, ...event }) => event),
      total,
      query,
    );
  }

  /**
   * The value a record's top-level field had at `at`, from the trail: the `before` of the first change
   * of that field after `at`, or `current` when it has not changed since (every change is audited, in
   * its own transaction). Lets an as-of export read a setting as it stood that day.
   */
  async fieldAt<T>(organizationId: string, entity: { type: string; id: string }, field: string, at: Date, current: T): Promise<T> {
    const [next] = await this.connection.manager.query<{ before: T | null }[]>(
      `SELECT changes -> $4::text -> 'before' AS before FROM audit_events
       WHERE organization_id = $1 AND entity_type = $2 AND entity_id = $3 AND occurred_at > $5 AND changes ? $4::text
       ORDER BY audit_events.sequence LIMIT 1`,
      [organizationId, entity.type, entity.id, field, at],
    );
    return next?.before ?? current;
  }

  /** Events in chain order, `CHAIN_BATCH` at a time, up to `until` when given. */
  async *events(organizationId: string, until: Date | null = null): AsyncGenerator<AuditEvent[]> {
    let after = '0';
    for (;;) {
      const rows = await this.connection.manager.query<AuditEvent[]>(
        `${SELECT} WHERE organization_id = $1 AND sequence > $2::bigint AND ($3::timestamptz IS NULL OR occurred_at <= $3::timestamptz)
         ORDER BY audit_events.sequence LIMIT ${CHAIN_BATCH}`,
        [organizationId, after, until?.toISOString() ?? null],
      );
      if (rows.length > 0) yield rows;
      if (rows.length < CHAIN_BATCH) return;
      after = rows[rows.length - 1].sequence;
    }
  }

  /**
   * Walks the organisation's chain in order: each event's hash must be the hash of its content (by
   * its scheme) and of the previous event's hash, and its previousHash that hash. The first event
   * that breaks either (edited, inserted or following a deleted one) is reported.
   *
   * Then the signed checkpoints (those signed by `until`): each signature must verify with its
   * public key, and the chain must still hold the signed head at the signed position. A chain
   * rewritten and re-hashed from some event on no longer holds the signed head; a chain cut after a
   * checkpoint has fewer events than it counted.
   */
  async verify(organizationId: string, until: Date | null = null, locale: Locale = 'fr'): Promise<ChainVerificationView> {
    const checkpoints = await this.checkpoints.list(organizationId, until);
    const keys = new Map((await this.checkpoints.keys()).map((key) => [key.keyId, key]));
    const result = (checked: number, reason: ChainFailureReason | null, firstInvalidEventId: string | null = null, params: { count?: number } = {}, signedAt?: string): ChainVerificationView => {
      const latest = checkpoints.at(-1);
      return {
        valid: reason === null,
        checked,
        firstInvalidEventId,
        reason,
        message: translate(locale, `audit_trail.verify_${reason ?? 'valid'}`, { checked, checkpoints: checkpoints.length, ...params, ...(signedAt ? { signedAt: readableInstant(signedAt, locale) } : {}) }),
        checkpointsChecked: reason === null ? checkpoints.length : 0,
        latestCheckpoint: latest && reason === null ? { id: latest.id, lastEventId: latest.lastEventId, lastSequence: latest.lastSequence, eventCount: latest.eventCount, signedAt: latest.signedAt, keyId: latest.keyId } : null,
      };
    };
    for (const checkpoint of checkpoints) {
      const key = keys.get(checkpoint.keyId);
      if (!key || !verifySignature(key, checkpointPayload(checkpoint), Buffer.from(checkpoint.signature, 'base64'))) {
        return result(0, 'checkpoint_signature_invalid', null, {}, checkpoint.signedAt);
      }
    }
    const byLastEvent = new Map<string, Checkpoint[]>();
    for (const checkpoint of checkpoints) byLastEvent.set(checkpoint.lastEventId, [...(byLastEvent.get(checkpoint.lastEventId) ?? []), checkpoint]);
    let previous: string | null = null;
    let previousVersion = 1;
    let checked = 0;
    for await (const batch of this.events(organizationId, until)) {
      for (const event of batch) {
        checked += 1;
        // Schemes only move forward: an event set back to v1 (which hashes fewer fields) is forged.
        if (!(HASH_VERSIONS as readonly number[]).includes(event.hashVersion) || event.hashVersion < previousVersion) return result(checked, 'event_altered', event.id);
        if (event.previousHash !== previous) return result(checked, 'chain_broken', event.id);
        if (hashEvent(event) !== event.hash) return result(checked, 'event_altered', event.id);
        for (const checkpoint of byLastEvent.get(event.id) ?? []) {
          if (checkpoint.lastHash !== event.hash || checkpoint.eventCount !== checked || checkpoint.lastSequence !== event.sequence) {
            return result(checked, 'checkpoint_mismatch', event.id, { count: checkpoint.eventCount }, checkpoint.signedAt);
          }
        }
        byLastEvent.delete(event.id);
        previous = event.hash;
        previousVersion = event.hashVersion;
      }
    }
    // A signed head the walk never met: the chain was cut after it, or rewritten up to it.
    const missing = [...byLastEvent.values()].flat().sort((a, b) => b.eventCount - a.eventCount)[0];
    if (missing) {
      const reason = missing.eventCount > checked ? 'truncated' : 'checkpoint_mismatch';
      return result(checked, reason, null, { count: missing.eventCount }, missing.signedAt);
    }
    return result(checked, null);
  }
}

/** A signing instant as a reader says it (Paris time, the product's time zone). */
function readableInstant(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'Europe/Paris' }).format(new Date(iso));
}
