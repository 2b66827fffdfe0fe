import type { components } from '@/lib/api/schema';
import { unwrap, type TypedApiClient } from '@/lib/api-client';

type Schemas = components['schemas'];

/** Records a breach: the 72 hours run from `awareAt`, whatever day it is recorded. */
export async function createBreach(api: TypedApiClient, organizationId: string, body: Schemas['CreateBreachDto']) {
  return unwrap(api.POST('/api/v1/organizations/{orgId}/breaches', { params: { path: { orgId: organizationId } }, body }));
}

/** Changes a breach; `version` is the one read (409 when someone changed it since). */
export async function updateBreach(api: TypedApiClient, organizationId: string, breachId: string, body: Schemas['UpdateBreachDto']) {
  return unwrap(api.PATCH('/api/v1/organizations/{orgId}/breaches/{breachId}', { params: { path: { orgId: organizationId, breachId } }, body }));
}
