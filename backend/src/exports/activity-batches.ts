import { LIVE_SOURCE } from '../activities/activity-list-query';
import type { ActivityContent, ActivityRole, ActivityStatus } from '../domain/activities/activity.types';
import type { ExportContext } from './sheet-writer';

/** The columns every batch row has; sheets add theirs through `select`. */
export interface ActivityRowBase {
  id: string;
  reference: string;
  name: string;
  role: ActivityRole;
  status: ActivityStatus;
}

/**
 * The whole activity document: the register sheet needs it, so the detail sheets, written in the same
 * pass (exports/sheets/activity-sheet.ts), read their parts from it rather than have them sent again.
 */
export const DOCUMENT = ['r.document'];
export type DocumentRow = ActivityRowBase & { document: ActivityContent };

/** Rows per query: large enough to keep round trips few, small enough to keep memory flat. */
export const BATCH_SIZE = 1000;

/** The version of each activity at the export's instant, in reference order (read once per export). */
interface VersionKeys {
  ids: string[];
  numbers: number[];
}

/** Each activity's last version written by the instant: the as-of register (as the register list). */
async function versionKeys(ctx: ExportContext): Promise<VersionKeys> {
  const cached = ctx.shared.get('versionKeys') as VersionKeys | undefined;
  if (cached) return cached;
  const rows = await ctx.query<{ activity_id: string; number: number }>(
    `SELECT activity_id, number FROM (
       SELECT DISTINCT ON (activity_id) activity_id, number, snapshot ->> 'reference' AS reference, snapshot ->> 'status' AS status
       FROM activity_versions WHERE organization_id = $1 AND created_at <= $2::timestamptz
       ORDER BY activity_id, number DESC) v
     WHERE ($3::text[] IS NULL OR v.status = ANY($3::text[]))
     ORDER BY v.reference, v.activity_id`,
    [ctx.organizationId, ctx.asOf!.toISOString(), ctx.statuses],
  );
  const keys = { ids: rows.map((row) => row.activity_id), numbers: rows.map((row) => row.number) };
  ctx.shared.set('versionKeys', keys);
  return keys;
}

/** The as-of rows of a batch of version keys, with the same columns as the live source. */
const AS_OF_BATCH = `
  SELECT v.activity_id AS id, v.snapshot ->> 'reference' AS reference, v.snapshot ->> 'name' AS name,
         v.snapshot ->> 'description' AS description, v.snapshot ->> 'status' AS status, v.snapshot ->> 'role' AS role,
         (v.snapshot ->> 'departmentId')::uuid AS department_id, v.snapshot ->> 'department' AS department,
         (v.snapshot ->> 'ownerId')::uuid AS owner_id, v.snapshot ->> 'owner' AS owner, u.name AS owner_name,
         (v.snapshot ->> 'nextReviewDate')::date AS next_review_date, v.number AS version, v.snapshot AS document, k.position
  FROM unnest($2::uuid[], $3::int[]) WITH ORDINALITY AS k(activity_id, number, position)
  JOIN activity_versions v ON v.organization_id = $1 AND v.activity_id = k.activity_id AND v.number = k.number
  LEFT JOIN users u ON u.id = (v.snapshot ->> 'ownerId')::uuid`;

/**
 * The register's activities in reference order, `BATCH_SIZE` at a time, live or as they stood at
 * `ctx.asOf`. `select` names the expressions of `r` a sheet needs (`r.document -> 'purposes' AS
 * purposes`), so each pass reads only its part of the documents.
 *  - live: keyset pagination on the reference (unique per organisation, indexed), one query a batch;
 *  - as of an instant: the version of each activity then is listed once (ids and numbers only), and
 *    each batch reads those versions by primary key.
 */
export async function* activityBatches<Row extends ActivityRowBase>(ctx: ExportContext, select: string[]): AsyncGenerator<Row[]> {
  const columns = `r.id, r.reference, r.name, r.role, r.status${select.map((expression) => `, ${expression}`).join('')}`;
  // Each batch's query is sent before the previous batch is handed over, so PostgreSQL reads the next
  // rows while the sheet writes these (the export waited on the database for about half its time).
  let next: Promise<Row[]> | null;
  let fetchAfter: (rows: Row[]) => Promise<Row[]> | null;
  if (ctx.asOf) {
    const keys = await versionKeys(ctx);
    const sql = `SELECT ${columns} FROM (${AS_OF_BATCH}) r ORDER BY r.position`;
    let start = 0;
    const fetch = () => {
      const batch = ctx.query<Row>(sql, [ctx.organizationId, keys.ids.slice(start, start + BATCH_SIZE), keys.numbers.slice(start, start + BATCH_SIZE)]);
      start += BATCH_SIZE;
      return batch;
    };
    next = keys.ids.length > 0 ? fetch() : null;
    fetchAfter = () => (start < keys.ids.length ? fetch() : null);
  } else {
    const statusFilter = ctx.statuses?.length ? 'AND r.status = ANY($4::text[])' : '';
    const sql = `SELECT ${columns} FROM (${LIVE_SOURCE}) r WHERE r.reference > $2 ${statusFilter} ORDER BY r.reference LIMIT $3`;
    const fetch = (after: string) => ctx.query<Row>(sql, statusFilter ? [ctx.organizationId, after, BATCH_SIZE, ctx.statuses] : [ctx.organizationId, after, BATCH_SIZE]);
    next = fetch('');
    fetchAfter = (rows) => (rows.length < BATCH_SIZE ? null : fetch(rows[rows.length - 1].reference));
  }
  try {
    while (next) {
      const rows = await next;
      next = fetchAfter(rows);
      if (rows.length > 0) yield rows;
    }
  } finally {
    // A reader that stops early (a failed sheet) leaves the prefetched batch unread: its failure is not news.
    next?.catch(() => undefined);
  }
}
