import { readFileSync } from 'node:fs';
import request from 'supertest';
import { createTestApi, newAgent, TestApi } from '../../test/test-api';
import { OPENAPI_FILE } from '../openapi/generate';

describe('health, hostile bodies and error shape (real PostgreSQL)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi({ BODY_LIMIT: '10kb' });
  });
  afterAll(() => api.close());

  it('reports the database up', async () => {
    const response = await request(api.server).get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers an oversized body with 413 and the structured error, creating nothing', async () => {
    const agent = await newAgent(api.server);
    const response = await agent.post('/api/v1/auth/register').send({ email: 'big@example.test', password: 'x'.repeat(20), name: 'n'.repeat(20_000) }).expect(413);
    expect(response.body).toMatchObject({ code: 'payload_too_large', details: { limit: 10240 } });
    expect(response.body.message).toContain('10240');
    const users = await api.dataSource.query<{ count: number }[]>('SELECT count(*)::int AS count FROM users');
    expect(users[0].count).toBe(0);
  });

  it('answers malformed JSON with 400 invalid_json, without a stack trace', async () => {
    const agent = await newAgent(api.server, 'fr');
    const response = await agent.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(response.body).toEqual({ code: 'invalid_json', message: "Le corps de la requête n’est pas un JSON valide.", details: {} });
  });

  it('answers wrong types with field errors', async () => {
    const agent = await newAgent(api.server);
    const response = await agent.post('/api/v1/auth/login').send({ email: ['a@b.c'], password: 42 }).expect(400);
    expect(response.body.details.fields.map((field: { path: string }) => field.path)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('answers unknown routes with a structured 404 and sets security headers', async () => {
    const response = await request(api.server).get('/api/v1/nothing-here').set('Accept-Language', 'en').expect(404);
    expect(response.body).toEqual({ code: 'route_not_found', message: 'This address does not exist in the API.', details: {} });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI document with every route', async () => {
    const response = await request(api.server).get('/api/docs/openapi.json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/me', '/api/v1/organizations/{orgId}/members']));
    // The running API describes itself exactly as the committed contract (generated without a database).
    expect(response.body).toEqual(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')));
  });
});
