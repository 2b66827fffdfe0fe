import type { DataCategory, DataSubject, DpiaScreening } from './activity.types';
import { RecordedDecision, screenDpia, ScreeningOutcome } from './dpia-screening';

/**
 * The EDPB screening criteria (WP29 WP248 rev.01, endorsed by the EDPB on 25 May 2018, section III.B.a)
 * derived from what the register holds, each with the facts that meet it, merged with the criteria the
 * user declares where the register has no fact to read (scoring, matching, innovative use, exclusion).
 * Pure, so the activity save (stored decision), the activity page (live), the design grid, the findings
 * and the exports read the same criteria for the same facts.
 *
 * Derived, with the catalogue fact behind each:
 *  - 7 vulnerable data subjects: a subject category the catalogue marks vulnerable by default (minors,
 *    patients, vulnerable people) or in a power imbalance with the controller (employees, interns: WP248
 *    "employees" in criterion 7), or a subject the activity marks vulnerable;
 *  - 4 sensitive or highly personal data: Art 9(1) categories, Art 10 data, a category the catalogue
 *    marks highly personal (location, financial, communications, the national identifier), or an Art 9(2)
 *    condition given for a data category;
 *  - 3 systematic monitoring: a data category the catalogue marks as monitoring people (location);
 *  - 5 large scale: the persons the activity estimates reach the organisation's threshold;
 *  - 2 automated decision with legal or similar effect: the activity declares Art 22 automated decisions.
 * A derived criterion the DPO finds not met for this activity is dismissed with a written reason
 * (`dpiaScreening.dismissed`); a declared one is simply not ticked.
 */

/** The nine criteria in WP248's own order (dpia.json `criteria`). */
export const SCREENING_CRITERIA = [
  'evaluation_scoring',
  'automated_decision_legal_effect',
  'systematic_monitoring',
  'sensitive_or_highly_personal_data',
  'large_scale',
  'matching_combining_datasets',
  'vulnerable_data_subjects',
  'innovative_technology',
  'prevents_exercising_right_or_contract',
] as const;
export type ScreeningCriterion = (typeof SCREENING_CRITERIA)[number];

/** Catalogue facts the derivation reads (data-categories and data-subject-categories). */
export interface ScreeningCatalogueFacts {
  specialDataCategories: ReadonlySet<string>;
  criminalDataCategories: ReadonlySet<string>;
  highlyPersonalDataCategories: ReadonlySet<string>;
  nationalIdentifierCategories: ReadonlySet<string>;
  monitoringDataCategories: ReadonlySet<string>;
  vulnerableSubjectCategories: ReadonlySet<string>;
  powerImbalanceSubjectCategories: ReadonlySet<string>;
}

/** What the DPO sets for the organisation. */
export interface ScreeningThresholds {
  /** Persons concerned from which a processing is large scale (WP243 and WP248 criterion 5 leave the figure to the controller). */
  largeScalePersons: number;
}

/**
 * Until the DPO sets one: 10 000 persons, the order of magnitude the CNIL's own lists treat as large
 * (its exempt list stops at organisations of 250 staff; a municipality of 10 000 inhabitants is a
 * middle-sized town). A figure a DPO can check and change, not a legal threshold.
 */
export const DEFAULT_SCREENING_THRESHOLDS: ScreeningThresholds = { largeScalePersons: 10_000 };

/**
 * The figures the DPO may set. Below a hundred persons no reading of "large scale" holds (WP243's
 * examples are a hospital's patients, a city's transport users); a hundred million is beyond any
 * single controller's register in the EU.
 */
export const LARGE_SCALE_PERSONS_RANGE = { min: 100, max: 100_000_000 } as const;

export const SCREENING_REASON_KINDS = [
  'declared',
  'marked_vulnerable',
  'vulnerable_by_default',
  'power_imbalance',
  'special_category',
  'criminal_data',
  'highly_personal',
  'art9_condition',
  'monitoring_data',
  'persons_over_threshold',
  'automated_decision',
] as const;
export type ScreeningReasonKind = (typeof SCREENING_REASON_KINDS)[number];

/** Why a criterion is met: the kind of fact, and the catalogue code or figures it rests on. */
export interface ScreeningReason {
  kind: ScreeningReasonKind;
  /** The subject or data category code, when the fact is about one. */
  item: string | null;
  /** persons_over_threshold: the persons estimated and the threshold. */
  count?: number;
  threshold?: number;
}

export interface ScreenedCriterion {
  code: string;
  reasons: ScreeningReason[];
  /** The DPO's written reason for finding this derived criterion not met here; null when it counts. */
  dismissal: string | null;
}

