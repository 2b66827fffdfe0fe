/**
 * ISO 8601 durations (P5Y, P13M, P8W, P0D) in words, in French and English, with plural rules:
 * « 5 ans », « 1 an et 6 mois », "13 months". Retention rules read « 5 ans, puis 45 ans en archive ».
 * Pure and dependency-free: the web app imports it too.
 */
import type { WordsLocale } from './country-names';

export type { WordsLocale } from './country-names';

/** Same pattern as the API's validation (years, months, weeks, days). */
export const ISO_DURATION_PATTERN = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/;

type Unit = 'year' | 'month' | 'week' | 'day';

const UNIT_WORDS: Record<WordsLocale, Record<Unit, { one: string; other: string }>> = {
  fr: { year: { one: 'an', other: 'ans' }, month: { one: 'mois', other: 'mois' }, week: { one: 'semaine', other: 'semaines' }, day: { one: 'jour', other: 'jours' } },
  en: { year: { one: 'year', other: 'years' }, month: { one: 'month', other: 'months' }, week: { one: 'week', other: 'weeks' }, day: { one: 'day', other: 'days' } },
};

/**
 * The language's formatters, made once: building an Intl formatter costs far more than using it, and
 * an export words the retention of every data category of the register (seen in the export profile).
 */
const formatters = new Map<WordsLocale, { plural: Intl.PluralRules; number: Intl.NumberFormat; list: Intl.ListFormat }>();

function formattersOf(locale: WordsLocale) {
  let found = formatters.get(locale);
  if (!found) {
    found = { plural: new Intl.PluralRules(locale), number: new Intl.NumberFormat(locale), list: new Intl.ListFormat(locale, { type: 'conjunction' }) };
    formatters.set(locale, found);
  }
  return found;
}

function count(amount: number, unit: Unit, locale: WordsLocale): string {
  const { plural, number } = formattersOf(locale);
  const words = UNIT_WORDS[locale][unit];
  return `${number.format(amount)} ${plural.select(amount) === 'one' ? words.one : words.other}`;
}

/**
 * « 5 ans », « 1 an et 6 mois », "2 weeks"; « aucune durée » / "no time" for P0D. null when `iso`
 * is not a duration (callers decide what to show, never the raw text).
 */
export function durationInWords(iso: string | null | undefined, locale: WordsLocale): string | null {
  if (!iso) return null;
  const match = ISO_DURATION_PATTERN.exec(iso.trim().toUpperCase());
  if (!match) return null;
  const units: Unit[] = ['year', 'month', 'week', 'day'];
  const parts = units.flatMap((unit, index) => {
    const part: string | undefined = match[index + 1];
    const amount = part ? Number.parseInt(part, 10) : 0;
    return amount > 0 ? [count(amount, unit, locale)] : [];
  });
  if (parts.length === 0) return locale === 'fr' ? 'aucune durée' : 'no time';
  return formattersOf(locale).list.format(parts);
}

const isZero = (iso: string) => /^P(0[YMWD])+$/.test(iso.trim().toUpperCase());

export interface RetentionPeriods {
  /** Active-base duration; null when none is set (unlimited or not decided). */
  activePeriod: string | null;
  /** Intermediate-archive duration; null when there is no archive. */
  archivePeriod?: string | null;
}

/**
 * A retention rule's durations in one phrase: « 5 ans, puis 45 ans en archive » / "5 years, then
 * 45 years archived"; « 5 ans » alone without archive; « archivé dès l’événement de départ, pour
 * 10 ans » when the active period is zero. null without an active period (the caller says
 * "unlimited" or "to decide").
 */
export function retentionInWords(retention: RetentionPeriods, locale: WordsLocale): string | null {
  const active = durationInWords(retention.activePeriod, locale);
  if (active === null || retention.activePeriod === null) return null;
  const archive = durationInWords(retention.archivePeriod ?? null, locale);
  if (archive === null || isZero(retention.archivePeriod ?? 'P0D')) {
    if (isZero(retention.activePeriod)) return locale === 'fr' ? 'jusqu’à l’événement de départ' : 'until the start event';
    return active;
  }
  if (isZero(retention.activePeriod)) return locale === 'fr' ? `${archive} en archive dès l’événement de départ` : `${archive} archived from the start event`;
  return locale === 'fr' ? `${active}, puis ${archive} en archive` : `${active}, then ${archive} archived`;
}

const WORD_UNITS: Record<string, 'Y' | 'M' | 'W' | 'D'> = {
  an: 'Y', ans: 'Y', année: 'Y', années: 'Y', year: 'Y', years: 'Y',
  mois: 'M', month: 'M', months: 'M',
  semaine: 'W', semaines: 'W', week: 'W', weeks: 'W',
  jour: 'D', jours: 'D', day: 'D', days: 'D',
};

/**
 * The ISO 8601 duration a person wrote in words (« 5 ans », « 1 an et 6 mois », "13 months"), or
 * the ISO text itself; null when it reads as neither (the caller reports it).
 */
export function durationFromWords(text: string | null | undefined): string | null {
  if (!text) return null;
  const trimmed = text.trim();
  if (ISO_DURATION_PATTERN.test(trimmed.toUpperCase())) return trimmed.toUpperCase();
  const amounts: Record<'Y' | 'M' | 'W' | 'D', number> = { Y: 0, M: 0, W: 0, D: 0 };
  let rest = trimmed.toLowerCase();
  let found = false;
  for (const match of trimmed.toLowerCase().matchAll(/(\d+)\s*([a-zéè]+)/g)) {
    const unit = WORD_UNITS[match[2] ?? ''];
    if (!unit) return null;
    amounts[unit] += Number(match[1]);
    rest = rest.replace(match[0], '');
    found = true;
  }
  // Only separators may remain (« et », "and", commas).
  if (!found || rest.replace(/\b(et|and)\b|[,\s]/g, '') !== '') return null;
  const iso = `P${amounts.Y ? `${String(amounts.Y)}Y` : ''}${amounts.M ? `${String(amounts.M)}M` : ''}${amounts.W ? `${String(amounts.W)}W` : ''}${amounts.D ? `${String(amounts.D)}D` : ''}`;
  return iso === 'P' ? 'P0D' : iso;
}
