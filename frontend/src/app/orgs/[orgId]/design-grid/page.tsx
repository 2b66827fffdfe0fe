import type { Metadata } from 'next';

import { loadDepartments } from '@/features/activities/server-data';
import { listGrids } from '@/features/design-grid/design-grid-api';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { orNotFound, requireMembership } from '@/lib/session';

import { DesignGridsPageContent } from '@/features/design-grid/components/design-grids-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('designGrid.title') };
}

/** The design grids: start one, re-open one; the DPO sees those awaiting review first. */
export default async function DesignGridPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { membership } = await requireMembership(orgId);
  const api = await serverApi();
  const [grids, awaiting, departments] = await Promise.all([
    orNotFound(listGrids(api, orgId, { pageSize: 200 })),
    membership.roles.includes('dpo') ? orNotFound(listGrids(api, orgId, { status: ['submitted'], pageSize: 200 })) : Promise.resolve(null),
    loadDepartments(orgId),
  ]);
  return <DesignGridsPageContent organizationId={orgId} grids={grids.items} awaiting={awaiting?.items ?? null} departments={departments} />;
}
