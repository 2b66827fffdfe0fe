import { NextResponse, type NextRequest } from 'next/server';

import { contentSecurityPolicy, newNonce, pageSecurityHeaders } from './lib/security-headers';

/**
 * Security headers on every page: a fresh CSP nonce per request, which Next reads from the request's
 * policy header and puts on its own scripts (pages are rendered per request, so each gets its own).
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const options = {
    development: process.env.NODE_ENV === 'development',
    // Browsers ignore HSTS received over plain HTTP (`npm start` on localhost), so production always sends it.
    production: process.env.NODE_ENV === 'production',
  };
  const policy = contentSecurityPolicy(nonce, options);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  for (const [name, value] of Object.entries(pageSecurityHeaders(options))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages only: /api is the API's (it sends its own headers through the forwarding route), and
  // static assets need no policy.
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)' }],
};
