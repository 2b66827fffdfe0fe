import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { AppException } from '../../common/errors/app-exception';
import { TransactionalConnection } from '../../common/request-context/transactional-connection';
import type { ActivityContent, ActivityRole, ActivitySnapshot, ActivityStatus } from '../../domain/activities/activity.types';
import type { ActivityFields } from '../activity-access';
import { toSnapshot } from '../activity-document';
import type { ProcessingActivity } from '../activity.entity';

/** An activity as a workbook import compares it with a row of the file. */
export interface CurrentActivity {
  id: string;
  version: number;
  fields: ActivityFields;
  snapshot: ActivitySnapshot;
  ownerIsMember: boolean;
}

/** What other modules may know of an activity: enough to label it, link to it and authorise on it. */
export interface ActivitySummary {
  id: string;
  reference: string;
  name: string;
  status: string;
  ownerId: string | null;
  departmentId: string | null;
}

/** One transfer row as the activity records it (country code, mechanism code, recipient as typed). */
export interface RecordedTransfer {
  country: string;
  mechanism: string | null;
  recipient: string | null;
}

/** The record of the DPO stating that a public authority's activity falls outside its public tasks. */
export interface OutsidePublicTasksRecord {
  reason: string;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: string;
}

/** The parts of an activity's document the register's rules (findings, dashboard) read. */
export const RULE_DOCUMENT_KEYS = [
  'purposes',
  'dataSubjects',
  'dataCategories',
  'dataSubjectInformation',
  'rightsProcedure',
  'jointControllers',
  'clientControllers',
  'processors',
  'transfers',
  'dpiaScreening',
] as const satisfies readonly (keyof ActivityContent)[];

/** An activity as the rules read it: its columns and the parts of its document they use. */
export type ActivityRuleRow = {
  id: string;
  reference: string;
  name: string;
  status: ActivityStatus;
  role: ActivityRole;
  departmentId: string | null;
  ownerId: string | null;
  /** YYYY-MM-DD */
  nextReviewDate: string | null;
  updatedAt: Date;
} & Pick<ActivityContent, (typeof RULE_DOCUMENT_KEYS)[number]>;

/**
 * A row version of an activity (xmin and ctid): every write makes a new one, whatever the writer
 * (even plain SQL, even twice in one transaction), so an unchanged tuple is an unchanged row.
 */
export interface ActivityTuple {
  id: string;
  tuple: string;
}

/**
 * SQL expression (`$1` is the organisation): the count of the organisation's activities and the XOR
 * of a hash of each one's id and tuple. Any insert, update or delete changes it; reads no document.
 */
export const ACTIVITIES_FINGERPRINT_SQL = `(SELECT count(*) || ':' || coalesce(bit_xor(hashtextextended(id::text || '@' || xmin::text || ctid::text, 0)), 0)
  FROM processing_activities WHERE organization_id = $1)`;

/** The jsonb_to_record column of each rule key: text for the free texts, jsonb for the rest. */
const RULE_DOCUMENT_COLUMNS = RULE_DOCUMENT_KEYS.map((key) => `"${key}" ${key === 'dataSubjectInformation' || key === 'rightsProcedure' ? 'text' : 'jsonb'}`).join(', ');

/** The activity's columns the rules read, with its tuple (`a` is processing_activities). */
export const RULE_ROW_COLUMNS = `a.id, a.xmin::text || '/' || a.ctid::text AS tuple, a.reference, a.name, a.status, a.role,
  a.department_id AS "departmentId", a.owner_id AS "ownerId", to_char(a.next_review_date, 'YYYY-MM-DD') AS "nextReviewDate", a.updated_at AS "updatedAt"`;

/** The activity's tuple as RULE_ROW_COLUMNS gives it. */
export const ACTIVITY_TUPLE_SQL = "a.xmin::text || '/' || a.ctid::text";

type Query = (sql: string, params: unknown[]) => Promise<unknown[]>;

/**
 * The rule rows of the organisation's activities (all, in reference order, or those of `ids`),
 * with any query function: the directory's, or a script's client (the synthetic generator).
 */
