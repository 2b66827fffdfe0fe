import type { Metadata } from 'next';

import { loadActivityCatalogues } from '@/features/activities/server-data';
import { listAuditEvents } from '@/features/audit/audit-api';
import { parseAuditQuery } from '@/features/audit/audit-query';
import { listMembers } from '@/features/members/members-api';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { AuditPageContent } from '@/features/audit/components/audit-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('audit.title') };
}

/** The audit trail: the URL's search parameters are the filters and the page. */
export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<Readonly<Record<string, string | string[] | undefined>>>;
}) {
  const { orgId } = await params;
  const query = parseAuditQuery(await searchParams);
  const api = await serverApi();
  const [events, members, catalogues] = await Promise.all([
    orNotFound(listAuditEvents(api, orgId, query)),
    orNotFound(listMembers(api, orgId, 1, 200)),
    loadActivityCatalogues(orgId),
  ]);
  return <AuditPageContent organizationId={orgId} query={query} events={events} members={members.items} catalogues={catalogues} />;
}
