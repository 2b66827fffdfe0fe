import { isApiError } from '@/lib/api-error';
import { unwrap, type TypedApiClient } from '@/lib/api-client';

/** The setting-up checklist; null for members who do not read it (contributors, auditors: 403). */
export async function onboardingIfAllowed(api: TypedApiClient, organizationId: string) {
  try {
    return await unwrap(api.GET('/api/v1/organizations/{orgId}/onboarding', { params: { path: { orgId: organizationId } } }));
  } catch (error) {
    if (isApiError(error) && error.status === 403) return null;
    throw error;
  }
}

export type Onboarding = NonNullable<Awaited<ReturnType<typeof onboardingIfAllowed>>>;