export async function readRuleRows(query: Query, organizationId: string, ids?: readonly string[]): Promise<(ActivityRuleRow & { tuple: string })[]> {
  if (ids && !ids.length) return [];
  // A document written before a field existed may lack it: null here, as in jsonb_to_record.
  type Stored = { [key in keyof ActivityRuleRow]: ActivityRuleRow[key] | null } & { tuple: string };
  const rows = (await query(
    `SELECT ${RULE_ROW_COLUMNS}, ${RULE_DOCUMENT_KEYS.map((key) => `d."${key}"`).join(', ')}
     FROM processing_activities a CROSS JOIN LATERAL jsonb_to_record(a.document) AS d(${RULE_DOCUMENT_COLUMNS})
     WHERE a.organization_id = $1 ${ids ? 'AND a.id = ANY($2::uuid[])' : 'ORDER BY a.reference'}`,
    ids ? [organizationId, ids] : [organizationId],
  )) as Stored[];
  return rows.map((row) => ({
    id: row.id!,
    tuple: row.tuple,
    reference: row.reference!,
    name: row.name!,
    status: row.status!,
    role: row.role!,
    departmentId: row.departmentId,
    ownerId: row.ownerId,
    nextReviewDate: row.nextReviewDate,
    updatedAt: row.updatedAt!,
    ...ruleDocumentParts(row),
  }));
}

/** The document parts of a rule row, with their defaults for a document that lacks them. */
export function ruleDocumentParts(row: { [key in (typeof RULE_DOCUMENT_KEYS)[number]]?: ActivityContent[key] | null }): Pick<ActivityRuleRow, (typeof RULE_DOCUMENT_KEYS)[number]> {
  return {
    purposes: row.purposes ?? [],
    dataSubjects: row.dataSubjects ?? [],
    dataCategories: row.dataCategories ?? [],
    dataSubjectInformation: row.dataSubjectInformation ?? null,
    rightsProcedure: row.rightsProcedure ?? null,
    jointControllers: row.jointControllers ?? [],
    clientControllers: row.clientControllers ?? [],
    processors: row.processors ?? [],
    transfers: row.transfers ?? [],
    dpiaScreening: row.dpiaScreening!,
  };
}

const SUMMARY_COLUMNS = 'id, reference, name, status, owner_id AS "ownerId", department_id AS "departmentId"';

/**
 * SQL fragment joining the activity of a row that carries `organization_id` and an activity id column
 * (`JOIN processing_activities <alias> ON …`). Set-based queries of other modules (lists sorted by
 * reference, the review queue) join through it, so the table and its keys are named in this module only.
 */
export function joinActivity(alias: string, from: { table: string; column?: string }, kind: 'JOIN' | 'LEFT JOIN' = 'JOIN'): string {
  const column = from.column ?? 'activity_id';
  return `${kind} processing_activities ${alias} ON ${alias}.organization_id = ${from.table}.organization_id AND ${alias}.id = ${from.table}.${column}`;
}

/**
 * The activities awaiting the DPO's review, as rows of the review queue (kind, record_id, reference,
 * title, owner, since; `$1` is the organisation): `since` is the first version of the latest run of
 * versions in review.
 */
export const ACTIVITIES_IN_REVIEW_SQL = `
  SELECT 'activity' AS kind, a.id AS record_id, a.reference, a.name AS title, u.name AS owner,
         COALESCE((SELECT min(v.created_at) FROM activity_versions v
                   WHERE v.organization_id = a.organization_id AND v.activity_id = a.id
                     AND v.number > COALESCE((SELECT max(p.number) FROM activity_versions p
                                              WHERE p.organization_id = a.organization_id AND p.activity_id = a.id
                                                AND p.snapshot ->> 'status' IS DISTINCT FROM 'in_review'), 0)),
                  a.updated_at) AS since
  FROM processing_activities a LEFT JOIN users u ON u.id = a.owner_id
  WHERE a.organization_id = $1 AND a.status = 'in_review'`;

/**
 * Activities whose DPIA screening meets one criterion and awaits the DPO's decision (the stored
 * decision `to_assess`, settled by the shared screening at each save), without a DPIA started and
 * not archived; since: the last change of the activity.
 */
export const ACTIVITIES_SCREENING_UNDECIDED_SQL = `
  SELECT 'dpia_screening' AS kind, s.id AS record_id, s.reference, s.name AS title, su.name AS owner, s.updated_at AS since
  FROM processing_activities s LEFT JOIN users su ON su.id = s.owner_id
  WHERE s.organization_id = $1 AND s.status <> 'archived' AND s.document -> 'dpiaScreening' ->> 'decision' = 'to_assess'
    AND NOT EXISTS (SELECT 1 FROM dpias sd WHERE sd.organization_id = s.organization_id AND sd.activity_id = s.id)`;

/**
 * The activities created, validated or archived since `$2` (`$1` is the organisation), from the audit
 * trail, with the activity as it is now and what the authorization rules test on it (for the weekly
 * digest's "what changed"); an activity deleted since is left out.
 */
