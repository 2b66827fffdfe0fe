import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { getDpia, getRevision } from '@/features/dpias/dpias-api';
import { loadDpiaCatalogues } from '@/features/dpias/server-data';
import { getT } from '@/i18n/server';
import { getOrganization } from '@/features/organizations/organizations-api';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { DpiaReportContent } from '@/features/dpias/components/dpia-report-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('dpias.report.title') };
}

/** The printable report (print CSS): `?revision=n` prints a closed revision as it was decided. */
export default async function DpiaReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string; dpiaId: string }>;
  searchParams: Promise<Readonly<Record<string, string | string[] | undefined>>>;
}) {
  const { orgId, dpiaId } = await params;
  if (!UUID.test(dpiaId)) notFound();
  const revisionText = (await searchParams).revision;
  const revision = typeof revisionText === 'string' && /^[1-9]\d{0,8}$/.test(revisionText) ? Number(revisionText) : null;
  const api = await serverApi();
  const [dpia, organization, catalogues] = await Promise.all([
    orNotFound(revision === null ? getDpia(api, orgId, dpiaId) : getRevision(api, orgId, dpiaId, revision)),
    orNotFound(getOrganization(api, orgId)),
    loadDpiaCatalogues(orgId),
  ]);
  return <DpiaReportContent organizationId={orgId} dpia={dpia} organization={organization} catalogues={catalogues} />;
}
