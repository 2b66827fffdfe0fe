/**
 * The request's tasks form: who extracts and who erases for each linked activity, when each vendor was
 * asked and confirmed. A zod schema over the strings the controls hold ('' for nobody / no date) and the
 * explicit form → API conversion; the whole set is sent, as the API replaces it.
 */
import { z } from 'zod';

import { TEXT_LIMITS } from '@domain/field-limits';

import { isIsoDate } from '@/features/activities/register-query';
import type { components } from '@/lib/api/schema';
import { emptyToNull, optionalText } from '@/lib/validation';

import type { RequestTasks } from './types';

type Schemas = components['schemas'];

const optionalDay = () =>
  z
    .string()
    .trim()
    .refine((value) => value === '' || isIsoDate(value), { error: 'validation.date' });

const ZProcessorTask = z
  .object({ vendorId: z.string(), askedOn: optionalDay(), confirmedOn: optionalDay(), note: optionalText(TEXT_LIMITS.long) })
  // A confirmation answers a request to act: it cannot come first (the API says the same, 422).
  .refine((task) => !task.confirmedOn || (task.askedOn !== '' && task.askedOn <= task.confirmedOn), { error: 'rightsRequests.tasks.confirmedBeforeAsked', path: ['confirmedOn'] });

export const ZRequestTasksSchema = z.object({
  activities: z.array(z.object({ activityId: z.string(), extractedBy: z.string(), erasedBy: z.string(), note: optionalText(TEXT_LIMITS.long) })),
  processors: z.array(ZProcessorTask),
});
export type RequestTasksForm = z.infer<typeof ZRequestTasksSchema>;

export const requestTasksDefaults = (tasks: RequestTasks): RequestTasksForm => ({
  activities: tasks.activities.map((task) => ({ activityId: task.activityId, extractedBy: task.extractedBy ?? '', erasedBy: task.erasedBy ?? '', note: task.note ?? '' })),
  processors: tasks.processors.map((task) => ({ vendorId: task.vendorId, askedOn: task.askedOn ?? '', confirmedOn: task.confirmedOn ?? '', note: task.note ?? '' })),
});

export const requestTasksToBody = (form: RequestTasksForm, version: number): Schemas['UpdateRequestTasksDto'] => ({
  version,
  activities: form.activities.map((task) => ({ activityId: task.activityId, extractedBy: emptyToNull(task.extractedBy), erasedBy: emptyToNull(task.erasedBy), note: emptyToNull(task.note) })),
  processors: form.processors.map((task) => ({ vendorId: task.vendorId, askedOn: emptyToNull(task.askedOn), confirmedOn: emptyToNull(task.confirmedOn), note: emptyToNull(task.note) })),
});
