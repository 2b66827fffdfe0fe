import type { Metadata } from 'next';

import { rightsRequestListPath } from '@/features/rights-requests/registers-api';
import type { RightsRequestSummary } from '@/features/rights-requests/types';
import { getT } from '@/i18n/server';
import type { PageOf } from '@/lib/api-types';
import { serverGet } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { RightsRequestsPageContent } from './page-content';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('rightsRequests.title') };
}

/** The rights requests (Art 12–22), earliest due first, with the clock. */
export default async function RightsRequestsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const requests = await orNotFound(serverGet<PageOf<RightsRequestSummary>>(rightsRequestListPath(orgId)));
  return <RightsRequestsPageContent organizationId={orgId} requests={requests} />;
}
