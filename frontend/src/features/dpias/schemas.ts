/**
 * The DPIA editor's forms, one per section (each saves on its own): zod schemas over the strings the
 * controls hold, and the explicit API ↔ form conversions.
 */
import { z } from 'zod';

import { TEXT_LIMITS } from '@domain/field-limits';

import { isIsoDate } from '@/features/activities/register-query';
import { emptyToNull, nullToEmpty, optionalText, requiredText } from '@/lib/validation';

import {
  ACTION_STATUSES,
  CONSULTATION_OUTCOMES,
  CONTEXT_FIELDS,
  DPIA_DECISIONS,
  FEARED_EVENTS,
  JUDGEMENTS,
  OPINION_STATUSES,
  PRINCIPLE_ITEMS,
  type DataSubjectsView,
  type DpiaDecision,
  type DpiaAction,
  type DpiaContent,
  type DpiaContext,
  type DpiaPrinciples,
  type DpiaRisk,
  type DpiaRisks,
  type RiskLevel,
  type ScaleValue,
} from './types';

const scale = () => z.enum(['', '1', '2', '3', '4']);
const optionalDate = () =>
  z
    .string()
    .trim()
    .refine((value) => value === '' || isIsoDate(value), { error: 'validation.date' });
/** Lines of a text area: one item per non-blank line. */
const lines = () =>
  optionalText(20000).refine((value) => splitLines(value).every((line) => line.length <= TEXT_LIMITS.paragraph), { error: 'validation.tooLong' });

