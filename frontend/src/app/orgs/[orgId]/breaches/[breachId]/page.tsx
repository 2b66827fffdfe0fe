import type { Metadata } from 'next';

import { getActivity } from '@/features/activities/activities-api';
import { loadCatalogue } from '@/features/activities/server-data';
import { linkedRecords } from '@/features/rights-requests/linked-records';
import { getBreach, getNotificationSummary } from '@/features/rights-requests/registers-api';
import { getVendor } from '@/features/vendors/vendors-api';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { BreachPageContent } from '@/features/breaches/components/breach-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('breaches.title') };
}

/** One breach: the 72-hour clock, what happened, the risk, the notification and the people told, its facts edited with the version read. */
export default async function BreachPage({ params }: { params: Promise<{ orgId: string; breachId: string }> }) {
  const { orgId, breachId } = await params;
  const api = await serverApi();
  const breach = await orNotFound(getBreach(api, orgId, breachId));
  const [activities, vendors, dataCategories, subjectCategories, summary] = await Promise.all([
    linkedRecords(breach.activityIds, (id) => getActivity(api, orgId, id)),
    linkedRecords(breach.vendorIds, (id) => getVendor(api, orgId, id)),
    loadCatalogue(orgId, 'data-categories'),
    loadCatalogue(orgId, 'data-subject-categories'),
    getNotificationSummary(api, orgId, breachId),
  ]);
  return (
    <BreachPageContent
      organizationId={orgId}
      breach={breach}
      activities={activities}
      vendors={vendors}
      catalogues={{ dataCategories, subjectCategories }}
      summary={summary}
    />
  );
}
