import { joinActivity } from '../activities/directory/activity-directory';
import { requestReference } from '../domain/rights-requests/rights-request.types';
import type { IdentityCheckStatus, RequestChannel, RequestStatus, RequestType } from '../domain/rights-requests/rights-request.types';

export type ExportQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/**
 * A rights request as the register export shows it. The requester is left out on purpose: the
 * register proves that requests are answered in time (Art 12(3)); who asked stays in the request file,
 * read by those who handle it (data minimisation, Art 5(1)(c)).
 */
export interface RightsRequestRow {
  reference: string;
  receivedAt: Date;
  channel: RequestChannel;
  type: RequestType;
  description: string | null;
  identityCheckStatus: IdentityCheckStatus;
  status: RequestStatus;
  dueOn: string;
  extendedDueOn: string | null;
  extensionReason: string | null;
  personInformedOn: string | null;
  answerSentAt: Date | null;
  answerChannel: string | null;
  answerSummary: string | null;
  refusalGrounds: string | null;
  closedAt: Date | null;
  activities: string | null;
  /** Who extracts and who erases, per activity (names, not ids); activities without a task left out. */
  activityTasks: { activity: string; extractor: string | null; eraser: string | null; note: string | null }[];
  /** Each vendor of the request's activities: when asked, when it confirmed. */
  processorTasks: { vendor: string; askedOn: string | null; confirmedOn: string | null; note: string | null }[];
  /** Changed after the export's instant: the row shows today's state (the earlier one is not kept). */
  changedSince: boolean;
}

/**
 * The requests received by `asOf` (all, without it), oldest first, each with the activities it touches
 * ("reference name", one a line).
 */
export function readRightsRequestsForExport(query: ExportQuery, organizationId: string, asOf: Date | null): Promise<RightsRequestRow[]> {
  return query<RightsRequestRow & { number: number }>(
    `SELECT r.number, r.received_at AS "receivedAt", r.channel, r.type, r.description,
            r.identity_check_status AS "identityCheckStatus", r.status, to_char(r.due_on, 'YYYY-MM-DD') AS "dueOn",
            to_char(r.extended_due_on, 'YYYY-MM-DD') AS "extendedDueOn", r.extension_reason AS "extensionReason",
            to_char(r.person_informed_on, 'YYYY-MM-DD') AS "personInformedOn", r.answer_sent_at AS "answerSentAt",
            r.answer_channel AS "answerChannel", r.answer_summary AS "answerSummary", r.refusal_grounds AS "refusalGrounds",
            r.closed_at AS "closedAt", ($2::timestamptz IS NOT NULL AND r.updated_at > $2::timestamptz) AS "changedSince",
            (SELECT string_agg(a.reference || ' ' || a.name, E'\\n' ORDER BY a.reference)
               FROM rights_request_activities l ${joinActivity('a', { table: 'l' })}
              WHERE l.organization_id = r.organization_id AND l.request_id = r.id) AS activities,
            (SELECT coalesce(json_agg(json_build_object('activity', a.reference || ' ' || a.name, 'extractor', ux.name, 'eraser', ue.name, 'note', t.note) ORDER BY a.reference), '[]')
               FROM rights_request_activity_tasks t ${joinActivity('a', { table: 't' })}
               LEFT JOIN users ux ON ux.id = t.extracted_by
               LEFT JOIN users ue ON ue.id = t.erased_by
              WHERE t.organization_id = r.organization_id AND t.request_id = r.id) AS "activityTasks",
            (SELECT coalesce(json_agg(json_build_object('vendor', v.name, 'askedOn', t.asked_on, 'confirmedOn', t.confirmed_on, 'note', t.note) ORDER BY lower(v.name)), '[]')
               FROM vendors v
               LEFT JOIN rights_request_processor_tasks t ON t.organization_id = v.organization_id AND t.request_id = r.id AND t.vendor_id = v.id
              WHERE v.organization_id = r.organization_id
                AND (t.vendor_id IS NOT NULL OR v.id IN (SELECT p.vendor_id FROM rights_request_activities l
                                                          JOIN activity_processors p ON p.organization_id = l.organization_id AND p.activity_id = l.activity_id
                                                         WHERE l.organization_id = r.organization_id AND l.request_id = r.id))) AS "processorTasks"
     FROM rights_requests r
     WHERE r.organization_id = $1 AND ($2::timestamptz IS NULL OR r.received_at <= $2::timestamptz)
     ORDER BY r.received_at, r.number`,
    [organizationId, asOf?.toISOString() ?? null],
  ).then((rows) => rows.map(({ number, ...row }) => ({ ...row, reference: requestReference(number) })));
}
