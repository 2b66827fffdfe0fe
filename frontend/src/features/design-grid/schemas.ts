/**
 * One zod schema per step of the grid, with its explicit form ↔ API conversions. Each `toAnswer`
 * returns the server's own answer type (design-grid.types.ts), so a step's validation, its form
 * and the API body cannot drift apart. Every field may stay empty: "I don't know yet" is an answer.
 */
import { z } from 'zod';

import { TEXT_LIMITS } from '@domain/field-limits';

import { DURATION_UNITS, formatIsoDuration, parseIsoDuration } from '@/features/activities/duration';
import { DATA_SOURCES, END_ACTIONS, LEGAL_BASES } from '@/features/activities/types';
import { emptyToNull, nullToEmpty, optionalText } from '@/lib/validation';

import {
  GRID_DOCUMENT_STATES,
  GRID_DOCUMENTS,
  GRID_PRACTICES,
  type DataAnswer,
  type DocumentationAnswer,
  type GridAnswers,
  type GridQuestion,
  type InformationAnswer,
  isResilienceMeasure,
  RESILIENCE_MEASURES,
  type LegitimacyAnswer,
  type MinimisationAnswer,
  type PurposesAnswer,
  type ResilienceAnswer,
  type RetentionAnswer,
  type RightsAnswer,
  type SecurityAnswer,
} from './types';

const code = () => z.string().trim().max(100, { error: 'validation.tooLong' });
const wholeNumberText = () => z.string().trim().regex(/^\d{0,9}$/, { error: 'validation.wholeNumber' });
const orEmpty = <T extends readonly [string, ...string[]]>(values: T) => z.union([z.literal(''), z.enum(values)], { error: 'validation.invalid' });
const note = () => optionalText(TEXT_LIMITS.veryLong);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(100, { error: 'validation.tooMany' });

const codeOrNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

// ——— 1. purposes ———

export const ZPurposesStepSchema = z.object({
  purposes: list(z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/), description: optionalText(TEXT_LIMITS.long), main: z.boolean() })),
  practices: z.array(z.enum(GRID_PRACTICES)),
  note: note(),
});
export type PurposesStepForm = z.infer<typeof ZPurposesStepSchema>;

let purposeCounter = 0;
/** A purpose id unique enough for one grid (question 2 refers to purposes by it). */
export function newPurposeId(): string {
  purposeCounter += 1;
  return `p${Date.now().toString(36)}${String(purposeCounter)}`;
}

export const purposesStep = {
  schema: ZPurposesStepSchema,
  toForm: (answer: PurposesAnswer | undefined): PurposesStepForm => ({
    purposes: answer?.purposes.length ? answer.purposes.map((purpose) => ({ ...purpose })) : [{ id: newPurposeId(), description: '', main: true }],
    practices: [...(answer?.practices ?? [])],
    note: nullToEmpty(answer?.note),
  }),
  toAnswer: (form: PurposesStepForm): PurposesAnswer => ({
    purposes: form.purposes.map((purpose) => ({ id: purpose.id, description: purpose.description.trim(), main: purpose.main })),
    practices: form.practices,
    note: emptyToNull(form.note),
  }),
};

// ——— 2. legitimacy ———

export const ZLegitimacyStepSchema = z.object({
  bases: list(
    z.object({
      purposeId: z.string(),
      legalBasis: orEmpty(LEGAL_BASES),
      legalReference: optionalText(TEXT_LIMITS.long),
      interest: optionalText(TEXT_LIMITS.veryLong),
      necessity: optionalText(TEXT_LIMITS.veryLong),
      balancing: optionalText(TEXT_LIMITS.veryLong),
    }),
  ),
  note: note(),
});
export type LegitimacyStepForm = z.infer<typeof ZLegitimacyStepSchema>;

