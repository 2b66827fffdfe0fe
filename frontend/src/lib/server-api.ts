/**
 * Server-side access to the backend, for server components: calls `API_URL` directly and forwards
 * the browser's cookies (the session) and the resolved locale. Never import this from a client component.
 */
import { headers } from 'next/headers';
import createClient from 'openapi-fetch';

import { getLocale } from '@/i18n/server';

import { apiBaseUrl } from './api-base-url';
import { ApiError } from './api-error';
import type { TypedApiClient } from './api-client';
import type { paths } from './api/schema';

/** The typed client as the signed-in user (read-only use: server components only GET). */
export async function serverApi(): Promise<TypedApiClient> {
  const [headerList, locale] = await Promise.all([headers(), getLocale()]);
  const requestHeaders: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
  const cookie = headerList.get('cookie');
  if (cookie) requestHeaders.Cookie = cookie;
  return createClient<paths>({
    baseUrl: apiBaseUrl(),
    headers: requestHeaders,
    cache: 'no-store',
    fetch: async (request) => {
      try {
        return await fetch(request);
      } catch {
        throw ApiError.network();
      }
    },
  });
}
