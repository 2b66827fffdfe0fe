import { translate, type Locale } from '../common/i18n/i18n';
import { DEFAULT_TIME_ZONE } from '../domain/deadlines/legal-deadlines';
import { adequacyLine, type AdequacyNoticeWords } from './adequacy-notices';
import type { NotificationKind } from './reminder-rules';

export interface EmailItem {
  kind: NotificationKind;
  recordReference: string;
  recordName: string;
  dueDate: string | null;
  /** The deadline's instant when it is one (a breach's 72 hours): told with its hour, in the organisation's time. */
  dueAt?: Date | null;
  /** Who acted (workflow events); absent for reminders. */
  actorName?: string | null;
  /** Absolute address of the record's page. */
  url: string;
  /** A change of adequacy decision: the sentence is made from these, not from the record. */
  adequacy?: AdequacyNoticeWords | null;
}

export interface EmailInput {
  locale: Locale;
  /**
   * event: one workflow event, sent once its change committed; events: several from one change (an
   * import's proposed vendors); adequacy: adequacy decisions changed.
   */
  kind: 'immediate' | 'digest' | 'event' | 'events' | 'adequacy';
  recipientName: string;
  organizationName: string;
  items: EmailItem[];
  /** Absolute address of the notifications page (preferences are there). */
  notificationsUrl: string;
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** Lines of one e-mail at most. */
export const EMAIL_LINES = 50;

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

/** A day ("2026-12-05", or the day of an ISO instant) in words: « 5 décembre 2026 ». */
export function formatDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

/** An instant in words, with its hour in the organisation's time: « 5 décembre 2026 à 14:32 ». */
export function formatInstant(instant: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: DEFAULT_TIME_ZONE }).format(instant);
}

/** One line per notification, in the recipient's language. */
export function notificationLine(item: Pick<EmailItem, 'kind' | 'recordReference' | 'recordName' | 'dueDate' | 'dueAt' | 'actorName' | 'adequacy'>, locale: Locale): string {
  if (item.adequacy) return adequacyLine(item.adequacy, locale);
  const reference = item.recordReference === item.recordName ? item.recordName : `${item.recordReference} ${item.recordName}`;
  return translate(locale, `notifications.${item.kind}`, {
    record: reference,
    reference: item.recordReference,
    name: item.recordName,
    date: item.dueAt ? formatInstant(item.dueAt, locale) : item.dueDate ? formatDate(item.dueDate, locale) : '',
    // An account deleted since keeps its events, told without a name.
    actor: item.actorName || translate(locale, 'notifications.someone'),
  });
}

/**
 * The e-mail for new notifications (sent at once) or for the week's (the digest), in text and HTML.
 * Every value from the database is escaped in the HTML part.
 */
export function renderEmail(input: EmailInput): EmailContent {
  const { locale } = input;
  const count = input.items.length;
  // A long list stops at EMAIL_LINES; the rest is on the notifications page the footer links to.
  const lines = input.items.slice(0, EMAIL_LINES).map((item) => ({ text: notificationLine(item, locale), url: item.url }));
  const more = count - lines.length;
  const organization = input.organizationName;
  const subject =
    input.kind === 'event'
      ? translate(locale, 'emails.event_subject', { organization, line: lines[0]?.text ?? '' })
      : input.kind === 'events'
        ? translate(locale, 'emails.events_subject', { organization, count })
        : input.kind === 'adequacy'
        ? translate(locale, 'emails.adequacy_subject', { organization })
        : translate(locale, input.kind === 'digest' ? 'emails.digest_subject' : 'emails.immediate_subject', { organization, count });
  const greeting = translate(locale, 'emails.greeting', { name: input.recipientName });
  const intro = translate(locale, `emails.${input.kind === 'event' || input.kind === 'events' ? 'event' : input.kind === 'adequacy' ? 'adequacy' : input.kind === 'digest' ? 'digest' : 'immediate'}_intro`, {
    organization,
    count,
  });
  const footer = translate(locale, 'emails.footer', { url: input.notificationsUrl });

  const rest = more > 0 ? translate(locale, 'emails.more', { count: more }) : null;
  const text = [greeting, '', intro, '', ...lines.map((line) => `- ${line.text}\n  ${line.url}`), ...(rest ? [rest] : []), '', footer, ''].join('\n');
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    '<ul>',
    ...lines.map((line) => `<li><a href="${escapeHtml(line.url)}">${escapeHtml(line.text)}</a></li>`),
    '</ul>',
    ...(rest ? [`<p>${escapeHtml(rest)}</p>`] : []),
    `<p>${escapeHtml(translate(locale, 'emails.footer_html'))} <a href="${escapeHtml(input.notificationsUrl)}">${escapeHtml(input.notificationsUrl)}</a></p>`,
  ].join('\n');
  return { subject, text, html };
}
