/**
 * What the signed-in member may do with one activity, from the server's CASL rules and the workflow
 * draft → in_review → validated → archived (and back to draft), the server's own transition table
 * (domain/activities/activity-workflow.ts); the server checks again on every call.
 */
import { ACTIVITY_TRANSITION_RULES, type ActivityTransition } from '@domain/activities/activity-workflow';

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
  const may = (transition: ActivityTransition) => {
    const rule = ACTIVITY_TRANSITION_RULES[transition];
    return rule.from.includes(status) && ability.can(rule.permission(status), record);
  };
  return {
    edit: status !== 'archived' && ability.can('update', record),
    delete: status === 'draft' && ability.can('delete', record),
    duplicate: ability.can('create', 'Activity'),
    transitions: { submit: may('submit'), validate: may('validate'), archive: may('archive'), reopen: may('reopen') },
  };
}

/** No action at all: the page is read-only for this member. */
export function isReadOnly(permissions: ActivityPermissions): boolean {
  return !permissions.edit && !Object.values(permissions.transitions).some(Boolean) && !permissions.delete;
}
