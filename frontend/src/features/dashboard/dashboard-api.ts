import { unwrap, type TypedApiClient } from '@/lib/api-client';

import { findingsApiSearch, type FindingsQuery } from './findings-query';

export function getDashboard(api: TypedApiClient, organizationId: string) {
  return unwrap(api.GET('/api/v1/organizations/{orgId}/dashboard', { params: { path: { orgId: organizationId } } }));
}

/** The findings page's query, as its URL codec writes it. */
export function listFindings(api: TypedApiClient, organizationId: string, query: FindingsQuery) {
  return unwrap(api.GET('/api/v1/organizations/{orgId}/findings', { params: { path: { orgId: organizationId } }, querySerializer: () => findingsApiSearch(query) }));
}

/** The caller's organisations with their headline figures. */
export function listOrganizationSummaries(api: TypedApiClient) {
  return unwrap(api.GET('/api/v1/me/organization-summaries'));
}