export const ACTIVITY_CHANGES_SQL = `
  SELECT CASE e.action WHEN 'validate' THEN 'activity_validated' WHEN 'archive' THEN 'activity_archived' ELSE 'activity_created' END AS kind,
         'activity' AS record_type, a.id AS record_id, a.reference, a.name, e.occurred_at,
         a.owner_id, a.department_id, a.status, NULL::uuid AS recorded_by, NULL::int AS number
  FROM audit_events e JOIN processing_activities a ON a.organization_id = e.organization_id AND a.id = e.entity_id
  WHERE e.organization_id = $1 AND e.occurred_at >= $2 AND e.entity_type = 'Activity'
    AND e.action IN ('create', 'duplicate', 'import', 'validate', 'archive')`;

/**
 * Activities sent back to their owner: drafts whose latest version asks for changes (type, id,
 * reference, name, user_id = the owner; `$1` is the organisation).
 */
export const ACTIVITIES_CHANGES_REQUESTED_SQL = `
  SELECT 'activity' AS type, a.id, a.reference, a.name, a.owner_id AS user_id
  FROM processing_activities a
  WHERE a.organization_id = $1 AND a.status = 'draft' AND a.owner_id IS NOT NULL
    AND (SELECT v.action FROM activity_versions v WHERE v.organization_id = a.organization_id AND v.activity_id = a.id
         ORDER BY v.number DESC LIMIT 1) = 'request_changes'`;

/**
 * The activities module's read port for the rest of the backend: findings, DPIAs, grids, evidence,
 * breaches, rights requests and vendors ask it rather than reading `processing_activities` themselves.
 * It depends on nothing but the request's connection, so any module can import it without a cycle.
 */