export const legitimacyStep = {
  schema: ZLegitimacyStepSchema,
  /** One row per purpose of question 1, in its order, with what was answered for it. */
  toForm: (answer: LegitimacyAnswer | undefined, answers: GridAnswers): LegitimacyStepForm => {
    const known = new Map((answer?.bases ?? []).map((basis) => [basis.purposeId, basis]));
    return {
      bases: (answers.purposes?.purposes ?? []).map((purpose) => {
        const basis = known.get(purpose.id);
        return {
          purposeId: purpose.id,
          legalBasis: basis?.legalBasis ?? '',
          legalReference: nullToEmpty(basis?.legalReference),
          interest: nullToEmpty(basis?.interest),
          necessity: nullToEmpty(basis?.necessity),
          balancing: nullToEmpty(basis?.balancing),
        };
      }),
      note: nullToEmpty(answer?.note),
    };
  },
  toAnswer: (form: LegitimacyStepForm): LegitimacyAnswer => ({
    bases: form.bases.map((basis) => {
      const legalBasis = basis.legalBasis === '' ? null : basis.legalBasis;
      const interestTest = legalBasis === 'legitimate_interests';
      return {
        purposeId: basis.purposeId,
        legalBasis,
        legalReference: legalBasis === 'legal_obligation' || legalBasis === 'public_task' ? emptyToNull(basis.legalReference) : null,
        interest: interestTest ? emptyToNull(basis.interest) : null,
        necessity: interestTest ? emptyToNull(basis.necessity) : null,
        balancing: interestTest ? emptyToNull(basis.balancing) : null,
      };
    }),
    note: emptyToNull(form.note),
  }),
};

// ——— 3. data ———

export const TRI_STATES = ['', 'yes', 'no'] as const;

export const ZDataStepSchema = z.object({
  subjects: list(z.object({ category: code(), estimatedCount: wholeNumberText(), vulnerable: z.enum(TRI_STATES) })),
  largeScale: z.enum(TRI_STATES),
  dataCategories: list(
    z.object({
      category: code(),
      description: optionalText(TEXT_LIMITS.long),
      source: orEmpty(DATA_SOURCES),
      sourceDetail: optionalText(TEXT_LIMITS.paragraph),
      mandatory: z.boolean(),
      art9Condition: code(),
    }),
  ),
  recipients: list(z.object({ category: code(), name: optionalText(TEXT_LIMITS.short) })),
  processors: list(z.object({ name: optionalText(TEXT_LIMITS.short), country: z.string().regex(/^([A-Z]{2})?$/, { error: 'validation.country' }), mechanism: code() })),
  note: note(),
});
export type DataStepForm = z.infer<typeof ZDataStepSchema>;

const triState = (value: boolean | null | undefined): (typeof TRI_STATES)[number] => (value === true ? 'yes' : value === false ? 'no' : '');
const fromTriState = (value: (typeof TRI_STATES)[number]): boolean | null => (value === 'yes' ? true : value === 'no' ? false : null);

export const EMPTY_SUBJECT: DataStepForm['subjects'][number] = { category: '', estimatedCount: '', vulnerable: '' };
export const EMPTY_DATA_CATEGORY: DataStepForm['dataCategories'][number] = { category: '', description: '', source: '', sourceDetail: '', mandatory: false, art9Condition: '' };
export const EMPTY_RECIPIENT: DataStepForm['recipients'][number] = { category: '', name: '' };
export const EMPTY_PROCESSOR: DataStepForm['processors'][number] = { name: '', country: '', mechanism: '' };

export const dataStep = {
  schema: ZDataStepSchema,
  toForm: (answer: DataAnswer | undefined): DataStepForm => ({
    subjects: (answer?.subjects ?? []).map((subject) => ({
      category: subject.category,
      estimatedCount: subject.estimatedCount === null || subject.estimatedCount === undefined ? '' : String(subject.estimatedCount),
      vulnerable: triState(subject.vulnerable),
    })),
    largeScale: triState(answer?.largeScale),
    dataCategories: (answer?.dataCategories ?? []).map((category) => ({
      category: category.category,
      description: nullToEmpty(category.description),
      source: category.source ?? '',
      sourceDetail: nullToEmpty(category.sourceDetail),
      mandatory: category.mandatory ?? false,
      art9Condition: nullToEmpty(category.art9Condition),
    })),
    recipients: (answer?.recipients ?? []).map((recipient) => ({ category: recipient.category, name: nullToEmpty(recipient.name) })),
    processors: (answer?.processors ?? []).map((processor) => ({ name: processor.name, country: processor.country ?? '', mechanism: nullToEmpty(processor.mechanism) })),
    note: nullToEmpty(answer?.note),
  }),
  /** Rows whose category (or name) is not chosen yet are not sent: they are still being typed. */
  toAnswer: (form: DataStepForm): DataAnswer => ({
    subjects: form.subjects
      .filter((subject) => subject.category.trim() !== '')
      .map((subject) => ({
        category: subject.category.trim(),
        estimatedCount: subject.estimatedCount.trim() === '' ? null : Number(subject.estimatedCount),
        vulnerable: fromTriState(subject.vulnerable),
      })),
    largeScale: fromTriState(form.largeScale),
    dataCategories: form.dataCategories
      .filter((category) => category.category.trim() !== '')
      .map((category) => ({
        category: category.category.trim(),
        description: emptyToNull(category.description),
        source: category.source === '' ? null : category.source,
        sourceDetail: emptyToNull(category.sourceDetail),
        mandatory: category.mandatory,
        art9Condition: codeOrNull(category.art9Condition),
      })),
    recipients: form.recipients.filter((recipient) => recipient.category.trim() !== '').map((recipient) => ({ category: recipient.category.trim(), name: emptyToNull(recipient.name) })),
    processors: form.processors
      .filter((processor) => processor.name.trim() !== '')
      .map((processor) => ({ name: processor.name.trim(), country: codeOrNull(processor.country), mechanism: codeOrNull(processor.mechanism) })),
    note: emptyToNull(form.note),
  }),
};

