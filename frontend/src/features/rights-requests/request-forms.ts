/**
 * The rights-request forms: zod schemas over the strings the controls hold, and the explicit
 * form → API conversions. Times are typed as read on the letter or the e-mail, in the organisation's
 * time zone, and sent as instants.
 */
import { z } from 'zod';

import { TEXT_LIMITS } from '@domain/field-limits';
import { DEFAULT_TIME_ZONE } from '@domain/deadlines/legal-deadlines';
import { IDENTITY_CHECK_STATUSES, REQUEST_CHANNELS, REQUEST_TYPES } from '@domain/rights-requests/rights-request.types';

import { isIsoDate } from '@/features/activities/register-query';
import type { components } from '@/lib/api/schema';
import { emptyToNull, optionalText, requiredText } from '@/lib/validation';
import { zonedInstant, zonedLocal } from '@/lib/zoned-time';

type Schemas = components['schemas'];
type RightsRequestDetail = import('./types').RightsRequestDetail;

const wallTime = () =>
  z
    .string()
    .trim()
    .min(1, { error: 'validation.required' })
    .refine((value) => zonedInstant(value, DEFAULT_TIME_ZONE) !== null, { error: 'validation.date' });
const requiredDate = () =>
  z
    .string()
    .trim()
    .min(1, { error: 'validation.required' })
    .refine((value) => isIsoDate(value), { error: 'validation.date' });

/** Now, as the form's default ("received just now"), in the organisation's time zone. */
export const nowLocal = (now = new Date()): string => zonedLocal(now, DEFAULT_TIME_ZONE);
const instant = (local: string): string => zonedInstant(local, DEFAULT_TIME_ZONE) ?? local;

export const ZNewRequestSchema = z.object({
  receivedAt: wallTime(),
  channel: z.enum(REQUEST_CHANNELS),
  type: z.enum(REQUEST_TYPES),
  requesterName: requiredText(TEXT_LIMITS.short),
  requesterContact: optionalText(TEXT_LIMITS.sentence),
  description: optionalText(TEXT_LIMITS.veryLong),
  identityCheckStatus: z.enum(IDENTITY_CHECK_STATUSES),
  identityCheckMethod: optionalText(TEXT_LIMITS.sentence),
});
export type NewRequestForm = z.infer<typeof ZNewRequestSchema>;
export const NEW_REQUEST_FIELDS = ['receivedAt', 'channel', 'type', 'requesterName', 'requesterContact', 'description', 'identityCheckStatus', 'identityCheckMethod'] as const;

export const newRequestDefaults = (now = new Date()): NewRequestForm => ({
  receivedAt: nowLocal(now),
  channel: 'email',
  type: 'access',
  requesterName: '',
  requesterContact: '',
  description: '',
  identityCheckStatus: 'not_needed',
  identityCheckMethod: '',
});

export function newRequestToBody(form: NewRequestForm, activityIds: readonly string[] = [], subjectCategory = ''): Schemas['CreateRightsRequestDto'] {
  return {
    subjectCategory: emptyToNull(subjectCategory),
    receivedAt: instant(form.receivedAt),
    channel: form.channel,
    type: form.type,
    requesterName: form.requesterName.trim(),
    requesterContact: emptyToNull(form.requesterContact),
    description: emptyToNull(form.description),
    identityCheckStatus: form.identityCheckStatus,
    identityCheckMethod: emptyToNull(form.identityCheckMethod),
    activityIds: [...activityIds],
  };
}

/** The facts of a request as recorded, corrected after its creation (the due days follow a new receipt). */
export const editRequestDefaults = (request: RightsRequestDetail): NewRequestForm => ({
  receivedAt: zonedLocal(request.receivedAt, DEFAULT_TIME_ZONE),
  channel: request.channel,
  type: request.type,
  requesterName: request.requesterName,
  requesterContact: request.requesterContact ?? '',
  description: request.description ?? '',
  identityCheckStatus: request.identityCheckStatus,
  identityCheckMethod: request.identityCheckMethod ?? '',
});

export const editRequestToBody = (form: NewRequestForm, activityIds: readonly string[], version: number, subjectCategory = ''): Schemas['UpdateRightsRequestDto'] => ({
  ...newRequestToBody(form, activityIds, subjectCategory),
  version,
});

export const ZExtendSchema = z.object({ reason: requiredText(TEXT_LIMITS.long), personInformedOn: requiredDate() });
export type ExtendForm = z.infer<typeof ZExtendSchema>;
export const EXTEND_FIELDS = ['reason', 'personInformedOn'] as const;

export const ZAnswerSchema = z.object({ sentAt: wallTime(), channel: requiredText(TEXT_LIMITS.short), summary: requiredText(TEXT_LIMITS.veryLong) });
export type AnswerForm = z.infer<typeof ZAnswerSchema>;
export const ANSWER_FIELDS = ['sentAt', 'channel', 'summary'] as const;
export const answerToBody = (form: AnswerForm, version: number): Schemas['AnswerRequestDto'] => ({
  version,
  sentAt: instant(form.sentAt),
  channel: form.channel.trim(),
  summary: form.summary.trim(),
});

export const ZRefuseSchema = z.object({ grounds: requiredText(TEXT_LIMITS.veryLong), sentAt: wallTime(), channel: optionalText(TEXT_LIMITS.short) });
export type RefuseForm = z.infer<typeof ZRefuseSchema>;
export const REFUSE_FIELDS = ['grounds', 'sentAt', 'channel'] as const;
export const refuseToBody = (form: RefuseForm, version: number): Schemas['RefuseRequestDto'] => ({
  version,
  grounds: form.grounds.trim(),
  sentAt: instant(form.sentAt),
  channel: emptyToNull(form.channel),
});
