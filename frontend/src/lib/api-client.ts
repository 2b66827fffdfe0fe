/**
 * The browser's API client: openapi-fetch's typed client over the generated contract
 * (`lib/api/schema.d.ts`, from backend/openapi.json). Relative `/api/...` URLs (rewritten by
 * next.config.ts to the backend), session cookie sent same-origin, a CSRF token on every unsafe
 * method (renewed once when the server rejects it), JSON in and out, `Accept-Language` set to the
 * current locale. `unwrap` turns any non-2xx answer into an ApiError.
 */
import createClient, { type Client } from 'openapi-fetch';

import { ApiError } from './api-error';
import type { paths } from './api/schema';

export const CSRF_PATH = '/api/v1/auth/csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

const UNSAFE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The typed client: `api.GET('/api/v1/organizations/{orgId}', { params: { path: { orgId } } })`. */
export type TypedApiClient = Client<paths>;

/** The client the pages use: the typed client, nothing untyped. */
export type ApiClient = TypedApiClient;

export type FetchLike = (request: Request) => Promise<Response>;

export interface ApiClientOptions {
  /** Where `/api/...` is resolved; the page's origin in the browser (default ''). */
  baseUrl?: string;
  fetch?: FetchLike;
}

/** One token per page life; shared by every client instance. */
let csrfToken: Promise<string> | null = null;

/** Forget the CSRF token, e.g. after sign-in or sign-out, when the server may bind a new one to the new session. */
export function resetCsrfToken(): void {
  csrfToken = null;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isCsrfFailure(payload: unknown): boolean {
  if (typeof payload !== 'object' || payload === null) return false;
  const code = (payload as { code?: unknown }).code;
  return typeof code === 'string' && code.toLowerCase().includes('csrf');
}

/** What a typed call resolves to: the 2xx body as `data`, or the parsed error body as `error`. */
interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}
/** The `data` of the success branch of a typed call's result. */
type SuccessData<R> = R extends { data: infer D; error?: never } ? D : never;

/** The 2xx body of a typed call, or an ApiError carrying the server's `{ code, message, details }`. */
export async function unwrap<R extends FetchResult>(call: Promise<R>): Promise<SuccessData<R>> {
  const { data, error, response } = await call;
  if (!response.ok) throw ApiError.fromBody(response.status, error);
  return data as SuccessData<R>;
}

/** The page's CSRF token, fetched once (a failed fetch is forgotten, so the next call tries again). */
function csrfTokenFor(baseUrl: string, locale: string, send: FetchLike): Promise<string> {
  if (csrfToken) return csrfToken;
  const pending = (async () => {
    const response = await send(
      new Request(`${baseUrl}${CSRF_PATH}`, {
        method: 'GET',
        headers: { Accept: 'application/json', 'Accept-Language': locale },
        credentials: 'same-origin',
      }),
    );
    const payload = await readBody(response);
    if (!response.ok) throw ApiError.fromBody(response.status, payload);
    const token = (payload as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string') throw ApiError.fromBody(response.status, payload);
    return token;
  })();
  csrfToken = pending;
  // A failed fetch must not poison later attempts.
  pending.catch(() => {
    if (csrfToken === pending) csrfToken = null;
  });
  return pending;
}

/**
 * Fetches the CSRF token ahead of the first write, for a page that may have to send one while it is
 * being left (a keepalive request must start before the page goes: no round trip for the token then).
 */
export function primeCsrfToken(locale: string): void {
  csrfTokenFor('', locale, (request) => fetch(request)).catch(() => undefined);
}

export function createApiClient(locale: string, options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const fetchImpl: FetchLike = options.fetch ?? ((request) => fetch(request));

  async function send(request: Request): Promise<Response> {
    try {
      return await fetchImpl(request);
    } catch {
      throw ApiError.network();
    }
  }

  const getCsrfToken = () => csrfTokenFor(baseUrl, locale, send);

  /** Every request of the client: the CSRF token on unsafe methods, renewed and retried once when rejected. */
  async function transport(request: Request): Promise<Response> {
    if (!UNSAFE_METHODS.has(request.method)) return send(request);
    // No retry for a keepalive request: its body must stay the plain text it was given, not a copy.
    const retry = request.keepalive ? null : request.clone();
    request.headers.set(CSRF_HEADER, await getCsrfToken());
    const response = await send(request);
    if (!retry || response.status !== 403 || !isCsrfFailure(await readBody(response.clone()))) return response;
    // The token may belong to a previous session: fetch a new one and try once more.
    resetCsrfToken();
    retry.headers.set(CSRF_HEADER, await getCsrfToken());
    return send(retry);
  }

  return createClient<paths>({
    baseUrl,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Accept-Language': locale },
    fetch: transport,
  });
}

/** The names in a path template, e.g. `orgId | vendorId` for `/api/v1/organizations/{orgId}/vendors/{vendorId}`. */
type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParamNames<Rest> : never;

/** The URL of a route of the contract, for links the browser follows itself (downloads); values encoded. */
export function apiHref<P extends Extract<keyof paths, string>>(path: P, params: Record<PathParamNames<P>, string>, query?: URLSearchParams): string {
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent((params as Record<string, string>)[name] ?? ''));
  const search = query?.toString() ?? '';
  return search ? `${url}?${search}` : url;
}
