import { ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { prepareApi, RunningApi } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app.config';
import { newAgent, signUp } from '../test-api';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface ControlAnswer {
  ok: boolean;
  error?: string;
  ownerUrl?: string;
  appUrl?: string;
}

/** The PostgreSQL server, in its own process, started and stopped on request. */
class PostgresProcess {
  private readonly child: ChildProcess;
  private readonly ready: Promise<ControlAnswer>;

  constructor() {
    this.child = fork(join(__dirname, 'postgres-process.mjs'), { stdio: 'inherit' });
    this.ready = this.next();
  }

  private next(): Promise<ControlAnswer> {
    return new Promise((resolve) => this.child.once('message', (message) => resolve(message as ControlAnswer)));
  }

  async send(message: Record<string, unknown>): Promise<ControlAnswer> {
    await this.ready;
    const answer = this.next();
    this.child.send(message);
    const result = await answer;
    if (!result.ok) throw new Error(result.error);
    return result;
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

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
    const { ownerUrl, appUrl } = await postgres.send({ command: 'start', dataDir, port });
    if (!ownerUrl || !appUrl) throw new Error('PostgreSQL did not start');
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: ownerUrl, DATABASE_APP_URL: appUrl, DEMO_SEED: 'false', SESSION_SECRET: 'fault-test-secret-of-at-least-32-characters' });
    api = await prepareApi(config, { ownerUrl, appUrl, assumeAppRole: false, embedded: false, stop: () => Promise.resolve() }, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
    await api.app.init();
  });
  afterAll(async () => {
    await api?.close().catch(() => undefined);
    await postgres.send({ command: 'stop' }).catch(() => undefined);
    postgres.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 with the structured error while PostgreSQL is down, and recovers without a restart', async () => {
    if (!api) throw new Error('the API did not start');
    const server = api.app.getHttpServer();
    const { agent } = await signUp(server, 'outage');
    const created = await agent.post('/api/v1/organizations').send({ name: 'Panne' }).expect(201);
    await request(server).get('/api/health').expect(200, { status: 'ok', database: 'up' });

    await postgres.send({ command: 'stop' });

    const health = await request(server).get('/api/health');
    expect({ status: health.status, body: health.body }).toEqual({ status: 503, body: { status: 'degraded', database: 'down' } });
    const during = await agent.get(`/api/v1/organizations/${created.body.id}`).set('Accept-Language', 'fr');
    expect(during.status).toBe(503);
    expect(during.body).toEqual({ code: 'database_unavailable', message: 'La base de données est momentanément indisponible. Réessayez dans un instant.', details: {} });
    expect(JSON.stringify(during.body)).not.toMatch(/at \w+ \(|ECONNREFUSED|node_modules/);
    const signIn = await (await newAgent(server)).post('/api/v1/auth/login').send({ email: 'x@example.com', password: 'whatever-password' });
    expect({ status: signIn.status, code: signIn.body.code }).toEqual({ status: 503, code: 'database_unavailable' });

    await postgres.send({ command: 'start', dataDir, port });

    const recovered = await eventually(() => request(server).get('/api/health'), (response) => response.status === 200);
    expect(recovered.body).toEqual({ status: 'ok', database: 'up' });
    const after = await eventually(() => agent.get(`/api/v1/organizations/${created.body.id}`), (response) => response.status === 200);
    expect(after.status).toBe(200);
    expect(after.body.name).toBe('Panne');
  });
});
