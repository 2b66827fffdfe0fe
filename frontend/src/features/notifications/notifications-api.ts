import type { ApiClient } from '@/lib/api-client';
import { orgApiPath } from '@/lib/paths';

import type { EmailFrequency, NotificationPage } from './types';

export const PREFERENCES_PATH = '/api/v1/me/notification-preferences';

export function notificationsPath(organizationId: string, page = 1, pageSize = 50): string {
  return orgApiPath(organizationId, `notifications?page=${String(page)}&pageSize=${String(pageSize)}`);
}

export function storedEmailsPath(organizationId: string, page = 1): string {
  return orgApiPath(organizationId, `stored-emails?page=${String(page)}&pageSize=20`);
}

export function loadNotifications(api: ApiClient, organizationId: string, pageSize = 50): Promise<NotificationPage> {
  return api.get<NotificationPage>(notificationsPath(organizationId, 1, pageSize));
}

/** Marks the given notifications read, or all of the caller's in the organisation. */
export function markNotificationsRead(api: ApiClient, organizationId: string, ids?: string[]): Promise<{ marked: number }> {
  return api.post<{ marked: number }>(orgApiPath(organizationId, 'notifications/read'), ids ? { ids } : {});
}

export function savePreference(api: ApiClient, emailFrequency: EmailFrequency): Promise<{ emailFrequency: EmailFrequency }> {
  return api.put<{ emailFrequency: EmailFrequency }>(PREFERENCES_PATH, { emailFrequency });
}
