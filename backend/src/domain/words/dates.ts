/**
 * Dates as people read them: « 25 mai 2026 », "25 May 2026", whatever the machine's locale or time
 * zone. Pure and dependency-free: the web app imports it too.
 */
import type { WordsLocale } from './country-names';

const formats = new Map<string, Intl.DateTimeFormat>();

/** `calendar`: a YYYY-MM-DD day as is; `instant`: the day at Paris time; `time`: the day and the hour at Paris time. */
function format(locale: WordsLocale, kind: 'calendar' | 'instant' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let formatter = formats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(kind === 'time' ? { hour: '2-digit', minute: '2-digit' } : {}),
      timeZone: kind === 'calendar' ? 'UTC' : 'Europe/Paris',
    });
    formats.set(key, formatter);
  }
  return formatter;
}

/**
 * A date in words: a calendar date (YYYY-MM-DD) as that day, an instant (ISO 8601 with a time, or a
 * Date) as its day at Paris time; null when it is none.
 */
export function dateInWords(value: string | Date | null | undefined, locale: WordsLocale): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date || value.includes('T')) {
    const instant = value instanceof Date ? value : new Date(value);
    return Number.isNaN(instant.getTime()) ? null : format(locale, 'instant').format(instant);
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? null : format(locale, 'calendar').format(date);
}

/** An instant (ISO 8601 or Date) as a date and time in words, at Paris time; null when it is none. */
export function dateTimeInWords(value: string | Date | null | undefined, locale: WordsLocale): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : format(locale, 'time').format(date);
}