/** The data categories question 3 lists (questions 4 and 5 ask about each). */
export const dataCategoryCodes = (answers: GridAnswers): string[] => [...new Set((answers.data?.dataCategories ?? []).map((category) => category.category))];

// ——— 4. minimisation ———

export const ZMinimisationStepSchema = z.object({
  justifications: list(z.object({ category: z.string(), justification: optionalText(TEXT_LIMITS.long) })),
  note: note(),
});
export type MinimisationStepForm = z.infer<typeof ZMinimisationStepSchema>;

export const minimisationStep = {
  schema: ZMinimisationStepSchema,
  toForm: (answer: MinimisationAnswer | undefined, answers: GridAnswers): MinimisationStepForm => {
    const known = new Map((answer?.justifications ?? []).map((item) => [item.category, item.justification]));
    return {
      justifications: dataCategoryCodes(answers).map((category) => ({ category, justification: nullToEmpty(known.get(category)) })),
      note: nullToEmpty(answer?.note),
    };
  },
  toAnswer: (form: MinimisationStepForm): MinimisationAnswer => ({
    justifications: form.justifications.map((item) => ({ category: item.category, justification: emptyToNull(item.justification) })),
    note: emptyToNull(form.note),
  }),
};

// ——— 5. retention ———

/** The choices offered: "don't know yet" (to decide with the DPO), a set period, no end. */
export const RETENTION_CHOICES = ['none', 'limited', 'unlimited'] as const;
/** A category nobody has decided anything about yet: no choice made, nothing sent. */
const RETENTION_MODES = ['unset', ...RETENTION_CHOICES] as const;

export const ZRetentionStepSchema = z.object({
  rules: list(
    z
      .object({
        category: z.string(),
        mode: z.enum(RETENTION_MODES),
        activeAmount: wholeNumberText(),
        activeUnit: z.enum(DURATION_UNITS),
        archiveAmount: wholeNumberText(),
        archiveUnit: z.enum(DURATION_UNITS),
        startEvent: optionalText(TEXT_LIMITS.short),
        legalReference: optionalText(TEXT_LIMITS.long),
        endAction: z.enum(END_ACTIONS),
        unlimitedJustification: optionalText(TEXT_LIMITS.long),
      })
      .superRefine((rule, ctx) => {
        if (rule.mode === 'limited' && rule.activeAmount.trim() === '') ctx.addIssue({ code: 'custom', path: ['activeAmount'], message: 'validation.required' });
      }),
  ),
  note: note(),
});
export type RetentionStepForm = z.infer<typeof ZRetentionStepSchema>;

