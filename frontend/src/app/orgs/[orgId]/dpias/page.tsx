import type { Metadata } from 'next';

import { parseDpiaQuery } from '@/features/dpias/dpia-query';
import { listDpias } from '@/features/dpias/dpias-api';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { DpiasPageContent } from '@/features/dpias/components/dpias-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('dpias.title') };
}

/** The organisation's DPIAs: the URL's search parameters are the search, the status, the sort and the page. */
export default async function DpiasPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<Readonly<Record<string, string | string[] | undefined>>>;
}) {
  const { orgId } = await params;
  const query = parseDpiaQuery(await searchParams);
  const dpias = await orNotFound(listDpias(await serverApi(), orgId, query));
  return <DpiasPageContent organizationId={orgId} query={query} dpias={dpias} />;
}
