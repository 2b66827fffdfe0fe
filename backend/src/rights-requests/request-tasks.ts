import type { EntityManager } from 'typeorm';
import type { RequestActivityTask, RequestProcessorTask, RequestTasks } from '../domain/rights-requests/rights-request.types';

type Request = { organizationId: string; id: string };

/**
 * The vendors a request's work reaches: those of its linked activities (activity_processors) and any
 * vendor a task was recorded for since (an activity unlinked later does not erase that proof).
 */
const REQUEST_VENDORS = `
  SELECT p.vendor_id FROM rights_request_activities l
    JOIN activity_processors p ON p.organization_id = l.organization_id AND p.activity_id = l.activity_id
   WHERE l.organization_id = $1 AND l.request_id = $2
  UNION
  SELECT vendor_id FROM rights_request_processor_tasks WHERE organization_id = $1 AND request_id = $2`;

/** A request's tasks: every linked activity and every vendor of them, with what was recorded (or nulls). */
export async function readRequestTasks(manager: EntityManager, request: Request): Promise<RequestTasks> {
  const params = [request.organizationId, request.id];
  // One after the other: both run on the request's one connection.
  const activities = await manager.query<RequestActivityTask[]>(
      `SELECT l.activity_id AS "activityId", t.extracted_by AS "extractedBy", t.erased_by AS "erasedBy", t.note
         FROM rights_request_activities l
         LEFT JOIN rights_request_activity_tasks t
           ON t.organization_id = l.organization_id AND t.request_id = l.request_id AND t.activity_id = l.activity_id
        WHERE l.organization_id = $1 AND l.request_id = $2
        ORDER BY l.activity_id`,
      params,
    );
  const processors = await manager.query<RequestProcessorTask[]>(
      `SELECT v.id AS "vendorId", v.name AS "vendorName", to_char(t.asked_on, 'YYYY-MM-DD') AS "askedOn",
              to_char(t.confirmed_on, 'YYYY-MM-DD') AS "confirmedOn", t.note
         FROM (${REQUEST_VENDORS}) x
         JOIN vendors v ON v.organization_id = $1 AND v.id = x.vendor_id
         LEFT JOIN rights_request_processor_tasks t ON t.organization_id = $1 AND t.request_id = $2 AND t.vendor_id = v.id
        ORDER BY lower(v.name), v.id`,
      params,
    );
  return { activities, processors };
}

/** The member ids among `ids` that are not members of the organisation. */
export async function unknownMembers(manager: EntityManager, organizationId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await manager.query<{ id: string }[]>(
    `SELECT id FROM unnest($2::uuid[]) AS wanted(id)
      WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = $1 AND m.user_id = wanted.id)`,
    [organizationId, [...new Set(ids)]],
  );
  return rows.map((row) => row.id);
}

const blank = (task: { note: string | null }, ...values: (string | null)[]) => values.every((value) => value === null) && task.note === null;

/** Replaces the request's tasks; a row with nothing recorded is not stored. */
export async function replaceRequestTasks(
  manager: EntityManager,
  request: Request,
  tasks: { activities: RequestActivityTask[]; processors: Omit<RequestProcessorTask, 'vendorName'>[] },
): Promise<void> {
  const params = [request.organizationId, request.id];
  await manager.query('DELETE FROM rights_request_activity_tasks WHERE organization_id = $1 AND request_id = $2', params);
  await manager.query('DELETE FROM rights_request_processor_tasks WHERE organization_id = $1 AND request_id = $2', params);
  const activities = tasks.activities.filter((task) => !blank(task, task.extractedBy, task.erasedBy));
  const processors = tasks.processors.filter((task) => !blank(task, task.askedOn, task.confirmedOn));
  if (activities.length) {
    await manager.query(
      `INSERT INTO rights_request_activity_tasks (organization_id, request_id, activity_id, extracted_by, erased_by, note)
       SELECT $1, $2, t.activity_id, t.extracted_by, t.erased_by, t.note
         FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::text[]) AS t(activity_id, extracted_by, erased_by, note)`,
      [...params, activities.map((t) => t.activityId), activities.map((t) => t.extractedBy), activities.map((t) => t.erasedBy), activities.map((t) => t.note)],
    );
  }
  if (processors.length) {
    await manager.query(
      `INSERT INTO rights_request_processor_tasks (organization_id, request_id, vendor_id, asked_on, confirmed_on, note)
       SELECT $1, $2, t.vendor_id, t.asked_on, t.confirmed_on, t.note
         FROM unnest($3::uuid[], $4::date[], $5::date[], $6::text[]) AS t(vendor_id, asked_on, confirmed_on, note)`,
      [...params, processors.map((t) => t.vendorId), processors.map((t) => t.askedOn), processors.map((t) => t.confirmedOn), processors.map((t) => t.note)],
    );
  }
}
