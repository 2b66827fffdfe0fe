import { addDays, IsoDate, onOrNextWorkingDay } from '../deadlines/legal-deadlines';
import {
  CONTEXT_FIELDS,
  DataSubjectsView,
  DpiaContent,
  DpiaProgress,
  DpiaRisk,
  DpiaStatus,
  FEARED_EVENTS,
  FearedEvent,
  PRINCIPLE_ITEMS,
  PriorConsultation,
  PriorConsultationView,
  RiskLevel,
  RiskLevelName,
} from './dpia.types';

/**
 * Pure DPIA rules shared by the server and the pages: empty content, risk levels, progress per
 * section, and what submitting needs.
 */

const emptyRisk = (): DpiaRisk => ({
  riskSources: [],
  threats: [],
  impacts: [],
  existingMeasures: [],
  plannedMeasures: [],
  before: { severity: null, likelihood: null },
  after: { severity: null, likelihood: null },
});

export const emptyDataSubjectsView = (): DataSubjectsView => ({ sought: null, reasonNotSought: null, names: null, status: null, opinion: null });

export function emptyContent(): DpiaContent {
  return {
    context: { processing: null, responsibilities: null, standards: null, lifecycle: null, supportingAssets: null },
    principles: Object.fromEntries(PRINCIPLE_ITEMS.map((item) => [item, { judgement: null, comment: null }])) as DpiaContent['principles'],
    risks: Object.fromEntries(FEARED_EVENTS.map((event) => [event, emptyRisk()])) as DpiaContent['risks'],
    actionPlan: [],
    dataSubjectsView: emptyDataSubjectsView(),
  };
}

const filled = (text: string | null | undefined) => typeof text === 'string' && text.trim() !== '';
const rated = (level: RiskLevel) => level.severity !== null && level.likelihood !== null;

/**
 * The zone of the 4×4 map a point falls in: high when both severity and likelihood are significant or
 * maximum (3–4), low when both are negligible or limited (1–2), medium otherwise. The CNIL's guidance
 * reads the map the same way: the top-right must be avoided, the bottom-left may be accepted.
 */
export function riskLevel(level: RiskLevel): RiskLevelName | null {
  if (!rated(level)) return null;
  const severity = level.severity!;
  const likelihood = level.likelihood!;
  if (severity >= 3 && likelihood >= 3) return 'high';
  if (severity <= 2 && likelihood <= 2) return 'low';
  return 'medium';
}

/** The residual level of a feared event: after measures, or before when no measure changes it yet. */
export function residualLevel(risk: DpiaRisk): RiskLevel {
  return rated(risk.after) ? risk.after : risk.before;
}

const ORDER: Record<RiskLevelName, number> = { low: 0, medium: 1, high: 2 };

/** The worst residual level over the feared events (null while none is rated). */
export function overallResidualRisk(content: Pick<DpiaContent, 'risks'>): RiskLevelName | null {
  let worst: RiskLevelName | null = null;
  for (const event of FEARED_EVENTS) {
    const level = riskLevel(residualLevel(content.risks[event]));
    if (level && (worst === null || ORDER[level] > ORDER[worst])) worst = level;
  }
  return worst;
}

/** How far each section is; the validation section counts the people's view, the opinion and the decision. */
export function progressOf(content: DpiaContent, closing: { opinion: boolean; decision: boolean }): DpiaProgress {
  const view = content.dataSubjectsView;
  const viewGiven = view.sought === true ? filled(view.opinion) : view.sought === false && filled(view.reasonNotSought);
  return {
    context: { done: CONTEXT_FIELDS.filter((field) => filled(content.context[field])).length, total: CONTEXT_FIELDS.length },
    principles: { done: PRINCIPLE_ITEMS.filter((item) => content.principles[item].judgement !== null).length, total: PRINCIPLE_ITEMS.length },
    risks: { done: FEARED_EVENTS.filter((event) => riskAssessed(content.risks[event])).length, total: FEARED_EVENTS.length },
    actionPlan: { done: content.actionPlan.filter((action) => filled(action.owner) && action.dueDate !== null).length, total: content.actionPlan.length },
    validation: { done: [viewGiven, closing.opinion, closing.decision].filter(Boolean).length, total: 3 },
  };
}

/** A feared event is assessed once it is rated before and after measures. */
export function riskAssessed(risk: DpiaRisk): boolean {
  return rated(risk.before) && rated(risk.after);
}

/** What must be settled before the DPO is asked for an opinion: every feared event rated. */
export function missingForSubmission(content: DpiaContent): FearedEvent[] {
  return FEARED_EVENTS.filter((event) => !riskAssessed(content.risks[event]));
}

export type DpiaTransition = 'submit' | 'reopen' | 'opinion' | 'decide' | 'newRevision';

/** The statuses each step starts from (draft → in_progress happens at the first saved section). */
export const DPIA_TRANSITIONS: Record<DpiaTransition, readonly DpiaStatus[]> = {
  submit: ['draft', 'in_progress'],
  reopen: ['awaiting_dpo_opinion'],
  opinion: ['awaiting_dpo_opinion'],
  decide: ['awaiting_dpo_opinion'],
  newRevision: ['validated', 'refused'],
};

/**
 * Art 36(1): the controller consults the supervisory authority before processing when the DPIA shows
 * a high risk that its measures do not mitigate — on the 4×4 map, a residual level still high (both
 * severity and likelihood 3 or 4, e.g. 4×3 or 3×3 after measures).
 */
export function priorConsultationRequired(content: Pick<DpiaContent, 'risks'>): boolean {
  return overallResidualRisk(content) === 'high';
}

/** Art 36(2): the authority answers within eight weeks of the request, extendable by six. */
export const CONSULTATION_WEEKS = 8;
export const CONSULTATION_EXTENSION_WEEKS = 6;

/**
 * The days by which the authority should answer a request sent on `sentOn`, counted as Regulation
 * 1182/71 counts periods in weeks: Art 3(1) the day of the request is not counted, Art 3(2)(c) the
 * period ends on the same weekday of the last week, Art 3(4) a Saturday, Sunday or public holiday
 * moves the end to the next working day. The extension forms one period of fourteen weeks with the
 * first eight (as the Art 12(3) extension in legal-deadlines), so a moved first end does not push it.
 */
export function consultationDeadlines(sentOn: IsoDate, country?: string): { answerDueOn: IsoDate; extendedAnswerDueOn: IsoDate } {
  return {
    answerDueOn: onOrNextWorkingDay(addDays(sentOn, CONSULTATION_WEEKS * 7), country),
    extendedAnswerDueOn: onOrNextWorkingDay(addDays(sentOn, (CONSULTATION_WEEKS + CONSULTATION_EXTENSION_WEEKS) * 7), country),
  };
}

export function consultationView(consultation: PriorConsultation | null, country?: string): PriorConsultationView | null {
  return consultation ? { ...consultation, ...consultationDeadlines(consultation.sentOn, country) } : null;
}

/**
 * Art 36(1)-(2): the processing waits for the authority. `pending` while no answer is recorded,
 * `prohibited` when the authority banned it (Art 58(2)(f)); null when nothing holds it.
 */
export function consultationHold(consultation: { answer: { outcome: string } | null } | null): 'pending' | 'prohibited' | null {
  if (!consultation) return null;
  if (!consultation.answer) return 'pending';
  return consultation.answer.outcome === 'processing_prohibited' ? 'prohibited' : null;
}
