import request from 'supertest';
import { createTestApi, signUp } from '../../test/test-api';
import { loadConfig } from '../config/app.config';

const DOCUMENTS = ['/api/docs', '/api/docs/', '/api/docs/openapi.json', '/api/docs/openapi.yaml'];
/** Where @nestjs/swagger serves the document by default: must not be a way around the gate. */
const DEFAULT_COPIES = ['/api/docs-json', '/api/docs-yaml'];

const statuses = async (agent: { get(path: string): PromiseLike<{ status: number; body: { code?: string } }> }, paths: string[]): Promise<Record<string, string>> =>
  Object.fromEntries(await Promise.all(paths.map(async (path) => [path, await agent.get(path).then((response) => `${response.status}${response.body.code ? ` ${response.body.code}` : ''}`)])));

// The OpenAPI UI and document map every route and field of the API: readable by anyone in
// development, by signed-in users only in production (API_DOCS=session), by no one with API_DOCS=off.
describe('OpenAPI UI and document access (real PostgreSQL)', () => {
  it('defaults to session in production and public elsewhere; refuses a wrong value', () => {
    const base = { SESSION_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/registre-api-docs', DATABASE_URL: 'postgres://u:p@localhost/registre' };
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).apiDocs).toBe('session');
    expect(loadConfig({ ...base, NODE_ENV: 'development' }).apiDocs).toBe('public');
    expect(loadConfig({ ...base, NODE_ENV: 'production', API_DOCS: 'public' }).apiDocs).toBe('public');
    expect(() => loadConfig({ ...base, API_DOCS: 'everyone' })).toThrow('API_DOCS must be public, session or off');
  });

  // passport's (de)serializers are process-wide: once an API is closed, signed-in requests to the next
  // one in this file would reach the closed one's. So signed-in requests go to the first API only.
  it('API_DOCS=session: 401 to an anonymous visitor (structured, translated), the UI and document to a signed-in user', async () => {
    const api = await createTestApi({ API_DOCS: 'session' });
    try {
      expect(await statuses(request(api.server), DOCUMENTS)).toEqual(Object.fromEntries(DOCUMENTS.map((path) => [path, '401 unauthenticated'])));
      expect(Object.values(await statuses(request(api.server), DEFAULT_COPIES)).every((status) => status.startsWith('404'))).toBe(true);
      const fr = await request(api.server).get('/api/docs/openapi.json').set('Accept-Language', 'fr').expect(401);
      expect(fr.body).toEqual({ code: 'unauthenticated', message: expect.stringMatching(/Connectez-vous/), details: {} });

      const { agent } = await signUp(api.server, 'reader');
      expect(await statuses(agent, DOCUMENTS)).toEqual(Object.fromEntries(DOCUMENTS.map((path) => [path, '200'])));
      const document = await agent.get('/api/docs/openapi.json').expect(200);
      expect(Object.keys(document.body.paths)).toContain('/api/v1/organizations/{orgId}/activities');
    } finally {
      await api.close();
    }
  });

  it.each([
    ['NODE_ENV=production (default)', { NODE_ENV: 'production', JOBS_ENABLED: 'false' }, '401 unauthenticated'],
    ['API_DOCS=off', { API_DOCS: 'off' }, '404 route_not_found'],
  ])('%s: the documents are refused to an anonymous visitor, no copy elsewhere', async (_name, env, expected) => {
    const api = await createTestApi(env);
    try {
      expect(await statuses(request(api.server), DOCUMENTS)).toEqual(Object.fromEntries(DOCUMENTS.map((path) => [path, expected])));
      expect(Object.values(await statuses(request(api.server), DEFAULT_COPIES)).every((status) => status.startsWith('404'))).toBe(true);
    } finally {
      await api.close();
    }
  });
});
