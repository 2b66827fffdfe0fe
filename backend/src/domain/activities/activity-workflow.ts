import type { Action } from '../authorization/ability-vocabulary';
import type { ActivityStatus } from './activity.types';

export const ACTIVITY_TRANSITIONS = ['submit', 'validate', 'archive', 'reopen', 'request_changes'] as const;
export type ActivityTransition = (typeof ACTIVITY_TRANSITIONS)[number];

export interface ActivityTransitionRule {
  from: readonly ActivityStatus[];
  to: ActivityStatus;
  /** The CASL action checked on the record, which may depend on where it starts from. */
  permission: (from: ActivityStatus) => Action;
}

/**
 * The workflow draft → in_review → validated → archived, and back to draft to amend: validating,
 * archiving and reopening a validated or archived activity are the DPO's; pulling back an activity
 * under review is for whoever may edit it. The server applies it; the web app reads it to offer
 * only the transitions the member may make (the server checks again on every call).
 */
export const ACTIVITY_TRANSITION_RULES: Record<ActivityTransition, ActivityTransitionRule> = {
  submit: { from: ['draft'], to: 'in_review', permission: () => 'submit' },
  validate: { from: ['in_review'], to: 'validated', permission: () => 'validate' },
  archive: { from: ['validated'], to: 'archived', permission: () => 'validate' },
  reopen: { from: ['in_review', 'validated', 'archived'], to: 'draft', permission: (from) => (from === 'in_review' ? 'update' : 'validate') },
  // The DPO sends it back to draft; the version's comment says what to change.
  request_changes: { from: ['in_review'], to: 'draft', permission: () => 'validate' },
};
