import { z } from 'zod';

import { EMAIL_FREQUENCIES, NOTIFICATION_KINDS } from './types';

/** One kind of notification: listed in the app, sent by e-mail, both or neither. */
export const ZKindPreferenceSchema = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  inApp: z.boolean(),
  email: z.boolean(),
});

/** The notification preference form: how e-mails arrive, the weekly digest, and per kind in-app and e-mail. */
export const ZNotificationPreferenceSchema = z.object({
  emailFrequency: z.enum(EMAIL_FREQUENCIES),
  weeklyDigest: z.boolean().optional(),
  kinds: z.array(ZKindPreferenceSchema).max(NOTIFICATION_KINDS.length).optional(),
});
export type NotificationPreferenceForm = z.infer<typeof ZNotificationPreferenceSchema>;
