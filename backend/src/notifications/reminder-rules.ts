import type { OrganizationData } from '../findings/finding.types';

/** Days before a review date when its reminder is sent. */
export const REMINDER_LEAD_DAYS = 30;

export { NOTIFICATION_KINDS, type NotificationKind } from './notification-kinds';
import type { NotificationKind } from './notification-kinds';

/** Something a user must be told about; the same reminder is never notified twice to a user. */
export interface Reminder {
  kind: NotificationKind;
  recordType: 'activity' | 'vendor' | 'dpia' | 'design_grid';
  recordId: string;
  recordReference: string;
  recordName: string;
  dueDate: string;
  /** Users to notify: the record's owner and the organisation's DPOs. */
  userIds: string[];
}

export interface ReminderContext {
  data: OrganizationData;
  dpoIds: readonly string[];
}

export type ReminderRule = (context: ReminderContext) => Reminder[];

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const unique = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => id !== null))];

/** Activities whose review is due within the lead time, or overdue: their owner and the DPOs. */
const activityReviews: ReminderRule = ({ data, dpoIds }) => {
  const horizon = addDays(data.today, REMINDER_LEAD_DAYS);
  return data.activities
    .filter((activity) => activity.status !== 'archived' && activity.nextReviewDate !== null && activity.nextReviewDate <= horizon)
    .map((activity) => ({
      kind: activity.nextReviewDate! < data.today ? 'activity_review_overdue' : 'activity_review_due',
      recordType: 'activity',
      recordId: activity.id,
      recordReference: activity.reference,
      recordName: activity.name,
      dueDate: activity.nextReviewDate!,
      userIds: unique([activity.ownerId, ...dpoIds]),
    }));
};

/** Vendors (not terminated) whose review is due within the lead time, or overdue: the DPOs. */
const vendorReviews: ReminderRule = ({ data, dpoIds }) => {
  const horizon = addDays(data.today, REMINDER_LEAD_DAYS);
  return data.vendors
    .filter((vendor) => vendor.status !== 'terminated' && vendor.nextReviewDate !== null && vendor.nextReviewDate <= horizon)
    .map((vendor) => ({
      kind: vendor.nextReviewDate! < data.today ? 'vendor_review_overdue' : 'vendor_review_due',
      recordType: 'vendor',
      recordId: vendor.id,
      recordReference: vendor.name,
      recordName: vendor.name,
      dueDate: vendor.nextReviewDate!,
      userIds: [...dpoIds],
    }));
};

/**
 * The scheduled checks, each a pure function of the organisation's data.
 * TODO(dpias): add DPIA action due dates. TODO(design-grid): add grids awaiting the DPO.
 */
export const REMINDER_RULES: readonly ReminderRule[] = [activityReviews, vendorReviews];

export function remindersOf(context: ReminderContext, rules: readonly ReminderRule[] = REMINDER_RULES): Reminder[] {
  return rules.flatMap((rule) => rule(context)).filter((reminder) => reminder.userIds.length > 0);
}

/** One notification per user, kind, record and due date. */
export const dedupeKey = (reminder: Pick<Reminder, 'kind' | 'recordId' | 'dueDate'>) => `${reminder.kind}:${reminder.recordId}:${reminder.dueDate}`;
