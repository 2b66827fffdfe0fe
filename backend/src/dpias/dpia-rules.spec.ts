import dpia from '../catalogues/data/dpia.json';
import { emptyContent, missingForSubmission, overallResidualRisk, progressOf, residualLevel, riskLevel } from './dpia-rules';
import { DPIA_DECISIONS, FEARED_EVENTS, OPINION_STATUSES, PROPORTIONALITY_ITEMS, RIGHTS_ITEMS } from './dpia.types';

describe('DPIA codes', () => {
  it('are those of the shipped reference (dpia.json)', () => {
    const items = (code: string) => dpia.method.sections.flatMap((section) => section.items).find((item) => item.code === code)!;
    expect(FEARED_EVENTS).toEqual(dpia.feared_events.map((event) => event.code));
    expect(DPIA_DECISIONS).toEqual(dpia.decisions.map((decision) => decision.code));
    expect(PROPORTIONALITY_ITEMS).toEqual(items('proportionality_necessity').questions.map((question) => question.code));
    expect(RIGHTS_ITEMS).toEqual(items('rights_controls').questions.map((question) => question.code));
    const statuses = dpia.opinions[0].fields.find((field) => field.code === 'status')!.values!.map((value) => value.code);
    expect(OPINION_STATUSES).toEqual(statuses);
  });
});

describe('risk levels on the 4×4 map', () => {
  it.each([
    [1, 1, 'low'],
    [2, 2, 'low'],
    [2, 3, 'medium'],
    [4, 1, 'medium'],
    [3, 3, 'high'],
    [4, 4, 'high'],
  ] as const)('severity %i, likelihood %i → %s', (severity, likelihood, level) => {
    expect(riskLevel({ severity, likelihood })).toBe(level);
  });

  it('has no level until both scales are set; the residual level falls back to before measures', () => {
    expect(riskLevel({ severity: 3, likelihood: null })).toBeNull();
    const risk = { ...emptyContent().risks.disappearance, before: { severity: 3, likelihood: 4 } as const };
    expect(residualLevel(risk)).toEqual({ severity: 3, likelihood: 4 });
    expect(residualLevel({ ...risk, after: { severity: 3, likelihood: 1 } })).toEqual({ severity: 3, likelihood: 1 });
  });

  it('takes the worst residual risk over the feared events', () => {
    const content = emptyContent();
    expect(overallResidualRisk(content)).toBeNull();
    content.risks.illegitimate_access.before = { severity: 1, likelihood: 2 };
    content.risks.disappearance.before = { severity: 4, likelihood: 4 };
    content.risks.disappearance.after = { severity: 4, likelihood: 2 };
    expect(overallResidualRisk(content)).toBe('medium');
    expect(missingForSubmission(content)).toEqual(['illegitimate_access', 'unwanted_modification']);
  });

  it('counts progress per section', () => {
    const content = emptyContent();
    content.context.processing = 'Traitement';
    content.context.standards = '  ';
    content.principles.consent = { judgement: 'to_improve', comment: null };
    content.actionPlan = [
      { id: 'a', measure: 'Chiffrer', owner: 'DSI', dueDate: '2027-01-01', status: 'planned' },
      { id: 'b', measure: 'Former', owner: null, dueDate: null, status: 'planned' },
    ];
    content.dataSubjectsView = { sought: false, reasonNotSought: 'Représentants consultés via le CSE', names: null, status: null, opinion: null };
    expect(progressOf(content, { opinion: true, decision: false })).toEqual({
      context: { done: 1, total: 5 },
      principles: { done: 1, total: 12 },
      risks: { done: 0, total: 3 },
      actionPlan: { done: 1, total: 2 },
      validation: { done: 2, total: 3 },
    });
  });
});
