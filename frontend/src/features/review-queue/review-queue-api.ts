import { unwrap, type TypedApiClient } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';

/** What waits for the DPO, oldest first (DPO and administrators; 403 for the others). */
export function loadReviewQueue(api: TypedApiClient, organizationId: string) {
  return unwrap(api.GET('/api/v1/organizations/{orgId}/review-queue', { params: { path: { orgId: organizationId } } }));
}

/** The queue for those who may read it; null (not an error) for the others, whose API answer is 403. */
export async function reviewQueueIfAllowed(api: TypedApiClient, organizationId: string) {
  try {
    return await loadReviewQueue(api, organizationId);
  } catch (error) {
    if (isApiError(error) && error.status === 403) return null;
    throw error;
  }
}