export const retentionStep = {
  schema: ZRetentionStepSchema,
  toForm: (answer: RetentionAnswer | undefined, answers: GridAnswers): RetentionStepForm => {
    const known = new Map((answer?.rules ?? []).map((rule) => [rule.category, rule]));
    return {
      rules: dataCategoryCodes(answers).map((category) => {
        const rule = known.get(category);
        const active = rule?.activePeriod ? parseIsoDuration(rule.activePeriod) : null;
        const archive = rule?.archivePeriod ? parseIsoDuration(rule.archivePeriod) : null;
        return {
          category,
          mode: !rule ? 'unset' : rule.undecided ? 'none' : rule.activePeriod === null ? 'unlimited' : 'limited',
          activeAmount: active ? String(active.amount) : '',
          activeUnit: active?.unit ?? 'Y',
          archiveAmount: archive ? String(archive.amount) : '',
          archiveUnit: archive?.unit ?? 'Y',
          startEvent: nullToEmpty(rule?.startEvent),
          legalReference: nullToEmpty(rule?.legalReference),
          endAction: rule?.endAction ?? 'delete',
          unlimitedJustification: nullToEmpty(rule?.unlimitedJustification),
        };
      }),
      note: nullToEmpty(answer?.note),
    };
  },
  /**
   * Categories without a choice are left out (the question is not answered for them); "don't know
   * yet" is sent as such (`undecided`): the server flags it "to decide with the DPO", never "no end".
   */
  toAnswer: (form: RetentionStepForm): RetentionAnswer => ({
    rules: form.rules
      .filter((rule) => rule.mode !== 'unset')
      .map((rule) =>
        rule.mode === 'none'
          ? { category: rule.category, activePeriod: null, undecided: true }
          : {
              category: rule.category,
              activePeriod: rule.mode === 'limited' ? formatIsoDuration(Number(rule.activeAmount), rule.activeUnit) : null,
              archivePeriod: rule.mode === 'limited' && rule.archiveAmount.trim() !== '' ? formatIsoDuration(Number(rule.archiveAmount), rule.archiveUnit) : null,
              startEvent: emptyToNull(rule.startEvent),
              legalReference: emptyToNull(rule.legalReference),
              endAction: rule.endAction,
              unlimitedJustification: rule.mode === 'unlimited' ? emptyToNull(rule.unlimitedJustification) : null,
            },
      ),
    note: emptyToNull(form.note),
  }),
};

// ——— 6, 7. information and rights ———

export const ZTextStepSchema = z.object({ description: optionalText(TEXT_LIMITS.veryLong), note: note() });
export type TextStepForm = z.infer<typeof ZTextStepSchema>;

const textStep = () => ({
  schema: ZTextStepSchema,
  toForm: (answer: InformationAnswer | RightsAnswer | undefined): TextStepForm => ({ description: nullToEmpty(answer?.description), note: nullToEmpty(answer?.note) }),
  toAnswer: (form: TextStepForm): InformationAnswer & RightsAnswer => ({ description: emptyToNull(form.description), note: emptyToNull(form.note) }),
});
export const informationStep = textStep();
export const rightsStep = textStep();

// ——— 8. security ———

export const ZSecurityStepSchema = z.object({
  measures: z.array(z.string().max(100)).max(100, { error: 'validation.tooMany' }),
  /** One measure per line. */
  otherMeasures: optionalText(TEXT_LIMITS.veryLong),
  note: note(),
});
export type SecurityStepForm = z.infer<typeof ZSecurityStepSchema>;

export const securityStep = {
  schema: ZSecurityStepSchema,
  // A measure ticked in question 9 is ticked here too: one value wherever it appears.
  toForm: (answer: SecurityAnswer | undefined, answers: GridAnswers = {}): SecurityStepForm => ({
    measures: [...new Set([...(answer?.measures ?? []), ...(answers.resilience?.measures ?? [])])],
    otherMeasures: (answer?.otherMeasures ?? []).join('\n'),
    note: nullToEmpty(answer?.note),
  }),
  toAnswer: (form: SecurityStepForm): SecurityAnswer => ({
    measures: form.measures,
    otherMeasures: form.otherMeasures
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => line.slice(0, 490)),
    note: emptyToNull(form.note),
  }),
};

// ——— 9. resilience ———

/** The catalogue measures question 9 offers (stated once, with the grid's types). */
export { RESILIENCE_MEASURES };

/**
 * The answers to save with `question`'s: a security measure is one value in questions 8 and 9, so
 * ticking or unticking it in one question changes the other's list too (each keeps its own other
 * parts). `answers` is the grid as last saved.
 */
