import { asOfSource, LIVE_SOURCE } from '../activities/activity-list-query';
import type { ActivityRole, ActivityStatus } from '../activities/activity.types';
import type { ExportContext } from './sheet-writer';

/** The columns every batch row has; sheets add theirs through `select`. */
export interface ActivityRowBase {
  id: string;
  reference: string;
  name: string;
  role: ActivityRole;
  status: ActivityStatus;
}

/** Rows per query: large enough to keep round trips few, small enough to keep memory flat. */
export const BATCH_SIZE = 500;

/**
 * The register's activities in reference order, `BATCH_SIZE` at a time (keyset pagination on
 * reference, id), live or as they stood at `ctx.asOf` (each activity's last version written by then:
 * the same sources as the register list). `select` names the expressions of `r` a sheet needs
 * (`r.document -> 'purposes' AS purposes`), so each pass reads only its part of the documents.
 */
export async function* activityBatches<Row extends ActivityRowBase>(ctx: ExportContext, select: string[]): AsyncGenerator<Row[]> {
  const params: unknown[] = [ctx.organizationId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const source = ctx.asOf ? asOfSource(param(ctx.asOf.toISOString())) : LIVE_SOURCE;
  const statusFilter = ctx.statuses?.length ? `AND r.status = ANY(${param(ctx.statuses)}::text[])` : '';
  const after = { reference: param(''), id: param('00000000-0000-0000-0000-000000000000') };
  const limit = param(BATCH_SIZE);
  const sql = `
    SELECT r.id, r.reference, r.name, r.role, r.status${select.map((expression) => `, ${expression}`).join('')}
    FROM (${source}) r
    WHERE (r.reference, r.id) > (${after.reference}, ${after.id}::uuid) ${statusFilter}
    ORDER BY r.reference, r.id
    LIMIT ${limit}`;
  const referenceIndex = params.length - 3;
  for (;;) {
    const rows = await ctx.query<Row>(sql, params);
    if (rows.length > 0) yield rows;
    if (rows.length < BATCH_SIZE) return;
    const last = rows[rows.length - 1];
    params[referenceIndex] = last.reference;
    params[referenceIndex + 1] = last.id;
  }
}
