/** The form that saves an activity as one of the organisation's templates (limit as in the API's SaveAsTemplateDto). */
import { z } from 'zod';

import { TEXT_LIMITS } from '@domain/field-limits';

import { requiredText } from '@/lib/validation';

export const ZSaveTemplateSchema = z.object({ name: requiredText(TEXT_LIMITS.short) });
export type SaveTemplateForm = z.infer<typeof ZSaveTemplateSchema>;
