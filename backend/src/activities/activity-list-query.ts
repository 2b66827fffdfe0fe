import type { ActivitySortKey, ListActivitiesQuery } from './dto/activity.dto';

/**
 * The register list as SQL: every filter runs in PostgreSQL (columns, JSONB containment on the GIN
 * index, full-text on the stored tsvector), and only the requested page is read.
 *
 * Both sources expose the same columns, so the filters, sort and paging are written once:
 *  - live: the activities as they are now;
 *  - as of an instant: each activity's last version written at or before it (DISTINCT ON), read
 *    from its snapshot; activities created later have no such version and are absent.
 */
export const LIVE_SOURCE = `
  SELECT a.id, a.reference, a.name, a.description, a.status, a.role,
         a.department_id, d.name AS department, a.owner_id, u.email AS owner, u.name AS owner_name,
         a.next_review_date, a.version, a.updated_at, a.document, a.search
  FROM processing_activities a
  LEFT JOIN departments d ON d.organization_id = a.organization_id AND d.id = a.department_id
  LEFT JOIN users u ON u.id = a.owner_id
  WHERE a.organization_id = $1`;

/** Each activity's last version written at or before the instant (versions are numbered in time order). */
const latestVersions = (asOf: string) => `
  SELECT activity_id, max(number) AS number FROM activity_versions
  WHERE organization_id = $1 AND created_at <= ${asOf}::timestamptz
  GROUP BY activity_id`;

// The version each activity had at the instant is found on narrow columns first (no snapshot read),
// then its snapshot is read once per activity: jsonb_to_record decompresses it once for every scalar
// field, where one ->> per field would decompress it again each time. The search vector and the status
// are stored with each version (migration 1765520000000): a search or a status filter is decided
// before any snapshot is read, so only the matching versions' snapshots are.
const asOfSource = (asOf: string) => `
  SELECT v.activity_id AS id, s.reference, s.name, s.description, v.snapshot_status AS status, s.role,
         s."departmentId" AS department_id, s.department, s."ownerId" AS owner_id, s.owner, u.name AS owner_name,
         s."nextReviewDate" AS next_review_date, v.number AS version, v.created_at AS updated_at,
         v.snapshot AS document, v.snapshot_search AS search
  FROM (${latestVersions(asOf)}) latest
  JOIN activity_versions v ON v.organization_id = $1 AND v.activity_id = latest.activity_id AND v.number = latest.number
  CROSS JOIN LATERAL jsonb_to_record(v.snapshot) AS s(reference text, name text, description text, role text,
    "departmentId" uuid, department text, "ownerId" uuid, owner text, "nextReviewDate" date)
  LEFT JOIN users u ON u.id = s."ownerId"`;

const SORT_COLUMNS: Record<ActivitySortKey, string> = {
  reference: 'r.reference',
  name: 'lower(registre_unaccent(r.name))',
  status: "array_position(ARRAY['draft', 'in_review', 'validated', 'archived'], r.status)",
  department: 'lower(registre_unaccent(r.department))',
  nextReviewDate: 'r.next_review_date',
  updatedAt: 'r.updated_at',
};

/** `page` rows carry `total`, the number of matches (or null: ask `count`, which also answers a page past the end). */
export interface ListSql {
  page: string;
  pageParams: unknown[];
  count: string;
  countParams: unknown[];
}

