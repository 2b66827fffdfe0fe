import { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { completeActivity } from '../../src/activities/activities.test-helpers';
import { TEST_PASSWORD, uniqueEmail } from '../test-api';
import { DatabaseUrls, eventually, freePort, PostgresProcess, proveEmail, startApiProcess, superuserQuery } from './helpers';

/** The API is killed (SIGKILL) in the middle of a large import: nothing of that import may remain. */
describe('kill -9 of the API during a large import', () => {
  let dataDir: string;
  let postgres: PostgresProcess;
  let urls: DatabaseUrls;
  let apiPort: number;
  let apiProcess: ChildProcess | undefined;

  async function startApi(): Promise<void> {
    apiProcess = await startApiProcess(apiPort, dataDir, urls, { BODY_LIMIT: '50mb' });
  }

  async function count(sql: string, parameters: unknown[] = []): Promise<number> {
    return (await superuserQuery<{ count: number }>(urls, sql, parameters))[0].count;
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
    await proveEmail(urls, email);
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
