import type { PageOf } from '@/lib/api-types';
import { orgApiPath } from '@/lib/paths';

/** The list of rights requests, earliest due first (a contributor gets the ones they recorded). */
export function rightsRequestListPath(organizationId: string, filters: { overdue?: boolean; page?: number } = {}): string {
  const params = new URLSearchParams({ page: String(filters.page ?? 1), pageSize: '100' });
  if (filters.overdue !== undefined) params.set('overdue', String(filters.overdue));
  return `${orgApiPath(organizationId, 'rights-requests')}?${params.toString()}`;
}

/** The list of breaches, the latest known first. */
export function breachListPath(organizationId: string, page = 1): string {
  return `${orgApiPath(organizationId, 'breaches')}?${new URLSearchParams({ page: String(page), pageSize: '100' }).toString()}`;
}

/** One request. */
export function rightsRequestPath(organizationId: string, requestId: string): string {
  return orgApiPath(organizationId, `rights-requests/${encodeURIComponent(requestId)}`);
}

/** One breach. */
export function breachPath(organizationId: string, breachId: string): string {
  return orgApiPath(organizationId, `breaches/${encodeURIComponent(breachId)}`);
}

export type { PageOf };
