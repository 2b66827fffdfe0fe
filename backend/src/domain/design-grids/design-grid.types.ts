/**
 * The ten-question "compliant by design" grid: its questions, the shape of each answer, the flags the
 * server computes and the grid as the API sends it. Pure (no Nest, no TypeORM): the web app imports
 * it through `@domain/*`, so the wizard's zod schemas are typed by these very interfaces.
 */
import type { Completeness, DataSource, DpiaScreeningDecision, EndAction, LegalBasis } from '../activities/activity.types';

export const GRID_QUESTIONS = [
  'purposes',
  'legitimacy',
  'data',
  'minimisation',
  'retention',
  'information',
  'rights',
  'security',
  'resilience',
  'documentation',
] as const;
export type GridQuestion = (typeof GRID_QUESTIONS)[number];

export const GRID_STATUSES = ['draft', 'submitted', 'changes_requested', 'accepted'] as const;
export type GridStatus = (typeof GRID_STATUSES)[number];

/** Statuses in which the team may still change its answers. */
export const EDITABLE_GRID_STATUSES: readonly GridStatus[] = ['draft', 'changes_requested'];

/**
 * How the processing works, in plain words: each practice is one of the EDPB criteria (WP248) that
 * the answers cannot infer from the data themselves.
 */
export const GRID_PRACTICES = [
  'evaluation_scoring',
  'automated_decision',
  'systematic_monitoring',
  'matching_combining_datasets',
  'innovative_technology',
  'prevents_exercising_right_or_contract',
] as const;
export type GridPractice = (typeof GRID_PRACTICES)[number];

/** Documents question 10 asks about (the evidence checklist). */
export const GRID_DOCUMENTS = ['dpia', 'lia', 'dpa', 'tia', 'notice', 'consent_records', 'security_policy', 'incident_procedure'] as const;
export type GridDocument = (typeof GRID_DOCUMENTS)[number];
export const GRID_DOCUMENT_STATES = ['exists', 'planned', 'not_needed'] as const;
export type GridDocumentState = (typeof GRID_DOCUMENT_STATES)[number];

/** Every step keeps room for "I don't know yet, here is what we know". */
interface WithNote {
  note?: string | null;
}

export interface GridPurpose {
  /** Stable id chosen by the client, so question 2 follows a purpose even when the list is reordered. */
  id: string;
  description: string;
  main: boolean;
}

/** 1. What will it be used for? */
export interface PurposesAnswer extends WithNote {
  purposes: GridPurpose[];
  practices: GridPractice[];
}

export interface GridLegalBasis {
  purposeId: string;
  legalBasis: LegalBasis | null;
  legalReference?: string | null;
  /** The three-part test, when the basis is legitimate interests. */
  interest?: string | null;
  necessity?: string | null;
  balancing?: string | null;
}

/** 2. Is it legitimate? A legal basis per purpose. */
export interface LegitimacyAnswer extends WithNote {
  bases: GridLegalBasis[];
}

export interface GridSubject {
  category: string;
  estimatedCount?: number | null;
  vulnerable?: boolean | null;
}

export interface GridDataCategory {
  category: string;
  description?: string | null;
  source?: DataSource | null;
  sourceDetail?: string | null;
  mandatory?: boolean;
  art9Condition?: string | null;
}

export interface GridRecipient {
  category: string;
  name?: string | null;
}

/** A provider the team relies on, where it processes the data and under which transfer tool. */
export interface GridProcessor {
  name: string;
  country: string | null;
  mechanism?: string | null;
}

/** 3. Which data, collected how, seen by whom? */
export interface DataAnswer extends WithNote {
  subjects: GridSubject[];
  largeScale?: boolean | null;
  dataCategories: GridDataCategory[];
  recipients: GridRecipient[];
  processors: GridProcessor[];
}

export interface GridMinimisation {
  category: string;
  justification: string | null;
}

/** 4. Could less data do? A justification per data category. */
export interface MinimisationAnswer extends WithNote {
  justifications: GridMinimisation[];
}

export interface GridRetention {
  category: string;
  /** ISO 8601 duration; null means "no end", which needs a justification — unless `undecided`. */
  activePeriod: string | null;
  /** "I don't know yet": no period and no end decided, to decide with the DPO (never "unlimited"). */
  undecided?: boolean;
  archivePeriod?: string | null;
  startEvent?: string | null;
  legalReference?: string | null;
  endAction?: EndAction;
  unlimitedJustification?: string | null;
}

/** 5. Until when are the data useful? */
export interface RetentionAnswer extends WithNote {
  rules: GridRetention[];
}

/** 6. How will people be informed? */
export interface InformationAnswer extends WithNote {
  description: string | null;
}

/** 7. How will their rights be handled? */
export interface RightsAnswer extends WithNote {
  description: string | null;
}

/** 8. Security measures: catalogue codes and measures in the team's own words. */
export interface SecurityAnswer extends WithNote {
  measures: string[];
  otherMeasures: string[];
}

/**
 * The catalogue security measures about correcting a defect quickly: question 9 offers these, and
 * one ticked in question 8 or 9 is ticked in both (a measure is one value wherever it appears).
 */
