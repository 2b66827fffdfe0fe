/**
 * The breach forms: recording it (intake), assessing the risk, the notification to the CNIL and the
 * communication to the people. Zod schemas over the controls' strings; explicit form → API conversions.
 * Times are typed in Paris time and sent as instants (the 72 hours are elapsed hours from `awareAt`).
 */
import { z } from 'zod';

import { TEXT_LIMITS } from '@domain/field-limits';
import { BREACH_NATURES, BREACH_RISKS, COMMUNICATION_EXCEPTIONS, FACTOR_LEVELS } from '@domain/breaches/breach.types';
import { DEFAULT_TIME_ZONE } from '@domain/deadlines/legal-deadlines';

import type { components } from '@/lib/api/schema';
import { emptyToNull, nullToEmpty, optionalText, requiredText } from '@/lib/validation';
import { zonedInstant, zonedLocal } from '@/lib/zoned-time';

type Schemas = components['schemas'];
type Breach = Schemas['BreachView'];

const validTime = (value: string) => zonedInstant(value, DEFAULT_TIME_ZONE) !== null;
const requiredTime = () => z.string().trim().min(1, { error: 'validation.required' }).refine(validTime, { error: 'validation.date' });
const optionalTime = () => z.string().trim().refine((value) => value === '' || validTime(value), { error: 'validation.date' });
const instant = (local: string): string | null => (local.trim() === '' ? null : zonedInstant(local, DEFAULT_TIME_ZONE));
const local = (iso: string | null | undefined): string => (iso ? zonedLocal(iso, DEFAULT_TIME_ZONE) : '');
const count = () => z.string().trim().regex(/^\d{0,9}$/, { error: 'validation.wholeNumber' });
const toCount = (value: string): number | null => (value.trim() === '' ? null : Number(value));

export const ZNewBreachSchema = z.object({
  summary: requiredText(TEXT_LIMITS.sentence),
  awareAt: requiredTime(),
  occurredAt: optionalTime(),
  discovery: optionalText(TEXT_LIMITS.veryLong),
  natures: z.array(z.enum(BREACH_NATURES)),
  approxPersons: count(),
  approxRecords: count(),
});
export type NewBreachForm = z.infer<typeof ZNewBreachSchema>;
export const NEW_BREACH_FIELDS = ['summary', 'awareAt', 'occurredAt', 'discovery', 'natures', 'approxPersons', 'approxRecords'] as const;

export const newBreachDefaults = (now = new Date()): NewBreachForm => ({
  summary: '',
  awareAt: zonedLocal(now, DEFAULT_TIME_ZONE),
  occurredAt: '',
  discovery: '',
  natures: [],
  approxPersons: '',
  approxRecords: '',
});

export function newBreachToBody(form: NewBreachForm): Schemas['CreateBreachDto'] {
  return {
    summary: form.summary.trim(),
    awareAt: instant(form.awareAt) ?? form.awareAt,
    occurredAt: instant(form.occurredAt),
    discovery: emptyToNull(form.discovery),
    natures: form.natures,
    approxPersons: toCount(form.approxPersons),
    approxRecords: toCount(form.approxRecords),
  };
}

/**
 * The risk to the people and the factors it is weighed on (EDPB Guidelines 9/2022): it decides whether to
 * notify and to inform. A level left empty is « not assessed » (null).
 */
export const ZAssessSchema = z.object({
  risk: z.enum(BREACH_RISKS),
  riskRationale: requiredText(TEXT_LIMITS.veryLong),
  sensitiveData: z.boolean(),
  identifiability: z.union([z.literal(''), z.enum(FACTOR_LEVELS)]),
  severity: z.union([z.literal(''), z.enum(FACTOR_LEVELS)]),
  vulnerablePersons: z.boolean(),
  controllerCharacteristics: optionalText(TEXT_LIMITS.long),
});
export type AssessForm = z.infer<typeof ZAssessSchema>;
/** Form fields, and the API's paths they answer for (riskFactors.* errors land on the field). */
export const ASSESS_FIELDS = ['risk', 'riskRationale', 'sensitiveData', 'identifiability', 'severity', 'vulnerablePersons', 'controllerCharacteristics'] as const;
export const assessDefaults = (breach: Breach): AssessForm => ({
  risk: breach.risk ?? 'risk',
  riskRationale: nullToEmpty(breach.riskRationale),
  sensitiveData: breach.riskFactors.sensitiveData,
  identifiability: breach.riskFactors.identifiability ?? '',
  severity: breach.riskFactors.severity ?? '',
  vulnerablePersons: breach.riskFactors.vulnerablePersons,
  controllerCharacteristics: nullToEmpty(breach.riskFactors.controllerCharacteristics),
});
export const assessToBody = (form: AssessForm, version: number): Schemas['UpdateBreachDto'] => ({
  version,
  risk: form.risk,
  riskRationale: form.riskRationale.trim(),
  riskFactors: {
    sensitiveData: form.sensitiveData,
    identifiability: form.identifiability === '' ? null : form.identifiability,
    severity: form.severity === '' ? null : form.severity,
    vulnerablePersons: form.vulnerablePersons,
    controllerCharacteristics: emptyToNull(form.controllerCharacteristics),
  },
});

