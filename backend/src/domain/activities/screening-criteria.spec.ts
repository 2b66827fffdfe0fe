import dataCategories from '../catalogues/data/data-categories.json';
import subjectCategories from '../catalogues/data/data-subject-categories.json';
import type { DataCategory, DataSubject, DpiaScreening, DpiaScreeningDecision } from './activity.types';
import type { ScreeningBasis } from './dpia-screening';
import {
  changesActivityDpoDecision,
  changesDismissals,
  countedCriteria,
  ScreenableContent,
  screenActivity,
  screeningCriteria,
  screeningFactsFrom,
  ScreeningReasonKind,
  rescreenActivity,
  settleActivityScreening,
} from './screening-criteria';

/** The shipped catalogues, as the catalogue sync loads them (code, labels and help apart, the rest are facts). */
const rows = (items: { code: string; fr: string; en: string; help?: unknown }[]) =>
  items.map(({ code, fr: _fr, en: _en, help: _help, ...facts }) => ({ code, facts }));
const facts = screeningFactsFrom(rows(dataCategories.items), rows(subjectCategories.items));
const thresholds = { largeScalePersons: 10_000 };

const subject = (category: string, estimatedCount: number | null = null, vulnerable = false): DataSubject => ({ category, estimatedCount, vulnerable });
const data = (category: string, art9Condition: string | null = null): DataCategory => ({
  category,
  description: null,
  source: null,
  sourceDetail: null,
  mandatory: true,
  minimisationJustification: null,
  art9Condition,
  retention: null,
});
const activity = (parts: { subjects?: DataSubject[]; data?: DataCategory[]; automated?: boolean; screening?: Partial<DpiaScreening> }): ScreenableContent => ({
  dataSubjects: parts.subjects ?? [],
  dataCategories: parts.data ?? [],
  automatedDecisionMaking: parts.automated ?? false,
  dpiaScreening: { criteria: [], onCnilRequiredList: null, onCnilExemptList: null, decision: 'to_assess', justification: null, ...parts.screening },
});

type Row = [string, ScreenableContent, Record<string, [ScreeningReasonKind, string | null][]>, DpiaScreeningDecision, ScreeningBasis];

