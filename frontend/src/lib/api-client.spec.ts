import { createApiClient as createClient, CSRF_HEADER, CSRF_PATH, resetCsrfToken, unwrap, type FetchLike } from './api-client';
import { ApiError, fieldErrorsOf, NETWORK_ERROR } from './api-error';

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: string;
  credentials: RequestCredentials;
}

const createApiClient = (locale: string, fetchImpl: FetchLike) => createClient(locale, { baseUrl: 'http://registre.test', fetch: fetchImpl });

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A fake fetch answering from a queue of responses per "METHOD path", recording every call. */
function fakeFetch(routes: Record<string, (() => Response)[]>) {
  const calls: Call[] = [];
  const impl = async (request: Request) => {
    const url = new URL(request.url).pathname;
    calls.push({ url, method: request.method, headers: request.headers, body: await request.text(), credentials: request.credentials });
    const queue = routes[`${request.method} ${url}`];
    const next = queue?.shift();
    if (!next) throw new TypeError(`unexpected call ${url}`);
    return next();
  };
  return { calls, impl };
}

const headersOf = (call: Call | undefined) => ({
  get: (name: string) => call?.headers.get(name) ?? undefined,
});

beforeEach(() => {
  resetCsrfToken();
});

describe('api client', () => {
  it('sends JSON with the locale and no CSRF token on GET', async () => {
    const { calls, impl } = fakeFetch({ 'GET /api/v1/me': [() => json(200, { id: 'u1' })] });
    const api = createApiClient('en', impl);

    await expect(unwrap(api.GET('/api/v1/me'))).resolves.toEqual({ id: 'u1' });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.credentials).toBe('same-origin');
    expect(headersOf(calls[0]).get('Accept-Language')).toBe('en');
    expect(headersOf(calls[0]).get(CSRF_HEADER)).toBeUndefined();
  });

  it('fetches the CSRF token once and sends it on every unsafe method', async () => {
    const { calls, impl } = fakeFetch({
      [`GET ${CSRF_PATH}`]: [() => json(200, { token: 'tok-1' })],
      'POST /api/v1/organizations': [() => json(201, { id: 'o1' })],
      'PATCH /api/v1/organizations/o1': [() => json(200, { id: 'o1' })],
      'DELETE /api/v1/organizations/o1/members/m1': [() => new Response(null, { status: 204 })],
    });
    const api = createApiClient('fr', impl);

    await unwrap(api.POST('/api/v1/organizations', { body: { name: 'Démo' } }));
    await unwrap(api.PATCH('/api/v1/organizations/{orgId}', { params: { path: { orgId: 'o1' } }, body: { name: 'Démo 2', version: 1 } }));
    await expect(
      unwrap(api.DELETE('/api/v1/organizations/{orgId}/members/{memberId}', { params: { path: { orgId: 'o1', memberId: 'm1' } } })),
    ).resolves.toBeUndefined();

    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      `GET ${CSRF_PATH}`,
      'POST /api/v1/organizations',
      'PATCH /api/v1/organizations/o1',
      'DELETE /api/v1/organizations/o1/members/m1',
    ]);
    for (const call of calls.slice(1)) expect(headersOf(call).get(CSRF_HEADER)).toBe('tok-1');
    expect(headersOf(calls[1]).get('Content-Type')).toBe('application/json');
    expect(calls[1]?.body).toBe(JSON.stringify({ name: 'Démo' }));
  });

  it('throws an ApiError carrying the structured body', async () => {
    const body = {
      code: 'validation_failed',
      message: 'Certains champs ne sont pas valides.',
      details: { fields: [{ path: 'name', code: 'too_small', message: 'Le nom est obligatoire.' }] },
    };
    const { impl } = fakeFetch({
      [`GET ${CSRF_PATH}`]: [() => json(200, { token: 't' })],
      'POST /api/v1/organizations': [() => json(400, body)],
    });

    const error = await unwrap(createApiClient('fr', impl).POST('/api/v1/organizations', { body: { name: '' } })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: body.message });
    expect(fieldErrorsOf(error)).toEqual([{ path: 'name', code: 'too_small', message: 'Le nom est obligatoire.' }]);
  });

  it('turns a non-JSON error page and a network failure into ApiErrors', async () => {
    const { impl } = fakeFetch({ 'GET /api/v1/me': [() => new Response('<html>Bad gateway</html>', { status: 502 })] });
    await expect(unwrap(createApiClient('fr', impl).GET('/api/v1/me'))).rejects.toMatchObject({
      status: 502,
      code: 'unexpected_response',
    });
    await expect(unwrap(createApiClient('fr', fakeFetch({}).impl).GET('/api/v1/me'))).rejects.toMatchObject({
      status: 0,
      code: NETWORK_ERROR,
    });
  });

  it('renews a rejected CSRF token once and retries', async () => {
    const { calls, impl } = fakeFetch({
      [`GET ${CSRF_PATH}`]: [() => json(200, { token: 'old' }), () => json(200, { token: 'new' })],
      'POST /api/v1/auth/logout': [
        () => json(403, { code: 'csrf_invalid', message: 'Jeton CSRF invalide.' }),
        () => new Response(null, { status: 204 }),
      ],
    });

    await unwrap(createApiClient('fr', impl).POST('/api/v1/auth/logout'));

    expect(calls.map((call) => headersOf(call).get(CSRF_HEADER))).toEqual([undefined, 'old', undefined, 'new']);
  });

  it('does not keep a failed CSRF fetch', async () => {
    const { impl } = fakeFetch({
      [`GET ${CSRF_PATH}`]: [() => json(500, { code: 'internal', message: 'Oops' }), () => json(200, { token: 't2' })],
      'POST /api/v1/organizations': [() => json(201, { id: 'o1' })],
    });
    const api = createApiClient('fr', impl);

    await expect(unwrap(api.POST('/api/v1/organizations', { body: { name: 'A' } }))).rejects.toMatchObject({ code: 'internal' });
    await expect(unwrap(api.POST('/api/v1/organizations', { body: { name: 'A' } }))).resolves.toEqual({ id: 'o1' });
  });

  it('sends a keepalive save (a page being left) as such, with its CSRF token, body intact', async () => {
    const seen: { keepalive: boolean; token: string | null; body: string }[] = [];
    const impl: FetchLike = async (request) => {
      if (request.method === 'GET') return json(200, { token: 'tok-k' });
      seen.push({ keepalive: request.keepalive, token: request.headers.get(CSRF_HEADER), body: await request.text() });
      return json(200, { id: 'g1' });
    };
    const api = createApiClient('fr', impl);
    await unwrap(
      api.PATCH('/api/v1/organizations/{orgId}/design-grids/{gridId}', {
        params: { path: { orgId: 'o1', gridId: 'g1' } },
        body: { version: 3, answers: { rights: { description: 'Formulaire « droits »' } } },
        keepalive: true,
      }),
    );
    expect(seen).toEqual([{ keepalive: true, token: 'tok-k', body: JSON.stringify({ version: 3, answers: { rights: { description: 'Formulaire « droits »' } } }) }]);
  });
});
