/**
 * The browser's API client: relative `/api/...` URLs (rewritten by next.config.ts to the backend),
 * session cookie sent same-origin, a CSRF token on every unsafe method, JSON in and out,
 * `Accept-Language` set to the current locale, and ApiError on any non-2xx answer.
 */
import { ApiError } from './api-error';
import type { CsrfResponse } from './api-types';

export const CSRF_PATH = '/api/v1/auth/csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const UNSAFE_METHODS: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body?: unknown): Promise<T>;
  delete<T = undefined>(path: string): Promise<T>;
  /** POST multipart/form-data (file uploads); the browser sets the boundary. */
  postForm<T>(path: string, form: FormData): Promise<T>;
}

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

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

export function createApiClient(locale: string, fetchImpl: FetchLike = (input, init) => fetch(input, init)): ApiClient {
  async function send(method: Method, path: string, body: unknown): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
    const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
    if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
    if (UNSAFE_METHODS.has(method)) headers[CSRF_HEADER] = await getCsrfToken();
    try {
      return await fetchImpl(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      });
    } catch {
      throw ApiError.network();
    }
  }

  function getCsrfToken(): Promise<string> {
    if (csrfToken) return csrfToken;
    const pending = (async () => {
      let response: Response;
      try {
        response = await fetchImpl(CSRF_PATH, {
          method: 'GET',
          headers: { Accept: 'application/json', 'Accept-Language': locale },
          credentials: 'same-origin',
        });
      } catch {
        throw ApiError.network();
      }
      const payload = await readBody(response);
      if (!response.ok) throw ApiError.fromBody(response.status, payload);
      const token = (payload as Partial<CsrfResponse> | undefined)?.token;
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

  async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    let response = await send(method, path, body);
    let payload = await readBody(response);
    if (response.status === 403 && UNSAFE_METHODS.has(method) && isCsrfFailure(payload)) {
      // The token may belong to a previous session: fetch a new one and try once more.
      resetCsrfToken();
      response = await send(method, path, body);
      payload = await readBody(response);
    }
    if (!response.ok) throw ApiError.fromBody(response.status, payload);
    return payload as T;
  }

  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    patch: (path, body) => request('PATCH', path, body),
    delete: (path) => request('DELETE', path),
    postForm: (path, form) => request('POST', path, form),
  };
}

function isCsrfFailure(payload: unknown): boolean {
  if (typeof payload !== 'object' || payload === null) return false;
  const code = (payload as { code?: unknown }).code;
  return typeof code === 'string' && code.toLowerCase().includes('csrf');
}
