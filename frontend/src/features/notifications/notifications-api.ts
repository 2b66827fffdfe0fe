import { unwrap, type TypedApiClient } from '@/lib/api-client';

import type { NotificationPreferenceForm } from './schemas';

export function loadNotifications(api: TypedApiClient, organizationId: string, pageSize = 50) {
  return unwrap(api.GET('/api/v1/organizations/{orgId}/notifications', { params: { path: { orgId: organizationId }, query: { page: 1, pageSize } } }));
}

/** Marks the given notifications read, or all of the caller's in the organisation. */
export function markNotificationsRead(api: TypedApiClient, organizationId: string, ids?: string[]) {
  return unwrap(api.POST('/api/v1/organizations/{orgId}/notifications/read', { params: { path: { orgId: organizationId } }, body: ids ? { ids } : {} }));
}

export function loadPreference(api: TypedApiClient) {
  return unwrap(api.GET('/api/v1/me/notification-preferences'));
}

/** The e-mail frequency, and per kind in-app and e-mail (kinds not sent keep their setting). */
export function savePreference(api: TypedApiClient, preference: NotificationPreferenceForm) {
  return unwrap(api.PUT('/api/v1/me/notification-preferences', { body: preference }));
}

/** E-mails stored instead of sent (administrators), and whether an SMTP server is configured. */
export function listStoredEmails(api: TypedApiClient, organizationId: string, page = 1) {
  return unwrap(api.GET('/api/v1/organizations/{orgId}/stored-emails', { params: { path: { orgId: organizationId }, query: { page, pageSize: 20 } } }));
}
