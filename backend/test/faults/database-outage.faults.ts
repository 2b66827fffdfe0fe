import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { prepareApi, RunningApi } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app.config';
import { newAgent, registerTestServer, signUp } from '../test-api';
import { eventually, freePort, PostgresProcess } from './helpers';

/** PostgreSQL goes away under a running API, then comes back: the API reports it and recovers by itself. */
describe('a database outage while the API runs', () => {
  let dataDir: string;
  let port: number;
  let postgres: PostgresProcess;
  let api: RunningApi | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'registre-faults-'));
    port = await freePort();
    postgres = new PostgresProcess();
    const { ownerUrl, appUrl } = await postgres.start(dataDir, port);
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: ownerUrl, DATABASE_APP_URL: appUrl, DEMO_SEED: 'false', SESSION_SECRET: 'fault-test-secret-of-at-least-32-characters' });
    api = await prepareApi(config, { ownerUrl, appUrl, assumeAppRole: false, embedded: false, stop: () => Promise.resolve() }, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
    await api.app.init();
  });
  afterAll(async () => {
    await api?.close().catch(() => undefined);
    await postgres.stop().catch(() => undefined);
    postgres.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 with the structured error while PostgreSQL is down, and recovers without a restart', async () => {
    if (!api) throw new Error('the API did not start');
    const server = api.app.getHttpServer();
    registerTestServer(server, api);
    const { agent } = await signUp(server, 'outage');
    const created = await agent.post('/api/v1/organizations').send({ name: 'Panne' }).expect(201);
    await request(server).get('/api/health').expect(200, { status: 'ok', database: 'up' });

    await postgres.stop();

    const health = await request(server).get('/api/health');
    expect({ status: health.status, body: health.body }).toEqual({ status: 503, body: { status: 'degraded', database: 'down' } });
    const during = await agent.get(`/api/v1/organizations/${created.body.id}`).set('Accept-Language', 'fr');
    expect(during.status).toBe(503);
    expect(during.body).toEqual({ code: 'database_unavailable', message: 'La base de données est momentanément indisponible. Réessayez dans un instant.', details: {} });
    expect(JSON.stringify(during.body)).not.toMatch(/at \w+ \(|ECONNREFUSED|node_modules/);
    const signIn = await (await newAgent(server)).post('/api/v1/auth/login').send({ email: 'x@example.com', password: 'whatever-password' });
    expect({ status: signIn.status, code: signIn.body.code }).toEqual({ status: 503, code: 'database_unavailable' });

    await postgres.start(dataDir, port);

    const recovered = await eventually(() => request(server).get('/api/health'), (response) => response.status === 200);
    expect(recovered.body).toEqual({ status: 'ok', database: 'up' });
    const after = await eventually(() => agent.get(`/api/v1/organizations/${created.body.id}`), (response) => response.status === 200);
    expect(after.status).toBe(200);
    expect(after.body.name).toBe('Panne');
  });
});
