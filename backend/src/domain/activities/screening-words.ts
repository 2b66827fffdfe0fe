/**
 * The reasons of the screening criteria in words, for the activity page and the exports alike: each
 * reason kind is a message (`dpia_screening_reasons.<kind>` in the API's catalogues,
 * `activity.dpia.reasons.<kind>` in the web app's) and these are its parameters, catalogue codes
 * already turned into their labels and figures written the locale's way. Pure, no framework.
 */
import type { WordsLocale } from '../words/country-names';
import type { ScreenedCriterion, ScreeningReason, ScreeningReasonKind } from './screening-criteria';

/** The catalogue a reason's item comes from. */
export const reasonCatalogue = (kind: ScreeningReasonKind): 'data-subject-categories' | 'data-categories' | null =>
  kind === 'marked_vulnerable' || kind === 'vulnerable_by_default' || kind === 'power_imbalance'
    ? 'data-subject-categories'
    : kind === 'special_category' || kind === 'criminal_data' || kind === 'highly_personal' || kind === 'art9_condition' || kind === 'monitoring_data'
      ? 'data-categories'
      : null;

export type LabelOf = (catalogue: 'data-subject-categories' | 'data-categories' | 'dpia-criteria', code: string) => string;

/** The message parameters of one reason. */
export function reasonParams(reason: ScreeningReason, labelOf: LabelOf, locale: WordsLocale): Record<string, string> {
  const catalogue = reasonCatalogue(reason.kind);
  const numbers = new Intl.NumberFormat(locale);
  return {
    item: reason.item && catalogue ? labelOf(catalogue, reason.item) : '',
    count: reason.count === undefined ? '' : numbers.format(reason.count),
    threshold: reason.threshold === undefined ? '' : numbers.format(reason.threshold),
  };
}

/**
 * One line per criterion: its label, then its reasons (each a message the caller translates), and the
 * DPO's reason when dismissed — « Personnes vulnérables : Salariés, agents : en lien de subordination… ».
 */
export function criterionLine(
  criterion: ScreenedCriterion,
  labelOf: LabelOf,
  message: (kind: ScreeningReasonKind | 'dismissed', params: Record<string, string>) => string,
  locale: WordsLocale,
): string {
  const reasons = criterion.reasons.map((reason) => message(reason.kind, reasonParams(reason, labelOf, locale)));
  if (criterion.dismissal !== null) reasons.push(message('dismissed', { reason: criterion.dismissal }));
  const separator = locale === 'fr' ? ' : ' : ': ';
  return `${labelOf('dpia-criteria', criterion.code)}${separator}${reasons.join(locale === 'fr' ? ' ; ' : '; ')}`;
}
