import type { Metadata } from 'next';

import { registerListPath } from '@/features/activities/activities-api';
import { parseRegisterQuery, type SearchParamsRecord } from '@/features/activities/register-query';
import { loadCatalogue, loadDepartments } from '@/features/activities/server-data';
import type { ActivityListItem } from '@/features/activities/types';
import { getT } from '@/i18n/server';
import type { PageOf } from '@/lib/api-types';
import { serverGet } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { RegisterPageContent } from './page-content';

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
  const [activities, departments, legalBases] = await Promise.all([
    orNotFound(serverGet<PageOf<ActivityListItem>>(registerListPath(orgId, query))),
    loadDepartments(orgId),
    loadCatalogue(orgId, 'legal-bases'),
  ]);
  return (
    <RegisterPageContent
      organizationId={orgId}
      query={query}
      activities={activities}
      departments={departments}
      legalBases={legalBases}
    />
  );
}
