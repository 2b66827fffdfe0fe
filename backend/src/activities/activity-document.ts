import type { ActivityFacts } from '../catalogues/activity-catalogues';
import type { ProcessingActivity } from './activity.entity';
import {
  ActivityContent,
  ActivitySnapshot,
  CONTENT_KEYS,
  DataCategory,
  DataSubject,
  DpiaScreening,
  Party,
  Purpose,
  Recipient,
  Retention,
  Transfer,
} from '../domain/activities/activity.types';
import type {
  CreateActivityDto,
  DataCategoryDto,
  DataSubjectDto,
  DpiaScreeningDto,
  PartyDto,
  PurposeDto,
  RecipientDto,
  RetentionDto,
  TransferDto,
} from './dto/activity.dto';
import { ScreeningThresholds, settleActivityScreening } from '../domain/activities/screening-criteria';

export type ContentInput = Pick<CreateActivityDto, (typeof CONTENT_KEYS)[number]>;

const orNull = <T>(value: T | null | undefined): T | null => value ?? null;

const party = (input: PartyDto): Party => ({ name: input.name, contact: orNull(input.contact) });

function purpose(input: PurposeDto): Purpose {
  const assessment = input.legitimateInterestAssessment;
  return {
    description: input.description,
    main: input.main ?? false,
    legalBasis: orNull(input.legalBasis),
    legalReference: orNull(input.legalReference),
    legitimateInterestAssessment: assessment
      ? { purpose: orNull(assessment.purpose), necessity: orNull(assessment.necessity), balancing: orNull(assessment.balancing) }
      : null,
  };
}

const dataSubject = (input: DataSubjectDto, facts: ActivityFacts): DataSubject => ({
  category: input.category,
  estimatedCount: orNull(input.estimatedCount),
  vulnerable: input.vulnerable ?? facts.vulnerableSubjectCategories.has(input.category),
});

const retention = (input: RetentionDto): Retention => ({
  activePeriod: input.activePeriod,
  archivePeriod: orNull(input.archivePeriod),
  startEvent: orNull(input.startEvent),
  legalReference: orNull(input.legalReference),
  endAction: input.endAction ?? 'delete',
  unlimitedJustification: orNull(input.unlimitedJustification),
});

const dataCategory = (input: DataCategoryDto): DataCategory => ({
  category: input.category,
  description: orNull(input.description),
  source: orNull(input.source),
  sourceDetail: orNull(input.sourceDetail),
  mandatory: input.mandatory ?? false,
  minimisationJustification: orNull(input.minimisationJustification),
  art9Condition: orNull(input.art9Condition),
  retention: input.retention ? retention(input.retention) : null,
});

const recipient = (input: RecipientDto): Recipient => ({ category: input.category, name: orNull(input.name) });

const transfer = (input: TransferDto): Transfer => ({
  country: input.country,
  recipient: orNull(input.recipient),
  mechanism: orNull(input.mechanism),
  documentation: orNull(input.documentation),
});

/** The answers as given; the decision is settled once the whole content is known (buildContent). */
const dpiaScreening = (input: DpiaScreeningDto | undefined): DpiaScreening => ({
  criteria: [...new Set(input?.criteria ?? [])],
  onCnilRequiredList: orNull(input?.onCnilRequiredList),
  onCnilExemptList: orNull(input?.onCnilExemptList),
  decision: input?.decision ?? 'to_assess',
  justification: orNull(input?.justification),
  ...(input?.dismissed?.length ? { dismissed: input.dismissed.map((entry) => ({ criterion: entry.criterion, reason: entry.reason })) } : {}),
});

/**
 * The stored content: the parts given in `input` (validated DTOs) replace those of `base`, whole; the
 * rest is kept, or defaulted when there is no base. Every field ends up present.
 */
