/**
 * Forwards a browser's `/api/...` request to the backend at `API_URL` (read on every request, so one
 * build runs against any API), streaming both ways. Used by src/app/api/[...path]/route.ts.
 *
 * Why a route handler and not a rewrite in proxy.ts: Next buffers the body of any request its proxy
 * sees (experimental.proxyClientMaxBodySize, 10 MB by default) and forwards only the buffered part of
 * a larger one. An upload over 10 MB then reached the API truncated, the API waited for the rest, and
 * the browser got a plain-text 500 after 30 s instead of the API's structured 413. Here the body is a
 * stream handed to fetch as it arrives: the API reads the whole upload and its 413 comes back at once.
 */
import { catalogues } from '@/i18n/catalogues';
import { resolveLocale } from '@/i18n/config';

import { apiBaseUrl } from './api-base-url';

/** Connection-level headers (RFC 9110 §7.6.1) belong to each hop, never forwarded. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host'];

/**
 * The client's address as the web app's own server saw it. frontend/server.js drops any
 * `X-Forwarded-For`, `X-Real-IP` or `Forwarded` the client sent and sets `X-Forwarded-For` to the
 * address of its socket; should a list arrive anyway (a server started otherwise), only its right-most
 * entry, the one added by the hop in front of the route handler, is kept: never what the client wrote first.
 */
export function clientAddress(headers: Headers): string | undefined {
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
  return hops.at(-1);
}

export async function forward(request: Request): Promise<Response> {
  const incoming = new URL(request.url);
  const headers = new Headers(request.headers);
  for (const name of HOP_BY_HOP) headers.delete(name);
  // The API trusts one hop (TRUST_PROXY=true), this one: it receives one address, the client's socket.
  const address = clientAddress(request.headers);
  for (const name of ['x-forwarded-for', 'x-real-ip', 'forwarded']) headers.delete(name);
  if (address) headers.set('x-forwarded-for', address);
  const hasBody = request.body !== null && request.method !== 'GET' && request.method !== 'HEAD';
  let upstream: Response;
  try {
    upstream = await fetch(`${apiBaseUrl()}${incoming.pathname}${incoming.search}`, {
      method: request.method,
      headers,
      body: hasBody ? request.body : undefined,
      // Node's fetch sends a stream body as it is read (half duplex); the answer may come before the end.
      ...(hasBody ? { duplex: 'half' } : {}),
      redirect: 'manual',
      cache: 'no-store',
      signal: request.signal,
    });
  } catch {
    const locale = resolveLocale({ acceptLanguage: request.headers.get('accept-language') });
    return Response.json({ code: 'api_unreachable', message: catalogues[locale].errors.unavailable, details: {} }, { status: 502 });
  }
  const responseHeaders = new Headers(upstream.headers);
  // fetch has already decoded a compressed body: its encoding and length no longer describe it.
  if (responseHeaders.has('content-encoding')) {
    responseHeaders.delete('content-encoding');
    responseHeaders.delete('content-length');
  }
  for (const name of HOP_BY_HOP) responseHeaders.delete(name);
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: responseHeaders });
}

