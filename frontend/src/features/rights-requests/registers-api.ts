import type { BreachDetail, BreachSummary } from '@/features/breaches/types';
import type { components } from '@/lib/api/schema';
import { unwrap, type TypedApiClient } from '@/lib/api-client';
import type { PageOf } from '@/lib/api-types';

import type { RightsRequestSummary } from './types';

// The contract declares these records loosely (their nested facts are the server's shared domain
// types): the server's own types name them here, once, as the other registers' *-api.ts do.

/** The list of rights requests, earliest due first (a contributor gets the ones they recorded). */
export async function listRightsRequests(api: TypedApiClient, organizationId: string, filters: { overdue?: boolean; page?: number } = {}) {
  const page = await unwrap(
    api.GET('/api/v1/organizations/{orgId}/rights-requests', {
      params: { path: { orgId: organizationId }, query: { page: filters.page ?? 1, pageSize: 100, overdue: filters.overdue } },
    }),
  );
  return page as unknown as PageOf<RightsRequestSummary>;
}

/** The list of breaches, the latest known first. */
export async function listBreaches(api: TypedApiClient, organizationId: string, page = 1) {
  const result = await unwrap(api.GET('/api/v1/organizations/{orgId}/breaches', { params: { path: { orgId: organizationId }, query: { page, pageSize: 100 } } }));
  return result as unknown as PageOf<BreachSummary>;
}

/** One request. */
export async function getRightsRequest(api: TypedApiClient, organizationId: string, requestId: string) {
  const request = await unwrap(api.GET('/api/v1/organizations/{orgId}/rights-requests/{requestId}', { params: { path: { orgId: organizationId, requestId } } }));
  return request;
}

/** The draft Art 15 answer in `lang`, from the request's linked activities (admins and DPOs). */
export async function getAnswerLetter(api: TypedApiClient, organizationId: string, requestId: string, lang: 'fr' | 'en') {
  return unwrap(
    api.GET('/api/v1/organizations/{orgId}/rights-requests/{requestId}/answer-letter', { params: { path: { orgId: organizationId, requestId }, query: { lang } } }),
  );
}

/** One breach. */
export async function getBreach(api: TypedApiClient, organizationId: string, breachId: string) {
  const breach = await unwrap(api.GET('/api/v1/organizations/{orgId}/breaches/{breachId}', { params: { path: { orgId: organizationId, breachId } } }));
  return breach as unknown as BreachDetail;
}

/** The breach laid out in the sections of the CNIL's notification form, in the caller's language. */
export async function getNotificationSummary(api: TypedApiClient, organizationId: string, breachId: string) {
  const summary = await unwrap(
    api.GET('/api/v1/organizations/{orgId}/breaches/{breachId}/notification-summary', { params: { path: { orgId: organizationId, breachId } } }),
  );
  return summary;
}

type Schemas = components['schemas'];

/** Records a request; the server counts its due day. */
export async function createRightsRequest(api: TypedApiClient, organizationId: string, body: Schemas['CreateRightsRequestDto']) {
  return unwrap(api.POST('/api/v1/organizations/{orgId}/rights-requests', { params: { path: { orgId: organizationId } }, body }));
}

/** Art 12(3): two further months, once, with the reason and the day the person was told. */
export async function extendRightsRequest(api: TypedApiClient, organizationId: string, requestId: string, body: Schemas['ExtendRightsRequestDto']) {
  return unwrap(api.POST('/api/v1/organizations/{orgId}/rights-requests/{requestId}/extend', { params: { path: { orgId: organizationId, requestId } }, body }));
}

/** The request's next step (the server checks where it may go from its stage). */
export type RequestStep =
  | { transition: 'identity_check'; body: Schemas['IdentityCheckDto'] }
  | { transition: 'start'; body: Schemas['StartRequestDto'] }
  | { transition: 'answer'; body: Schemas['AnswerRequestDto'] }
  | { transition: 'refuse'; body: Schemas['RefuseRequestDto'] }
  | { transition: 'withdraw'; body: Schemas['RequestStepDto'] };

export async function stepRightsRequest(api: TypedApiClient, organizationId: string, requestId: string, step: RequestStep) {
  const path = { orgId: organizationId, requestId };
  switch (step.transition) {
    case 'identity_check':
      return unwrap(api.POST('/api/v1/organizations/{orgId}/rights-requests/{requestId}/identity-check', { params: { path }, body: step.body }));
    case 'start':
      return unwrap(api.POST('/api/v1/organizations/{orgId}/rights-requests/{requestId}/start', { params: { path }, body: step.body }));
    case 'answer':
      return unwrap(api.POST('/api/v1/organizations/{orgId}/rights-requests/{requestId}/answer', { params: { path }, body: step.body }));
    case 'refuse':
      return unwrap(api.POST('/api/v1/organizations/{orgId}/rights-requests/{requestId}/refuse', { params: { path }, body: step.body }));
    case 'withdraw':
      return unwrap(api.POST('/api/v1/organizations/{orgId}/rights-requests/{requestId}/withdraw', { params: { path }, body: step.body }));
  }
}

/** Corrects a request's facts and linked activities; 409 `version_conflict` when `body.version` is stale. */
export async function updateRightsRequest(api: TypedApiClient, organizationId: string, requestId: string, body: Schemas['UpdateRightsRequestDto']) {
  return unwrap(api.PATCH('/api/v1/organizations/{orgId}/rights-requests/{requestId}', { params: { path: { orgId: organizationId, requestId } }, body }));
}

/** Replaces the request's tasks (admins and DPOs); 409 `version_conflict` when `body.version` is stale. */
export async function updateRequestTasks(api: TypedApiClient, organizationId: string, requestId: string, body: Schemas['UpdateRequestTasksDto']) {
  return unwrap(api.PUT('/api/v1/organizations/{orgId}/rights-requests/{requestId}/tasks', { params: { path: { orgId: organizationId, requestId } }, body }));
}
