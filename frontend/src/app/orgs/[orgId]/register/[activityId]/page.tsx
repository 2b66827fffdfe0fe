import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';

import { getActivity, getVersion } from '@/features/activities/activities-api';
import { apiPathToFormPath, isActivityTab, tabOfFormPath } from '@/features/activities/field-paths';
import type { SearchParamsRecord } from '@/features/activities/register-query';
import { loadActivityCatalogues, loadDepartments, loadOwnerOptions, loadScreeningThresholds } from '@/features/activities/server-data';
import { listGrids } from '@/features/design-grid/design-grid-api';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

import { ActivityPageContent } from '@/features/activities/components/activity-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One request loads the activity once, for the title and for the page. */
const loadActivity = cache((orgId: string, activityId: string) =>
  serverApi().then((api) => orNotFound(getActivity(api, orgId, activityId))),
);

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ orgId: string; activityId: string }>;
}): Promise<Metadata> {
  const { orgId, activityId } = await params;
  const t = await getT();
  if (!UUID.test(activityId)) return { title: t('activity.title') };
  const activity = await loadActivity(orgId, activityId);
  return { title: `${activity.reference} ${activity.name}` };
}

/**
 * An activity: its tabs, its workflow and its history. `?version=n` shows version n as it was
 * (read-only); `?tab=…` opens a tab.
 */
export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string; activityId: string }>;
  searchParams: Promise<SearchParamsRecord>;
}) {
  const { orgId, activityId } = await params;
  if (!UUID.test(activityId)) notFound();
  const query = await searchParams;
  const tab = single(query.tab);
  // `?field=purposes[1].legalBasis` (a finding's link): open the field's tab and focus it.
  const field = single(query.field);
  const initialField = field && /^[\w.[\]]{1,200}$/.test(field) ? apiPathToFormPath(field) : null;
  const versionText = single(query.version) ?? '';
  const versionNumber = /^[1-9]\d{0,8}$/.test(versionText) ? Number(versionText) : null;

  const [activity, version, catalogues, departments, owners, grids, thresholds] = await Promise.all([
    loadActivity(orgId, activityId),
    versionNumber === null
      ? Promise.resolve(null)
      : serverApi().then((api) => orNotFound(getVersion(api, orgId, activityId, versionNumber))),
    loadActivityCatalogues(orgId),
    loadDepartments(orgId),
    loadOwnerOptions(orgId),
    serverApi().then((api) => listGrids(api, orgId, { activityId, pageSize: 1 })),
    loadScreeningThresholds(orgId),
  ]);
  const grid = grids.items[0];

  return (
    <ActivityPageContent
      // A new version number (or another snapshot) starts the page afresh.
      key={`${activity.id}-${String(version?.number ?? 'live')}`}
      organizationId={orgId}
      initialActivity={activity}
      snapshot={version}
      initialTab={initialField ? tabOfFormPath(initialField) : isActivityTab(tab) ? tab : 'overview'}
      initialField={initialField}
      catalogues={catalogues}
      departments={departments}
      owners={owners}
      // A past version is screened with the figure that stood when it was written.
      thresholds={version?.screeningThresholds ?? thresholds}
      designGrid={grid ? { id: grid.id, projectName: grid.projectName } : null}
    />
  );
}
