/**
 * Forwards the browser's `/api/...` calls to the backend at `API_URL`.
 *
 * next.config.ts declares the same rewrite, but Next fixes config rewrites when it builds; this proxy
 * reads `API_URL` on every request, so a build started with another `API_URL` (other ports, e2e
 * runs, a container) still reaches its API. Cookies, the CSRF header and the body pass through as is.
 */
import { NextResponse, type NextRequest } from 'next/server';

import { apiBaseUrl } from './lib/api-base-url';

export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  return NextResponse.rewrite(new URL(`${apiBaseUrl()}${pathname}${search}`));
}

export const config = {
  matcher: '/api/:path*',
};
