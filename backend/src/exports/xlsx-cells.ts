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

/** Yes / No in the chosen language (the import reads both languages). */
export function yesNo(locale: Locale, value: boolean | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return YES_NO[locale][value ? 'yes' : 'no'];
}

const YES_NO = {
  fr: { yes: translate('fr', 'exports.yes'), no: translate('fr', 'exports.no') },
  en: { yes: translate('en', 'exports.yes'), no: translate('en', 'exports.no') },
} satisfies Record<Locale, { yes: string; no: string }>;
