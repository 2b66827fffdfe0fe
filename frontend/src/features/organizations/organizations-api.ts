import { unwrap, type TypedApiClient } from '@/lib/api-client';
import type { OrganizationPatch } from '@/lib/api-types';

import type { CreateOrganizationForm } from './schemas';

export function createOrganization(api: TypedApiClient, form: CreateOrganizationForm) {
  return unwrap(api.POST('/api/v1/organizations', { body: { name: form.name.trim(), creatorIsDpo: form.creatorIsDpo === 'yes' } }));
}

export function getOrganization(api: TypedApiClient, organizationId: string) {
  return unwrap(api.GET('/api/v1/organizations/{orgId}', { params: { path: { orgId: organizationId } } }));
}

/** 409 `version_conflict` when someone saved since `patch.version` was read. */
export function updateOrganization(api: TypedApiClient, organizationId: string, patch: OrganizationPatch) {
  return unwrap(api.PATCH('/api/v1/organizations/{orgId}', { params: { path: { orgId: organizationId } }, body: patch }));
}

/** The caller's role and packed CASL rules in the organisation. */
export function getAbilities(api: TypedApiClient, organizationId: string) {
  return unwrap(api.GET('/api/v1/organizations/{orgId}/abilities', { params: { path: { orgId: organizationId } } }));
}
