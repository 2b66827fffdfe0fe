import type { Metadata } from 'next';

import { listBreaches } from '@/features/rights-requests/registers-api';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { BreachesPageContent } from '@/features/breaches/components/breaches-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('breaches.title') };
}

/** The breach register (Art 33(5)): every breach, notified or not, with the 72-hour clock. */
export default async function BreachesPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const breaches = await orNotFound(listBreaches(await serverApi(), orgId));
  return <BreachesPageContent organizationId={orgId} breaches={breaches} />;
}
