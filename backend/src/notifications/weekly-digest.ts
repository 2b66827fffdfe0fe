import { translate, type Locale } from '../common/i18n/i18n';
import type { ReviewKind } from '../domain/review-queue/review-kinds';
import { escapeHtml, formatDate as formatDay, formatInstant, notificationLine } from './email-content';
import type { Reminder } from './reminder-rules';

/**
 * The weekly digest, pure: what one person reads, built from what the service loaded, then written
 * in their language. Everything shown is words, references and names, dates in full; never a code.
 */

/** Register changes the digest tells, from the audit trail of the past week. */
export const CHANGE_KINDS = [
  'breach_recorded',
  'dpia_decided',
  'activity_validated',
  'vendor_approved',
  'rights_request_received',
  'activity_created',
  'activity_archived',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export type DigestRecordType = 'activity' | 'vendor' | 'dpia' | 'design_grid' | 'rights_request' | 'breach';

/** A record the digest names: its page, its reference and its name (as they are now). */
export interface DigestRecord {
  type: DigestRecordType;
  id: string;
  reference: string;
  name: string;
}

export interface DigestChange {
  kind: ChangeKind;
  record: DigestRecord;
  occurredAt: Date;
}

/** Something that waits for the person, or falls due, with the words that say it. */
export type DigestTask =
  | { kind: 'reminder'; reminder: Reminder }
  | { kind: 'queue'; queueKind: ReviewKind; record: DigestRecord; since: string }
  | { kind: 'activity_changes_requested'; record: DigestRecord }
  | { kind: 'grid_returned'; record: DigestRecord }
  | { kind: 'rights_request_overdue' | 'rights_request_due'; record: DigestRecord; requestType: string; dueOn: string }
  | { kind: 'breach_not_assessed' | 'breach_notification_overdue' | 'breach_notification_due'; record: DigestRecord; dueAt: Date };

export interface PersonDigest {
  changes: DigestChange[];
  waiting: DigestTask[];
  fallingDue: DigestTask[];
}

export const isEmptyDigest = (digest: PersonDigest): boolean => digest.changes.length === 0 && digest.waiting.length === 0 && digest.fallingDue.length === 0;

/** How many changes are named one by one; the others are counted. */
export const CHANGES_NAMED = 5;
/** How many tasks a section lists before "and N more". */
export const TASKS_LISTED = 10;

/** The changes worth naming first: by kind (a breach before a created draft), then the latest. */
export function mostRelevant(changes: readonly DigestChange[], count = CHANGES_NAMED): DigestChange[] {
  return [...changes]
    .sort((a, b) => CHANGE_KINDS.indexOf(a.kind) - CHANGE_KINDS.indexOf(b.kind) || b.occurredAt.getTime() - a.occurredAt.getTime())
    .slice(0, count);
}

/** The date of a task (for ordering): the earliest first. */
function taskDate(task: DigestTask): string {
  switch (task.kind) {
    case 'reminder':
      return task.reminder.dueDate;
    case 'queue':
      return task.since;
    case 'rights_request_overdue':
    case 'rights_request_due':
      return task.dueOn;
    case 'breach_not_assessed':
    case 'breach_notification_overdue':
    case 'breach_notification_due':
      return task.dueAt.toISOString();
    default:
      return '';
  }
}

export const byDate = (a: DigestTask, b: DigestTask): number => taskDate(a).localeCompare(taskDate(b));

// ——— the words ———

export interface DigestLine {
  text: string;
  url: string;
}

export interface DigestEmailInput {
  locale: Locale;
  recipientName: string;
  organizationName: string;
  digest: PersonDigest;
  /** The record's absolute address. */
  urlOf: (record: DigestRecord) => string;
  /** Absolute address of the notifications page (where the digest is turned off). */
  notificationsUrl: string;
}

/** "T-0004 Paie" for a record whose reference differs from its name; the name alone otherwise. */
const named = (record: DigestRecord) => (record.reference === record.name || !record.reference ? record.name : `${record.reference} ${record.name}`);

function changeLine(change: DigestChange, locale: Locale): string {
  return translate(locale, `weekly_digest.change_${change.kind}`, { record: named(change.record), name: change.record.name, reference: change.record.reference });
}

function taskLine(task: DigestTask, locale: Locale): string {
  switch (task.kind) {
    case 'reminder':
      return notificationLine(task.reminder, locale);
    case 'queue':
      return translate(locale, `weekly_digest.queue_${task.queueKind}`, { record: named(task.record), name: task.record.name, date: formatDay(task.since, locale) });
    case 'activity_changes_requested':
    case 'grid_returned':
      return translate(locale, `weekly_digest.${task.kind}`, { record: named(task.record), name: task.record.name });
    case 'rights_request_overdue':
    case 'rights_request_due':
      return translate(locale, `weekly_digest.${task.kind}`, {
        reference: task.record.reference,
        requestType: translate(locale, `findings.request_type_${task.requestType}`),
        date: formatDay(task.dueOn, locale),
      });
    case 'breach_not_assessed':
    case 'breach_notification_overdue':
    case 'breach_notification_due':
      return translate(locale, `weekly_digest.${task.kind}`, { reference: task.record.reference, name: task.record.name, date: formatInstant(task.dueAt, locale) });
  }
}

function taskRecord(task: DigestTask): DigestRecord {
  if (task.kind !== 'reminder') return task.record;
  const { reminder } = task;
  return { type: reminder.recordType, id: reminder.recordId, reference: reminder.recordReference, name: reminder.recordName };
}

interface Section {
  title: string;
  lead?: string;
  lines: DigestLine[];
  more: number;
}

/** The digest's e-mail, in text and HTML; every value from the database is escaped in the HTML part. */
export function renderWeeklyDigest(input: DigestEmailInput): { subject: string; text: string; html: string } {
  const { locale, digest } = input;
  const organization = input.organizationName;
  const sections: Section[] = [];

  if (digest.changes.length > 0) {
    const counts = CHANGE_KINDS.map((kind) => ({ kind, count: digest.changes.filter((change) => change.kind === kind).length }))
      .filter(({ count }) => count > 0)
      .map(({ kind, count }) => translate(locale, `weekly_digest.count_${kind}`, { count }));
    const named = mostRelevant(digest.changes);
    sections.push({
      title: translate(locale, 'weekly_digest.changed_title'),
      lead: translate(locale, 'weekly_digest.changed_lead', { counts: counts.join(translate(locale, 'weekly_digest.list_separator')) }),
      lines: named.map((change) => ({ text: changeLine(change, locale), url: input.urlOf(change.record) })),
      more: digest.changes.length - named.length,
    });
  }
  for (const [tasks, title] of [
    [digest.waiting, 'waiting_title'],
    [digest.fallingDue, 'due_title'],
  ] as const) {
    if (tasks.length === 0) continue;
    const listed = tasks.slice(0, TASKS_LISTED);
    sections.push({
      title: translate(locale, `weekly_digest.${title}`),
      lines: listed.map((task) => ({ text: taskLine(task, locale), url: input.urlOf(taskRecord(task)) })),
      more: tasks.length - listed.length,
    });
  }

  const subject = translate(locale, 'weekly_digest.subject', { organization });
  const greeting = translate(locale, 'emails.greeting', { name: input.recipientName });
  const intro = translate(locale, 'weekly_digest.intro', { organization });
  const footer = translate(locale, 'weekly_digest.footer');
  const moreText = (count: number) => translate(locale, 'weekly_digest.more', { count });

  const text = [
    greeting,
    '',
    intro,
    ...sections.flatMap((section) => [
      '',
      section.title,
      ...(section.lead ? [section.lead] : []),
      ...section.lines.map((line) => `- ${line.text}\n  ${line.url}`),
      ...(section.more > 0 ? [moreText(section.more)] : []),
    ]),
    '',
    `${footer} ${input.notificationsUrl}`,
    '',
  ].join('\n');
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    ...sections.flatMap((section) => [
      `<h2>${escapeHtml(section.title)}</h2>`,
      ...(section.lead ? [`<p>${escapeHtml(section.lead)}</p>`] : []),
      '<ul>',
      ...section.lines.map((line) => `<li><a href="${escapeHtml(line.url)}">${escapeHtml(line.text)}</a></li>`),
      '</ul>',
      ...(section.more > 0 ? [`<p>${escapeHtml(moreText(section.more))}</p>`] : []),
    ]),
    `<p>${escapeHtml(footer)} <a href="${escapeHtml(input.notificationsUrl)}">${escapeHtml(input.notificationsUrl)}</a></p>`,
  ].join('\n');
  return { subject, text, html };
}
