/**
 * When a question of the design grid counts as answered: when its required answers are given, never
 * because it was opened, left or saved empty. Pure (no Nest): the server's view, the grid list, the
 * wizard's step list, progress, resume and the summary all read this one definition.
 */
import { GRID_QUESTIONS, isResilienceMeasure, type GridAnswers, type GridQuestion } from '../domain/design-grids/design-grid.types';

const given = (text: string | null | undefined): boolean => typeof text === 'string' && text.trim() !== '';

/** The purposes the team described (question 1), by id. */
function describedPurposes(answers: GridAnswers): string[] {
  return (answers.purposes?.purposes ?? []).filter((purpose) => given(purpose.description)).map((purpose) => purpose.id);
}

/** The data categories of question 3 (questions 4 and 5 ask about each of them). */
function dataCategories(answers: GridAnswers): string[] {
  return [...new Set((answers.data?.dataCategories ?? []).map((category) => category.category).filter(given))];
}

/** The catalogue measures ticked in question 8 or 9. */
function measures(answers: GridAnswers): string[] {
  return [...new Set([...(answers.security?.measures ?? []), ...(answers.resilience?.measures ?? [])])];
}

const RULES: Record<GridQuestion, (answers: GridAnswers) => boolean> = {
  purposes: (answers) => describedPurposes(answers).length > 0,
  // A legal basis for every purpose described.
  legitimacy: (answers) => {
    const purposes = describedPurposes(answers);
    const based = new Set((answers.legitimacy?.bases ?? []).filter((basis) => basis.legalBasis !== null && basis.legalBasis !== undefined).map((basis) => basis.purposeId));
    return purposes.length > 0 && purposes.every((id) => based.has(id));
  },
  data: (answers) => (answers.data?.subjects.length ?? 0) > 0 && dataCategories(answers).length > 0,
  // Why each kind of data is needed.
  minimisation: (answers) => {
    const categories = dataCategories(answers);
    const justified = new Set((answers.minimisation?.justifications ?? []).filter((item) => given(item.justification)).map((item) => item.category));
    return categories.length > 0 && categories.every((category) => justified.has(category));
  },
  // For each kind of data, a decision: a period, no end with its reason, or "don't know yet" (to decide with the DPO).
  retention: (answers) => {
    const categories = dataCategories(answers);
    const decided = new Set(
      (answers.retention?.rules ?? [])
        .filter((rule) => rule.undecided === true || rule.activePeriod !== null || given(rule.unlimitedJustification))
        .map((rule) => rule.category),
    );
    return categories.length > 0 && categories.every((category) => decided.has(category));
  },
  information: (answers) => given(answers.information?.description),
  rights: (answers) => given(answers.rights?.description),
  // A measure is one value in questions 8 and 9: ticked in either, it is ticked in both.
  security: (answers) => measures(answers).length + (answers.security?.otherMeasures.filter(given).length ?? 0) > 0,
  resilience: (answers) =>
    measures(answers).some(isResilienceMeasure) || [answers.resilience?.incidentProcedure, answers.resilience?.patching, answers.resilience?.rollback].some(given),
  documentation: (answers) => (answers.documentation?.documents.length ?? 0) > 0,
};

export function isAnswered(question: GridQuestion, answers: GridAnswers): boolean {
  return RULES[question](answers);
}

/** The questions answered, in the grid's order. */
export function answeredQuestions(answers: GridAnswers): GridQuestion[] {
  return GRID_QUESTIONS.filter((question) => isAnswered(question, answers));
}

/** Where a team resumes: the first question not answered, or the summary when all are. */
export function firstUnanswered(answers: GridAnswers): GridQuestion | 'summary' {
  return GRID_QUESTIONS.find((question) => !isAnswered(question, answers)) ?? 'summary';
}
