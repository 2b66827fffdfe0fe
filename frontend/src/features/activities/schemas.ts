/**
 * The activity form: its zod schema (the shape rules the API enforces on every save, so a draft may
 * be half-filled), the empty items the lists start from, and the explicit API ↔ form conversions.
 * The register's completeness rules (what validation needs) are mirrored in rules.ts.
 */
import { z } from 'zod';

import { isOverridableBlocker, OVERRIDABLE_BLOCKER_CODES, type OverridableBlockerCode } from '@domain/activities/activity-rules';
import { TEXT_LIMITS } from '@domain/field-limits';

import { emptyToNull, nullToEmpty, optionalText, requiredText } from '@/lib/validation';

import { DURATION_UNITS, formatIsoDuration, parseIsoDuration, type DurationUnit } from './duration';
import { isIsoDate } from './register-query';
import {
  ACTIVITY_ROLES,
  DATA_SOURCES,
  DPIA_SCREENING_DECISIONS,
  END_ACTIONS,
  FREE_MEASURE_PREFIX,
  LEGAL_BASES,
  LIA_PARTS,
  type ActivityContent,
  type ActivityInput,
  type ActivityPatch,
  type ActivitySnapshot,
  type DataCategory,
  type Party,
  type Purpose,
  type Retention,
} from './types';

/** The start-event picker's choice for a start event typed in words rather than picked. */
export const OTHER_START_EVENT = '__other';

export const RETENTION_MODES = ['none', 'limited', 'unlimited'] as const;
export type RetentionMode = (typeof RETENTION_MODES)[number];

/** A code picked from a catalogue ('' while none is picked). */
const requiredCode = () => z.string().trim().min(1, { error: 'validation.required' }).max(100, { error: 'validation.tooLong' });
const optionalCode = () => z.string().trim().max(100, { error: 'validation.tooLong' });
/** A whole number typed in a text box, or nothing. */
const wholeNumberText = () => z.string().trim().regex(/^\d{0,9}$/, { error: 'validation.wholeNumber' });
const orEmpty = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.literal(''), z.enum(values)], { error: 'validation.invalid' });

export const ZPartySchema = z.object({
  name: requiredText(TEXT_LIMITS.short),
  contact: optionalText(TEXT_LIMITS.sentence),
});

export const ZPurposeSchema = z.object({
  description: requiredText(TEXT_LIMITS.long),
  main: z.boolean(),
  legalBasis: orEmpty(LEGAL_BASES),
  legalReference: optionalText(TEXT_LIMITS.long),
  legitimateInterestAssessment: z.object({
    purpose: optionalText(TEXT_LIMITS.veryLong),
    necessity: optionalText(TEXT_LIMITS.veryLong),
    balancing: optionalText(TEXT_LIMITS.veryLong),
  }),
});

export const ZDataSubjectSchema = z.object({
  category: requiredCode(),
  estimatedCount: wholeNumberText(),
  vulnerable: z.boolean(),
});

export const ZRetentionSchema = z
  .object({
    mode: z.enum(RETENTION_MODES),
    activeAmount: wholeNumberText(),
    activeUnit: z.enum(DURATION_UNITS),
    archiveAmount: wholeNumberText(),
    archiveUnit: z.enum(DURATION_UNITS),
    startEventCode: optionalCode(),
    startEventText: optionalText(TEXT_LIMITS.short),
    legalReference: optionalText(TEXT_LIMITS.long),
    endAction: z.enum(END_ACTIONS),
    unlimitedJustification: optionalText(TEXT_LIMITS.long),
  })
  .superRefine((retention, ctx) => {
    // A limited retention is a period: the number is what makes it one.
    if (retention.mode === 'limited' && retention.activeAmount.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['activeAmount'], message: 'validation.required' });
    }
  });

export const ZDataCategorySchema = z.object({
  category: requiredCode(),
  description: optionalText(TEXT_LIMITS.long),
  source: orEmpty(DATA_SOURCES),
  sourceDetail: optionalText(TEXT_LIMITS.paragraph),
  mandatory: z.boolean(),
  minimisationJustification: optionalText(TEXT_LIMITS.long),
  art9Condition: optionalCode(),
  retention: ZRetentionSchema,
});

export const ZRecipientSchema = z.object({
  category: requiredCode(),
  name: optionalText(TEXT_LIMITS.short),
});