export function splitLines(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

// ——— 1. Context ———

export const ZContextFormSchema = z.object(Object.fromEntries(CONTEXT_FIELDS.map((field) => [field, optionalText(TEXT_LIMITS.document)])) as Record<keyof DpiaContext, ReturnType<typeof optionalText>>);
export type ContextForm = z.infer<typeof ZContextFormSchema>;

export const contextToForm = (context: DpiaContext): ContextForm =>
  Object.fromEntries(CONTEXT_FIELDS.map((field) => [field, nullToEmpty(context[field])])) as ContextForm;
export const contextFromForm = (form: ContextForm): DpiaContext =>
  Object.fromEntries(CONTEXT_FIELDS.map((field) => [field, emptyToNull(form[field])])) as unknown as DpiaContext;

// ——— 2. Fundamental principles ———

const ZPrincipleSchema = z.object({ judgement: z.enum(['', ...JUDGEMENTS]), comment: optionalText(TEXT_LIMITS.veryLong) });
export const ZPrinciplesFormSchema = z.object(Object.fromEntries(PRINCIPLE_ITEMS.map((item) => [item, ZPrincipleSchema])) as Record<keyof DpiaPrinciples, typeof ZPrincipleSchema>);
export type PrinciplesForm = z.infer<typeof ZPrinciplesFormSchema>;

export const principlesToForm = (principles: DpiaPrinciples): PrinciplesForm =>
  Object.fromEntries(PRINCIPLE_ITEMS.map((item) => [item, { judgement: principles[item].judgement ?? '', comment: nullToEmpty(principles[item].comment) }])) as PrinciplesForm;
export const principlesFromForm = (form: PrinciplesForm): DpiaPrinciples =>
  Object.fromEntries(PRINCIPLE_ITEMS.map((item) => [item, { judgement: form[item].judgement || null, comment: emptyToNull(form[item].comment) }])) as DpiaPrinciples;

// ——— 3. Risks ———

const ZLevelSchema = z.object({ severity: scale(), likelihood: scale() });
const ZRiskSchema = z.object({
  riskSources: lines(),
  threats: lines(),
  impacts: lines(),
  existingMeasures: z.array(z.string()),
  plannedMeasures: z.array(z.string()),
  before: ZLevelSchema,
  after: ZLevelSchema,
});
export const ZRisksFormSchema = z.object(Object.fromEntries(FEARED_EVENTS.map((event) => [event, ZRiskSchema])) as Record<keyof DpiaRisks, typeof ZRiskSchema>);
export type RisksForm = z.infer<typeof ZRisksFormSchema>;
type LevelForm = z.infer<typeof ZLevelSchema>;

const levelToForm = (level: RiskLevel): LevelForm => ({
  severity: level.severity === null ? '' : (String(level.severity) as LevelForm['severity']),
  likelihood: level.likelihood === null ? '' : (String(level.likelihood) as LevelForm['likelihood']),
});
const toScale = (value: string): ScaleValue | null => (value === '' ? null : (Number(value) as ScaleValue));
const levelFromForm = (level: LevelForm): RiskLevel => ({ severity: toScale(level.severity), likelihood: toScale(level.likelihood) });

export const risksToForm = (risks: DpiaRisks): RisksForm =>
  Object.fromEntries(
    FEARED_EVENTS.map((event) => {
      const risk = risks[event];
      return [
        event,
        {
          riskSources: risk.riskSources.join('\n'),
          threats: risk.threats.join('\n'),
          impacts: risk.impacts.join('\n'),
          existingMeasures: [...risk.existingMeasures],
          plannedMeasures: [...risk.plannedMeasures],
          before: levelToForm(risk.before),
          after: levelToForm(risk.after),
        },
      ];
    }),
  ) as RisksForm;

export const risksFromForm = (form: RisksForm): DpiaRisks =>
  Object.fromEntries(
    FEARED_EVENTS.map((event): [string, DpiaRisk] => {
      const risk = form[event];
      return [
        event,
        {
          riskSources: splitLines(risk.riskSources),
          threats: splitLines(risk.threats),
          impacts: splitLines(risk.impacts),
          existingMeasures: risk.existingMeasures,
          plannedMeasures: risk.plannedMeasures,
          before: levelFromForm(risk.before),
          after: levelFromForm(risk.after),
        },
      ];
    }),
  ) as DpiaRisks;

// ——— 4. Action plan ———

const ZActionSchema = z.object({
  id: z.string(),
  measure: requiredText(TEXT_LIMITS.long),
  owner: optionalText(TEXT_LIMITS.short),
  dueDate: optionalDate(),
  status: z.enum(ACTION_STATUSES),
});
export const ZActionPlanFormSchema = z.object({ actions: z.array(ZActionSchema).max(100, { error: 'validation.tooMany' }) });
export type ActionPlanForm = z.infer<typeof ZActionPlanFormSchema>;

export const actionPlanToForm = (actions: DpiaAction[]): ActionPlanForm => ({
  actions: actions.map((action) => ({ id: action.id, measure: action.measure, owner: nullToEmpty(action.owner), dueDate: nullToEmpty(action.dueDate), status: action.status })),
});
/** New rows have no id yet (''): the server gives them one. */
export const actionPlanFromForm = (form: ActionPlanForm): (Omit<DpiaAction, 'id'> & { id?: string })[] =>
  form.actions.map((action) => ({
    ...(action.id ? { id: action.id } : {}),
    measure: action.measure.trim(),
    owner: emptyToNull(action.owner),
    dueDate: emptyToNull(action.dueDate),
    status: action.status,
  }));

// ——— 5. Validation ———

export const ZDataSubjectsViewFormSchema = z.object({
  sought: z.enum(['', 'yes', 'no']),
  reasonNotSought: optionalText(TEXT_LIMITS.veryLong),
  names: optionalText(TEXT_LIMITS.long),
  status: z.enum(['', ...OPINION_STATUSES]),
  opinion: optionalText(TEXT_LIMITS.document),
});
export type DataSubjectsViewForm = z.infer<typeof ZDataSubjectsViewFormSchema>;

export const dataSubjectsViewToForm = (view: DataSubjectsView): DataSubjectsViewForm => ({
  sought: view.sought === null ? '' : view.sought ? 'yes' : 'no',
  reasonNotSought: nullToEmpty(view.reasonNotSought),
  names: nullToEmpty(view.names),
  status: view.status ?? '',
  opinion: nullToEmpty(view.opinion),
});
export const dataSubjectsViewFromForm = (form: DataSubjectsViewForm): DataSubjectsView => ({
  sought: form.sought === '' ? null : form.sought === 'yes',
  reasonNotSought: emptyToNull(form.reasonNotSought),
  names: emptyToNull(form.names),
  status: form.status || null,
  opinion: emptyToNull(form.opinion),
});

export const ZOpinionFormSchema = z.object({ status: z.enum(OPINION_STATUSES), opinion: requiredText(TEXT_LIMITS.document) });
export type OpinionForm = z.infer<typeof ZOpinionFormSchema>;
export const opinionDefaults = (): OpinionForm => ({ status: 'could_be_implemented', opinion: '' });

const requiredDate = () =>
  z
    .string()
    .trim()
    .refine((value) => value !== '', { error: 'validation.required' })
    .refine((value) => value === '' || isIsoDate(value), { error: 'validation.date' });

/**
 * The decision. When the residual risk stays high (Art 36(1)), validating needs the prior
 * consultation of the supervisory authority: the day the request was sent and its reference.
 */
export function decisionFormSchema(consultationRequired: boolean) {
  return z
    .object({ decision: z.enum(DPIA_DECISIONS), comment: optionalText(TEXT_LIMITS.document), sentOn: optionalDate(), reference: optionalText(TEXT_LIMITS.name) })
    .superRefine((value, context) => {
      if (value.decision === 'validated_with_conditions' && value.comment.trim() === '') context.addIssue({ code: 'custom', path: ['comment'], message: 'validation.required' });
      if (!consultationRequired || value.decision === 'refused') return;
      if (value.sentOn === '') context.addIssue({ code: 'custom', path: ['sentOn'], message: 'validation.required' });
      if (value.reference.trim() === '') context.addIssue({ code: 'custom', path: ['reference'], message: 'validation.required' });
    });
}
export const ZDecisionFormSchema = decisionFormSchema(false);
export type DecisionForm = z.infer<typeof ZDecisionFormSchema>;
export const decisionDefaults = (): DecisionForm => ({ decision: 'validated', comment: '', sentOn: '', reference: '' });

export interface DecisionBody {
  decision: DpiaDecision;
  comment: string | null;
  priorConsultation?: { sentOn: string; reference: string };
}

/** The consultation goes with a validation that needs it, never otherwise (the server refuses it). */
export function decisionFromForm(values: DecisionForm, consultationRequired: boolean): DecisionBody {
  const body: DecisionBody = { decision: values.decision, comment: values.comment.trim() || null };
  if (consultationRequired && values.decision !== 'refused') body.priorConsultation = { sentOn: values.sentOn.trim(), reference: values.reference.trim() };
  return body;
}

/** Art 36(2): the authority's answer, received on or after the day the request was sent. */
export function consultationAnswerSchema(sentOn: string) {
  return z
    .object({ receivedOn: requiredDate(), outcome: z.enum(CONSULTATION_OUTCOMES), summary: requiredText(TEXT_LIMITS.document) })
    .refine((value) => !isIsoDate(value.receivedOn) || value.receivedOn >= sentOn, { path: ['receivedOn'], error: 'dpias.consultation.answerBeforeRequest' });
}
export type ConsultationAnswerForm = z.infer<ReturnType<typeof consultationAnswerSchema>>;
export const consultationAnswerDefaults = (): ConsultationAnswerForm => ({ receivedOn: '', outcome: 'no_objection', summary: '' });

/** Only the sections the API accepts in a PATCH. */
export type SectionPatch = Partial<Omit<DpiaContent, 'actionPlan'>> & { actionPlan?: ReturnType<typeof actionPlanFromForm> };
