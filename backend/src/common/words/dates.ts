/**
 * Dates as people read them: « 25 mai 2026 », "25 May 2026", whatever the machine's locale or time
 * zone. Pure and dependency-free: the web app imports it too.
 */
import type { WordsLocale } from './country-names';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: WordsLocale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${String(withTime)}`;
  let formatter = formats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' } : { timeZone: 'UTC' }),
    });
    formats.set(key, formatter);
  }
  return formatter;
}

/** A calendar date (YYYY-MM-DD, or the date part of an instant) in words; null when it is none. */
export function dateInWords(value: string | Date | null | undefined, locale: WordsLocale): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text = value instanceof Date ? value.toISOString() : value;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? null : format(locale, false).format(date);
}

/** An instant (ISO 8601 or Date) as a date and time in words, at Paris time; null when it is none. */
export function dateTimeInWords(value: string | Date | null | undefined, locale: WordsLocale): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : format(locale, true).format(date);
}
