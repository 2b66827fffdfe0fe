/**
 * The signed-in user as server components see it, loaded once per request.
 */
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';

import { isApiError } from './api-error';
import type { Me, Membership } from './api-types';
import { serverApi } from './server-api';
import { unwrap } from './api-client';

/** `/api/v1/me`, or null when signed out (401). Other failures propagate to the error boundary. */
export const getMe = cache(async (): Promise<Me | null> => {
  try {
    return await unwrap((await serverApi()).GET('/api/v1/me'));
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
});

/** The signed-in user, or a redirect to /login. */
export async function requireMe(): Promise<Me> {
  const me = await getMe();
  if (!me) redirect('/login');
  return me;
}

/** The user and their membership of `organizationId`: /login when signed out, 404 when not a member. */
export async function requireMembership(organizationId: string): Promise<{ me: Me; membership: Membership }> {
  const me = await requireMe();
  const membership = me.memberships.find((m) => m.organizationId === organizationId);
  if (!membership) notFound();
  return { me, membership };
}

/** Runs a server GET, turning a 404 into Next's not-found page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isApiError(error) && error.status === 404) notFound();
    throw error;
  }
}

/**
 * For the sign-in and sign-up pages: the user when signed in, null when signed out or when the API
 * cannot be reached (the form then reports the problem on submit rather than the page failing).
 */
export async function getMeIfReachable(): Promise<Me | null> {
  try {
    return await getMe();
  } catch {
    return null;
  }
}