export function linkedAnswers(question: GridQuestion, answer: unknown, answers: GridAnswers): GridAnswers {
  if (question === 'security') {
    const security = answer as SecurityAnswer;
    const resilience = answers.resilience ?? { measures: [], incidentProcedure: null, patching: null, rollback: null, note: null };
    const measures = security.measures.filter(isResilienceMeasure);
    if (!answers.resilience && measures.length === 0) return { security };
    return { security, resilience: { ...resilience, measures } };
  }
  if (question === 'resilience') {
    const resilience = answer as ResilienceAnswer;
    const security = answers.security ?? { measures: [], otherMeasures: [], note: null };
    const all = new Set([...security.measures, ...(answers.resilience?.measures ?? [])]);
    const measures = [...[...all].filter((code) => !isResilienceMeasure(code)), ...resilience.measures];
    if (!answers.security && measures.length === 0) return { resilience };
    return { resilience, security: { ...security, measures } };
  }
  return { [question]: answer };
}

export const ZResilienceStepSchema = z.object({
  measures: z.array(z.string().max(100)).max(100, { error: 'validation.tooMany' }),
  incidentProcedure: optionalText(TEXT_LIMITS.veryLong),
  patching: optionalText(TEXT_LIMITS.veryLong),
  rollback: optionalText(TEXT_LIMITS.veryLong),
  note: note(),
});
export type ResilienceStepForm = z.infer<typeof ZResilienceStepSchema>;

export const resilienceStep = {
  schema: ZResilienceStepSchema,
  // Question 9 offers some of question 8's measures: one ticked there is ticked here.
  toForm: (answer: ResilienceAnswer | undefined, answers: GridAnswers = {}): ResilienceStepForm => ({
    measures: [...new Set([...(answer?.measures ?? []), ...(answers.security?.measures ?? [])])].filter(isResilienceMeasure),
    incidentProcedure: nullToEmpty(answer?.incidentProcedure),
    patching: nullToEmpty(answer?.patching),
    rollback: nullToEmpty(answer?.rollback),
    note: nullToEmpty(answer?.note),
  }),
  toAnswer: (form: ResilienceStepForm): ResilienceAnswer => ({
    measures: form.measures,
    incidentProcedure: emptyToNull(form.incidentProcedure),
    patching: emptyToNull(form.patching),
    rollback: emptyToNull(form.rollback),
    note: emptyToNull(form.note),
  }),
};

// ——— 10. documentation ———

export const ZDocumentationStepSchema = z.object({
  documents: z.object(Object.fromEntries(GRID_DOCUMENTS.map((kind) => [kind, orEmpty(GRID_DOCUMENT_STATES)])) as Record<(typeof GRID_DOCUMENTS)[number], ReturnType<typeof orEmpty<typeof GRID_DOCUMENT_STATES>>>),
  note: note(),
});
export type DocumentationStepForm = z.infer<typeof ZDocumentationStepSchema>;

export const documentationStep = {
  schema: ZDocumentationStepSchema,
  toForm: (answer: DocumentationAnswer | undefined): DocumentationStepForm => {
    const known = new Map((answer?.documents ?? []).map((item) => [item.kind, item.state]));
    return {
      documents: Object.fromEntries(GRID_DOCUMENTS.map((kind) => [kind, known.get(kind) ?? ''])) as DocumentationStepForm['documents'],
      note: nullToEmpty(answer?.note),
    };
  },
  toAnswer: (form: DocumentationStepForm): DocumentationAnswer => ({
    documents: GRID_DOCUMENTS.flatMap((kind) => {
      const state = form.documents[kind];
      return state === '' ? [] : [{ kind, state }];
    }),
    note: emptyToNull(form.note),
  }),
};

/** Every step's schema and conversions, by question. */
export const GRID_STEP_FORMS = {
  purposes: purposesStep,
  legitimacy: legitimacyStep,
  data: dataStep,
  minimisation: minimisationStep,
  retention: retentionStep,
  information: informationStep,
  rights: rightsStep,
  security: securityStep,
  resilience: resilienceStep,
  documentation: documentationStep,
} as const satisfies Record<GridQuestion, unknown>;

// ——— the new-grid form ———

export const ZNewGridSchema = z.object({
  projectName: z.string().trim().min(1, { error: 'validation.required' }).max(TEXT_LIMITS.short, { error: 'validation.tooLong' }),
  departmentId: z.string(),
  pitch: optionalText(TEXT_LIMITS.long),
});
export type NewGridForm = z.infer<typeof ZNewGridSchema>;
