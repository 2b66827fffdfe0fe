import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { completeActivity } from '../../src/activities/activities.test-helpers';
import { TEST_PASSWORD, uniqueEmail } from '../test-api';
import { eventually, freePort, PostgresProcess } from './helpers';

/** The API is killed (SIGKILL) in the middle of a large import: nothing of that import may remain. */
describe('kill -9 of the API during a large import', () => {
  let dataDir: string;
  let postgres: PostgresProcess;
  let urls: { ownerUrl: string; appUrl: string; superuserUrl: string };
  let apiPort: number;
  let apiProcess: ChildProcess | undefined;

  async function startApi(): Promise<void> {
    apiProcess = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(apiPort),
        DATA_DIR: dataDir,
        DATABASE_URL: urls.ownerUrl,
        DATABASE_APP_URL: urls.appUrl,
        SESSION_SECRET: 'import-crash-secret-of-at-least-32-characters',
        DEMO_SEED: 'false',
        BODY_LIMIT: '50mb',
        LOG_LEVEL: 'error',
      },
      stdio: 'inherit',
    });
    const health = await eventually(
      () => fetch(`http://127.0.0.1:${apiPort}/api/health`).then((response) => response.status).catch(() => 0),
      (status) => status === 200,
      60_000,
    );
    if (health !== 200) throw new Error('the API did not start');
  }

  /** Proves an address as following the e-mailed link does (the proof itself is tested in src/auth/email-proof.spec.ts). */
  async function proveEmail(email: string): Promise<void> {
    const url = new URL(urls.superuserUrl);
    url.pathname = '/registre';
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query('UPDATE users SET email_verified_at = now() WHERE email = $1', [email]);
    } finally {
      await client.end();
    }
  }

  async function count(sql: string, parameters: unknown[] = []): Promise<number> {
    const url = new URL(urls.superuserUrl);
    url.pathname = '/registre';
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return (await client.query<{ count: number }>(sql, parameters)).rows[0].count;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'registre-crash-'));
    postgres = new PostgresProcess();
    urls = await postgres.start(dataDir, await freePort());
    apiPort = await freePort();
    await startApi();
  });
  afterAll(async () => {
    apiProcess?.kill('SIGKILL');
    await postgres.stop().catch(() => undefined);
    postgres.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves no activity, version or audit event of the interrupted import after a restart', async () => {
    const agent = request.agent(`http://127.0.0.1:${apiPort}`);
    const csrf = await agent.get('/api/v1/auth/csrf').expect(200);
    agent.set('X-CSRF-Token', csrf.body.token as string);
    const email = uniqueEmail('crash');
    await agent.post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD, name: 'Crash' }).expect(202);
    await proveEmail(email);
    await agent.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    const organization = await agent.post('/api/v1/organizations').send({ name: 'Crash' }).expect(201);
    const organizationId = organization.body.id as string;
    const eventsBefore = await count('SELECT count(*)::int AS count FROM audit_events WHERE organization_id = $1', [organizationId]);

    const file = Array.from({ length: 1000 }, (_, index) => completeActivity({ name: `Traitement importé ${index}` }));
    const importing = agent.post(`/api/v1/organizations/${organizationId}/activities/import-json`).send(file).then(
      (response) => response.status,
      () => 'connection lost',
    );
    // Wait until the import's transaction has written some of its rows (visible to nobody yet)…
    const inFlight = await eventually(
      () => count("SELECT count(*)::int AS count FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND a.application_name = 'registre' AND a.state <> 'idle'"),
      (locks) => locks > 0,
      30_000,
    );
    expect(inFlight).toBeGreaterThan(0);
    // …then kill the API without warning.
    apiProcess?.kill('SIGKILL');
    expect(await importing).toBe('connection lost');

    await startApi();
    expect(await count('SELECT count(*)::int AS count FROM processing_activities WHERE organization_id = $1', [organizationId])).toBe(0);
    expect(await count('SELECT count(*)::int AS count FROM activity_versions WHERE organization_id = $1', [organizationId])).toBe(0);
    expect(await count('SELECT count(*)::int AS count FROM audit_events WHERE organization_id = $1', [organizationId])).toBe(eventsBefore);
    // The restarted API serves the same session and the organisation, intact.
    const after = await agent.get(`/api/v1/organizations/${organizationId}/activities`).expect(200);
    expect(after.body.total).toBe(0);
  });
});
