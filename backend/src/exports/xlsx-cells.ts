import type { Locale } from '../common/i18n/i18n';
import { translate } from '../common/i18n/i18n';

/**
 * Text a spreadsheet could read as a formula, or as a command in a CSV saved from the file (formula
 * injection: `=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`, a leading tab or carriage return). Such text
 * is written with a leading apostrophe, the spreadsheets' own "this is text" mark; a leading apostrophe
 * is doubled for the same reason, so the import can take exactly one away.
 */
const FORMULA_START = /^['=+\-@\t\r]/;

/**
 * A phone number or a signed number written as text (« +33 1 23 45 67 89 », "-5"): digits and
 * separators only, so no spreadsheet can run it as a command. It is written as a text cell as it is,
 * without the apostrophe a person would see.
 */
const HARMLESS_SIGNED = /^[+-][\d\s()./-]*\d[\d\s()./-]*$/;

export function safeText(text: string): string {
  return FORMULA_START.test(text) && !HARMLESS_SIGNED.test(text) ? `'${text}` : text;
}

/** The inverse of safeText, for text read back from a workbook. */
export function unescapeText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

export type CellValue = string | number | boolean | Date | null;

/** A date (YYYY-MM-DD) as a real spreadsheet date, at midnight UTC so no time zone shifts the day. */
export function dateCell(value: string | Date | null | undefined): Date | null {
  if (!value) return null;
  if (value instanceof Date) return value;
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const WALL_TIME = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as the wall time of `timeZone`, as a spreadsheet date-time: a spreadsheet has no time
 * zones, so the cell holds the local date and time (at UTC, so nothing shifts it) and the column's
 * header names the zone. 72 hours from a breach are read in the organisation's time.
 */
export function wallTimeCell(instant: Date | null | undefined, timeZone: string): Date | null {
  if (!instant) return null;
  let format = WALL_TIME.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    WALL_TIME.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(instant).map(({ type, value }) => [type, Number(value)]));
  return new Date(Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute));
}

/** Yes / No in the chosen language (the import reads both languages). */
export function yesNo(locale: Locale, value: boolean | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return YES_NO[locale][value ? 'yes' : 'no'];
}

const YES_NO = {
  fr: { yes: translate('fr', 'exports.yes'), no: translate('fr', 'exports.no') },
  en: { yes: translate('en', 'exports.yes'), no: translate('en', 'exports.no') },
} satisfies Record<Locale, { yes: string; no: string }>;
