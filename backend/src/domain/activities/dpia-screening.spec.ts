import type { DpiaScreening, DpiaScreeningDecision } from './activity.types';
import { screenDpia, ScreeningBasis } from './dpia-screening';

const screening = (overrides: Partial<DpiaScreening> = {}): DpiaScreening => ({
  criteria: [],
  onCnilRequiredList: null,
  onCnilExemptList: null,
  decision: 'to_assess',
  justification: null,
  ...overrides,
});

describe('the DPIA screening rule', () => {
  // [case, criteria, required list, exempt list, decision sent, justification, expected decision, basis, justification missing]
  const cases: [string, string[], string | null, string | null, DpiaScreeningDecision, string | null, DpiaScreeningDecision, ScreeningBasis, boolean][] = [
    ['nothing at all', [], null, null, 'to_assess', null, 'not_required', 'no_criterion', false],
    ['nothing, a client that says required is overruled', [], null, null, 'required', null, 'not_required', 'no_criterion', false],
    ['the CNIL required list alone', [], 'biometric_vulnerable', null, 'not_required', null, 'required', 'cnil_required_list', false],
    ['two criteria', ['large_scale', 'systematic_monitoring'], null, null, 'not_required', 'we think not', 'required', 'criteria', false],
    ['four criteria', ['evaluation_scoring', 'automated_decision_legal_effect', 'sensitive_or_highly_personal_data', 'innovative_technology'], null, null, 'required', null, 'required', 'criteria', false],
    ['the exempt list alone', [], null, 'supplier_management', 'required', null, 'not_required', 'cnil_exempt_list', false],
    ['the exempt list with one criterion', ['large_scale'], null, 'hr_small_organisations', 'required', null, 'not_required', 'cnil_exempt_list', false],
    ['both lists: the required list wins', [], 'hr_profiling', 'hr_small_organisations', 'not_required', null, 'required', 'cnil_required_list', false],
    ['the exempt list with two criteria: the criteria win', ['large_scale', 'vulnerable_data_subjects'], null, 'works_council', 'not_required', null, 'required', 'criteria', false],
    ['one criterion, undecided', ['large_scale'], null, null, 'to_assess', null, 'to_assess', 'one_criterion', false],
    ['one criterion, the DPO says not required and why', ['large_scale'], null, null, 'not_required', 'Aggregated counts only', 'not_required', 'one_criterion', false],
    ['one criterion, the DPO says required', ['innovative_technology'], null, null, 'required', 'New technology, untested', 'required', 'one_criterion', false],
    ['one criterion, a decision without a justification (imported) is kept and flagged', ['large_scale'], null, null, 'not_required', '  ', 'not_required', 'one_criterion', true],
    ['one criterion given twice counts once', ['large_scale', 'large_scale'], null, null, 'to_assess', null, 'to_assess', 'one_criterion', false],
  ];

  it.each(cases)('%s', (_case, criteria, required, exempt, sent, justification, decision, basis, justificationMissing) => {
    const input = screening({ criteria, onCnilRequiredList: required, onCnilExemptList: exempt, decision: sent, justification });
    const outcome = screenDpia(input, input);
    expect(outcome).toEqual({ decision, basis, dpoDecides: basis === 'one_criterion', justificationMissing });
  });

  it('without a recorded decision, one criterion awaits the DPO', () => {
    expect(screenDpia(screening({ criteria: ['large_scale'] })).decision).toBe('to_assess');
  });
});
