import { z } from 'zod';

import { EMAIL_FREQUENCIES } from './types';

/** The notification preference form: how reminder e-mails arrive. */
export const ZNotificationPreferenceSchema = z.object({
  emailFrequency: z.enum(EMAIL_FREQUENCIES),
});
export type NotificationPreferenceForm = z.infer<typeof ZNotificationPreferenceSchema>;
