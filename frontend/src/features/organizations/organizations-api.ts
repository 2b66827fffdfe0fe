import type { ApiClient } from '@/lib/api-client';
import type { Organization, OrganizationPatch } from '@/lib/api-types';
import { orgApiPath } from '@/lib/paths';

import type { CreateOrganizationForm } from './schemas';

export function createOrganization(api: ApiClient, form: CreateOrganizationForm): Promise<Organization> {
  return api.post<Organization>('/api/v1/organizations', { name: form.name.trim() });
}

export function getOrganization(api: ApiClient, organizationId: string): Promise<Organization> {
  return api.get<Organization>(orgApiPath(organizationId));
}

/** 409 `version_conflict` when someone saved since `patch.version` was read. */
export function updateOrganization(
  api: ApiClient,
  organizationId: string,
  patch: OrganizationPatch,
): Promise<Organization> {
  return api.patch<Organization>(orgApiPath(organizationId), patch);
}
