import { unwrap, type TypedApiClient } from '@/lib/api-client';

import { auditEventsSearch, type AuditQuery } from './audit-query';

/** The audit trail page's query, as its URL codec writes it. */
export function listAuditEvents(api: TypedApiClient, organizationId: string, query: AuditQuery) {
  return unwrap(api.GET('/api/v1/organizations/{orgId}/audit-events', { params: { path: { orgId: organizationId } }, querySerializer: () => auditEventsSearch(query) }));
}

/** Walks the hash chain of the organisation's events. */
export function verifyAuditChain(api: TypedApiClient, organizationId: string) {
  return unwrap(api.GET('/api/v1/organizations/{orgId}/audit-events/verify', { params: { path: { orgId: organizationId } } }));
}