@Injectable()
export class ActivityDirectory {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  async summary(organizationId: string, id: string): Promise<ActivitySummary | null> {
    const [row] = await this.connection.manager.query<ActivitySummary[]>(`SELECT ${SUMMARY_COLUMNS} FROM processing_activities WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      id,
    ]);
    return row ?? null;
  }

  /** How many activities the organisation's register holds, whatever their status. */
  async count(organizationId: string): Promise<number> {
    const [row] = await this.connection.manager.query<{ count: number }[]>('SELECT count(*)::int AS count FROM processing_activities WHERE organization_id = $1', [organizationId]);
    return row.count;
  }

  /** "T-0001 Name" for each id found, in reference order (ids of other organisations are not found). */
  async labels(organizationId: string, ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.connection.manager.query<{ label: string }[]>(
      "SELECT reference || ' ' || name AS label FROM processing_activities WHERE organization_id = $1 AND id = ANY($2::uuid[]) ORDER BY reference",
      [organizationId, ids],
    );
    return rows.map((row) => row.label);
  }

  /** Name, reference and Article 30 content of each activity found, in reference order (what an Art 15 answer tells). */
  async contents(organizationId: string, ids: readonly string[]): Promise<(Pick<ActivitySummary, 'id' | 'reference' | 'name'> & { content: ActivityContent })[]> {
    if (!ids.length) return [];
    return this.connection.manager.query(
      'SELECT id, reference, name, document AS content FROM processing_activities WHERE organization_id = $1 AND id = ANY($2::uuid[]) ORDER BY reference',
      [organizationId, ids],
    );
  }

  /** The id of each reference that names an activity of the organisation (references not found are absent). */
  async idsByReference(organizationId: string, references: readonly string[]): Promise<Map<string, string>> {
    if (!references.length) return new Map();
    const rows = await this.connection.manager.query<{ id: string; reference: string }[]>(
      'SELECT id, reference FROM processing_activities WHERE organization_id = $1 AND reference = ANY($2::text[])',
      [organizationId, references],
    );
    return new Map(rows.map((row) => [row.reference, row.id]));
  }

  /**
   * The activities holding these references as a workbook import compares them: id, version, the
   * fields authorization reads, the snapshot (as `ActivityQueries.snapshot` builds it) and whether
   * the owner is still a member. One query for the whole file.
   */
  async currentByReference(organizationId: string, references: readonly string[]): Promise<Map<string, CurrentActivity>> {
    if (!references.length) return new Map();
    const rows = await this.connection.manager.query<(ProcessingActivity & { department: string | null; owner: string | null; ownerIsMember: boolean })[]>(
      `SELECT a.organization_id AS "organizationId", a.id, a.reference, a.name, a.description, a.department_id AS "departmentId", a.owner_id AS "ownerId",
              a.role, a.status, to_char(a.next_review_date, 'YYYY-MM-DD') AS "nextReviewDate", a.document, a.version,
              d.name AS department, u.email AS owner,
              EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = a.organization_id AND m.user_id = a.owner_id) AS "ownerIsMember"
       FROM processing_activities a
       LEFT JOIN departments d ON d.organization_id = a.organization_id AND d.id = a.department_id
       LEFT JOIN users u ON u.id = a.owner_id
       WHERE a.organization_id = $1 AND a.reference = ANY($2::text[])`,
      [organizationId, references],
    );
    return new Map(
      rows.map((row) => [
        row.reference,
        {
          id: row.id,
          version: row.version,
          fields: { organizationId: row.organizationId, ownerId: row.ownerId, departmentId: row.departmentId, status: row.status },
          snapshot: toSnapshot(row, { department: row.department, owner: row.owner }),
          ownerIsMember: row.ownerIsMember,
        },
      ]),
    );
  }

  /** The ids among `ids` that are not activities of the organisation. */
  async unknownIds(organizationId: string, ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const found = await this.connection.manager.query<{ id: string }[]>('SELECT id FROM processing_activities WHERE organization_id = $1 AND id = ANY($2::uuid[])', [
      organizationId,
      ids,
    ]);
    const known = new Set(found.map((row) => row.id));
    return ids.filter((id) => !known.has(id));
  }

  /** Each activity's row version, in reference order: what changed since a previous read, without reading a document. */
  async tuples(organizationId: string): Promise<ActivityTuple[]> {
    return this.connection.manager.query<ActivityTuple[]>(
      "SELECT id, xmin::text || '/' || ctid::text AS tuple FROM processing_activities WHERE organization_id = $1 ORDER BY reference",
      [organizationId],
    );
  }

  /**
   * The activities as the rules read them (all of them in reference order, or those of `ids`), each
   * with its tuple. The document is decompressed once per row (jsonb_to_record), where one -> per
   * key would decompress it again for each; the parts the rules do not read never leave PostgreSQL.
   */
  async ruleRows(organizationId: string, ids?: readonly string[]): Promise<(ActivityRuleRow & { tuple: string })[]> {
    return readRuleRows((sql, params) => this.connection.manager.query(sql, params), organizationId, ids);
  }

  /** Every transfer recorded by the organisation's activities that are not archived. */
  async liveTransfers(organizationId: string): Promise<RecordedTransfer[]> {
    return this.connection.manager.query<RecordedTransfer[]>(
      `SELECT t ->> 'country' AS country, t ->> 'mechanism' AS mechanism, t ->> 'recipient' AS recipient
       FROM processing_activities a, jsonb_array_elements(a.document -> 'transfers') AS t
       WHERE a.organization_id = $1 AND a.status <> 'archived'`,
      [organizationId],
    );
  }

  /**
   * Art 6(1) last subparagraph: at a public authority, the DPO records that an activity falls outside
   * the authority's tasks (its purposes may then rest on legitimate interests), or withdraws it
   * (`reason` null). The row is locked, and the change audited on the activity in the request's transaction.
   */
  async setOutsidePublicTasks(organizationId: string, activityId: string, reason: string | null): Promise<{ reference: string; record: OutsidePublicTasksRecord | null }> {
    const manager = this.connection.manager;
    const [activity] = await manager.query<{ reference: string; outside_public_tasks: OutsidePublicTasksRecord | null }[]>(
      'SELECT reference, outside_public_tasks FROM processing_activities WHERE organization_id = $1 AND id = $2 FOR UPDATE',
      [organizationId, activityId],
    );
    if (!activity) throw AppException.notFound();
    const context = this.connection.context;
    const [{ now }] = await manager.query<{ now: Date }[]>('SELECT clock_timestamp() AS now');
    const record: OutsidePublicTasksRecord | null = reason
      ? { reason, recordedBy: context.userId ?? null, recordedByName: context.actorName ?? null, recordedAt: now.toISOString() }
      : null;
    await manager.query('UPDATE processing_activities SET outside_public_tasks = $3 WHERE organization_id = $1 AND id = $2', [
      organizationId,
      activityId,
      record ? JSON.stringify(record) : null,
    ]);
    await this.audit.record({
      action: reason ? 'outside_public_tasks_record' : 'outside_public_tasks_withdraw',
      entityType: 'Activity',
      entityId: activityId,
      entityLabel: activity.reference,
      before: { outsidePublicTasks: activity.outside_public_tasks?.reason ?? null },
      after: { outsidePublicTasks: record?.reason ?? null },
    });
    return { reference: activity.reference, record };
  }
}
