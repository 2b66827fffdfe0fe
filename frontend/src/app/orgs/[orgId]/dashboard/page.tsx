import type { Metadata } from 'next';

import { loadCatalogue, loadDepartments } from '@/features/activities/server-data';
import { getDashboard, listFindings, listOrganizationSummaries } from '@/features/dashboard/dashboard-api';
import { parseFindingsQuery } from '@/features/dashboard/findings-query';
import { reviewQueueIfAllowed } from '@/features/review-queue/review-queue-api';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { DashboardPageContent } from '@/features/dashboard/components/dashboard-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('dashboard.title') };
}

/** The compliance dashboard: headline numbers, the findings (filters in the URL), charts, and one row per organisation. */
export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<Readonly<Record<string, string | string[] | undefined>>>;
}) {
  const { orgId } = await params;
  const query = parseFindingsQuery(await searchParams);
  const api = await serverApi();
  const [dashboard, findings, summaries, departments, legalBases, reviewQueue] = await Promise.all([
    orNotFound(getDashboard(api, orgId)),
    orNotFound(listFindings(api, orgId, query)),
    listOrganizationSummaries(api),
    loadDepartments(orgId),
    loadCatalogue(orgId, 'legal-bases'),
    reviewQueueIfAllowed(api, orgId),
  ]);
  return (
    <DashboardPageContent
      organizationId={orgId}
      query={query}
      dashboard={dashboard}
      findings={findings}
      summaries={summaries.items}
      departments={departments}
      legalBases={legalBases}
      reviewQueue={reviewQueue?.items ?? null}
    />
  );
}
