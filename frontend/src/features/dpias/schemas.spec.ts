import { emptyContent } from './types';
import {
  actionPlanFromForm,
  consultationAnswerSchema,
  decisionFormSchema,
  decisionFromForm,
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
    const missing = ZDecisionFormSchema.safeParse({ decision: 'validated_with_conditions', comment: '  ', sentOn: '', reference: '' });
    expect(missing.error?.issues).toEqual([expect.objectContaining({ path: ['comment'], message: 'validation.required' })]);
    expect(ZDecisionFormSchema.safeParse({ decision: 'validated', comment: '', sentOn: '', reference: '' }).success).toBe(true);
  });

  describe('Art 36: prior consultation', () => {
    const values = { decision: 'validated' as const, comment: '', sentOn: '', reference: '' };
    const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

    it('asks for the request (date, reference) only when the residual risk stays high and the DPIA is validated', () => {
      expect(paths(decisionFormSchema(true).safeParse(values))).toEqual(['sentOn', 'reference']);
      expect(paths(decisionFormSchema(true).safeParse({ ...values, decision: 'validated_with_conditions', comment: 'Floutage', sentOn: '2026-13-40', reference: 'x' }))).toEqual(['sentOn']);
      expect(decisionFormSchema(true).safeParse({ ...values, decision: 'refused' }).success).toBe(true);
      expect(decisionFormSchema(false).safeParse(values).success).toBe(true);
    });

    it('sends the consultation with a validation that needs it, never with a refusal or when not needed', () => {
      const filled = { ...values, sentOn: '2026-11-28', reference: ' Saisine n° 26-04817 ' };
      expect(decisionFromForm(filled, true)).toEqual({ decision: 'validated', comment: null, priorConsultation: { sentOn: '2026-11-28', reference: 'Saisine n° 26-04817' } });
      expect(decisionFromForm({ ...filled, decision: 'refused', comment: 'Disproportionné' }, true)).toEqual({ decision: 'refused', comment: 'Disproportionné' });
      expect(decisionFromForm(filled, false)).toEqual({ decision: 'validated', comment: null });
    });

    it('refuses an answer dated before the request, or without a date or summary', () => {
      const schema = consultationAnswerSchema('2026-11-28');
      const early = schema.safeParse({ receivedOn: '2026-11-27', outcome: 'written_advice', summary: 'Flouter les postes' });
      expect(early.error?.issues).toEqual([expect.objectContaining({ path: ['receivedOn'], message: 'dpias.consultation.answerBeforeRequest' })]);
      expect(paths(schema.safeParse({ receivedOn: '', outcome: 'no_objection', summary: ' ' }))).toEqual(['receivedOn', 'summary']);
      expect(schema.safeParse({ receivedOn: '2026-11-28', outcome: 'no_objection', summary: 'Aucune objection' }).success).toBe(true);
    });
  });
});
