import { carpoolAnswers } from './design-grid.test-helpers';
import { GRID_QUESTIONS, type GridAnswers } from '../domain/design-grids/design-grid.types';
import { answeredQuestions, firstUnanswered, isAnswered } from './grid-progress';

describe('grid progress: answered means the required answers are given', () => {
  const full = carpoolAnswers();

  it('counts every question of a complete grid, and resumes at the summary', () => {
    expect(answeredQuestions(full)).toEqual([...GRID_QUESTIONS]);
    expect(firstUnanswered(full)).toBe('summary');
  });

  it('does not count question 4 or 5 because question 3 named the data (issue 16)', () => {
    const answers: GridAnswers = { purposes: full.purposes, legitimacy: full.legitimacy, data: full.data, minimisation: { justifications: full.data.dataCategories.map((category) => ({ category: category.category, justification: null })) }, retention: { rules: [] } };
    expect(answeredQuestions(answers)).toEqual(['purposes', 'legitimacy', 'data']);
    expect(firstUnanswered(answers)).toBe('minimisation');
  });

  it('does not count a question left empty through the step buttons (saved blank)', () => {
    const answers: GridAnswers = {
      ...full,
      information: { description: '   ', note: null },
      rights: { description: null },
      security: { measures: [], otherMeasures: [''] },
      // (Question 9 answered by its texts alone: a measure ticked there would count in question 8 too.)
      resilience: { ...full.resilience, measures: [] },
    };
    expect(isAnswered('information', answers)).toBe(false);
    expect(isAnswered('rights', answers)).toBe(false);
    expect(isAnswered('security', answers)).toBe(false);
    expect(answeredQuestions(answers)).toHaveLength(7);
    // Resume at the first blank one, not after the last one visited.
    expect(firstUnanswered(answers)).toBe('information');
  });

  it('needs a legal basis for every purpose described, a justification for every kind of data', () => {
    const twoPurposes: GridAnswers = {
      purposes: { purposes: [{ id: 'a', description: 'Mettre en relation les covoitureurs', main: true }, { id: 'b', description: 'Mesurer l’usage du service', main: false }], practices: [] },
      legitimacy: { bases: [{ purposeId: 'a', legalBasis: 'contract' }, { purposeId: 'b', legalBasis: null }] },
    };
    expect(isAnswered('legitimacy', twoPurposes)).toBe(false);
    expect(isAnswered('legitimacy', { ...twoPurposes, legitimacy: { bases: [{ purposeId: 'a', legalBasis: 'contract' }, { purposeId: 'b', legalBasis: 'consent' }] } })).toBe(true);
  });

  it('takes "don’t know yet" on retention as an answer (to decide with the DPO), nothing said as none', () => {
    const categories = full.data.dataCategories.map((category) => category.category);
    const undecided: GridAnswers = { ...full, retention: { rules: categories.map((category) => ({ category, activePeriod: null, undecided: true })) } };
    expect(isAnswered('retention', undecided)).toBe(true);
    const unlimitedWithoutReason: GridAnswers = { ...full, retention: { rules: categories.map((category) => ({ category, activePeriod: null })) } };
    expect(isAnswered('retention', unlimitedWithoutReason)).toBe(false);
    const oneMissing: GridAnswers = { ...full, retention: { rules: categories.slice(1).map((category) => ({ category, activePeriod: 'P1Y' })) } };
    expect(isAnswered('retention', oneMissing)).toBe(categories.length <= 1);
  });

  it('reads a security measure as one value in questions 8 and 9 (issue 16)', () => {
    const backupInEight: GridAnswers = { security: { measures: ['backup'], otherMeasures: [] } };
    expect(isAnswered('security', backupInEight)).toBe(true);
    expect(isAnswered('resilience', backupInEight)).toBe(true);
    const backupInNine: GridAnswers = { resilience: { measures: ['backup'] } };
    expect(isAnswered('security', backupInNine)).toBe(true);
    // Encryption is not a measure question 9 asks about: question 9 is still to answer.
    const encryption: GridAnswers = { security: { measures: ['encryption'], otherMeasures: [] } };
    expect(isAnswered('resilience', encryption)).toBe(false);
  });
});
