import type { Metadata } from 'next';

import { listRightsRequests } from '@/features/rights-requests/registers-api';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { RightsRequestsPageContent } from '@/features/rights-requests/components/rights-requests-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('rightsRequests.title') };
}

/** The rights requests (Art 12–22), earliest due first, with the clock. */
export default async function RightsRequestsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const requests = await orNotFound(listRightsRequests(await serverApi(), orgId));
  return <RightsRequestsPageContent organizationId={orgId} requests={requests} />;
}
