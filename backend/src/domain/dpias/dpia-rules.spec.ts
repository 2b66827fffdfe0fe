import dpia from '../catalogues/data/dpia.json';
import {
  consultationDeadlines,
  consultationHold,
  emptyContent,
  missingForSubmission,
  overallResidualRisk,
  priorConsultationRequired,
  progressOf,
  residualLevel,
  riskLevel,
} from './dpia-rules';
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

describe('Art 36: prior consultation of the supervisory authority', () => {
  const withResidual = (after: [number, number] | null, before: [number, number] = [4, 4]) => {
    const content = emptyContent();
    for (const event of ['illegitimate_access', 'unwanted_modification', 'disappearance'] as const) {
      content.risks[event].before = { severity: 1, likelihood: 1 };
      content.risks[event].after = { severity: 1, likelihood: 1 };
    }
    content.risks.illegitimate_access.before = { severity: before[0], likelihood: before[1] } as never;
    content.risks.illegitimate_access.after = after ? ({ severity: after[0], likelihood: after[1] } as never) : { severity: null, likelihood: null };
    return content;
  };

  // [case, residual severity × likelihood of the worst feared event, consultation required]
  it.each([
    ['Art 36(1): 4×3 after measures stays high', [4, 3], true],
    ['Art 36(1): 3×3 after measures stays high', [3, 3], true],
    ['Art 36(1): 4×4 after measures stays high', [4, 4], true],
    ['Art 36(1), CNIL PIA method: 4×2 after measures is no longer high', [4, 2], false],
    ['Art 36(1): 2×3 after measures is no longer high', [2, 3], false],
    ['Art 36(1): measures not rated yet, the level before measures (4×4) counts', null, true],
  ] as const)('%s', (_case, after, required) => {
    expect(priorConsultationRequired(withResidual(after as [number, number] | null))).toBe(required);
  });

  // [case, request sent on, answer due on, extended answer due on]
  it.each([
    ['Art 36(2), 1182/71 Art 3(2)(c): eight weeks end on the same weekday; fourteen with the extension', '2026-12-02', '2027-01-27', '2027-03-10'],
    ['1182/71 Art 3(4): an end on 14 July (fête nationale) moves to the next working day', '2026-05-19', '2026-07-15', '2026-08-25'],
    ['1182/71 Art 3(4): an end on a Saturday moves to the Monday, the extension counts from the request', '2026-11-28', '2027-01-25', '2027-03-08'],
  ])('%s', (_case, sentOn, answerDueOn, extendedAnswerDueOn) => {
    expect(consultationDeadlines(sentOn)).toEqual({ answerDueOn, extendedAnswerDueOn });
  });

  it('Art 36(2), Art 58(2)(f): the processing waits while the answer is pending, and stays stopped when the authority bans it', () => {
    const answer = (outcome: 'no_objection' | 'written_advice' | 'processing_prohibited') => ({
      answer: { receivedOn: '2027-01-20', outcome, summary: 'Réponse de la CNIL', recordedBy: null, recordedByName: null, recordedAt: '2027-01-21T09:00:00.000Z' },
    });
    expect(consultationHold(null)).toBeNull();
    expect(consultationHold({ answer: null })).toBe('pending');
    expect(consultationHold(answer('no_objection'))).toBeNull();
    expect(consultationHold(answer('written_advice'))).toBeNull();
    expect(consultationHold(answer('processing_prohibited'))).toBe('prohibited');
  });
});
