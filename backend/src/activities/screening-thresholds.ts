import type { EntityManager } from 'typeorm';
import type { AuditTrailService } from '../audit/audit-trail.service';
import { DEFAULT_SCREENING_THRESHOLDS, type ScreeningThresholds } from '../domain/activities/screening-criteria';

/**
 * The organisation's screening thresholds, as its DPO set them in the settings (organizations row).
 * `share`: a new activity (creation, import, a design grid's draft) holds them until commit, so a
 * threshold changed meanwhile waits for it and then screens it again with the others; an edit does
 * not need to (the change locks the activity rows, and reads each one after the edit commits).
 */
export async function screeningThresholdsOf(manager: Pick<EntityManager, 'query'>, organizationId: string, share = false): Promise<ScreeningThresholds> {
  const [row] = await manager.query<{ large_scale_persons: number }[]>(
    `SELECT large_scale_persons FROM organizations WHERE id = $1${share ? ' FOR SHARE' : ''}`,
    [organizationId],
  );
  return row ? { largeScalePersons: row.large_scale_persons } : DEFAULT_SCREENING_THRESHOLDS;
}

/**
 * The thresholds as they stood at `at` (null: now): today's figure, or the one the organisation's audit
 * trail says was in force then — for the register as of a date and a past version of an activity.
 */
export async function screeningThresholdsAt(
  manager: Pick<EntityManager, 'query'>,
  trail: Pick<AuditTrailService, 'fieldAt'>,
  organizationId: string,
  at: Date | null,
): Promise<ScreeningThresholds> {
  const current = await screeningThresholdsOf(manager, organizationId);
  if (!at) return current;
  const organization = { type: 'Organization', id: organizationId };
  return { largeScalePersons: await trail.fieldAt(organizationId, organization, 'largeScalePersons', at, current.largeScalePersons) };
}
