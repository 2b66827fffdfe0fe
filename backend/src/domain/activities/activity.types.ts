import type { OverridableBlockerCode } from './activity-rules';

/**
 * A processing activity in the interchange format (shared/reference/activity.schema.json): what the
 * API returns, what the JSON import accepts, what every version snapshot holds.
 */

export const ACTIVITY_ROLES = ['controller', 'joint_controller', 'processor'] as const;
export type ActivityRole = (typeof ACTIVITY_ROLES)[number];

export const ACTIVITY_STATUSES = ['draft', 'in_review', 'validated', 'archived'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const LEGAL_BASES = ['consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
/** Art 6(1)(c) and (e): the purpose must name the text that sets the obligation or the task. */
export const LEGAL_BASES_NEEDING_REFERENCE: readonly LegalBasis[] = ['legal_obligation', 'public_task'];

export const DATA_SOURCES = ['direct', 'indirect', 'internal'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

export const END_ACTIONS = ['delete', 'anonymise'] as const;
export type EndAction = (typeof END_ACTIONS)[number];

export const DPIA_SCREENING_DECISIONS = ['required', 'not_required', 'to_assess'] as const;
export type DpiaScreeningDecision = (typeof DPIA_SCREENING_DECISIONS)[number];

export const LIA_PARTS = ['purpose', 'necessity', 'balancing'] as const;
export type LiaPart = (typeof LIA_PARTS)[number];

/** ISO 8601 duration as used by the catalogues: years, months, weeks, days (P5Y, P13M, P0D). */
export const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/;
/** Free-text security measures are written `other:<text>`; anything else is a catalogue code. */
export const FREE_MEASURE_PREFIX = 'other:';

export interface Party {
  name: string;
  contact: string | null;
}

export interface LegitimateInterestAssessment {
  purpose: string | null;
  necessity: string | null;
  balancing: string | null;
}

export interface Purpose {
  description: string;
  main: boolean;
  /** null only in drafts. */
  legalBasis: LegalBasis | null;
  legalReference: string | null;
  legitimateInterestAssessment: LegitimateInterestAssessment | null;
}

export interface DataSubject {
  category: string;
  estimatedCount: number | null;
  vulnerable: boolean;
}

export interface Retention {
  /** null means unlimited, which needs `unlimitedJustification`. */
  activePeriod: string | null;
  archivePeriod: string | null;
  startEvent: string | null;
  legalReference: string | null;
  endAction: EndAction;
  unlimitedJustification: string | null;
}

export interface DataCategory {
  category: string;
  description: string | null;
  source: DataSource | null;
  sourceDetail: string | null;
  mandatory: boolean;
  minimisationJustification: string | null;
  art9Condition: string | null;
  retention: Retention | null;
}

export interface Recipient {
  category: string;
  name: string | null;
}

export interface Transfer {
  country: string;
  recipient: string | null;
  mechanism: string | null;
  documentation: string | null;
}

export interface DpiaScreening {
  criteria: string[];
  onCnilRequiredList: string | null;
  onCnilExemptList: string | null;
  decision: DpiaScreeningDecision;
  justification: string | null;
  /**
   * Criteria the register's facts meet that the DPO finds not met for this activity, each with the
   * written reason (screening-criteria.ts). Absent in documents written before it existed.
   */
  dismissed?: { criterion: string; reason: string }[];
}

/**
 * The Article 30 content of an activity, stored as the `document` column. Always complete: every
 * optional field is present with its default, so readers never test for absence.
 */
export interface ActivityContent {
  jointControllers: Party[];
  clientControllers: Party[];
  purposes: Purpose[];
  dataSubjects: DataSubject[];
  dataCategories: DataCategory[];
  recipients: Recipient[];
  /** Vendor names as given (vendors arrive with their own issue and will be linked then). */
  processors: string[];
  transfers: Transfer[];
  securityMeasures: string[];
  dataSubjectInformation: string | null;
  rightsProcedure: string | null;
  automatedDecisionMaking: boolean;
  dpiaScreening: DpiaScreening;
  /**
   * The blockers the DPO validated despite, with the reasons (set by the validate transition,
   * removed when the activity goes back to draft). In the document so that the version snapshots,
   * the history and the as-of exports carry it. Absent when there is none.
   */
  validationOverrides?: { code: OverridableBlockerCode; reason: string }[];
}

export const CONTENT_KEYS = [
  'jointControllers',
  'clientControllers',
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
] as const satisfies readonly (keyof ActivityContent)[];

/**
 * A full activity in the interchange format, as each version snapshot stores it. `department` and
 * `owner` are the name and e-mail at that time; the ids let the as-of register filter like the live one.
 */
export interface ActivitySnapshot extends ActivityContent {
  reference: string;
  name: string;
  description: string | null;
  department: string | null;
  departmentId: string | null;
  owner: string | null;
  ownerId: string | null;
  role: ActivityRole;
  status: ActivityStatus;
  nextReviewDate: string | null;
}

export interface RuleProblemView {
  path: string;
  code: string;
}

export interface Completeness {
  /** 0–100: the share of the register's checks this activity passes. */
  score: number;
  /** Paths of the fields missing or invalid (`purposes[1].legalBasis`). */
  missing: string[];
  problems: RuleProblemView[];
}
