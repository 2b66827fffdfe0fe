import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { requestReference } from '../domain/rights-requests/rights-request.types';
import { dateInWords } from '../domain/words/dates';
import { systemActorName } from '../domain/words/system-actors';
import { RightsRequest } from './rights-request.entity';

/** The audit actor of the job: no person acted, the product did, at the organisation's setting. */
export const RETENTION_JOB_ACTOR = systemActorName('retention');

/**
 * "Identité effacée le 3 décembre 2026": what stays in place of the requester's name. The column
 * cannot be empty, and a reader of the database (or an old export) sees in words what happened; the
 * pages show their own label in the reader's language from identity_erased_at.
 */
export function erasedRequesterLabel(erasedAt: Date): string {
  return `Identité effacée le ${dateInWords(erasedAt, 'fr')}`;
}

export interface IdentityRetentionResult {
  organizations: number;
  erased: number;
}

/**
 * Issue #18 item 1: the request file has its own retention. Once a request has been closed for
 * longer than the organisation's `requester_identity_retention_months`, the requester's identity
 * goes (name replaced by a neutral label; contact, identity-check method and description cleared);
 * the register line stays — type, dates, status, answer date — so timeliness can still be shown.
 * Run daily by the jobs service, one tenant transaction per organisation; idempotent (a request
 * already cleared is not picked again), each clearing audited in the same transaction.
 */
@Injectable()
export class IdentityRetentionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  async run(): Promise<IdentityRetentionResult> {
    const organizations = await this.dataSource.query<{ id: string }[]>('SELECT app_organization_ids() AS id');
    let erased = 0;
    for (const { id } of organizations) {
      erased += await this.connection.withTenant({ organizationId: id, actorName: RETENTION_JOB_ACTOR }, () => this.eraseForOrganization(id));
    }
    return { organizations: organizations.length, erased };
  }

  /** In the organisation's tenant transaction: clears the requests past their retention; how many. */
  async eraseForOrganization(organizationId: string): Promise<number> {
    const manager = this.connection.manager;
    // Months counted in PostgreSQL's calendar arithmetic (31 March + 1 month = 30 April).
    const due = await manager.query<{ id: string }[]>(
      `SELECT r.id FROM rights_requests r JOIN organizations o ON o.id = r.organization_id
       WHERE r.organization_id = $1 AND r.closed_at IS NOT NULL AND r.identity_erased_at IS NULL
         AND r.closed_at + make_interval(months => o.requester_identity_retention_months) <= clock_timestamp()
       ORDER BY r.number
       FOR UPDATE OF r`,
      [organizationId],
    );
    const repository = this.connection.getRepository(RightsRequest);
    for (const { id } of due) {
      const row = await repository.findOneByOrFail({ organizationId, id });
      const [{ now }] = await manager.query<{ now: Date }[]>('SELECT clock_timestamp() AS now');
      const cleared = {
        requesterName: erasedRequesterLabel(now),
        requesterContact: null,
        identityCheckMethod: null,
        description: null,
        identityErasedAt: now,
        version: row.version + 1,
        updatedAt: now,
      };
      await repository.update({ organizationId, id }, cleared);
      // The event says which fields went and when, never their old values: the audit trail must not
      // keep the identity the retention removes.
      await this.audit.record({
        action: 'rights_request_identity_erased',
        entityType: 'RightsRequest',
        entityId: id,
        entityLabel: requestReference(row.number),
        before: { identityErasedAt: null },
        after: { identityErasedAt: now.toISOString() },
      });
    }
    return due.length;
  }
}
