/** Notification kinds and e-mail frequencies, without dependencies: the frontend imports them too. */

export const NOTIFICATION_KINDS = [
  'activity_review_due',
  'activity_review_overdue',
  'vendor_review_due',
  'vendor_review_overdue',
  'dpia_action_due',
  'dpia_action_overdue',
  'grid_awaiting_dpo',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const EMAIL_FREQUENCIES = ['immediate', 'weekly'] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];
