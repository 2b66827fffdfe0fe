import type { Metadata } from 'next';

import { activitiesPath } from '@/features/activities/activities-api';
import { loadCatalogue } from '@/features/activities/server-data';
import type { BreachDetail, NotificationSummary } from '@/features/breaches/types';
import { linkedRecords } from '@/features/rights-requests/linked-records';
import { breachPath } from '@/features/rights-requests/registers-api';
import { vendorsPath } from '@/features/vendors/vendors-api';
import { getT } from '@/i18n/server';
import { serverGet } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { BreachPageContent } from './page-content';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('breaches.title') };
}

/** One breach: the 72-hour clock, what happened, the risk, the notification and the people told (read-only for now). */
export default async function BreachPage({ params }: { params: Promise<{ orgId: string; breachId: string }> }) {
  const { orgId, breachId } = await params;
  const breach = await orNotFound(serverGet<BreachDetail>(breachPath(orgId, breachId)));
  const [activities, vendors, dataCategories, subjectCategories, summary] = await Promise.all([
    linkedRecords(breach.activityIds, (id) => activitiesPath(orgId, id)),
    linkedRecords(breach.vendorIds, (id) => vendorsPath(orgId, id)),
    loadCatalogue(orgId, 'data-categories'),
    loadCatalogue(orgId, 'data-subject-categories'),
    serverGet<NotificationSummary>(`${breachPath(orgId, breachId)}/notification-summary`),
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
