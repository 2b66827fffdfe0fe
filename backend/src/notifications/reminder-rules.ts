import type { OrganizationData } from '../findings/finding.types';
import { REQUEST_DUE_SOON_DAYS } from '../findings/intake-register-rules';
import { notificationState } from '../domain/breaches/breach-rules';
import { breachNotificationDueAt, daysBetween, DEFAULT_TIME_ZONE, localDate } from '../domain/deadlines/legal-deadlines';

/** Days before a review date when its reminder is sent. */
export const REMINDER_LEAD_DAYS = 30;
/** Days before a DPIA action's due date when its reminder is sent (actions are shorter-lived than reviews). */
export const DPIA_ACTION_LEAD_DAYS = 14;
/** Hours before a breach's 72-hour notification deadline when its reminder is sent. */
export const BREACH_LEAD_HOURS = 24;

export { NOTIFICATION_KINDS, type NotificationKind } from '../domain/notifications/notification-kinds';
import type { NotificationKind } from '../domain/notifications/notification-kinds';

/** Something a user must be told about; the same reminder is never notified twice to a user. */
export interface Reminder {
  kind: NotificationKind;
  recordType: 'activity' | 'vendor' | 'dpia' | 'design_grid' | 'rights_request' | 'breach';
  recordId: string;
  recordReference: string;
  recordName: string;
  dueDate: string;
  /** The deadline's instant, when it is one rather than a day (a breach's 72 hours). */
  dueAt?: Date;
  /** What within the record the reminder is about (a DPIA action's id), when the record has several. */
  subjectId?: string;
  /** Users to notify: the record's owner and the organisation's DPOs. */
  userIds: string[];
}

/** An action of a DPIA's plan, not done, with a due date; the DPIA's activity is not archived. */
export interface DpiaActionRow {
  dpiaId: string;
  activityReference: string;
  activityOwnerId: string | null;
  actionId: string;
  measure: string;
  /** Free text in the plan: matched against the members' e-mail addresses and names. */
  owner: string | null;
  dueDate: string;
}

/** A design grid sent to the DPO and not reviewed yet. */
export interface GridAwaitingRow {
  id: string;
  projectName: string;
  /** Day it was (last) submitted, YYYY-MM-DD. */
  submittedOn: string;
}

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
}

export interface ReminderContext {
  data: OrganizationData;
  dpoIds: readonly string[];
  /** The DPOs and admins: they manage the rights-request and breach registers. */
  intakeManagerIds?: readonly string[];
  dpiaActions?: readonly DpiaActionRow[];
  gridsAwaiting?: readonly GridAwaitingRow[];
  members?: readonly MemberRow[];
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
 * DPIA actions due within the lead time, or overdue. The plan names each action's owner in free text:
 * when it is a member's e-mail address or name, that member is told; otherwise the activity's owner
 * and the DPOs are.
 */
const dpiaActions: ReminderRule = ({ data, dpoIds, dpiaActions: actions = [], members = [] }) => {
  const horizon = addDays(data.today, DPIA_ACTION_LEAD_DAYS);
  const byOwnerText = new Map<string, string>();
  for (const member of members) for (const key of [member.email, member.name]) byOwnerText.set(key.trim().toLowerCase(), member.userId);
  return actions
    .filter((action) => action.dueDate <= horizon)
    .map((action) => {
      const owner = action.owner ? byOwnerText.get(action.owner.trim().toLowerCase()) : undefined;
      return {
        kind: action.dueDate < data.today ? 'dpia_action_overdue' : 'dpia_action_due',
        recordType: 'dpia',
        recordId: action.dpiaId,
        recordReference: action.activityReference,
        recordName: action.measure,
        dueDate: action.dueDate,
        subjectId: action.actionId,
        userIds: owner ? [owner] : unique([action.activityOwnerId, ...dpoIds]),
      };
    });
};

/** Design grids submitted and awaiting the DPO's review: the DPOs, once per submission. */
const gridsAwaitingDpo: ReminderRule = ({ dpoIds, gridsAwaiting = [] }) =>
  gridsAwaiting.map((grid) => ({
    kind: 'grid_awaiting_dpo',
    recordType: 'design_grid',
    recordId: grid.id,
    recordReference: grid.projectName,
    recordName: grid.projectName,
    dueDate: grid.submittedOn,
    userIds: [...dpoIds],
  }));

const OPEN_REQUEST: ReadonlySet<string> = new Set(['received', 'identity_check', 'in_progress']);

/**
 * Open rights requests (not answered, refused or withdrawn) due within seven days of the
 * organisation's today, or past their due day (Art 12(3)): the DPOs and admins, and whoever recorded
 * the request (a contributor follows the requests they recorded). Named by reference only: the
 * requester's name is personal data that has no place in an e-mail.
 */
const rightsRequests: ReminderRule = ({ data, intakeManagerIds = [] }) =>
  (data.intake?.rightsRequests ?? [])
    .filter((request) => OPEN_REQUEST.has(request.status) && daysBetween(data.intake!.today, request.effectiveDueOn) <= REQUEST_DUE_SOON_DAYS)
    .map((request) => ({
      kind: request.effectiveDueOn < data.intake!.today ? 'rights_request_overdue' : 'rights_request_due',
      recordType: 'rights_request',
      recordId: request.id,
      recordReference: request.reference,
      recordName: request.reference,
      dueDate: request.effectiveDueOn,
      userIds: unique([...intakeManagerIds, request.recordedById ?? null]),
    }));

/**
 * Breaches whose 72-hour clock runs (risk assessed and not "none", not notified yet, Art 33(1)): once
 * when 24 hours or less are left, once when the deadline has passed. A breach not assessed yet is a
 * finding, not a reminder: its clock is not known to run.
 */
const breachNotifications: ReminderRule = ({ data, intakeManagerIds = [] }) => {
  const intake = data.intake;
  if (!intake) return [];
  return intake.breaches.flatMap((breach): Reminder[] => {
    const state = notificationState(breach, intake.now);
    const dueAt = breachNotificationDueAt(breach.awareAt);
    if (state !== 'overdue' && !(state === 'due' && dueAt.getTime() - intake.now.getTime() <= BREACH_LEAD_HOURS * 3_600_000)) return [];
    return [
      {
        kind: state === 'overdue' ? 'breach_notification_overdue' : 'breach_notification_due',
        recordType: 'breach',
        recordId: breach.id,
        recordReference: breach.reference,
        recordName: breach.summary,
        // The deadline is an instant; the notification keeps its day in the organisation's calendar.
        dueDate: localDate(dueAt, DEFAULT_TIME_ZONE),
        dueAt,
        userIds: unique([...intakeManagerIds, breach.recordedById ?? null]),
      },
    ];
  });
};

/** The scheduled checks, each a pure function of the organisation's data. */
export const REMINDER_RULES: readonly ReminderRule[] = [activityReviews, vendorReviews, dpiaActions, gridsAwaitingDpo, rightsRequests, breachNotifications];

export function remindersOf(context: ReminderContext, rules: readonly ReminderRule[] = REMINDER_RULES): Reminder[] {
  return rules.flatMap((rule) => rule(context)).filter((reminder) => reminder.userIds.length > 0);
}

/** One notification per user, kind, record (and subject within it) and due date. */
export const dedupeKey = (reminder: Pick<Reminder, 'kind' | 'recordId' | 'subjectId' | 'dueDate'>) =>
  reminder.subjectId ? `${reminder.kind}:${reminder.recordId}:${reminder.subjectId}:${reminder.dueDate}` : `${reminder.kind}:${reminder.recordId}:${reminder.dueDate}`;
