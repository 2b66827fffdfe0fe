import type { Metadata } from 'next';

import { notificationsPath, PREFERENCES_PATH } from '@/features/notifications/notifications-api';
import type { EmailFrequency, NotificationPage } from '@/features/notifications/types';
import { getT } from '@/i18n/server';
import { serverGet } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { NotificationsPageContent } from './page-content';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('notifications.title') };
}

/** The caller's reminders in this organisation, and how they get them by e-mail. */
export default async function NotificationsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const [notifications, preference] = await Promise.all([
    orNotFound(serverGet<NotificationPage>(notificationsPath(orgId))),
    serverGet<{ emailFrequency: EmailFrequency }>(PREFERENCES_PATH),
  ]);
  return <NotificationsPageContent organizationId={orgId} initialNotifications={notifications} initialFrequency={preference.emailFrequency} />;
}
