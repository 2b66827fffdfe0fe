import { durationInWords } from '@domain/words/durations';

import type { Locale } from '@/i18n/config';

/**
 * Retention periods: the API stores ISO 8601 durations in years, months, weeks and days (P5Y, P13M,
 * P0D); the forms show a number and a unit.
 */

export const DURATION_UNITS = ['Y', 'M', 'W', 'D'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** Same pattern as the server (backend ISO_DURATION). */
export const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/;

export interface DurationParts {
  amount: number;
  unit: DurationUnit;
}

/**
 * An ISO duration as one number and one unit. Years and months combine into months, weeks and days
 * into days (P1Y6M → 18 months, P1W2D → 9 days). A mix of both kinds, which neither the catalogues
 * nor these forms produce, is approximated in days (a year as 365, a month as 30). null when `iso` is
 * not such a duration.
 */
export function parseIsoDuration(iso: string): DurationParts | null {
  const match = ISO_DURATION.exec(iso.trim().toUpperCase());
  if (!match) return null;
  const [years, months, weeks, days] = match.slice(1, 5).map((part) => (part ? Number.parseInt(part, 10) : 0)) as [
    number,
    number,
    number,
    number,
  ];
  const calendar = years > 0 || months > 0;
  const counted = weeks > 0 || days > 0;
  if (calendar && counted) return { amount: years * 365 + months * 30 + weeks * 7 + days, unit: 'D' };
  if (calendar) return months === 0 ? { amount: years, unit: 'Y' } : { amount: years * 12 + months, unit: 'M' };
  if (weeks > 0 && days === 0) return { amount: weeks, unit: 'W' };
  return { amount: weeks * 7 + days, unit: 'D' };
}

export function formatIsoDuration(amount: number, unit: DurationUnit): string {
  return `P${String(amount)}${unit}`;
}

/** "5 years" / "5 ans", "1 an et 6 mois" (the shared helper, as the server writes them); the text itself when it is not a duration. */
export function describeIsoDuration(iso: string, locale: Locale): string {
  return durationInWords(iso, locale) ?? iso;
}
