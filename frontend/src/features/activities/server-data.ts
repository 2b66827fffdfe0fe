/**
 * What the register pages load on the server (never import from a client component): the catalogues
 * the pickers show, the departments, the members who may own an activity and the organisation's
 * screening thresholds.
 */
import type { ScreeningThresholds } from '@domain/activities/screening-criteria';

import { listDepartments } from '@/features/departments/departments-api';
import { listMembers } from '@/features/members/members-api';
import { getOrganization } from '@/features/organizations/organizations-api';
import { isApiError } from '@/lib/api-error';
import type { Department } from '@/lib/api-types';
import { serverApi } from '@/lib/server-api';

import { getCatalogue, getShippedCatalogue } from './activities-api';
import {
  ACTIVITY_CATALOGUES,
  type ActivityCatalogueName,
  type ActivityCatalogues,
  type CatalogueItem,
  type OwnerOption,
} from './types';

/** Lists a role may not read show empty rather than failing the page. */
async function unlessForbidden<T>(load: Promise<T>, fallback: T): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isApiError(error) && error.status === 403) return fallback;
    throw error;
  }
}

/** The catalogues an organisation may extend with its own entries: always read fresh. */
const OPEN_CATALOGUES: readonly ActivityCatalogueName[] = ['data-categories', 'data-subject-categories', 'security-measures'];

/**
 * The shipped catalogues only change when the API starts (catalogue sync) and are the same for every
 * organisation: the web server keeps them a few minutes rather than asking the API on every page.
 */
const SHIPPED_TTL_MS = 10 * 60 * 1000;
const shippedCache = new Map<string, { expires: number; items: Promise<CatalogueItem[]> }>();

function shippedCatalogue(name: string): Promise<CatalogueItem[]> {
  const now = Date.now();
  const cached = shippedCache.get(name);
  if (cached && cached.expires > now) return cached.items;
  const items = serverApi()
    .then((api) => getShippedCatalogue(api, name))
    .then((view) => view.items);
  shippedCache.set(name, { expires: now + SHIPPED_TTL_MS, items });
  items.catch(() => {
    if (shippedCache.get(name)?.items === items) shippedCache.delete(name);
  });
  return items;
}

/** One catalogue with the organisation's own entries when it is an open one. */
export function loadCatalogue(organizationId: string, name: ActivityCatalogueName): Promise<CatalogueItem[]> {
  if (!OPEN_CATALOGUES.includes(name)) return shippedCatalogue(name);
  return serverApi()
    .then((api) => getCatalogue(api, organizationId, name))
    .then((view) => view.items);
}

/** Runs `task` over `items`, at most `limit` at a time, keeping the order of the results. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Every catalogue the activity pages pick from. A few requests at a time: each catalogue request
 * holds database connections on the API side, and a page should not take the whole pool.
 */
export async function loadActivityCatalogues(organizationId: string): Promise<ActivityCatalogues> {
  const lists = await mapLimited(ACTIVITY_CATALOGUES, 3, (name) => loadCatalogue(organizationId, name));
  return Object.fromEntries(ACTIVITY_CATALOGUES.map((name, index) => [name, lists[index] ?? []])) as ActivityCatalogues;
}

export async function loadDepartments(organizationId: string): Promise<Department[]> {
  return (await unlessForbidden(listDepartments(await serverApi(), organizationId, 1, 200), null))?.items ?? [];
}

export async function loadOwnerOptions(organizationId: string): Promise<OwnerOption[]> {
  const page = await unlessForbidden(listMembers(await serverApi(), organizationId, 1, 200), null);
  return (page?.items ?? []).map((member) => ({
    userId: member.userId,
    name: member.name,
    email: member.email,
    departmentId: member.departmentId,
  }));
}

/**
 * The thresholds the DPO set for the organisation (settings page), which the server screens with: the
 * page's live screening must use the same, or it disagrees with the decision the server stores.
 * Every member may read the organisation.
 */
export async function loadScreeningThresholds(organizationId: string): Promise<ScreeningThresholds> {
  const organization = await getOrganization(await serverApi(), organizationId);
  return { largeScalePersons: organization.largeScalePersons };
}
