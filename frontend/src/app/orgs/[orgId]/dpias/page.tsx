import type { Metadata } from 'next';

import { listDpias } from '@/features/dpias/dpias-api';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { DpiasPageContent } from '@/features/dpias/components/dpias-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('dpias.title') };
}

/** The organisation's DPIAs: activity, status, residual risk, next action due. */
export default async function DpiasPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const dpias = await orNotFound(listDpias(await serverApi(), orgId));
  return <DpiasPageContent organizationId={orgId} dpias={dpias} />;
}
