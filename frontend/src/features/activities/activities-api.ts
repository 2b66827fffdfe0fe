import type { ApiClient } from '@/lib/api-client';
import type { PageOf } from '@/lib/api-types';
import { orgApiPath } from '@/lib/paths';

import { registerQueryToApi, type RegisterQuery } from './register-query';
import type {
  Activity,
  ActivityInput,
  ActivityListItem,
  ActivityPatch,
  ActivityVersionDiff,
  ActivityVersionSummary,
  ActivityVersionView,
  CatalogueView,
  Transition,
} from './types';

/** The API caps pages at 200 rows; an activity's history rarely comes near. */
export const VERSIONS_PAGE_SIZE = 200;

export function activitiesPath(organizationId: string, activityId?: string, suffix = ''): string {
  const base = orgApiPath(organizationId, 'activities');
  if (activityId === undefined) return base;
  return `${base}/${encodeURIComponent(activityId)}${suffix}`;
}

export function registerListPath(organizationId: string, query: RegisterQuery): string {
  return `${activitiesPath(organizationId)}?${registerQueryToApi(query)}`;
}

export function cataloguePath(organizationId: string, name: string): string {
  return orgApiPath(organizationId, `catalogues/${encodeURIComponent(name)}`);
}

export function versionsPath(organizationId: string, activityId: string, pageSize = VERSIONS_PAGE_SIZE): string {
  return `${activitiesPath(organizationId, activityId, '/versions')}?page=1&pageSize=${String(pageSize)}`;
}

export function versionPath(organizationId: string, activityId: string, number: number): string {
  return activitiesPath(organizationId, activityId, `/versions/${String(number)}`);
}

export function diffPath(organizationId: string, activityId: string, from: number, to: number): string {
  return activitiesPath(organizationId, activityId, `/versions/${String(from)}/diff/${String(to)}`);
}

export function listActivities(api: ApiClient, organizationId: string, query: RegisterQuery): Promise<PageOf<ActivityListItem>> {
  return api.get(registerListPath(organizationId, query));
}

export function getActivity(api: ApiClient, organizationId: string, activityId: string): Promise<Activity> {
  return api.get(activitiesPath(organizationId, activityId));
}

export function createActivity(api: ApiClient, organizationId: string, body: ActivityInput): Promise<Activity> {
  return api.post(activitiesPath(organizationId), body);
}

/** 409 `version_conflict` (details.currentVersion) when `patch.version` is stale; 409 `activity_archived`. */
export function updateActivity(api: ApiClient, organizationId: string, activityId: string, patch: ActivityPatch): Promise<Activity> {
  return api.patch(activitiesPath(organizationId, activityId), patch);
}

/** Drafts only (409 `activity_not_draft`). */
export function deleteActivity(api: ApiClient, organizationId: string, activityId: string): Promise<undefined> {
  return api.delete(activitiesPath(organizationId, activityId));
}

export function duplicateActivity(api: ApiClient, organizationId: string, activityId: string): Promise<Activity> {
  return api.post(activitiesPath(organizationId, activityId, '/duplicate'), {});
}

/** validate: 422 `activity_incomplete` with details.fields; any: 409 `version_conflict` or `invalid_transition`. */
export function transitionActivity(
  api: ApiClient,
  organizationId: string,
  activityId: string,
  transition: Transition,
  version: number,
  comment?: string,
): Promise<Activity> {
  const note = comment?.trim();
  return api.post(activitiesPath(organizationId, activityId, `/${transition}`), note ? { version, comment: note } : { version });
}

export function listVersions(api: ApiClient, organizationId: string, activityId: string): Promise<PageOf<ActivityVersionSummary>> {
  return api.get(versionsPath(organizationId, activityId));
}

export function getVersion(api: ApiClient, organizationId: string, activityId: string, number: number): Promise<ActivityVersionView> {
  return api.get(versionPath(organizationId, activityId, number));
}

export function getVersionDiff(
  api: ApiClient,
  organizationId: string,
  activityId: string,
  from: number,
  to: number,
): Promise<ActivityVersionDiff> {
  return api.get(diffPath(organizationId, activityId, from, to));
}

export function getCatalogue(api: ApiClient, organizationId: string, name: string): Promise<CatalogueView> {
  return api.get(cataloguePath(organizationId, name));
}