export function buildContent(input: ContentInput, base: ActivityContent | null, facts: ActivityFacts, thresholds?: ScreeningThresholds): ActivityContent {
  // Lists, flags and the screening are never null (the DTO refuses it): absent means "keep".
  const pick = <K extends Exclude<keyof ActivityContent, 'validationOverrides'>>(key: K, fresh: (value: NonNullable<ContentInput[K]>) => ActivityContent[K], fallback: ActivityContent[K]): ActivityContent[K] => {
    const value = input[key];
    if (value !== undefined && value !== null) return fresh(value);
    return base ? base[key] : fallback;
  };
  const content: ActivityContent = {
    jointControllers: pick('jointControllers', (list) => list.map(party), []),
    clientControllers: pick('clientControllers', (list) => list.map(party), []),
    purposes: pick('purposes', (list) => list.map(purpose), []),
    dataSubjects: pick('dataSubjects', (list) => list.map((item) => dataSubject(item, facts)), []),
    dataCategories: pick('dataCategories', (list) => list.map(dataCategory), []),
    recipients: pick('recipients', (list) => list.map(recipient), []),
    processors: pick('processors', (list) => [...list], []),
    transfers: pick('transfers', (list) => list.map(transfer), []),
    securityMeasures: pick('securityMeasures', (list) => [...new Set(list)], []),
    dataSubjectInformation: input.dataSubjectInformation !== undefined ? input.dataSubjectInformation : (base?.dataSubjectInformation ?? null),
    rightsProcedure: input.rightsProcedure !== undefined ? input.rightsProcedure : (base?.rightsProcedure ?? null),
    automatedDecisionMaking: pick('automatedDecisionMaking', (value) => value, false),
    dpiaScreening: pick('dpiaScreening', (value) => dpiaScreening(value), dpiaScreening(undefined)),
    // The DPO's overrides are validation's record: an edit keeps them (only the workflow changes them).
    ...(base?.validationOverrides?.length ? { validationOverrides: base.validationOverrides } : {}),
  };
  // The decision sent is kept only where the rule leaves it to the DPO (one criterion); else computed,
  // from the criteria the content meets as well as those declared (a PATCH of the subjects re-screens).
  content.dpiaScreening = settleActivityScreening(content, facts, thresholds);
  return content;
}

/** The content keys the input sets (for checking only what a PATCH changes). */
export function contentKeysIn(input: ContentInput): Set<(typeof CONTENT_KEYS)[number]> {
  return new Set(CONTENT_KEYS.filter((key) => input[key] !== undefined));
}

export interface Labels {
  department: string | null;
  owner: string | null;
}

/** The activity in the interchange format, key order as in activity.schema.json. */
export function toSnapshot(row: Pick<ProcessingActivity, 'reference' | 'name' | 'description' | 'departmentId' | 'ownerId' | 'role' | 'status' | 'nextReviewDate' | 'document'>, labels: Labels): ActivitySnapshot {
  const content = row.document;
  return {
    reference: row.reference,
    name: row.name,
    description: row.description,
    department: labels.department,
    departmentId: row.departmentId,
    owner: labels.owner,
    ownerId: row.ownerId,
    role: row.role,
    jointControllers: content.jointControllers,
    clientControllers: content.clientControllers,
    status: row.status,
    purposes: content.purposes,
    dataSubjects: content.dataSubjects,
    dataCategories: content.dataCategories,
    recipients: content.recipients,
    processors: content.processors,
    transfers: content.transfers,
    securityMeasures: content.securityMeasures,
    dataSubjectInformation: content.dataSubjectInformation,
    rightsProcedure: content.rightsProcedure,
    automatedDecisionMaking: content.automatedDecisionMaking,
    dpiaScreening: content.dpiaScreening,
    // Only when the DPO validated despite blockers, so that earlier snapshots compare unchanged.
    ...(content.validationOverrides?.length ? { validationOverrides: content.validationOverrides } : {}),
    nextReviewDate: row.nextReviewDate,
  };
}

/** Sensitive data the register flags (Art 9, Art 10, national identifier). */
export function flagsOf(content: Pick<ActivityContent, 'dataCategories'>, facts: ActivityFacts): { specialData: boolean; criminalData: boolean; nationalIdentifier: boolean } {
  const has = (codes: ReadonlySet<string>) => content.dataCategories.some((category) => codes.has(category.category));
  return {
    specialData: has(facts.specialDataCategories),
    criminalData: has(facts.criminalDataCategories),
    nationalIdentifier: has(facts.nationalIdentifierCategories),
  };
}
