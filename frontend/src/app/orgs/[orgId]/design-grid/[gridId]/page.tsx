import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';

import { loadActivityCatalogues } from '@/features/activities/server-data';
import { getGrid } from '@/features/design-grid/design-grid-api';
import { isGridStep, resumeStep } from '@/features/design-grid/types';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { GridWizard } from '@/features/design-grid/components/grid-wizard';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const loadGrid = cache((orgId: string, gridId: string) => serverApi().then((api) => orNotFound(getGrid(api, orgId, gridId))));

export async function generateMetadata({ params }: { params: Promise<{ orgId: string; gridId: string }> }): Promise<Metadata> {
  const { orgId, gridId } = await params;
  const t = await getT();
  if (!UUID.test(gridId)) return { title: t('designGrid.title') };
  const grid = await loadGrid(orgId, gridId);
  return { title: `${grid.projectName} — ${t('designGrid.title')}` };
}

/** One grid: the wizard, opened at `?step=` or where the team left off. */
export default async function GridPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string; gridId: string }>;
  searchParams: Promise<Readonly<Record<string, string | string[] | undefined>>>;
}) {
  const { orgId, gridId } = await params;
  if (!UUID.test(gridId)) notFound();
  const query = await searchParams;
  const requested = Array.isArray(query.step) ? query.step[0] : query.step;
  const [grid, catalogues] = await Promise.all([loadGrid(orgId, gridId), loadActivityCatalogues(orgId)]);
  const step = isGridStep(requested) ? requested : grid.status === 'draft' ? resumeStep(grid) : 'summary';
  return <GridWizard key={grid.id} organizationId={orgId} initialGrid={grid} initialStep={step} catalogues={catalogues} />;
}
