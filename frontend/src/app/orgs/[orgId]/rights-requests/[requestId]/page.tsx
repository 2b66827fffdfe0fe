import type { Metadata } from 'next';

import { activitiesPath } from '@/features/activities/activities-api';
import { linkedRecords } from '@/features/rights-requests/linked-records';
import { rightsRequestPath } from '@/features/rights-requests/registers-api';
import type { RightsRequestDetail } from '@/features/rights-requests/types';
import { getT } from '@/i18n/server';
import { serverGet } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { RightsRequestPageContent } from './page-content';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('rightsRequests.title') };
}

/** One request: who, which right, the clock, the extension and the answer (read-only for now). */
export default async function RightsRequestPage({ params }: { params: Promise<{ orgId: string; requestId: string }> }) {
  const { orgId, requestId } = await params;
  const request = await orNotFound(serverGet<RightsRequestDetail>(rightsRequestPath(orgId, requestId)));
  const activities = await linkedRecords(request.activityIds, (id) => activitiesPath(orgId, id));
  return <RightsRequestPageContent organizationId={orgId} request={request} activities={activities} />;
}
