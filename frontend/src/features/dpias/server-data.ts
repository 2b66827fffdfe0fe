/** What the DPIA pages load on the server (never import from a client component). */
import { loadActivityCatalogues } from '@/features/activities/server-data';
import type { CatalogueItem, CatalogueView } from '@/features/activities/types';
import { serverGet } from '@/lib/server-api';

import type { DpiaCatalogues } from './catalogues';

const DPIA_ONLY = ['dpia-feared-events', 'dpia-severity', 'dpia-likelihood'] as const;

/** The register's catalogues (labels of the context) and the DPIA's own (feared events, scales). */
export async function loadDpiaCatalogues(organizationId: string): Promise<DpiaCatalogues> {
  const [activity, ...own] = await Promise.all([
    loadActivityCatalogues(organizationId),
    ...DPIA_ONLY.map((name) => serverGet<CatalogueView>(`/api/v1/catalogues/${name}`).then((view): CatalogueItem[] => view.items)),
  ]);
  return { ...activity, 'dpia-feared-events': own[0] ?? [], 'dpia-severity': own[1] ?? [], 'dpia-likelihood': own[2] ?? [] };
}
