/**
 * What the signed-in member may do with one activity, from the server's CASL rules and the workflow
 * draft → in_review → validated → archived (and back to draft). Mirrors TRANSITIONS in
 * backend/src/activities/activities.service.ts; the server checks again on every call.
 */
import { activitySubject, type AppAbility } from '@/lib/abilities';

import type { ActivityStatus, Transition } from './types';

export interface ActivityPermissions {
  /** Change the content (never an archived activity: reopen it first). */
  edit: boolean;
  delete: boolean;
  duplicate: boolean;
  transitions: Readonly<Record<Transition, boolean>>;
}

export function activityPermissions(
  ability: AppAbility,
  organizationId: string,
  activity: { ownerId: string | null; departmentId: string | null; status: ActivityStatus },
): ActivityPermissions {
  const record = activitySubject(organizationId, activity);
  const status = activity.status;
  return {
    edit: status !== 'archived' && ability.can('update', record),
    delete: status === 'draft' && ability.can('delete', record),
    duplicate: ability.can('create', 'Activity'),
    transitions: {
      submit: status === 'draft' && ability.can('submit', record),
      validate: status === 'in_review' && ability.can('validate', record),
      archive: status === 'validated' && ability.can('validate', record),
      // Pulling back from review is for whoever may edit it; reopening a validated or archived one is the DPO's.
      reopen:
        (status === 'in_review' && ability.can('update', record)) ||
        ((status === 'validated' || status === 'archived') && ability.can('validate', record)),
    },
  };
}

/** No action at all: the page is read-only for this member. */
export function isReadOnly(permissions: ActivityPermissions): boolean {
  return !permissions.edit && !Object.values(permissions.transitions).some(Boolean) && !permissions.delete;
}
