import type { Metadata } from 'next';

import { loadNotifications, loadPreference } from '@/features/notifications/notifications-api';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { NotificationsPageContent } from '@/features/notifications/components/notifications-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('notifications.title') };
}

/** The caller's reminders in this organisation, and how they get them by e-mail. */
export default async function NotificationsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const api = await serverApi();
  const [notifications, preference] = await Promise.all([orNotFound(loadNotifications(api, orgId)), loadPreference(api)]);
  return <NotificationsPageContent organizationId={orgId} initialNotifications={notifications} initialPreference={preference} />;
}
