import { createHash, randomBytes } from 'node:crypto';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { completeActivity } from '../../src/activities/activities.test-helpers';
import { TEST_PASSWORD, uniqueEmail } from '../test-api';
import { eventually, freePort, PostgresProcess } from './helpers';

const USERS = Number(process.env.LOAD_USERS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);

interface Tally {
  requests: number;
  serverErrors: number;
  created: number;
  updated: number;
  conflicts: number;
  byStatus: Record<number, number>;
}

/**
 * 50 simulated users mixing reads and writes for 60 s against two API processes on one database:
 * no 5xx, and the database holds exactly the writes that were acknowledged.
 */
describe('load on two API processes', () => {
  let dataDir: string;
  let postgres: PostgresProcess;
  let urls: { ownerUrl: string; appUrl: string; superuserUrl: string };
  const apis: ChildProcess[] = [];
  const ports: number[] = [];

  async function startApi(port: number): Promise<void> {
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: urls.ownerUrl,
        DATABASE_APP_URL: urls.appUrl,
        SESSION_SECRET: 'load-test-secret-of-at-least-32-characters!',
        DEMO_SEED: 'false',
        LOG_LEVEL: 'error',
        LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
        ACCOUNT_REQUESTS_PER_IP_PER_HOUR: '100000',
      },
      stdio: 'inherit',
    });
    apis.push(child);
    const status = await eventually(
      () => fetch(`http://127.0.0.1:${port}/api/health`).then((response) => response.status).catch(() => 0),
      (value) => value === 200,
      60_000,
    );
    if (status !== 200) throw new Error(`API on ${port} did not start`);
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'registre-load-'));
    postgres = new PostgresProcess();
    urls = await postgres.start(dataDir, await freePort());
    for (let index = 0; index < 2; index++) ports.push(await freePort());
    // Sequential starts: both migrate under the schema lock, the second finds nothing to do.
    for (const port of ports) await startApi(port);
  });
  afterAll(async () => {
    for (const child of apis) child.kill('SIGKILL');
    await postgres.stop().catch(() => undefined);
    postgres.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

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

  /** Gives an invitation a token this test knows (the link itself only travels by e-mail; see src/invitations/invitations.spec.ts). */
  async function knownInvitationToken(invitationId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const url = new URL(urls.superuserUrl);
    url.pathname = '/registre';
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query('UPDATE invitations SET token_hash = $2 WHERE id = $1', [invitationId, createHash('sha256').update(token).digest('hex')]);
    } finally {
      await client.end();
    }
    return token;
  }

  async function signedInAgent(port: number, email: string, register: boolean): Promise<TestAgent> {
    const agent = request.agent(`http://127.0.0.1:${port}`);
    const csrf = await agent.get('/api/v1/auth/csrf').expect(200);
    agent.set('X-CSRF-Token', csrf.body.token as string);
    if (register) {
      await agent.post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD, name: email }).expect(202);
      await proveEmail(email);
    }
    await agent.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    return agent;
  }

  it(`serves ${USERS} users for ${SECONDS} s with no 5xx and no lost write`, async () => {
    const adminEmail = uniqueEmail('load-admin');
    const admin = await signedInAgent(ports[0], adminEmail, true);
    const organizationId = (await admin.post('/api/v1/organizations').send({ name: 'Charge' }).expect(201)).body.id as string;
    const base = `/api/v1/organizations/${organizationId}/activities`;
    const users: TestAgent[] = [];
    for (let index = 0; index < USERS; index++) {
      const email = uniqueEmail(`load-${index}`);
      const registered = await signedInAgent(ports[index % 2], email, true);
      const invitation = await admin.post(`/api/v1/organizations/${organizationId}/invitations`).send({ email, roles: [index % 5 === 0 ? 'dpo' : 'contributor'] }).expect(201);
      await registered.post(`/api/v1/invitations/${await knownInvitationToken(invitation.body.id as string)}/accept`).expect(201);
      users.push(registered);
    }

    // One activity every DPO edits: read-then-write races must end in 409, never in a lost update.
    const shared = (await users[0].post(base).send(completeActivity({ name: 'Partagée' })).expect(201)).body as { id: string };

    const tally: Tally = { requests: 0, serverErrors: 0, created: 0, updated: 0, conflicts: 0, byStatus: {} };
    const record = (status: number) => {
      tally.requests++;
      tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
      if (status >= 500) tally.serverErrors++;
    };
    const deadline = Date.now() + SECONDS * 1000;
    await Promise.all(
      users.map(async (agent, index) => {
        const own: { id: string; version: number }[] = [];
        for (let step = 0; Date.now() < deadline; step++) {
          const roll = (index * 7 + step) % 10;
          if (roll < 2 || own.length === 0) {
            const response = await agent.post(base).send(completeActivity({ name: `Charge ${index}-${step}` }));
            record(response.status);
            if (response.status === 201) {
              tally.created++;
              own.push({ id: response.body.id as string, version: response.body.version as number });
            }
          } else if (roll === 2 && index % 5 === 0) {
            const current = await agent.get(`${base}/${shared.id}`);
            record(current.status);
            const response = await agent.patch(`${base}/${shared.id}`).send({ description: `partagée ${index}-${step}`, version: current.body.version as number });
            record(response.status);
            if (response.status === 200) tally.updated++;
            else if (response.status === 409) tally.conflicts++;
          } else if (roll < 4) {
            const target = own[step % own.length];
            const response = await agent.patch(`${base}/${target.id}`).send({ description: `édition ${step}`, version: target.version });
            record(response.status);
            if (response.status === 200) {
              tally.updated++;
              target.version = response.body.version as number;
            } else if (response.status === 409) tally.conflicts++;
          } else if (roll < 7) {
            const response = await agent.get(`${base}?q=charge&pageSize=20`);
            record(response.status);
          } else {
            const response = await agent.get(`${base}/${own[step % own.length].id}`);
            record(response.status);
          }
        }
      }),
    );

    process.stdout.write(`load: ${JSON.stringify(tally)}\n`);
    expect(tally.serverErrors).toBe(0);
    expect(tally.requests).toBeGreaterThan(USERS * 10);

    const url = new URL(urls.superuserUrl);
    url.pathname = '/registre';
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const stored = await client.query<{ activities: number; updates: number }>(
        `SELECT count(*)::int AS activities, coalesce(sum(version - 1), 0)::int AS updates
         FROM processing_activities WHERE organization_id = $1`,
        [organizationId],
      );
      // Every acknowledged creation and update is in the database, and nothing else (+1: the shared one).
      expect(stored.rows[0]).toEqual({ activities: tally.created + 1, updates: tally.updated });
    } finally {
      await client.end();
    }
  });
});
