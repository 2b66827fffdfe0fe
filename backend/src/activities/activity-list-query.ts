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

const asOfSource = (asOf: string) => `
  SELECT v.activity_id AS id, v.snapshot ->> 'reference' AS reference, v.snapshot ->> 'name' AS name,
         v.snapshot ->> 'description' AS description, v.snapshot ->> 'status' AS status, v.snapshot ->> 'role' AS role,
         (v.snapshot ->> 'departmentId')::uuid AS department_id, v.snapshot ->> 'department' AS department,
         (v.snapshot ->> 'ownerId')::uuid AS owner_id, v.snapshot ->> 'owner' AS owner, u.name AS owner_name,
         (v.snapshot ->> 'nextReviewDate')::date AS next_review_date, v.number AS version, v.created_at AS updated_at,
         v.snapshot AS document,
         activity_search_vector(v.snapshot ->> 'reference', v.snapshot ->> 'name', v.snapshot ->> 'description', v.snapshot -> 'purposes') AS search
  FROM (SELECT DISTINCT ON (activity_id) activity_id, number, snapshot, created_at
        FROM activity_versions
        WHERE organization_id = $1 AND created_at <= ${asOf}::timestamptz
        ORDER BY activity_id, number DESC) v
  LEFT JOIN users u ON u.id = (v.snapshot ->> 'ownerId')::uuid`;

const SORT_COLUMNS: Record<ActivitySortKey, string> = {
  reference: 'r.reference',
  name: 'lower(registre_unaccent(r.name))',
  status: "array_position(ARRAY['draft', 'in_review', 'validated', 'archived'], r.status)",
  department: 'lower(registre_unaccent(r.department))',
  nextReviewDate: 'r.next_review_date',
  updatedAt: 'r.updated_at',
};

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

  const order: string[] = [];
  if (query.sort) {
    const descending = query.sort.startsWith('-');
    const column = SORT_COLUMNS[query.sort.replace(/^-/, '') as ActivitySortKey];
    order.push(`${column} ${descending ? 'DESC' : 'ASC'} NULLS LAST`);
  } else if (searchQuery) {
    order.push(`ts_rank(r.search, ${searchQuery}) DESC`);
  }
  order.push('r.reference ASC', 'r.id ASC');

  const count = `SELECT count(*)::int AS total FROM (${source}) r ${filter}`;
  const countParams = [...params];
  const pageSql = `
    SELECT r.id, r.reference, r.name, r.status, r.role, r.department_id, r.department, r.owner_id, r.owner, r.owner_name,
           to_char(r.next_review_date, 'YYYY-MM-DD') AS next_review_date, r.version, r.updated_at,
           r.document -> 'purposes' AS purposes, r.document -> 'dataSubjects' AS data_subjects,
           r.document -> 'dataCategories' AS data_categories, r.document -> 'dataSubjectInformation' AS data_subject_information,
           r.document -> 'rightsProcedure' AS rights_procedure, r.document -> 'jointControllers' AS joint_controllers,
           r.document -> 'clientControllers' AS client_controllers
    FROM (${source}) r
    ${filter}
    ORDER BY ${order.join(', ')}
    LIMIT ${param(query.pageSize)} OFFSET ${param((query.page - 1) * query.pageSize)}`;
  return { page: pageSql, pageParams: params, count, countParams };
}