/** The activity facts the derivation reads (the page passes its form values, the server the document). */
export interface ScreeningActivityFacts {
  dataSubjects: readonly Pick<DataSubject, 'category' | 'estimatedCount' | 'vulnerable'>[];
  dataCategories: readonly Pick<DataCategory, 'category' | 'art9Condition'>[];
  automatedDecisionMaking: boolean;
  dpiaScreening: Pick<DpiaScreening, 'criteria'> & { dismissed?: DpiaScreening['dismissed'] };
}

/** The persons the activity estimates, all categories together (what criterion 5 compares with the threshold). */
export const estimatedPersons = (dataSubjects: ScreeningActivityFacts['dataSubjects']): number => dataSubjects.reduce((sum, subject) => sum + (subject.estimatedCount ?? 0), 0);

const order = (code: string) => {
  const index = (SCREENING_CRITERIA as readonly string[]).indexOf(code);
  return index === -1 ? SCREENING_CRITERIA.length : index;
};

/** Every criterion met by the facts or declared, with its reasons, in WP248 order; dismissed ones are kept, marked. */
export function screeningCriteria(activity: ScreeningActivityFacts, facts: ScreeningCatalogueFacts, thresholds: ScreeningThresholds = DEFAULT_SCREENING_THRESHOLDS): ScreenedCriterion[] {
  const reasons = new Map<string, ScreeningReason[]>();
  const add = (code: string, reason: ScreeningReason) => {
    const list = reasons.get(code) ?? [];
    if (!list.some((known) => known.kind === reason.kind && known.item === reason.item)) list.push(reason);
    reasons.set(code, list);
  };

  for (const code of activity.dpiaScreening.criteria) add(code, { kind: 'declared', item: null });
  if (activity.automatedDecisionMaking) add('automated_decision_legal_effect', { kind: 'automated_decision', item: null });

  for (const category of activity.dataCategories) {
    const code = category.category;
    if (facts.specialDataCategories.has(code)) add('sensitive_or_highly_personal_data', { kind: 'special_category', item: code });
    else if (facts.criminalDataCategories.has(code)) add('sensitive_or_highly_personal_data', { kind: 'criminal_data', item: code });
    else if (facts.highlyPersonalDataCategories.has(code) || facts.nationalIdentifierCategories.has(code)) add('sensitive_or_highly_personal_data', { kind: 'highly_personal', item: code });
    else if (category.art9Condition) add('sensitive_or_highly_personal_data', { kind: 'art9_condition', item: code });
    if (facts.monitoringDataCategories.has(code)) add('systematic_monitoring', { kind: 'monitoring_data', item: code });
  }

  for (const subject of activity.dataSubjects) {
    const code = subject.category;
    if (facts.vulnerableSubjectCategories.has(code)) add('vulnerable_data_subjects', { kind: 'vulnerable_by_default', item: code });
    else if (facts.powerImbalanceSubjectCategories.has(code)) add('vulnerable_data_subjects', { kind: 'power_imbalance', item: code });
    else if (subject.vulnerable) add('vulnerable_data_subjects', { kind: 'marked_vulnerable', item: code });
  }

  const persons = estimatedPersons(activity.dataSubjects);
  if (persons >= thresholds.largeScalePersons) add('large_scale', { kind: 'persons_over_threshold', item: null, count: persons, threshold: thresholds.largeScalePersons });

  const dismissed = new Map((activity.dpiaScreening.dismissed ?? []).map((entry) => [entry.criterion, entry.reason.trim()]));
  return [...reasons.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([code, list]) => {
      // Only a criterion the facts alone meet can be dismissed: a declared one is unticked instead.
      const declared = list.some((reason) => reason.kind === 'declared');
      const reason = dismissed.get(code);
      return { code, reasons: list, dismissal: !declared && reason ? reason : null };
    });
}

/** The codes of the criteria that count (met and not dismissed). */
export const countedCriteria = (criteria: readonly ScreenedCriterion[]): string[] => criteria.filter((criterion) => criterion.dismissal === null).map((criterion) => criterion.code);

export interface ActivityScreening {
  criteria: ScreenedCriterion[];
  outcome: ScreeningOutcome;
}

/** The screening of an activity: derived and declared criteria, then the decision rule of `screenDpia`. */
export function screenActivity(
  activity: ScreeningActivityFacts & { dpiaScreening: Pick<DpiaScreening, 'onCnilRequiredList' | 'onCnilExemptList'> },
  facts: ScreeningCatalogueFacts,
  thresholds: ScreeningThresholds = DEFAULT_SCREENING_THRESHOLDS,
  recorded?: RecordedDecision | null,
): ActivityScreening {
  const criteria = screeningCriteria(activity, facts, thresholds);
  const screening = activity.dpiaScreening;
  return {
    criteria,
    outcome: screenDpia({ criteria: countedCriteria(criteria), onCnilRequiredList: screening.onCnilRequiredList, onCnilExemptList: screening.onCnilExemptList }, recorded),
  };
}