export const ZFreeMeasureSchema = z.object({
  text: requiredText(TEXT_LIMITS.sentence - FREE_MEASURE_PREFIX.length),
});

/** A transfer outside the EEA: a country picked by name (stored as its ISO code), a catalogue mechanism. */
export const ZTransferSchema = z.object({
  country: z.string().trim().regex(/^[A-Z]{2}$/, { error: 'validation.required' }),
  recipient: optionalText(TEXT_LIMITS.short),
  mechanism: optionalCode(),
  documentation: optionalText(TEXT_LIMITS.long),
});

/** A processor: the name of one of the organisation's vendors (the API resolves it, case-insensitively). */
export const ZProcessorSchema = requiredText(TEXT_LIMITS.short);

const list = <T extends z.ZodType>(item: T) => z.array(item).max(200, { error: 'validation.tooMany' });

export const ZActivityFormSchema = z.object({
  name: requiredText(TEXT_LIMITS.short),
  description: optionalText(TEXT_LIMITS.document),
  departmentId: z.string(),
  ownerId: z.string(),
  role: z.enum(ACTIVITY_ROLES, { error: 'validation.required' }),
  nextReviewDate: z.string().refine((value) => value === '' || isIsoDate(value), { error: 'validation.date' }),
  jointControllers: list(ZPartySchema),
  clientControllers: list(ZPartySchema),
  purposes: list(ZPurposeSchema),
  dataSubjects: list(ZDataSubjectSchema),
  dataCategories: list(ZDataCategorySchema),
  recipients: list(ZRecipientSchema),
  processors: z.array(ZProcessorSchema).max(300, { error: 'validation.tooMany' }),
  transfers: list(ZTransferSchema),
  securityMeasures: z.array(z.string()).max(200, { error: 'validation.tooMany' }),
  freeMeasures: list(ZFreeMeasureSchema),
  dataSubjectInformation: optionalText(TEXT_LIMITS.veryLong),
  rightsProcedure: optionalText(TEXT_LIMITS.veryLong),
  automatedDecisionMaking: z.boolean(),
  dpiaScreening: z.object({
    criteria: z.array(z.string()),
    onCnilRequiredList: optionalCode(),
    onCnilExemptList: optionalCode(),
    decision: z.enum(DPIA_SCREENING_DECISIONS),
    justification: optionalText(TEXT_LIMITS.veryLong),
    /** Derived criteria the DPO finds not met here, each with the reason (kept only with a reason). */
    dismissed: z.array(z.object({ criterion: z.string(), reason: z.string().max(TEXT_LIMITS.long) })),
  }),
});

export type ActivityForm = z.infer<typeof ZActivityFormSchema>;
export type PartyForm = z.infer<typeof ZPartySchema>;
export type PurposeForm = z.infer<typeof ZPurposeSchema>;
export type DataSubjectForm = z.infer<typeof ZDataSubjectSchema>;
export type DataCategoryForm = z.infer<typeof ZDataCategorySchema>;
export type RetentionForm = z.infer<typeof ZRetentionSchema>;
export type RecipientForm = z.infer<typeof ZRecipientSchema>;
export type TransferForm = z.infer<typeof ZTransferSchema>;

// ——— empty items ———

export const EMPTY_PARTY: PartyForm = { name: '', contact: '' };

export function emptyPurpose(main: boolean): PurposeForm {
  return {
    description: '',
    main,
    legalBasis: '',
    legalReference: '',
    legitimateInterestAssessment: { purpose: '', necessity: '', balancing: '' },
  };
}

/** The dismissed criteria that carry a reason, as the API takes them (absent when none). */
function dismissedOf(entries: readonly { criterion: string; reason: string }[]): { dismissed?: { criterion: string; reason: string }[] } {
  const kept = entries.filter((entry) => entry.reason.trim() !== '').map((entry) => ({ criterion: entry.criterion, reason: entry.reason.trim() }));
  return kept.length ? { dismissed: kept } : {};
}

export const EMPTY_DATA_SUBJECT: DataSubjectForm = { category: '', estimatedCount: '', vulnerable: false };

export const EMPTY_RETENTION: RetentionForm = {
  mode: 'none',
  activeAmount: '',
  activeUnit: 'Y',
  archiveAmount: '',
  archiveUnit: 'Y',
  startEventCode: '',
  startEventText: '',
  legalReference: '',
  endAction: 'delete',
  unlimitedJustification: '',
};

