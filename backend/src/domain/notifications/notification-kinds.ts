/** Notification kinds and e-mail frequencies, without dependencies: the frontend imports them too. */

/** Reminders: made by the daily job from due dates. */
export const REMINDER_KINDS = [
  'activity_review_due',
  'activity_review_overdue',
  'vendor_review_due',
  'vendor_review_overdue',
  'dpia_action_due',
  'dpia_action_overdue',
  'grid_awaiting_dpo',
  'rights_request_due',
  'rights_request_overdue',
  'breach_notification_due',
  'breach_notification_overdue',
] as const;

/** Workflow events: made in the transaction of the change that someone else made. */
export const WORKFLOW_KINDS = [
  'grid_submitted',
  'grid_changes_requested',
  'activity_submitted',
  'activity_changes_requested',
  'activity_validated',
  'activity_reopened',
  'activity_archived',
  'dpia_awaiting_opinion',
  'dpia_decision_recorded',
  'vendor_proposed',
  'invitation_accepted',
] as const;

/** Catalogue events: a new catalogue version changes a fact the register relies on (told by the daily job). */
export const CATALOGUE_KINDS = ['adequacy_decision_changed'] as const;

export const NOTIFICATION_KINDS = [...REMINDER_KINDS, ...WORKFLOW_KINDS, ...CATALOGUE_KINDS] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type WorkflowKind = (typeof WORKFLOW_KINDS)[number];

/** What a notification is about: a record, or a change of the catalogue (`adequacy_change`: a row of catalogue_changes). */
export const NOTIFICATION_RECORD_TYPES = ['activity', 'vendor', 'dpia', 'design_grid', 'membership', 'rights_request', 'breach', 'adequacy_change'] as const;
export type NotificationRecordType = (typeof NOTIFICATION_RECORD_TYPES)[number];

export const EMAIL_FREQUENCIES = ['immediate', 'weekly'] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];
