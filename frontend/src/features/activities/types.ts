/**
 * Processing activities as the API sends and takes them (the interchange format of
 * shared/reference/activity.schema.json, plus what the server computes). Mirrors
 * backend/src/activities/activity.types.ts and dto/activity.dto.ts.
 */

export const ACTIVITY_ROLES = ['controller', 'joint_controller', 'processor'] as const;
export type ActivityRole = (typeof ACTIVITY_ROLES)[number];

export const ACTIVITY_STATUSES = ['draft', 'in_review', 'validated', 'archived'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const LEGAL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
/** Art 6(1)(c) and (e): the purpose must cite the text that sets the obligation or the task. */
export const LEGAL_BASES_NEEDING_REFERENCE: readonly LegalBasis[] = ['legal_obligation', 'public_task'];

export const DATA_SOURCES = ['direct', 'indirect', 'internal'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

export const END_ACTIONS = ['delete', 'anonymise'] as const;
export type EndAction = (typeof END_ACTIONS)[number];

export const DPIA_SCREENING_DECISIONS = ['required', 'not_required', 'to_assess'] as const;
export type DpiaScreeningDecision = (typeof DPIA_SCREENING_DECISIONS)[number];

export const LIA_PARTS = ['purpose', 'necessity', 'balancing'] as const;
export type LiaPart = (typeof LIA_PARTS)[number];

/** Free-text security measures are stored `other:<text>`; anything else is a catalogue code. */
export const FREE_MEASURE_PREFIX = 'other:';

export const TRANSITIONS = ['submit', 'validate', 'archive', 'reopen'] as const;
export type Transition = (typeof TRANSITIONS)[number];

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
  /** null: unlimited, which needs `unlimitedJustification`. */
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
}

/** The Article 30 content of an activity. */
export interface ActivityContent {
  jointControllers: Party[];
  clientControllers: Party[];
  purposes: Purpose[];
  dataSubjects: DataSubject[];
  dataCategories: DataCategory[];
  recipients: Recipient[];
  processors: string[];
  transfers: Transfer[];
  securityMeasures: string[];
  dataSubjectInformation: string | null;
  rightsProcedure: string | null;
  automatedDecisionMaking: boolean;
  dpiaScreening: DpiaScreening;
}

/** An activity in the interchange format, as each version stores it. */
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
  score: number;
  missing: string[];
  problems: RuleProblemView[];
}

export interface ActivityFlags {
  specialData: boolean;
  criminalData: boolean;
  nationalIdentifier: boolean;
}

/** GET /activities/:id */
export interface Activity extends ActivitySnapshot {
  id: string;
  ownerName: string | null;
  version: number;
  completeness: Completeness;
  flags: ActivityFlags;
  createdAt: string;
  updatedAt: string;
  validatedAt: string | null;
  validatedBy: string | null;
}

/** One row of GET /activities. */
export interface ActivityListItem {
  id: string;
  reference: string;
  name: string;
  status: ActivityStatus;
  departmentId: string | null;
  department: string | null;
  ownerId: string | null;
  owner: string | null;
  ownerName: string | null;
  completeness: Completeness;
  nextReviewDate: string | null;
  version: number;
  updatedAt: string;
}

/** The body of POST /activities (and, partially, of PATCH). */
export type ActivityInput = Partial<Omit<ActivityContent, 'processors' | 'transfers'>> & {
  name: string;
  description?: string | null;
  departmentId?: string | null;
  ownerId?: string | null;
  role: ActivityRole;
  nextReviewDate?: string | null;
};

export type ActivityPatch = Partial<ActivityInput> & { version: number; comment?: string | null };

export interface ActivityVersionSummary {
  number: number;
  /** create, update, submit, validate, archive, reopen, import, duplicate */
  action: string;
  status: ActivityStatus;
  name: string;
  authorId: string | null;
  authorName: string | null;
  comment: string | null;
  createdAt: string;
}

export interface ActivityVersionView extends ActivityVersionSummary {
  activity: ActivitySnapshot;
  completeness: Completeness;
}

export interface FieldChange {
  before: unknown;
  after: unknown;
}

export interface ActivityVersionDiff {
  from: number;
  to: number;
  changes: Record<string, FieldChange>;
}

/** One entry of a catalogue: stable code, FR/EN labels, help, and catalogue-specific facts. */
export interface CatalogueItem {
  code: string;
  fr: string;
  en: string;
  help: { fr: string; en: string } | null;
  custom: boolean;
  [fact: string]: unknown;
}

export interface CatalogueView {
  name: string;
  version: string;
  open: boolean;
  items: CatalogueItem[];
}

/** The catalogues the activity pages pick from. */
export const ACTIVITY_CATALOGUES = [
  'legal-bases',
  'art9-conditions',
  'data-categories',
  'data-subject-categories',
  'recipient-categories',
  'security-measures',
  'retention-start-events',
  'transfer-mechanisms',
  'dpia-criteria',
  'dpia-cnil-required',
  'dpia-cnil-exempt',
] as const;
export type ActivityCatalogueName = (typeof ACTIVITY_CATALOGUES)[number];
export type ActivityCatalogues = Record<ActivityCatalogueName, CatalogueItem[]>;

/** A person who may own an activity (a member of the organisation). */
export interface OwnerOption {
  userId: string;
  name: string;
  email: string;
  departmentId: string | null;
}
