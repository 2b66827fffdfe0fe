import type { Metadata } from 'next';

import { getActivity } from '@/features/activities/activities-api';
import { loadCatalogue, loadOwnerOptions } from '@/features/activities/server-data';
import { linkedRecords } from '@/features/rights-requests/linked-records';
import { getRightsRequest } from '@/features/rights-requests/registers-api';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { RightsRequestPageContent } from '@/features/rights-requests/components/rights-request-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('rightsRequests.title') };
}

/** One request: who, which right, the clock, the extension, its tasks, the answer and what to do next. */
export default async function RightsRequestPage({ params }: { params: Promise<{ orgId: string; requestId: string }> }) {
  const { orgId, requestId } = await params;
  const api = await serverApi();
  const request = await orNotFound(getRightsRequest(api, orgId, requestId));
  const [activities, subjectCategories, members] = await Promise.all([
    linkedRecords(request.activityIds, (id) => getActivity(api, orgId, id)),
    loadCatalogue(orgId, 'data-subject-categories'),
    loadOwnerOptions(orgId),
  ]);
  return <RightsRequestPageContent organizationId={orgId} request={request} activities={activities} subjectCategories={subjectCategories} members={members} />;
}
