import type { Metadata } from 'next';

import { listActivities } from '@/features/activities/activities-api';
import { parseRegisterQuery, type SearchParamsRecord } from '@/features/activities/register-query';
import { loadCatalogue, loadDepartments } from '@/features/activities/server-data';
import { onboardingIfAllowed } from '@/features/onboarding/onboarding-api';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { RegisterPageContent } from '@/features/activities/components/register-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('register.title') };
}

/** The register: the URL's search parameters are the filters, the sort, the page and the as-of date. */
export default async function RegisterPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<SearchParamsRecord>;
}) {
  const { orgId } = await params;
  const query = parseRegisterQuery(await searchParams);
  const api = await serverApi();
  const [activities, departments, legalBases, onboarding] = await Promise.all([
    orNotFound(listActivities(api, orgId, query)),
    loadDepartments(orgId),
    loadCatalogue(orgId, 'legal-bases'),
    // The page a new organisation lands on: it carries the setting-up checklist until it is done.
    onboardingIfAllowed(api, orgId),
  ]);
  return (
    <RegisterPageContent
      organizationId={orgId}
      query={query}
      activities={activities}
      departments={departments}
      legalBases={legalBases}
      onboarding={onboarding}
    />
  );
}
