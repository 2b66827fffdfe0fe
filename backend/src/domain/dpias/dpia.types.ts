/**
 * A DPIA (Art 35) along the CNIL PIA method (dpia.json `method`): what the API returns and what each
 * closed revision keeps. Codes are those of dpia.json; the frontend imports this file.
 */

export const DPIA_STATUSES = ['draft', 'in_progress', 'awaiting_dpo_opinion', 'validated', 'refused'] as const;
export type DpiaStatus = (typeof DPIA_STATUSES)[number];
/** Statuses in which the assessment is closed: any write answers 409 dpia_locked. */
export const LOCKED_STATUSES: readonly DpiaStatus[] = ['validated', 'refused'];
/** Statuses in which the sections may be edited. */
export const EDITABLE_STATUSES: readonly DpiaStatus[] = ['draft', 'in_progress'];

export const DPIA_DECISIONS = ['validated', 'validated_with_conditions', 'refused'] as const;
export type DpiaDecision = (typeof DPIA_DECISIONS)[number];

export const FEARED_EVENTS = ['illegitimate_access', 'unwanted_modification', 'disappearance'] as const;
export type FearedEvent = (typeof FEARED_EVENTS)[number];

/** Severity and likelihood, 1 (negligible) to 4 (maximum), dpia.json severityScale / likelihoodScale. */
export const SCALE_VALUES = [1, 2, 3, 4] as const;
export type ScaleValue = (typeof SCALE_VALUES)[number];

/** Item 21 (proportionality and necessity) and item 22 (controls protecting rights) of the method. */
export const PROPORTIONALITY_ITEMS = ['purposes', 'legal_basis', 'minimisation', 'accuracy', 'retention'] as const;
export const RIGHTS_ITEMS = ['information', 'consent', 'access_portability', 'rectification_erasure', 'restriction_objection', 'processors', 'transfers'] as const;
export const PRINCIPLE_ITEMS = [...PROPORTIONALITY_ITEMS, ...RIGHTS_ITEMS] as const;
export type PrincipleItem = (typeof PRINCIPLE_ITEMS)[number];

export const JUDGEMENTS = ['acceptable', 'to_improve'] as const;
export type Judgement = (typeof JUDGEMENTS)[number];

