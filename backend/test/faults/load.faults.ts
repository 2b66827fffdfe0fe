import { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type TestAgent from 'supertest/lib/agent';
import { completeActivity } from '../../src/activities/activities.test-helpers';
import { uniqueEmail } from '../test-api';
import { DatabaseUrls, freePort, knownInvitationToken, PostgresProcess, signedInAgent, startApiProcess, superuserQuery } from './helpers';

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
  let urls: DatabaseUrls;
  const apis: ChildProcess[] = [];
  const ports: number[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'registre-load-'));
    postgres = new PostgresProcess();
    urls = await postgres.start(dataDir, await freePort());
    for (let index = 0; index < 2; index++) ports.push(await freePort());
    // Sequential starts: both migrate under the schema lock, the second finds nothing to do.
    for (const port of ports) apis.push(await startApiProcess(port, dataDir, urls, { LOGIN_MAX_ATTEMPTS_PER_IP: '100000', ACCOUNT_REQUESTS_PER_IP_PER_HOUR: '100000' }));
  }, 300_000);
  afterAll(async () => {
    for (const child of apis) child.kill('SIGKILL');
    await postgres.stop().catch(() => undefined);
    postgres.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Its own time limit: signing up 50 users (argon2) can take a minute on a busy 2-core machine, on top of the load itself.
  it(`serves ${USERS} users for ${SECONDS} s with no 5xx and no lost write`, async () => {
    const adminEmail = uniqueEmail('load-admin');
    const admin = await signedInAgent(urls, ports[0], adminEmail, true);
    const organizationId = (await admin.post('/api/v1/organizations').send({ name: 'Charge' }).expect(201)).body.id as string;
    const base = `/api/v1/organizations/${organizationId}/activities`;
    const users: TestAgent[] = [];
    for (let index = 0; index < USERS; index++) {
      const email = uniqueEmail(`load-${index}`);
      const registered = await signedInAgent(urls, ports[index % 2], email, true);
      const invitation = await admin.post(`/api/v1/organizations/${organizationId}/invitations`).send({ email, roles: [index % 5 === 0 ? 'dpo' : 'contributor'] }).expect(201);
      await registered.post(`/api/v1/invitations/${await knownInvitationToken(urls, invitation.body.id as string)}/accept`).expect(201);
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

    const stored = await superuserQuery<{ activities: number; updates: number }>(
      urls,
      `SELECT count(*)::int AS activities, coalesce(sum(version - 1), 0)::int AS updates
       FROM processing_activities WHERE organization_id = $1`,
      [organizationId],
    );
    // Every acknowledged creation and update is in the database, and nothing else (+1: the shared one).
    expect(stored[0]).toEqual({ activities: tally.created + 1, updates: tally.updated });
  }, (SECONDS + 240) * 1000);
});