interface CatalogueRow {
  code: string;
  facts: Record<string, unknown>;
}

/** The facts from catalogue entries (rows of catalogue_entries, the shipped JSON items, or the page's catalogue items). */
export function screeningFactsFrom(dataCategories: readonly CatalogueRow[], subjectCategories: readonly CatalogueRow[]): ScreeningCatalogueFacts {
  const codes = (rows: readonly CatalogueRow[], test: (facts: Record<string, unknown>) => boolean) => new Set(rows.filter((row) => test(row.facts)).map((row) => row.code));
  return {
    specialDataCategories: codes(dataCategories, (facts) => facts.special === true),
    criminalDataCategories: codes(dataCategories, (facts) => facts.criminal === true),
    highlyPersonalDataCategories: codes(dataCategories, (facts) => facts.highlyPersonal === true),
    nationalIdentifierCategories: codes(dataCategories, (facts) => facts.article === '87'),
    monitoringDataCategories: codes(dataCategories, (facts) => facts.monitoring === true),
    vulnerableSubjectCategories: codes(subjectCategories, (facts) => facts.vulnerableByDefault === true),
    powerImbalanceSubjectCategories: codes(subjectCategories, (facts) => facts.powerImbalance === true),
  };
}

/** The activity content the screening reads, with its stored screening. */
export type ScreenableContent = ScreeningActivityFacts & { dpiaScreening: DpiaScreening };

/**
 * The screening as stored: the answers as given (dismissals only when there are some, so documents
 * written before them read the same), the decision as the rule settles it from derived and declared criteria.
 */
export function settleActivityScreening(content: ScreenableContent, facts: ScreeningCatalogueFacts, thresholds: ScreeningThresholds = DEFAULT_SCREENING_THRESHOLDS): DpiaScreening {
  const { dismissed, ...screening } = content.dpiaScreening;
  const kept = (dismissed ?? []).filter((entry) => entry.reason.trim() !== '');
  const settled: DpiaScreening = { ...screening, ...(kept.length ? { dismissed: kept } : {}) };
  return { ...settled, decision: screenActivity({ ...content, dpiaScreening: settled }, facts, thresholds, settled).outcome.decision };
}

/**
 * Whether going from `before` to `after` records a new DPO decision on a one-criterion activity (the
 * server lets only those who may give the DPO opinion do that).
 */
export function changesActivityDpoDecision(before: ScreenableContent | null, after: ScreenableContent, facts: ScreeningCatalogueFacts, thresholds: ScreeningThresholds = DEFAULT_SCREENING_THRESHOLDS): boolean {
  const outcome = screenActivity(after, facts, thresholds, after.dpiaScreening).outcome;
  if (!outcome.dpoDecides || outcome.decision === 'to_assess') return false;
  if (!before) return true;
  const previous = screenActivity(before, facts, thresholds, before.dpiaScreening).outcome;
  return !previous.dpoDecides || previous.decision !== outcome.decision || (before.dpiaScreening.justification ?? '') !== (after.dpiaScreening.justification ?? '');
}

/**
 * The screening as stored once the DPO changes the organisation's thresholds (`from` → `to`): the same
 * facts screened again. A decision the DPO recorded on a one-criterion activity is kept while the
 * activity still meets one criterion; a decision the rule had settled (none or two criteria) is
 * nobody's decision, so an activity that now meets exactly one criterion awaits the DPO's.
 */
export function rescreenActivity(content: ScreenableContent, facts: ScreeningCatalogueFacts, from: ScreeningThresholds, to: ScreeningThresholds): DpiaScreening {
  const previous = screenActivity(content, facts, from, content.dpiaScreening).outcome;
  const recorded = previous.dpoDecides ? content.dpiaScreening : null;
  return { ...content.dpiaScreening, decision: screenActivity(content, facts, to, recorded).outcome.decision };
}

/** Whether `after` dismisses criteria differently from `before` (a DPO's call, like the one-criterion decision). */
export function changesDismissals(before: Pick<DpiaScreening, 'dismissed'> | null, after: Pick<DpiaScreening, 'dismissed'>): boolean {
  const key = (screening: Pick<DpiaScreening, 'dismissed'> | null) =>
    JSON.stringify([...(screening?.dismissed ?? [])].map((entry) => [entry.criterion, entry.reason.trim()]).sort());
  return key(before) !== key(after);
}
