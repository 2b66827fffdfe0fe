import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';

import { getDpia, listRevisions } from '@/features/dpias/dpias-api';
import { loadDpiaCatalogues } from '@/features/dpias/server-data';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { DpiaPageContent } from '@/features/dpias/components/dpia-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const loadDpia = cache((orgId: string, dpiaId: string) => serverApi().then((api) => orNotFound(getDpia(api, orgId, dpiaId))));

export async function generateMetadata({ params }: { params: Promise<{ orgId: string; dpiaId: string }> }): Promise<Metadata> {
  const { orgId, dpiaId } = await params;
  const t = await getT();
  if (!UUID.test(dpiaId)) return { title: t('dpias.title') };
  const dpia = await loadDpia(orgId, dpiaId);
  return { title: t('dpias.editor.heading', { reference: dpia.register.reference, name: dpia.register.name }) };
}

/** The DPIA editor: its sections with progress, the risk map, the action plan, the opinion and the decision. */
export default async function DpiaPage({ params }: { params: Promise<{ orgId: string; dpiaId: string }> }) {
  const { orgId, dpiaId } = await params;
  if (!UUID.test(dpiaId)) notFound();
  const [dpia, revisions, catalogues] = await Promise.all([
    loadDpia(orgId, dpiaId),
    serverApi().then((api) => orNotFound(listRevisions(api, orgId, dpiaId))),
    loadDpiaCatalogues(orgId),
  ]);
  return <DpiaPageContent key={dpia.id} organizationId={orgId} initialDpia={dpia} initialRevisions={revisions} catalogues={catalogues} />;
}