export const ACTION_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** dpia.json opinions[].fields status values. */
export const OPINION_STATUSES = ['could_be_implemented', 'should_not_be_implemented'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

/**
 * Context (section 1): only what the register does not hold. The data, purposes, subjects, recipients,
 * processors, retention and measures come from the activity at read time (`registerContext`).
 */
export interface DpiaContext {
  processing: string | null;
  responsibilities: string | null;
  standards: string | null;
  lifecycle: string | null;
  supportingAssets: string | null;
}
export const CONTEXT_FIELDS = ['processing', 'responsibilities', 'standards', 'lifecycle', 'supportingAssets'] as const satisfies readonly (keyof DpiaContext)[];

export interface PrincipleAssessment {
  judgement: Judgement | null;
  comment: string | null;
}
export type DpiaPrinciples = Record<PrincipleItem, PrincipleAssessment>;

export interface RiskLevel {
  severity: ScaleValue | null;
  likelihood: ScaleValue | null;
}

/** One feared event (items 32–34): sources, threats, impacts, measures, and its level before and after measures. */
export interface DpiaRisk {
  riskSources: string[];
  threats: string[];
  impacts: string[];
  /** security-measures codes, or `other:<text>`. */
  existingMeasures: string[];
  plannedMeasures: string[];
  before: RiskLevel;
  after: RiskLevel;
}
export type DpiaRisks = Record<FearedEvent, DpiaRisk>;

export interface DpiaAction {
  id: string;
  measure: string;
  owner: string | null;
  dueDate: string | null;
  status: ActionStatus;
}

/** Art 35(9): the view of the people concerned or their representatives, or why it was not sought. */
export interface DataSubjectsView {
  sought: boolean | null;
  reasonNotSought: string | null;
  names: string | null;
  status: OpinionStatus | null;
  opinion: string | null;
}

/** The sections a PATCH replaces, one at a time or together. */
export interface DpiaContent {
  context: DpiaContext;
  principles: DpiaPrinciples;
  risks: DpiaRisks;
  actionPlan: DpiaAction[];
  dataSubjectsView: DataSubjectsView;
}
export const DPIA_SECTIONS = ['context', 'principles', 'risks', 'actionPlan', 'dataSubjectsView'] as const satisfies readonly (keyof DpiaContent)[];
export type DpiaSection = (typeof DPIA_SECTIONS)[number];

/** Art 35(2): the DPO's advice. */
export interface DpoOpinion {
  status: OpinionStatus;
  opinion: string;
  givenBy: string | null;
  givenByName: string | null;
  givenAt: string;
}

export interface DpiaDecisionRecord {
  decision: DpiaDecision;
  /** The conditions (validated_with_conditions) or the reasons. */
  comment: string | null;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string;
}

/**
 * Art 36(3)-(2): the supervisory authority's answer to a prior consultation. It gives written advice
 * and may use its powers (Art 58), up to a ban of the processing.
 */
export const CONSULTATION_OUTCOMES = ['no_objection', 'written_advice', 'processing_prohibited'] as const;
export type ConsultationOutcome = (typeof CONSULTATION_OUTCOMES)[number];

export interface ConsultationAnswer {
  receivedOn: string;
  outcome: ConsultationOutcome;
  /** What the authority said, in the DPO's words. */
  summary: string;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: string;
}

/** Art 36(1): the prior consultation of the supervisory authority, as stored with the decision. */
export interface PriorConsultation {
  /** The day the request was sent (YYYY-MM-DD). */
  sentOn: string;
  /** The authority's file number, or ours. */
  reference: string;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: string;
  answer: ConsultationAnswer | null;
}

/** The consultation with its Art 36(2) deadlines, computed at read time. */
export interface PriorConsultationView extends PriorConsultation {
  /** Eight weeks from the request. */
  answerDueOn: string;
  /** Fourteen weeks: when the authority extends by six weeks. */
  extendedAnswerDueOn: string;
}

/** What the register says about the activity, shown in the Context section (never typed twice). */
export interface RegisterContext {
  reference: string;
  name: string;
  description: string | null;
  purposes: { description: string; legalBasis: string | null }[];
  dataCategories: { category: string; description: string | null; retention: string | null }[];
  dataSubjects: { category: string; estimatedCount: number | null; vulnerable: boolean }[];
  recipients: { category: string; name: string | null }[];
  processors: string[];
  transfers: { country: string; mechanism: string | null }[];
  securityMeasures: string[];
  screening: { criteria: string[]; onCnilRequiredList: string | null; onCnilExemptList: string | null; decision: string; justification: string | null };
}

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevelName = (typeof RISK_LEVELS)[number];

export interface SectionProgress {
  done: number;
  total: number;
}
export type DpiaProgress = Record<'context' | 'principles' | 'risks' | 'actionPlan' | 'validation', SectionProgress>;

/** GET /dpias/:id (and a closed revision): the DPIA with what the server computes and the register's context. */
export interface DpiaDetail {
  id: string;
  activityId: string;
  revision: number;
  status: DpiaStatus;
  locked: boolean;
  content: DpiaContent;
  register: RegisterContext;
  dpoOpinion: DpoOpinion | null;
  decision: DpiaDecisionRecord | null;
  /** Art 36: null unless the residual risk stayed high and the authority was consulted. */
  priorConsultation: PriorConsultationView | null;
  /** Art 36(1): the residual risk is high, so validating needs the prior consultation. */
  priorConsultationRequired: boolean;
  progress: DpiaProgress;
  residualRisk: RiskLevelName | null;
  version: number;
  createdAt: string | Date;
  updatedAt: string | Date;
}

/** A row of GET /dpias. */
export interface DpiaSummary {
  id: string;
  activityId: string;
  activityReference: string;
  activityName: string;
  status: DpiaStatus;
  revision: number;
  residualRisk: RiskLevelName | null;
  nextActionDue: string | null;
  decision: DpiaDecision | null;
  version: number;
  updatedAt: string | Date;
}

export interface DpiaRevisionItem {
  revision: number;
  status: DpiaStatus;
  decision: DpiaDecision | null;
  closedAt: string | Date | null;
  current: boolean;
}

/** An action-plan item due (GET /dpias/actions-due). */
export interface DueAction {
  dpiaId: string;
  activityReference: string;
  activityName: string;
  actionId: string;
  measure: string;
  owner: string | null;
  dueDate: string;
  status: ActionStatus;
}
