/** What the DPIA pages load on the server (never import from a client component). */
import { getShippedCatalogue } from '@/features/activities/activities-api';
import { loadActivityCatalogues } from '@/features/activities/server-data';
import type { CatalogueItem } from '@/features/activities/types';
import { serverApi } from '@/lib/server-api';

import type { DpiaCatalogues } from './catalogues';

const DPIA_ONLY = ['dpia-feared-events', 'dpia-severity', 'dpia-likelihood'] as const;

/** The register's catalogues (labels of the context) and the DPIA's own (feared events, scales). */
export async function loadDpiaCatalogues(organizationId: string): Promise<DpiaCatalogues> {
  const api = await serverApi();
  const [activity, ...own] = await Promise.all([
    loadActivityCatalogues(organizationId),
    ...DPIA_ONLY.map((name) => getShippedCatalogue(api, name).then((view): CatalogueItem[] => view.items)),
  ]);
  return { ...activity, 'dpia-feared-events': own[0] ?? [], 'dpia-severity': own[1] ?? [], 'dpia-likelihood': own[2] ?? [] };
}