/** Art 33: the notification to the CNIL (after 72 hours, with the reasons for the delay). */
export const ZNotifySchema = z.object({ notifiedAt: requiredTime(), reference: optionalText(TEXT_LIMITS.name), phased: z.boolean(), delayReasons: optionalText(TEXT_LIMITS.veryLong) });
export type NotifyForm = z.infer<typeof ZNotifySchema>;
export const NOTIFY_FIELDS = ['notifiedAt', 'reference', 'phased', 'delayReasons'] as const;
export const notifyDefaults = (breach: Breach, now = new Date()): NotifyForm => ({
  notifiedAt: local(breach.authorityNotification.notifiedAt) || zonedLocal(now, DEFAULT_TIME_ZONE),
  reference: nullToEmpty(breach.authorityNotification.reference),
  phased: breach.authorityNotification.phased,
  delayReasons: nullToEmpty(breach.authorityNotification.delayReasons),
});
export const notifyToBody = (form: NotifyForm, version: number): Schemas['UpdateBreachDto'] => ({
  version,
  authorityNotification: { notifiedAt: instant(form.notifiedAt), reference: emptyToNull(form.reference), phased: form.phased, delayReasons: emptyToNull(form.delayReasons) },
});

/** Art 34: the people told, or the exception relied on (34(3)(a)–(c)). */
export const ZInformSchema = z
  .object({ mode: z.enum(['told', 'exception']), communicatedAt: optionalTime(), exception: z.enum(['', ...COMMUNICATION_EXCEPTIONS]), details: requiredText(TEXT_LIMITS.veryLong) })
  .superRefine((form, context) => {
    if (form.mode === 'told' && form.communicatedAt === '') context.addIssue({ code: 'custom', path: ['communicatedAt'], message: 'validation.required' });
    if (form.mode === 'exception' && form.exception === '') context.addIssue({ code: 'custom', path: ['exception'], message: 'validation.required' });
  });
export type InformForm = z.infer<typeof ZInformSchema>;
export const INFORM_FIELDS = ['mode', 'communicatedAt', 'exception', 'details'] as const;
export const informDefaults = (breach: Breach, now = new Date()): InformForm => ({
  mode: breach.personsCommunication.exception ? 'exception' : 'told',
  communicatedAt: local(breach.personsCommunication.communicatedAt) || zonedLocal(now, DEFAULT_TIME_ZONE),
  exception: breach.personsCommunication.exception ?? '',
  details: nullToEmpty(breach.personsCommunication.details),
});
export const informToBody = (form: InformForm, version: number): Schemas['UpdateBreachDto'] => ({
  version,
  personsCommunication:
    form.mode === 'told'
      ? { communicatedAt: instant(form.communicatedAt), exception: null, details: form.details.trim() }
      : { communicatedAt: null, exception: form.exception === '' ? null : form.exception, details: form.details.trim() },
});

/** The facts of a breach, corrected or completed after it was recorded (the 72 hours follow a new awareness). */
export const ZBreachFactsSchema = ZNewBreachSchema.extend({
  dataCategories: z.array(z.string()),
  subjectCategories: z.array(z.string()),
  consequences: optionalText(TEXT_LIMITS.veryLong),
  measuresTaken: optionalText(TEXT_LIMITS.veryLong),
  measuresProposed: optionalText(TEXT_LIMITS.veryLong),
});
export type BreachFactsForm = z.infer<typeof ZBreachFactsSchema>;
export const BREACH_FACTS_FIELDS = [...NEW_BREACH_FIELDS, 'dataCategories', 'subjectCategories', 'consequences', 'measuresTaken', 'measuresProposed'] as const;

export const breachFactsDefaults = (breach: Breach): BreachFactsForm => ({
  summary: breach.summary,
  awareAt: local(breach.awareAt),
  occurredAt: local(breach.occurredAt),
  discovery: nullToEmpty(breach.discovery),
  natures: breach.natures,
  approxPersons: breach.approxPersons === null ? '' : String(breach.approxPersons),
  approxRecords: breach.approxRecords === null ? '' : String(breach.approxRecords),
  dataCategories: breach.dataCategories,
  subjectCategories: breach.subjectCategories,
  consequences: nullToEmpty(breach.consequences),
  measuresTaken: nullToEmpty(breach.measuresTaken),
  measuresProposed: nullToEmpty(breach.measuresProposed),
});

export const breachFactsToBody = (form: BreachFactsForm, links: { activityIds: readonly string[]; vendorIds: readonly string[] }, version: number): Schemas['UpdateBreachDto'] => ({
  version,
  ...newBreachToBody(form),
  dataCategories: form.dataCategories,
  subjectCategories: form.subjectCategories,
  activityIds: [...links.activityIds],
  vendorIds: [...links.vendorIds],
  consequences: emptyToNull(form.consequences),
  measuresTaken: emptyToNull(form.measuresTaken),
  measuresProposed: emptyToNull(form.measuresProposed),
});
