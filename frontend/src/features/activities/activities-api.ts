import type { OverridableBlockerCode } from '@domain/activities/activity-rules';

import { unwrap, type TypedApiClient } from '@/lib/api-client';

import { registerQueryToApi, type RegisterQuery } from './register-query';
import type { Activity, ActivityInput, ActivityPatch, ActivityVersionView, CatalogueView, Transition } from './types';

/** The API caps pages at 200 rows; an activity's history rarely comes near. */
export const VERSIONS_PAGE_SIZE = 200;

const ACTIVITIES = '/api/v1/organizations/{orgId}/activities';
const ACTIVITY = '/api/v1/organizations/{orgId}/activities/{activityId}';

// The activity document is the server's interchange format (`ActivitySnapshot`), which the
// ActivityView's document fields describe; the generated view is read as that, here, once.
const asActivity = (view: Promise<object>) => view as Promise<Activity>;
const asVersion = (view: Promise<object>) => view as Promise<ActivityVersionView>;

/** The register page's query, as its URL codec writes it. */
export function listActivities(api: TypedApiClient, organizationId: string, query: RegisterQuery) {
  return unwrap(api.GET(ACTIVITIES, { params: { path: { orgId: organizationId } }, querySerializer: () => registerQueryToApi(query) }));
}

export function getActivity(api: TypedApiClient, organizationId: string, activityId: string): Promise<Activity> {
  return asActivity(unwrap(api.GET(ACTIVITY, { params: { path: { orgId: organizationId, activityId } } })));
}

export function createActivity(api: TypedApiClient, organizationId: string, body: ActivityInput): Promise<Activity> {
  return asActivity(unwrap(api.POST(ACTIVITIES, { params: { path: { orgId: organizationId } }, body })));
}

/** The DPO confirms a transfer's recipient (not a vendor) is in a partial adequacy decision's scope; the activity's version does not change. */
export function confirmTransferScope(api: TypedApiClient, organizationId: string, activityId: string, body: { recipient: string; country: string; reason: string }) {
  return unwrap(
    api.POST(`${ACTIVITY}/adequacy-confirmations`, {
      params: { path: { orgId: organizationId, activityId } },
      body: { recipient: body.recipient, country: body.country, reason: body.reason.trim() },
    }),
  );
}

/** 409 `version_conflict` (details.currentVersion) when `patch.version` is stale; 409 `activity_archived`. */
export function updateActivity(api: TypedApiClient, organizationId: string, activityId: string, patch: ActivityPatch): Promise<Activity> {
  return asActivity(unwrap(api.PATCH(ACTIVITY, { params: { path: { orgId: organizationId, activityId } }, body: patch })));
}

/** Drafts only (409 `activity_not_draft`). */
export function deleteActivity(api: TypedApiClient, organizationId: string, activityId: string) {
  return unwrap(api.DELETE(ACTIVITY, { params: { path: { orgId: organizationId, activityId } } }));
}

export function duplicateActivity(api: TypedApiClient, organizationId: string, activityId: string): Promise<Activity> {
  return asActivity(unwrap(api.POST(`${ACTIVITY}/duplicate`, { params: { path: { orgId: organizationId, activityId } }, body: {} })));
}

/** validate: 422 `activity_incomplete` with details.fields (the DPO may send `overrides` for the blockers); any: 409 `version_conflict` or `invalid_transition`. */
export function transitionActivity(
  api: TypedApiClient,
  organizationId: string,
  activityId: string,
  transition: Transition,
  version: number,
  comment?: string,
  overrides?: { code: OverridableBlockerCode; reason: string }[],
): Promise<Activity> {
  const note = comment?.trim();
  const body = { version, ...(note ? { comment: note } : {}), ...(overrides?.length ? { overrides: overrides.map(({ code, reason }) => ({ code, reason: reason.trim() })) } : {}) };
  return asActivity(unwrap(api.POST(`${ACTIVITY}/${transition}`, { params: { path: { orgId: organizationId, activityId } }, body })));
}

/** The DPO sends a submitted activity back to draft; the comment (required) says what to change. */
export function requestActivityChanges(api: TypedApiClient, organizationId: string, activityId: string, version: number, comment: string): Promise<Activity> {
  return asActivity(unwrap(api.POST(`${ACTIVITY}/request-changes`, { params: { path: { orgId: organizationId, activityId } }, body: { version, comment: comment.trim() } })));
}

export function listVersions(api: TypedApiClient, organizationId: string, activityId: string) {
  return unwrap(api.GET(`${ACTIVITY}/versions`, { params: { path: { orgId: organizationId, activityId }, query: { page: 1, pageSize: VERSIONS_PAGE_SIZE } } }));
}

export function getVersion(api: TypedApiClient, organizationId: string, activityId: string, number: number): Promise<ActivityVersionView> {
  return asVersion(unwrap(api.GET(`${ACTIVITY}/versions/{number}`, { params: { path: { orgId: organizationId, activityId, number } } })));
}

export function getVersionDiff(api: TypedApiClient, organizationId: string, activityId: string, from: number, to: number) {
  return unwrap(api.GET(`${ACTIVITY}/versions/{from}/diff/{to}`, { params: { path: { orgId: organizationId, activityId, from, to } } }));
}

/** A catalogue with the organisation's own entries (open catalogues). */
export function getCatalogue(api: TypedApiClient, organizationId: string, name: string): Promise<CatalogueView> {
  return unwrap(api.GET('/api/v1/organizations/{orgId}/catalogues/{name}', { params: { path: { orgId: organizationId, name } } }));
}

/** A catalogue as shipped with the product. */
export function getShippedCatalogue(api: TypedApiClient, name: string): Promise<CatalogueView> {
  return unwrap(api.GET('/api/v1/catalogues/{name}', { params: { path: { name } } }));
}

/** An activity as a link from another record shows it: "T-0004 Paie", never its id. */
export interface ActivityChoice {
  id: string;
  reference: string;
  name: string;
}

/**
 * Activities about a data-subject category (its catalogue code), or found by name or reference: what a
 * rights request or a breach may link to. The first 50, in reference order (relevance when searching).
 */
export async function findActivities(api: TypedApiClient, organizationId: string, filter: { dataSubject?: string; q?: string }): Promise<ActivityChoice[]> {
  const query = { pageSize: 50, ...(filter.dataSubject ? { dataSubject: filter.dataSubject } : {}), ...(filter.q?.trim() ? { q: filter.q.trim() } : {}) };
  const page = await unwrap(api.GET(ACTIVITIES, { params: { path: { orgId: organizationId }, query } }));
  return page.items.map(({ id, reference, name }) => ({ id, reference, name }));
}
