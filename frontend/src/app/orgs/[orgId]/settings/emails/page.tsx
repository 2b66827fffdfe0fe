import type { Metadata } from 'next';

import { listStoredEmails } from '@/features/notifications/notifications-api';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { requireMembership } from '@/lib/session';

import { StoredEmailsPageContent } from '@/features/organizations/components/stored-emails-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('notifications.emails.title') };
}

/** E-mails stored instead of sent (no SMTP server configured): administrators read them here, and whether a server is configured. */
export default async function StoredEmailsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { membership } = await requireMembership(orgId);
  const emails = membership.roles.includes('admin') ? await listStoredEmails(await serverApi(), orgId) : null;
  return <StoredEmailsPageContent emails={emails} />;
}