describe('the screening criteria derived from the register (EDPB WP248 rev.01, GDPR Art 35, CNIL délib. 2018-327 and 2019-118)', () => {
  // [source and case, activity, criteria met with their reasons, decision, basis]
  const cases: Row[] = [
    ['WP248 criterion 7: employees are vulnerable by default (imbalance of power); alone it is one criterion', activity({ subjects: [subject('employees', 40)] }), { vulnerable_data_subjects: [['power_imbalance', 'employees']] }, 'to_assess', 'one_criterion'],
    ['WP248 criterion 7: minors, patients are vulnerable by default, even unticked', activity({ subjects: [subject('minors'), subject('patients')] }), { vulnerable_data_subjects: [['vulnerable_by_default', 'minors'], ['vulnerable_by_default', 'patients']] }, 'to_assess', 'one_criterion'],
    ['WP248 criterion 7: customers the activity marks vulnerable', activity({ subjects: [subject('customers', 200, true)] }), { vulnerable_data_subjects: [['marked_vulnerable', 'customers']] }, 'to_assess', 'one_criterion'],
    ['WP248 criterion 4 + Art 9(1): health data of patients makes two criteria → required', activity({ subjects: [subject('patients', 800)], data: [data('health', 'art9_2_h')] }), { sensitive_or_highly_personal_data: [['special_category', 'health']], vulnerable_data_subjects: [['vulnerable_by_default', 'patients']] }, 'required', 'criteria'],
    ['WP248 criterion 4 + Art 10: criminal records of applicants', activity({ subjects: [subject('candidates', 30)], data: [data('criminal_convictions')] }), { sensitive_or_highly_personal_data: [['criminal_data', 'criminal_convictions']] }, 'to_assess', 'one_criterion'],
    ['WP248 criterion 4: financial data is highly personal', activity({ subjects: [subject('customers', 500)], data: [data('identity'), data('economic_financial')] }), { sensitive_or_highly_personal_data: [['highly_personal', 'economic_financial']] }, 'to_assess', 'one_criterion'],
    ['WP248 criterion 4: an Art 9(2) condition written for an own category', activity({ data: [data('other', 'art9_2_a')] }), { sensitive_or_highly_personal_data: [['art9_condition', 'other']] }, 'to_assess', 'one_criterion'],
    ['WP248 criteria 3 + 4 + 7 and CNIL 2018-327 no. 4: geolocation of employees’ vehicles', activity({ subjects: [subject('employees', 60)], data: [data('location')] }), { systematic_monitoring: [['monitoring_data', 'location']], sensitive_or_highly_personal_data: [['highly_personal', 'location']], vulnerable_data_subjects: [['power_imbalance', 'employees']] }, 'required', 'criteria'],
    ['WP248 criterion 3 and Art 35(3)(c): video surveillance of a shop’s visitors is systematic monitoring', activity({ subjects: [subject('visitors', 3_000)], data: [data('video_images')] }), { systematic_monitoring: [['monitoring_data', 'video_images']] }, 'to_assess', 'one_criterion'],
    ['WP248 criterion 5: persons estimated reach the organisation’s threshold', activity({ subjects: [subject('customers', 8_000), subject('prospects', 2_000)] }), { large_scale: [['persons_over_threshold', null]] }, 'to_assess', 'one_criterion'],
    ['WP248 criterion 5: below the threshold is not large scale', activity({ subjects: [subject('customers', 9_999)] }), {}, 'not_required', 'no_criterion'],
    ['WP248 criterion 2 and Art 22: automated decisions with legal effect', activity({ subjects: [subject('customers', 100)], automated: true }), { automated_decision_legal_effect: [['automated_decision', null]] }, 'to_assess', 'one_criterion'],
    ['WP248 criteria 1 and 6 are declared: scoring and matching the user ticks', activity({ screening: { criteria: ['matching_combining_datasets', 'evaluation_scoring'] } }), { evaluation_scoring: [['declared', null]], matching_combining_datasets: [['declared', null]] }, 'required', 'criteria'],
    ['a declared criterion the facts also meet counts once, with both reasons', activity({ subjects: [subject('minors')], screening: { criteria: ['vulnerable_data_subjects'] } }), { vulnerable_data_subjects: [['declared', null], ['vulnerable_by_default', 'minors']] }, 'to_assess', 'one_criterion'],
    ['no criterion: not required (WP248: below one criterion a DPIA is not needed)', activity({ subjects: [subject('suppliers_contacts', 50)], data: [data('identity'), data('professional_life')] }), {}, 'not_required', 'no_criterion'],
    ['CNIL 2019-118 exempt list: HR of a small organisation with one criterion', activity({ subjects: [subject('employees', 40)], screening: { onCnilExemptList: 'hr_small_organisations' } }), { vulnerable_data_subjects: [['power_imbalance', 'employees']] }, 'not_required', 'cnil_exempt_list'],
    ['CNIL 2018-327 required list, whatever the criteria', activity({ subjects: [subject('suppliers_contacts')], screening: { onCnilRequiredList: 'pooled_contract_breaches' } }), {}, 'required', 'cnil_required_list'],
  ];

  it.each(cases)('%s', (_case, input, expected, decision, basis) => {
    const result = screenActivity(input, facts, thresholds, input.dpiaScreening);
    const met = Object.fromEntries(result.criteria.map((criterion) => [criterion.code, criterion.reasons.map((reason) => [reason.kind, reason.item])]));
    expect(met).toEqual(expected);
    expect(Object.keys(met)).toEqual(Object.keys(expected)); // WP248 order
    expect(result.outcome.decision).toBe(decision);
    expect(result.outcome.basis).toBe(basis);
    expect(settleActivityScreening(input, facts, thresholds).decision).toBe(decision);
  });

  it('names the persons and the threshold of the large-scale criterion', () => {
    const [criterion] = screeningCriteria(activity({ subjects: [subject('users', 25_000)] }), facts, thresholds);
    expect(criterion.reasons).toEqual([{ kind: 'persons_over_threshold', item: null, count: 25_000, threshold: 10_000 }]);
    expect(screeningCriteria(activity({ subjects: [subject('users', 25_000)] }), facts, { largeScalePersons: 50_000 })).toEqual([]);
  });

  it('lets the DPO dismiss a derived criterion with a written reason, not a declared one (WP248: the controller justifies not carrying out a DPIA)', () => {
    const employees = activity({
      subjects: [subject('employees', 40)],
      data: [data('economic_financial')],
      screening: { dismissed: [{ criterion: 'vulnerable_data_subjects', reason: 'Paie : aucun suivi ni évaluation des salariés' }] },
    });
    const criteria = screeningCriteria(employees, facts, thresholds);
    expect(criteria.map((criterion) => [criterion.code, criterion.dismissal])).toEqual([
      ['sensitive_or_highly_personal_data', null],
      ['vulnerable_data_subjects', 'Paie : aucun suivi ni évaluation des salariés'],
    ]);
    expect(countedCriteria(criteria)).toEqual(['sensitive_or_highly_personal_data']);
    expect(settleActivityScreening(employees, facts, thresholds).decision).toBe('to_assess');
    // Without the dismissal the two criteria require a DPIA.
    expect(settleActivityScreening({ ...employees, dpiaScreening: { ...employees.dpiaScreening, dismissed: undefined } }, facts, thresholds).decision).toBe('required');
    // A blank reason dismisses nothing, and is not stored.
    const blank = { ...employees, dpiaScreening: { ...employees.dpiaScreening, dismissed: [{ criterion: 'vulnerable_data_subjects', reason: '  ' }] } };
    expect(settleActivityScreening(blank, facts, thresholds)).toEqual({ ...blank.dpiaScreening, dismissed: undefined, decision: 'required' });
    // A declared criterion cannot be dismissed: untick it instead.
    const declared = activity({ screening: { criteria: ['innovative_technology'], dismissed: [{ criterion: 'innovative_technology', reason: 'Non' }] } });
    expect(countedCriteria(screeningCriteria(declared, facts, thresholds))).toEqual(['innovative_technology']);
  });

  it('keeps the DPO’s decision on one criterion, and knows when a change records a new one', () => {
    const undecided = activity({ subjects: [subject('minors', 120)] });
    const decided = activity({ subjects: [subject('minors', 120)], screening: { decision: 'not_required', justification: 'Liste d’appel de la cantine, rien d’autre' } });
    expect(settleActivityScreening(decided, facts, thresholds).decision).toBe('not_required');
    expect(changesActivityDpoDecision(undecided, decided, facts)).toBe(true);
    expect(changesActivityDpoDecision(decided, decided, facts)).toBe(false);
    expect(changesActivityDpoDecision(null, decided, facts)).toBe(true);
    // Computed results are nobody's decision: a second criterion settles it.
    const two = activity({ subjects: [subject('minors', 120)], data: [data('health', 'art9_2_h')], screening: { decision: 'required' } });
    expect(changesActivityDpoDecision(undecided, two, facts)).toBe(false);
    expect(changesDismissals(undecided.dpiaScreening, { dismissed: [{ criterion: 'vulnerable_data_subjects', reason: 'x' }] })).toBe(true);
    expect(changesDismissals({ dismissed: [] }, {})).toBe(false);
  });

  describe('screening again when the DPO changes the large-scale threshold (WP248 criterion 5, WP243 §2.1.4: the figure is the controller’s)', () => {
    const tenThousand = { largeScalePersons: 10_000 };
    const fiftyThousand = { largeScalePersons: 50_000 };
    const fiveThousand = { largeScalePersons: 5_000 };
    // [source and case, activity as stored (decision settled under `from`), from, to, decision after]
    const rescreens: [string, ScreenableContent, { largeScalePersons: number }, { largeScalePersons: number }, DpiaScreeningDecision][] = [
      [
        'WP248 criterion 5 alone: 25 000 customers stop being large scale at 50 000 → no criterion, not required',
        activity({ subjects: [subject('customers', 25_000)], screening: { decision: 'to_assess' } }),
        tenThousand,
        fiftyThousand,
        'not_required',
      ],
      [
        'WP248 criteria 5 + 7: 12 000 patients lose criterion 5 at 50 000 → one criterion: the DPO decides (an automatic « required » is nobody’s decision)',
        activity({ subjects: [subject('patients', 12_000)], screening: { decision: 'required' } }),
        tenThousand,
        fiftyThousand,
        'to_assess',
      ],
      [
        'WP248 criteria 5 + 7: 8 000 employees become large scale at 5 000 → two criteria, required (Art 35(1))',
        activity({ subjects: [subject('employees', 8_000)], screening: { decision: 'not_required', justification: 'Paie seule, pas de suivi des salariés' } }),
        tenThousand,
        fiveThousand,
        'required',
      ],
      [
        'WP248 criterion 5: 8 000 customers become large scale at 5 000 → one criterion, awaiting the DPO',
        activity({ subjects: [subject('customers', 8_000)], screening: { decision: 'not_required' } }),
        tenThousand,
        fiveThousand,
        'to_assess',
      ],
      [
        'WP248 criterion 7 only, below both thresholds: the DPO’s recorded decision on one criterion is kept',
        activity({ subjects: [subject('minors', 120)], screening: { decision: 'not_required', justification: 'Liste d’appel de la cantine, rien d’autre' } }),
        tenThousand,
        fiveThousand,
        'not_required',
      ],
      [
        'CNIL 2018-327 required list: the list decides whatever the threshold',
        activity({ subjects: [subject('customers', 25_000)], screening: { onCnilRequiredList: 'pooled_contract_breaches', decision: 'required' } }),
        tenThousand,
        fiftyThousand,
        'required',
      ],
    ];

    it.each(rescreens)('%s', (_case, stored, from, to, decision) => {
      const after = rescreenActivity(stored, facts, from, to);
      expect(after.decision).toBe(decision);
      // Only the decision moves: the answers and the DPO's written reasons stay as recorded.
      expect({ ...after, decision: stored.dpiaScreening.decision }).toEqual(stored.dpiaScreening);
      // The same answer as saving the activity under the new threshold would store, once its decision is settled.
      expect(settleActivityScreening({ ...stored, dpiaScreening: after }, facts, to).decision).toBe(decision);
    });
  });
});
