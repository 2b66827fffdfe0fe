/** The notifications API: names for the generated contract (lib/api/schema.d.ts). */
import type { ApiSchemas } from '@/lib/api-types';

export {
  EMAIL_FREQUENCIES,
  NOTIFICATION_KINDS,
  REMINDER_KINDS,
  WORKFLOW_KINDS,
  type EmailFrequency,
  type NotificationKind,
} from '@domain/notifications/notification-kinds';

export type NotificationItem = ApiSchemas['NotificationView'];
export type NotificationPage = ApiSchemas['NotificationPage'];
export type StoredEmail = ApiSchemas['StoredEmailView'];
export type StoredEmailPage = ApiSchemas['StoredEmailPage'];
export type NotificationPreference = ApiSchemas['NotificationPreferenceDto'];
