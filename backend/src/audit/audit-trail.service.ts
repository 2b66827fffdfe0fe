import { Injectable } from '@nestjs/common';
import { Page, pageOf } from '../common/http/pagination';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import type { AuditEvent } from './audit-event.entity';
import { hashEvent } from './audit.service';
import type { AuditEventView, ChainVerificationView, ListAuditEventsQuery } from './dto/audit.dto';

// Ordering must name audit_events.sequence: the output column `sequence` is text (a bigint for JSON).
const SELECT = `SELECT id, sequence::text AS sequence, occurred_at AS "occurredAt", actor_user_id AS "actorUserId", actor_name AS "actorName",
  action, entity_type AS "entityType", entity_id AS "entityId", entity_label AS "entityLabel", changes, request_id AS "requestId",
  previous_hash AS "previousHash", hash, organization_id AS "organizationId" FROM audit_events`;

/** Events per query when walking the chain. */
const CHAIN_BATCH = 1000;

const startOf = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
const endOf = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999Z` : value);

/** Reading and checking the audit trail (writing is AuditService's, in each change's transaction). */
@Injectable()
export class AuditTrailService {
  constructor(private readonly connection: TransactionalConnection) {}

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
      manager.query<(AuditEventView & { requestId?: string; organizationId?: string })[]>(
        `${SELECT} WHERE ${filter} ORDER BY audit_events.sequence DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
        params,
      ),
      manager.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM audit_events WHERE ${filter}`, params),
    ]);
    return pageOf(
      items.map(({ requestId: _requestId, organizationId: _organizationId, ...event }) => event),
      total,
      query,
    );
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
   * Walks the organisation's chain in order: each event's hash must be the hash of its content and
   * of the previous event's hash, and its previousHash that hash. The first event that breaks either
   * (edited, inserted or following a deleted one) is reported.
   */
  async verify(organizationId: string, until: Date | null = null): Promise<ChainVerificationView> {
    let previous: string | null = null;
    let checked = 0;
    for await (const batch of this.events(organizationId, until)) {
      for (const event of batch) {
        checked += 1;
        if (event.previousHash !== previous || hashEvent(event) !== event.hash) return { valid: false, checked, firstInvalidEventId: event.id };
        previous = event.hash;
      }
    }
    return { valid: true, checked, firstInvalidEventId: null };
  }
}
