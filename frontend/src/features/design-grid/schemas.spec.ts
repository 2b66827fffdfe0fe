import { dataStep, documentationStep, legitimacyStep, linkedAnswers, purposesStep, resilienceStep, retentionStep, securityStep, ZDataStepSchema, ZRetentionStepSchema } from './schemas';
import { resumeStep, type GridAnswers } from './types';

/** The item at `index`, failing the test when there is none. */
function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${String(index)}`);
  return item;
}

const answers: GridAnswers = {
  purposes: { purposes: [{ id: 'a', description: 'Apparier les trajets', main: true }, { id: 'b', description: 'Statistiques', main: false }], practices: [] },
  data: { subjects: [], dataCategories: [{ category: 'identity' }, { category: 'location' }], recipients: [], processors: [] },
};

describe('design grid step forms: form ↔ API answers', () => {
  it('question 2 has one row per purpose of question 1, keeps what was answered, and sends the three-part test only for legitimate interests', () => {
    const form = legitimacyStep.toForm({ bases: [{ purposeId: 'b', legalBasis: 'legitimate_interests', interest: 'Piloter', necessity: null, balancing: null }] }, answers);
    expect(form.bases.map((basis) => [basis.purposeId, basis.legalBasis, basis.interest])).toEqual([
      ['a', '', ''],
      ['b', 'legitimate_interests', 'Piloter'],
    ]);
    const answer = legitimacyStep.toAnswer({
      ...form,
      bases: [
        { ...at(form.bases, 0), legalBasis: 'consent', interest: 'oublié' },
        { ...at(form.bases, 1), necessity: '  Agrégats  ' },
      ],
    });
    expect(answer.bases).toEqual([
      { purposeId: 'a', legalBasis: 'consent', legalReference: null, interest: null, necessity: null, balancing: null },
      { purposeId: 'b', legalBasis: 'legitimate_interests', legalReference: null, interest: 'Piloter', necessity: 'Agrégats', balancing: null },
    ]);
  });

  it('question 3 leaves out rows still being typed and turns tri-states and counts into API values', () => {
    const form = dataStep.toForm(undefined);
    const answer = dataStep.toAnswer({
      ...form,
      largeScale: 'no',
      subjects: [
        { category: 'employees', estimatedCount: '1200', vulnerable: '' },
        { category: '', estimatedCount: '', vulnerable: '' },
      ],
      processors: [
        { name: 'Cartes Inc.', country: 'US', mechanism: '' },
        { name: ' ', country: 'FR', mechanism: '' },
      ],
    });
    expect(answer).toMatchObject({
      largeScale: false,
      subjects: [{ category: 'employees', estimatedCount: 1200, vulnerable: null }],
      processors: [{ name: 'Cartes Inc.', country: 'US', mechanism: null }],
    });
    expect(ZDataStepSchema.safeParse({ ...form, subjects: [{ category: 'employees', estimatedCount: 'beaucoup', vulnerable: '' }] }).success).toBe(false);
  });

  it('question 5 asks about each data category of question 3 and writes ISO durations; a category without a choice is not sent', () => {
    const form = retentionStep.toForm({ rules: [{ category: 'location', activePeriod: 'P3M', endAction: 'anonymise' }] }, answers);
    expect(form.rules.map((rule) => [rule.category, rule.mode, rule.activeAmount, rule.activeUnit])).toEqual([
      ['identity', 'unset', '', 'Y'],
      ['location', 'limited', '3', 'M'],
    ]);
    const answer = retentionStep.toAnswer({ ...form, rules: [{ ...at(form.rules, 0), mode: 'unlimited', unlimitedJustification: 'Archives' }, { ...at(form.rules, 1), activeAmount: '1' }] });
    expect(answer.rules).toEqual([
      { category: 'identity', activePeriod: null, archivePeriod: null, startEvent: null, legalReference: null, endAction: 'delete', unlimitedJustification: 'Archives' },
      { category: 'location', activePeriod: 'P1M', archivePeriod: null, startEvent: null, legalReference: null, endAction: 'anonymise', unlimitedJustification: null },
    ]);
    expect(retentionStep.toAnswer(retentionStep.toForm(undefined, answers)).rules).toEqual([]);
    // "Je ne sais pas encore" is its own answer, never a retention without end.
    const undecided = retentionStep.toAnswer({ ...form, rules: [{ ...at(form.rules, 0), mode: 'none' }] });
    expect(undecided.rules).toEqual([{ category: 'identity', activePeriod: null, undecided: true }]);
    expect(retentionStep.toForm(undecided, answers).rules.map((rule) => rule.mode)).toEqual(['none', 'unset']);
    const missingAmount = ZRetentionStepSchema.safeParse({ ...form, rules: [{ ...at(form.rules, 1), activeAmount: '' }] });
    expect(missingAmount.success).toBe(false);
  });

  it('question 1 starts with one empty main purpose; security takes one own measure per line; documents keep only a chosen state', () => {
    expect(purposesStep.toForm(undefined).purposes).toEqual([{ id: expect.any(String) as string, description: '', main: true }]);
    expect(securityStep.toAnswer({ measures: ['encryption'], otherMeasures: 'Revue des accès\n\n  Coffre-fort ', note: '' })).toEqual({
      measures: ['encryption'],
      otherMeasures: ['Revue des accès', 'Coffre-fort'],
      note: null,
    });
    const documents = documentationStep.toForm({ documents: [{ kind: 'notice', state: 'planned' }] });
    expect(documents.documents.notice).toBe('planned');
    expect(documentationStep.toAnswer(documents).documents).toEqual([{ kind: 'notice', state: 'planned' }]);
  });

  it('resumes at the first question not answered', () => {
    expect(resumeStep({ answered: [] })).toBe('purposes');
    expect(resumeStep({ answered: ['purposes', 'legitimacy', 'data', 'minimisation'] })).toBe('retention');
    expect(resumeStep({ answered: ['purposes', 'legitimacy', 'data', 'minimisation', 'retention', 'information', 'rights', 'security', 'resilience', 'documentation'] })).toBe('summary');
  });

  it('a security measure is one value in questions 8 and 9: ticked in one, ticked in the other; unticked in one, gone from both (issue 16)', () => {
    // Backups ticked in question 8 show ticked in question 9, which offers it.
    const saved: GridAnswers = { security: { measures: ['encryption', 'backup'], otherMeasures: [], note: null } };
    expect(resilienceStep.toForm(undefined, saved).measures).toEqual(['backup']);
    // Unticking it in question 9 unticks it in question 8 too; encryption (not offered in 9) stays.
    const fromNine = linkedAnswers('resilience', resilienceStep.toAnswer({ ...resilienceStep.toForm(undefined, saved), measures: [] }), saved);
    expect(fromNine.security?.measures).toEqual(['encryption']);
    expect(fromNine.resilience?.measures).toEqual([]);
    // Ticking incident management in question 9 shows it ticked in question 8.
    const withIncidents = linkedAnswers('resilience', { measures: ['backup', 'incident_management'], incidentProcedure: null, patching: null, rollback: null, note: null }, saved);
    expect(securityStep.toForm(withIncidents.security, withIncidents).measures).toEqual(['encryption', 'backup', 'incident_management']);
    // Unticking backups in question 8 removes them from question 9's answer.
    const fromEight = linkedAnswers('security', { measures: ['encryption', 'incident_management'], otherMeasures: [], note: null }, withIncidents);
    expect(fromEight.resilience?.measures).toEqual(['incident_management']);
    expect(resilienceStep.toForm(fromEight.resilience, fromEight).measures).toEqual(['incident_management']);
    // Other questions save alone; question 8 without a shared measure does not create question 9's answer.
    expect(linkedAnswers('rights', { description: 'Formulaire' }, saved)).toEqual({ rights: { description: 'Formulaire' } });
    expect(linkedAnswers('security', { measures: ['encryption'], otherMeasures: [], note: null }, {})).toEqual({ security: { measures: ['encryption'], otherMeasures: [], note: null } });
  });
});
