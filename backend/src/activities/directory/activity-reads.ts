/**
 * Typed reads of the register for code that runs outside a Nest provider with a query function of its
 * own (the workbook sheets and the evidence pack read through the export's snapshot transaction). The
 * activities' tables are named here, in the activities module, and nowhere in the callers.
 */
import type { ActivitySnapshot } from '../../domain/activities/activity.types';

/** A query in the caller's transaction (the export context's, or the request's manager). */
export type RegisterQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/**
 * Each activity's status: now, or as of an instant (its last version written by then; an activity
 * created after the instant is absent).
 */
export async function activityStatuses(query: RegisterQuery, organizationId: string, asOf: Date | null): Promise<Map<string, string>> {
  const rows = asOf
    ? await query<{ id: string; status: string }>(
        `SELECT DISTINCT ON (activity_id) activity_id AS id, snapshot ->> 'status' AS status FROM activity_versions
         WHERE organization_id = $1 AND created_at <= $2::timestamptz ORDER BY activity_id, number DESC`,
        [organizationId, asOf.toISOString()],
      )
    : await query<{ id: string; status: string }>('SELECT id, status FROM processing_activities WHERE organization_id = $1', [organizationId]);
  return new Map(rows.map((row) => [row.id, row.status]));
}

/**
 * One activity's document with its reference, name and description: now, or as of an instant (its
 * version then); null when it did not exist (then) or is not the organisation's.
 */
export async function activityDocument(query: RegisterQuery, organizationId: string, activityId: string, asOf: Date | null): Promise<ActivitySnapshot | null> {
  const [row] = asOf
    ? await query<{ document: ActivitySnapshot }>(
        `SELECT snapshot AS document FROM activity_versions WHERE organization_id = $1 AND activity_id = $2 AND created_at <= $3::timestamptz ORDER BY number DESC LIMIT 1`,
        [organizationId, activityId, asOf.toISOString()],
      )
    : await query<{ document: ActivitySnapshot }>(
        `SELECT document || jsonb_build_object('reference', reference, 'name', name, 'description', description) AS document
         FROM processing_activities WHERE organization_id = $1 AND id = $2`,
        [organizationId, activityId],
      );
  return row?.document ?? null;
}