export const EMPTY_DATA_CATEGORY: DataCategoryForm = {
  category: '',
  description: '',
  source: '',
  sourceDetail: '',
  mandatory: false,
  minimisationJustification: '',
  art9Condition: '',
  retention: EMPTY_RETENTION,
};

export const EMPTY_RECIPIENT: RecipientForm = { category: '', name: '' };

export const EMPTY_TRANSFER: TransferForm = { country: '', recipient: '', mechanism: '', documentation: '' };

/** A new activity: a draft owned by the caller, in their department. */
export function emptyActivityForm(defaults: { ownerId: string; departmentId: string | null }): ActivityForm {
  return {
    name: '',
    description: '',
    departmentId: defaults.departmentId ?? '',
    ownerId: defaults.ownerId,
    role: 'controller',
    nextReviewDate: '',
    jointControllers: [],
    clientControllers: [],
    purposes: [emptyPurpose(true)],
    dataSubjects: [],
    dataCategories: [],
    recipients: [],
    processors: [],
    transfers: [],
    securityMeasures: [],
    freeMeasures: [],
    dataSubjectInformation: '',
    rightsProcedure: '',
    automatedDecisionMaking: false,
    dpiaScreening: { criteria: [], onCnilRequiredList: '', onCnilExemptList: '', decision: 'to_assess', justification: '', dismissed: [] },
  };
}

// ——— API → form ———

function durationToForm(iso: string | null): { amount: string; unit: DurationUnit } {
  const parts = iso === null ? null : parseIsoDuration(iso);
  return parts ? { amount: String(parts.amount), unit: parts.unit } : { amount: '', unit: 'Y' };
}

export function retentionToForm(retention: Retention | null, startEventCodes: ReadonlySet<string>): RetentionForm {
  if (!retention) return EMPTY_RETENTION;
  const active = durationToForm(retention.activePeriod);
  const archive = durationToForm(retention.archivePeriod);
  const startEvent = retention.startEvent ?? '';
  const picked = startEvent === '' || startEventCodes.has(startEvent);
  return {
    mode: retention.activePeriod === null ? 'unlimited' : 'limited',
    activeAmount: active.amount,
    activeUnit: active.unit,
    archiveAmount: archive.amount,
    archiveUnit: archive.unit,
    startEventCode: picked ? startEvent : OTHER_START_EVENT,
    startEventText: picked ? '' : startEvent,
    legalReference: nullToEmpty(retention.legalReference),
    endAction: retention.endAction,
    unlimitedJustification: nullToEmpty(retention.unlimitedJustification),
  };
}

const partyToForm = (party: Party): PartyForm => ({ name: party.name, contact: nullToEmpty(party.contact) });

function purposeToForm(purpose: Purpose): PurposeForm {
  const assessment = purpose.legitimateInterestAssessment;
  return {
    description: purpose.description,
    main: purpose.main,
    legalBasis: purpose.legalBasis ?? '',
    legalReference: nullToEmpty(purpose.legalReference),
    legitimateInterestAssessment: {
      purpose: nullToEmpty(assessment?.purpose),
      necessity: nullToEmpty(assessment?.necessity),
      balancing: nullToEmpty(assessment?.balancing),
    },
  };
}

function dataCategoryToForm(category: DataCategory, startEventCodes: ReadonlySet<string>): DataCategoryForm {
  return {
    category: category.category,
    description: nullToEmpty(category.description),
    source: category.source ?? '',
    sourceDetail: nullToEmpty(category.sourceDetail),
    mandatory: category.mandatory,
    minimisationJustification: nullToEmpty(category.minimisationJustification),
    art9Condition: nullToEmpty(category.art9Condition),
    retention: retentionToForm(category.retention, startEventCodes),
  };
}

