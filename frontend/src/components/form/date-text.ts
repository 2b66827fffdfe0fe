import type { Locale } from '@/i18n/config';

/*
 * Dates typed as text in the app's language (31/12/2026), stored as ISO dates (2026-12-31). The
 * browser's own date input follows the browser's locale (12/31/2026 in a French page), so the form
 * kit's date field is a text box with this format and a calendar beside it.
 */

/** Both languages write day/month/year (the English of the app is British). */
const PLACEHOLDER: Record<Locale, string> = { fr: 'jj/mm/aaaa', en: 'dd/mm/yyyy' };

export function datePlaceholder(locale: Locale): string {
  return PLACEHOLDER[locale];
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

/** An ISO date (yyyy-mm-dd) as the user reads it (dd/mm/yyyy); null when the value is no ISO date. */
export function isoToText(iso: string | null | undefined): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!match) return null;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/**
 * What the user typed as an ISO date, or null when it is no date: day/month/year with `/`, `.` or
 * `-`, day and month on one or two digits; a pasted ISO date is taken as it is.
 */
export function textToIso(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) ? trimmed : null;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return validDay(year, month, day) ? `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` : null;
}

/** A calendar day (local midnight, as the calendar gives it) as an ISO date. */
export function dayToIso(day: Date): string {
  return `${pad(day.getFullYear(), 4)}-${pad(day.getMonth() + 1, 2)}-${pad(day.getDate(), 2)}`;
}

/** An ISO date as the calendar's day (local midnight); undefined when it is no date. */
export function isoToDay(iso: string | null | undefined): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}
