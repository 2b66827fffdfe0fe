import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import type { ReviewKind, ReviewQueueItemView } from './dto/review-queue.dto';
import { ACTIVITIES_IN_REVIEW_SQL, ACTIVITIES_SCREENING_UNDECIDED_SQL, joinActivity } from '../activities/directory/activity-directory';

/**
 * What waits for the DPO, oldest first. One query in the request's tenant transaction (row-level
 * security bound to the organisation by the interceptor); `since` is when the record entered the
 * waiting state: the first version of the latest run of versions in that state (activities, vendors),
 * the grid's submission, the DPIA's latest `dpia_submit` audit event.
 */
const QUEUE_SQL = `
  ${ACTIVITIES_IN_REVIEW_SQL}
  UNION ALL
  ${ACTIVITIES_SCREENING_UNDECIDED_SQL}
  UNION ALL
  SELECT 'design_grid', g.id, ga.reference, g.project_name, COALESCE(gu.name, g.created_by_name), COALESCE(g.submitted_at, g.updated_at)
  FROM design_grids g
  ${joinActivity('ga', { table: 'g' }, 'LEFT JOIN')}
  LEFT JOIN users gu ON gu.id = g.created_by
  WHERE g.organization_id = $1 AND g.status = 'submitted'
  UNION ALL
  SELECT 'dpia', d.id, da.reference, da.name, du.name,
         COALESCE((SELECT max(e.occurred_at) FROM audit_events e
                   WHERE e.organization_id = d.organization_id AND e.entity_type = 'Dpia' AND e.entity_id = d.id AND e.action = 'dpia_submit'),
                  d.updated_at)
  FROM dpias d
  ${joinActivity('da', { table: 'd' })}
  LEFT JOIN users du ON du.id = da.owner_id
  WHERE d.organization_id = $1 AND d.status = 'awaiting_dpo_opinion'
  UNION ALL
  -- Art 36: the DPIA's prior consultation awaits the authority's answer (the DPO records it).
  SELECT 'prior_consultation', c.id, ca.reference, ca.name, cu.name, (c.prior_consultation ->> 'recordedAt')::timestamptz
  FROM dpias c
  ${joinActivity('ca', { table: 'c' })}
  LEFT JOIN users cu ON cu.id = ca.owner_id
  WHERE c.organization_id = $1 AND c.prior_consultation IS NOT NULL AND jsonb_typeof(c.prior_consultation -> 'answer') IS DISTINCT FROM 'object'
  UNION ALL
  SELECT 'vendor', w.id, w.name, w.name, entered.author_name, COALESCE(entered.created_at, w.updated_at)
  FROM vendors w
  LEFT JOIN LATERAL (
    SELECT v.created_at, v.author_name FROM vendor_versions v
    WHERE v.organization_id = w.organization_id AND v.vendor_id = w.id
      AND v.number > COALESCE((SELECT max(p.number) FROM vendor_versions p
                               WHERE p.organization_id = w.organization_id AND p.vendor_id = w.id
                                 AND p.snapshot ->> 'status' IS DISTINCT FROM 'under_review'), 0)
    ORDER BY v.number LIMIT 1
  ) AS entered ON true
  WHERE w.organization_id = $1 AND w.status = 'under_review'
  ORDER BY since, kind, record_id`;

@Injectable()
export class ReviewQueueService {
  constructor(private readonly connection: TransactionalConnection) {}

  async queue(organizationId: string): Promise<ReviewQueueItemView[]> {
    const rows = await this.connection.manager.query<
      { kind: ReviewKind; record_id: string; reference: string | null; title: string; owner: string | null; since: Date }[]
    >(QUEUE_SQL, [organizationId]);
    return rows.map((row) => ({
      kind: row.kind,
      recordId: row.record_id,
      reference: row.reference,
      title: row.title,
      since: new Date(row.since).toISOString(),
      owner: row.owner,
    }));
  }
}