/** The form for an activity (or a version's snapshot) as the API gives it. */
export function activityToForm(activity: ActivitySnapshot, startEventCodes: ReadonlySet<string>): ActivityForm {
  const measures = activity.securityMeasures;
  return {
    name: activity.name,
    description: nullToEmpty(activity.description),
    departmentId: activity.departmentId ?? '',
    ownerId: activity.ownerId ?? '',
    role: activity.role,
    nextReviewDate: nullToEmpty(activity.nextReviewDate),
    jointControllers: activity.jointControllers.map(partyToForm),
    clientControllers: activity.clientControllers.map(partyToForm),
    purposes: activity.purposes.map(purposeToForm),
    dataSubjects: activity.dataSubjects.map((subject) => ({
      category: subject.category,
      estimatedCount: subject.estimatedCount === null ? '' : String(subject.estimatedCount),
      vulnerable: subject.vulnerable,
    })),
    dataCategories: activity.dataCategories.map((category) => dataCategoryToForm(category, startEventCodes)),
    recipients: activity.recipients.map((recipient) => ({ category: recipient.category, name: nullToEmpty(recipient.name) })),
    processors: [...activity.processors],
    transfers: activity.transfers.map((transfer) => ({
      country: transfer.country,
      recipient: nullToEmpty(transfer.recipient),
      mechanism: nullToEmpty(transfer.mechanism),
      documentation: nullToEmpty(transfer.documentation),
    })),
    securityMeasures: measures.filter((measure) => !measure.startsWith(FREE_MEASURE_PREFIX)),
    freeMeasures: measures
      .filter((measure) => measure.startsWith(FREE_MEASURE_PREFIX))
      .map((measure) => ({ text: measure.slice(FREE_MEASURE_PREFIX.length) })),
    dataSubjectInformation: nullToEmpty(activity.dataSubjectInformation),
    rightsProcedure: nullToEmpty(activity.rightsProcedure),
    automatedDecisionMaking: activity.automatedDecisionMaking,
    dpiaScreening: {
      criteria: [...activity.dpiaScreening.criteria],
      onCnilRequiredList: nullToEmpty(activity.dpiaScreening.onCnilRequiredList),
      onCnilExemptList: nullToEmpty(activity.dpiaScreening.onCnilExemptList),
      decision: activity.dpiaScreening.decision,
      justification: nullToEmpty(activity.dpiaScreening.justification),
      dismissed: (activity.dpiaScreening.dismissed ?? []).map((entry) => ({ criterion: entry.criterion, reason: entry.reason })),
    },
  };
}

// ——— form → API ———

/** What the form edits of the content: all of it. */
export type FormContent = ActivityContent;

function durationToApi(amount: string, unit: DurationUnit): string | null {
  const trimmed = amount.trim();
  return trimmed === '' ? null : formatIsoDuration(Number.parseInt(trimmed, 10), unit);
}

export function retentionToApi(retention: RetentionForm): Retention | null {
  if (retention.mode === 'none') return null;
  const limited = retention.mode === 'limited';
  const startEvent =
    retention.startEventCode === OTHER_START_EVENT ? emptyToNull(retention.startEventText) : emptyToNull(retention.startEventCode);
  // The form shows the period, its start and its end only for a limited retention.
  return {
    activePeriod: limited ? durationToApi(retention.activeAmount, retention.activeUnit) : null,
    archivePeriod: limited ? durationToApi(retention.archiveAmount, retention.archiveUnit) : null,
    startEvent: limited ? startEvent : null,
    legalReference: emptyToNull(retention.legalReference),
    endAction: retention.endAction,
    unlimitedJustification: limited ? null : emptyToNull(retention.unlimitedJustification),
  };
}

const partyToApi = (party: PartyForm): Party => ({ name: party.name.trim(), contact: emptyToNull(party.contact) });

function purposeToApi(purpose: PurposeForm): Purpose {
  const parts = LIA_PARTS.map((part) => emptyToNull(purpose.legitimateInterestAssessment[part]));
  const [liaPurpose, necessity, balancing] = parts as [string | null, string | null, string | null];
  return {
    description: purpose.description.trim(),
    main: purpose.main,
    legalBasis: purpose.legalBasis === '' ? null : purpose.legalBasis,
    legalReference: emptyToNull(purpose.legalReference),
    legitimateInterestAssessment: parts.some((part) => part !== null)
      ? { purpose: liaPurpose, necessity, balancing }
      : null,
  };
}

/** Names once each (the API links a vendor once), compared as the API does: case-insensitively. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names
    .map((name) => name.trim())
    .filter((name) => {
      const key = name.toLowerCase();
      if (name === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The Article 30 content the form holds, in the interchange format. */