export function buildListSql(organizationId: string, query: ListActivitiesQuery): ListSql {
  const params: unknown[] = [organizationId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const asOf = query.asOf ? param(query.asOf) : undefined;
  const source = asOf ? asOfSource(asOf) : LIVE_SOURCE;
  // "Today" for an overdue review is the day of the instant the register is shown at.
  const today = asOf ? `(${asOf}::timestamptz)::date` : 'CURRENT_DATE';

  const where: string[] = [];
  const q = query.q?.trim();
  let searchQuery: string | undefined;
  if (q) {
    searchQuery = `activity_search_query(${param(q)})`;
    where.push(`r.search @@ ${searchQuery}`);
  }
  if (query.status?.length) where.push(`r.status = ANY(${param(query.status)}::text[])`);
  if (query.departmentId) where.push(`r.department_id = ${param(query.departmentId)}::uuid`);
  if (query.ownerId) where.push(`r.owner_id = ${param(query.ownerId)}::uuid`);
  if (query.legalBasis) where.push(`r.document @> ${param(JSON.stringify({ purposes: [{ legalBasis: query.legalBasis }] }))}::jsonb`);
  // Containment on the GIN index, as for the legal basis: a person's category names the activities about them.
  if (query.dataSubject) where.push(`r.document @> ${param(JSON.stringify({ dataSubjects: [{ category: query.dataSubject }] }))}::jsonb`);
  if (query.dpiaDecision) where.push(`r.document @> ${param(JSON.stringify({ dpiaScreening: { decision: query.dpiaDecision } }))}::jsonb`);
  if (query.specialData !== undefined) {
    const special = `EXISTS (SELECT 1 FROM jsonb_array_elements(r.document -> 'dataCategories') AS category
                             JOIN catalogue_entries c ON c.catalogue = 'data-categories' AND c.code = category ->> 'category'
                             WHERE c.facts @> '{"special": true}')`;
    where.push(query.specialData ? special : `NOT ${special}`);
  }
  if (query.reviewOverdue !== undefined) {
    const overdue = `(r.status <> 'archived' AND r.next_review_date IS NOT NULL AND r.next_review_date < ${today})`;
    where.push(query.reviewOverdue ? overdue : `NOT ${overdue}`);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';

  // Sort keys over the rows of `from` (r: every row that passes the filter, p: the page's rows).
  const order = (from: string): string => {
    const keys: string[] = [];
    if (query.sort) {
      const descending = query.sort.startsWith('-');
      const column = SORT_COLUMNS[query.sort.replace(/^-/, '') as ActivitySortKey];
      keys.push(`${column.replace(/\br\./g, `${from}.`)} ${descending ? 'DESC' : 'ASC'} NULLS LAST`);
    } else if (searchQuery) {
      keys.push(from === 'p' ? 'p.rank DESC' : `ts_rank(${from}.search, ${searchQuery}) DESC`);
    }
    keys.push(`${from}.reference ASC`, `${from}.id ASC`);
    return keys.join(', ');
  };

  // Only a search ranks: the as-of search vector is computed from each snapshot, never for nothing.
  const rank = searchQuery ? `ts_rank(r.search, ${searchQuery})` : 'NULL::real';
  // Without a filter, the as-of count needs no snapshot: one version per activity present then. It is
  // then cheaper than counting along the page (which would hold every row back from the top-N sort).
  const countApart = !!asOf && where.length === 0;
  const count = countApart ? `SELECT count(*)::int AS total FROM (${latestVersions(asOf)}) latest` : `SELECT count(*)::int AS total FROM (${source}) r ${filter}`;
  const total = countApart ? 'NULL::int' : 'count(*) OVER ()::int';
  const countParams = [...params];
  // The page is cut on narrow columns; only its rows then read the parts of the document the list
  // shows (each -> decompresses the document: doing it before the sort did it for every match). Each
  // row carries the number of matches, so the filter runs once; `count` serves a page past the end.
  const pageSql = `
    SELECT p.id, p.reference, p.name, p.status, p.role, p.department_id, p.department, p.owner_id, p.owner, p.owner_name,
           to_char(p.next_review_date, 'YYYY-MM-DD') AS next_review_date, p.version, p.updated_at,
           p.document -> 'purposes' AS purposes, p.document -> 'dataSubjects' AS data_subjects,
           p.document -> 'dataCategories' AS data_categories, p.document -> 'dataSubjectInformation' AS data_subject_information,
           p.document -> 'rightsProcedure' AS rights_procedure, p.document -> 'jointControllers' AS joint_controllers,
           p.document -> 'clientControllers' AS client_controllers, p.total
    FROM (
      SELECT r.id, r.reference, r.name, r.status, r.role, r.department_id, r.department, r.owner_id, r.owner, r.owner_name,
             r.next_review_date, r.version, r.updated_at, r.document, ${rank} AS rank, ${total} AS total
      FROM (${source}) r
      ${filter}
      ORDER BY ${order('r')}
      LIMIT ${param(query.pageSize)} OFFSET ${param((query.page - 1) * query.pageSize)}
    ) p
    ORDER BY ${order('p')}`;
  return { page: pageSql, pageParams: params, count, countParams };
}
