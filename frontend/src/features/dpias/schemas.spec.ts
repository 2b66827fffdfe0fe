import { emptyContent } from './types';
import {
  actionPlanFromForm,
  risksFromForm,
  risksToForm,
  splitLines,
  ZActionPlanFormSchema,
  ZDecisionFormSchema,
  ZRisksFormSchema,
} from './schemas';

describe('DPIA section forms', () => {
  it('round-trips the risks between the API and the form (lines, measures, scales)', () => {
    const risks = emptyContent().risks;
    risks.illegitimate_access = {
      ...risks.illegitimate_access,
      riskSources: ['Attaquant externe', 'Employé indélicat'],
      existingMeasures: ['access_control'],
      before: { severity: 4, likelihood: 3 },
      after: { severity: 4, likelihood: null },
    };
    const form = risksToForm(risks);
    expect(form.illegitimate_access.riskSources).toBe('Attaquant externe\nEmployé indélicat');
    expect(form.illegitimate_access.before).toEqual({ severity: '4', likelihood: '3' });
    expect(ZRisksFormSchema.safeParse(form).success).toBe(true);
    expect(risksFromForm(form)).toEqual(risks);
  });

  it('drops blank lines', () => {
    expect(splitLines('  a \n\n b\n  ')).toEqual(['a', 'b']);
  });

  it('requires a measure and a valid date per action, and sends no id for new rows', () => {
    const invalid = ZActionPlanFormSchema.safeParse({ actions: [{ id: '', measure: ' ', owner: '', dueDate: '2026-13-01', status: 'planned' }] });
    expect(invalid.success).toBe(false);
    expect(invalid.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['actions.0.measure', 'actions.0.dueDate']);
    expect(actionPlanFromForm({ actions: [{ id: '', measure: ' Chiffrer ', owner: '', dueDate: '', status: 'planned' }] })).toEqual([
      { measure: 'Chiffrer', owner: null, dueDate: null, status: 'planned' },
    ]);
  });

  it('asks for the conditions of a validation with conditions', () => {
    const missing = ZDecisionFormSchema.safeParse({ decision: 'validated_with_conditions', comment: '  ' });
    expect(missing.error?.issues).toEqual([expect.objectContaining({ path: ['comment'], message: 'validation.required' })]);
    expect(ZDecisionFormSchema.safeParse({ decision: 'validated', comment: '' }).success).toBe(true);
  });
});