export function formToContent(form: ActivityForm): FormContent {
  const measures = [
    ...form.securityMeasures,
    ...form.freeMeasures.map((measure) => `${FREE_MEASURE_PREFIX}${measure.text.trim()}`),
  ];
  return {
    jointControllers: form.jointControllers.map(partyToApi),
    clientControllers: form.clientControllers.map(partyToApi),
    purposes: form.purposes.map(purposeToApi),
    dataSubjects: form.dataSubjects.map((subject) => ({
      category: subject.category.trim(),
      estimatedCount: subject.estimatedCount.trim() === '' ? null : Number.parseInt(subject.estimatedCount, 10),
      vulnerable: subject.vulnerable,
    })),
    dataCategories: form.dataCategories.map((category) => ({
      category: category.category.trim(),
      description: emptyToNull(category.description),
      source: category.source === '' ? null : category.source,
      sourceDetail: emptyToNull(category.sourceDetail),
      mandatory: category.mandatory,
      minimisationJustification: emptyToNull(category.minimisationJustification),
      art9Condition: emptyToNull(category.art9Condition),
      retention: retentionToApi(category.retention),
    })),
    recipients: form.recipients.map((recipient) => ({ category: recipient.category.trim(), name: emptyToNull(recipient.name) })),
    processors: uniqueNames(form.processors),
    transfers: form.transfers.map((transfer) => ({
      country: transfer.country.trim(),
      recipient: emptyToNull(transfer.recipient),
      mechanism: emptyToNull(transfer.mechanism),
      documentation: emptyToNull(transfer.documentation),
    })),
    securityMeasures: [...new Set(measures)],
    dataSubjectInformation: emptyToNull(form.dataSubjectInformation),
    rightsProcedure: emptyToNull(form.rightsProcedure),
    automatedDecisionMaking: form.automatedDecisionMaking,
    dpiaScreening: {
      criteria: [...new Set(form.dpiaScreening.criteria)],
      onCnilRequiredList: emptyToNull(form.dpiaScreening.onCnilRequiredList),
      onCnilExemptList: emptyToNull(form.dpiaScreening.onCnilExemptList),
      decision: form.dpiaScreening.decision,
      justification: emptyToNull(form.dpiaScreening.justification),
      // Only when there are some: the screening is replaced whole, so leaving it out removes the last one.
      ...dismissedOf(form.dpiaScreening.dismissed),
    },
  };
}

/** The body of POST /activities. */
export function formToActivityInput(form: ActivityForm): Required<ActivityInput> {
  return {
    name: form.name.trim(),
    description: emptyToNull(form.description),
    departmentId: form.departmentId === '' ? null : form.departmentId,
    ownerId: form.ownerId === '' ? null : form.ownerId,
    role: form.role,
    nextReviewDate: form.nextReviewDate === '' ? null : form.nextReviewDate,
    ...formToContent(form),
  };
}

/**
 * The body of PATCH /activities/:id: the top-level fields whose value differs from `baseline` (the
 * form as loaded), so untouched parts are never rewritten, with the version the edit started from.
 */
export function formToActivityPatch(
  form: ActivityForm,
  baseline: ActivityForm,
  version: number,
  comment?: string,
): ActivityPatch {
  const after = formToActivityInput(form);
  const before = formToActivityInput(baseline);
  const patch: ActivityPatch = { version };
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) {
      (patch as Record<string, unknown>)[key] = after[key];
    }
  }
  const note = comment?.trim();
  if (note) patch.comment = note;
  return patch;
}

/** True when the patch changes something (more than the version and a note). */
export function patchChangesSomething(patch: ActivityPatch): boolean {
  return Object.keys(patch).some((key) => key !== 'version' && key !== 'comment');
}

/**
 * The DPO's reasoned override of the validation blockers (issue 17, item 4): one reason per kind of
 * blocker the server refused, required (the API refuses a blank one too).
 */
export const ZValidationOverrideSchema = z.object({
  overrides: z.array(z.object({ code: z.enum(OVERRIDABLE_BLOCKER_CODES), reason: requiredText(TEXT_LIMITS.long) })).min(1),
});
export type ValidationOverrideForm = z.infer<typeof ZValidationOverrideSchema>;

/** The kinds of blocker a refused validation names, when they are all overridable (else none: the register must be completed first). */
export function overridableCodes(problems: readonly { code: string }[]): OverridableBlockerCode[] {
  if (problems.length === 0 || !problems.every((problem) => isOverridableBlocker(problem.code))) return [];
  return [...new Set(problems.map((problem) => problem.code as OverridableBlockerCode))];
}