export const RESILIENCE_MEASURES = ['incident_management', 'backup', 'business_continuity', 'traceability', 'security_testing', 'development_security'] as const;

export const isResilienceMeasure = (code: string): boolean => (RESILIENCE_MEASURES as readonly string[]).includes(code);

/** 9. Correcting a defect quickly: catalogue measures and how incidents, patches and rollbacks go. */
export interface ResilienceAnswer extends WithNote {
  measures: string[];
  incidentProcedure?: string | null;
  patching?: string | null;
  rollback?: string | null;
}

export interface GridDocumentItem {
  kind: GridDocument;
  state: GridDocumentState;
}

/** 10. Which documentation will exist? */
export interface DocumentationAnswer extends WithNote {
  documents: GridDocumentItem[];
}

export interface GridAnswers {
  purposes?: PurposesAnswer;
  legitimacy?: LegitimacyAnswer;
  data?: DataAnswer;
  minimisation?: MinimisationAnswer;
  retention?: RetentionAnswer;
  information?: InformationAnswer;
  rights?: RightsAnswer;
  security?: SecurityAnswer;
  resilience?: ResilienceAnswer;
  documentation?: DocumentationAnswer;
}

// ——— what the server computes ———

export const GRID_FLAG_CODES = [
  'special_categories',
  'national_identifier',
  'dpia_required',
  'dpia_to_assess',
  'legitimate_interest_untested',
  'transfer_without_safeguards',
  'retention_without_end',
  'retention_to_decide',
  'minimisation_unjustified',
  'information_missing',
  'rights_missing',
] as const;
export type GridFlagCode = (typeof GRID_FLAG_CODES)[number];

/** One point for the DPO: the question it comes from and what it names (codes, names, countries). */
export interface GridFlag {
  code: GridFlagCode;
  question: GridQuestion;
  /** Catalogue codes, provider names or EDPB criteria the flag is about. */
  items: string[];
}

/** The EDPB criteria the answers imply, with the answers that imply each. */
export interface GridDpiaCriterion {
  code: string;
  because: string[];
}

export interface GridDpiaAssessment {
  criteria: GridDpiaCriterion[];
  decision: DpiaScreeningDecision;
}

/** The activity fields the grid writes (top-level keys of the activity). */
export const GRID_FIELDS = [
  'name',
  'description',
  'purposes',
  'dataSubjects',
  'dataCategories',
  'recipients',
  'processors',
  'transfers',
  'securityMeasures',
  'dataSubjectInformation',
  'rightsProcedure',
  'automatedDecisionMaking',
  'dpiaScreening',
] as const;
export type GridField = (typeof GRID_FIELDS)[number];

/** The questions whose answers decide each field (a conflict on a field points back to them). */
export const QUESTIONS_OF_FIELD: Readonly<Record<GridField, readonly (GridQuestion | 'project')[]>> = {
  name: ['project'],
  description: ['project'],
  purposes: ['purposes', 'legitimacy'],
  dataSubjects: ['data'],
  dataCategories: ['data', 'minimisation', 'retention'],
  recipients: ['data'],
  processors: ['data'],
  transfers: ['data'],
  securityMeasures: ['security', 'resilience'],
  dataSubjectInformation: ['information'],
  rightsProcedure: ['rights'],
  automatedDecisionMaking: ['purposes'],
  dpiaScreening: ['purposes', 'data'],
};

/**
 * The DPO edited a field of the draft directly and the answers now say something else: the team
 * chooses which one stays (never overwritten silently).
 */
export interface GridConflict {
  field: GridField;
  questions: readonly (GridQuestion | 'project')[];
  /** What the answers would write. */
  gridValue: unknown;
  /** What the draft holds now. */
  activityValue: unknown;
}

export interface GridComment {
  text: string;
  authorId: string | null;
  authorName: string | null;
  at: string;
}

export type GridComments = Partial<Record<GridQuestion, GridComment>>;

/** GET /design-grids/:id */
export interface GridView {
  id: string;
  projectName: string;
  departmentId: string | null;
  department: string | null;
  pitch: string | null;
  answers: GridAnswers;
  status: GridStatus;
  version: number;
  activityId: string | null;
  activityReference: string | null;
  createdById: string | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  comments: GridComments;
  /** Questions answered: their required answers are given (grid-progress.ts), not merely visited. */
  answered: GridQuestion[];
  flags: GridFlag[];
  dpia: GridDpiaAssessment;
  /** The register's rules on the draft the answers make. */
  completeness: Completeness;
  /** What the draft still lacks for validation (`activity_rules` codes, with their message parameters). */
  problems: { path: string; code: string; params: Record<string, string> }[];
  conflicts: GridConflict[];
}

/** One row of GET /design-grids. */
export interface GridListItem {
  id: string;
  projectName: string;
  department: string | null;
  status: GridStatus;
  version: number;
  activityId: string | null;
  createdByName: string | null;
  answeredCount: number;
  updatedAt: string;
  submittedAt: string | null;
}
