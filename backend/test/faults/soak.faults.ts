import { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type TestAgent from 'supertest/lib/agent';
import { completeActivity } from '../../src/activities/activities.test-helpers';
import { uniqueEmail } from '../test-api';
import { DatabaseUrls, eventually, freePort, knownInvitationToken, PostgresProcess, signedInAgent, startApiProcess, superuserQuery } from './helpers';

/** Length of the load phase; CI keeps the default, a longer run is `SOAK_SECONDS=600 npm run test:faults`. */
const SECONDS = Number(process.env.SOAK_SECONDS ?? 180);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 6);
/** How long PostgreSQL stays down at each restart, and the killed API before it is started again. */
const DATABASE_DOWN_MS = 5_000;
const API_DOWN_MS = 2_000;
/** A request that hangs this long counts as failed (inside a window: allowed; outside: a failure). */
const REQUEST_TIMEOUT_MS = 30_000;

/** One request as a client saw it: which API, when, and how it ended (a status, or no answer at all). */
interface Outcome {
  api: number;
  started: number;
  ended: number;
  status: number | 'no answer';
  /** The error code of a 5xx answer (the structured body), to tell a 503 "database unavailable" from a 500. */
  code?: string;
  what: string;
}

/** A time the test itself made the service unavailable; `api` null means both processes. */
interface OutageWindow {
  fault: string;
  api: number | null;
  start: number;
  end: number;
  /** From the moment the fault is undone (PostgreSQL accepting connections, API process spawned) to every API answering its health check. */
  recoveryMs: number;
}

/** An acknowledged (2xx) write: the version it answered and the content it stored. */
interface AcknowledgedWrite {
  activityId: string;
  version: number;
  name: string;
  description: string;
}

/**
 * Several minutes of load on two API processes over one PostgreSQL while PostgreSQL restarts twice
 * and one API process is killed (SIGKILL) and started again: every acknowledged write is found
 * afterwards with its content and its audit event, the audit chain verifies, and no request answers
 * 5xx (or not at all) outside the windows the test opened itself.
 */
describe('soak: load on two API processes while PostgreSQL restarts and an API dies', () => {
  let dataDir: string;
  let postgres: PostgresProcess;
  let databasePort: number;
  let urls: DatabaseUrls;
  const apis: (ChildProcess | undefined)[] = [];
  const ports: number[] = [];

  // Each outage makes the APIs log hundreds of expected errors: their logs go to files, and the
  // test prints the unexpected ones (unhandled errors) with its figures.
  const logFile = (index: number) => join(dataDir, `api-${index}.log`);
  const startApi = (index: number, port: number) =>
    startApiProcess(port, dataDir, urls, { LOGIN_MAX_ATTEMPTS_PER_IP: '100000', ACCOUNT_REQUESTS_PER_IP_PER_HOUR: '100000' }, logFile(index));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'registre-soak-'));
    postgres = new PostgresProcess();
    databasePort = await freePort();
    urls = await postgres.start(dataDir, databasePort);
    for (let index = 0; index < 2; index++) ports.push(await freePort());
    // Sequential starts: both migrate under the schema lock, the second finds nothing to do.
    for (const [index, port] of ports.entries()) apis.push(await startApi(index, port));
  }, 300_000);
  afterAll(async () => {
    for (const child of apis) child?.kill('SIGKILL');
    await postgres.stop().catch(() => undefined);
    postgres.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const healthy = (port: number) =>
    fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5_000) }).then((response) => response.status === 200).catch(() => false);

  /** Waits until every API answers its health check (the end of an outage window). */
  async function allHealthy(): Promise<void> {
    const ok = await eventually(async () => (await Promise.all(ports.map(healthy))).every(Boolean), (value) => value, 120_000);
    if (!ok) throw new Error('the APIs did not recover within 120 s');
  }

  it(`keeps every acknowledged write through two PostgreSQL restarts and a killed API (${SECONDS} s, ${CLIENTS} clients)`, async () => {
    const admin = await signedInAgent(urls, ports[0], uniqueEmail('soak-admin'), true);
    const organizationId = (await admin.post('/api/v1/organizations').send({ name: 'Endurance – Communauté d’agglomération' }).expect(201)).body.id as string;
    const base = `/api/v1/organizations/${organizationId}/activities`;
    const clients: { agent: TestAgent; api: number; dpo: boolean }[] = [];
    for (let index = 0; index < CLIENTS; index++) {
      const email = uniqueEmail(`soak-${index}`);
      const api = index % 2;
      const agent = await signedInAgent(urls, ports[api], email, true);
      const dpo = index % 3 === 0;
      const invitation = await admin.post(`/api/v1/organizations/${organizationId}/invitations`).send({ email, roles: [dpo ? 'dpo' : 'contributor'] }).expect(201);
      await agent.post(`/api/v1/invitations/${await knownInvitationToken(urls, invitation.body.id as string)}/accept`).expect(201);
      clients.push({ agent, api, dpo });
    }
    // One activity the DPOs all edit: read-then-write races end in 409, never in a lost update.
    const shared = (await clients[0].agent.post(base).send(completeActivity({ name: 'Registre partagé « sinistres »' })).expect(201)).body as { id: string; version: number };

    const outcomes: Outcome[] = [];
    const acknowledged: AcknowledgedWrite[] = [
      { activityId: shared.id, version: shared.version, name: 'Registre partagé « sinistres »', description: completeActivity().description as string },
    ];
    const windows: OutageWindow[] = [];
    const started = Date.now();
    const deadline = started + SECONDS * 1000;
    let stopping = false;

    /** Sends one request and records how it ended; a connection refused, reset or timed out is "no answer". */
    async function send<T extends { status: number; body: unknown }>(api: number, what: string, call: () => PromiseLike<T>): Promise<T | undefined> {
      const outcome: Outcome = { api, started: Date.now(), ended: 0, status: 'no answer', what };
      try {
        const response = await call();
        outcome.status = response.status;
        if (response.status >= 500) outcome.code = String((response.body as { code?: unknown } | undefined)?.code);
        return response;
      } catch {
        return undefined;
      } finally {
        outcome.ended = Date.now();
        outcomes.push(outcome);
      }
    }
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    async function client(index: number): Promise<void> {
      const { agent, api, dpo } = clients[index];
      const own: { id: string; version: number }[] = [];
      for (let step = 0; Date.now() < deadline && !stopping; step++) {
        const roll = (index * 7 + step) % 10;
        let response: { status: number; body: Record<string, unknown> } | undefined;
        if (roll < 2 || own.length === 0) {
          const name = `Traitement n° ${index}-${step} « été »`;
          response = await send(api, 'create', () => agent.post(base).send(completeActivity({ name })).timeout(REQUEST_TIMEOUT_MS));
          if (response?.status === 201) {
            own.push({ id: response.body.id as string, version: response.body.version as number });
            acknowledged.push({ activityId: response.body.id as string, version: response.body.version as number, name, description: completeActivity().description as string });
          }
        } else if (roll < 5) {
          // PATCH with the version the client believes current: a 409 (someone else, or a write
          // whose answer was lost in an outage) is refreshed by a read, as the web app does.
          const target = dpo && roll === 2 ? shared : own[step % own.length];
          const description = `Révision ${index}-${step} : l’équipe « paie » a ajouté une mention`;
          response = await send(api, 'patch', () => agent.patch(`${base}/${target.id}`).send({ description, version: target.version }).timeout(REQUEST_TIMEOUT_MS));
          if (response?.status === 200) {
            target.version = response.body.version as number;
            acknowledged.push({ activityId: target.id, version: target.version, name: response.body.name as string, description });
          } else if (response?.status === 409 || response === undefined || response.status >= 500) {
            const current = await send(api, 'read one', () => agent.get(`${base}/${target.id}`).timeout(REQUEST_TIMEOUT_MS));
            if (current?.status === 200) target.version = current.body.version as number;
          }
        } else if (roll < 8) {
          response = await send(api, 'list', () => agent.get(`${base}?q=traitement&pageSize=20`).timeout(REQUEST_TIMEOUT_MS));
        } else {
          const target = own[step % own.length];
          response = await send(api, 'read one', () => agent.get(`${base}/${target.id}`).timeout(REQUEST_TIMEOUT_MS));
        }
        // Back off while the service is away instead of spinning on refused connections.
        if (response === undefined || response.status >= 500) await pause(200);
      }
    }

    /** The faults, at fixed fractions of the run so a short and a long run see the same sequence. */
    async function faults(): Promise<void> {
      const at = async (fraction: number) => {
        const wait = started + SECONDS * 1000 * fraction - Date.now();
        if (wait > 0) await pause(wait);
      };
      const restartDatabase = async (label: string) => {
        const start = Date.now();
        await postgres.stop();
        await pause(DATABASE_DOWN_MS);
        await postgres.start(dataDir, databasePort);
        const back = Date.now();
        await allHealthy();
        windows.push({ fault: label, api: null, start, end: Date.now(), recoveryMs: Date.now() - back });
      };
      await at(0.2);
      await restartDatabase('PostgreSQL restart 1');
      // A signed checkpoint between the faults: the final verify checks the chain against it.
      await send(0, 'evidence export', () => admin.get(`/api/v1/organizations/${organizationId}/exports/evidence.zip?lang=fr`).responseType('blob').timeout(120_000));
      await at(0.45);
      const killed = 1;
      const start = Date.now();
      apis[killed]?.kill('SIGKILL');
      await pause(API_DOWN_MS);
      const spawned = Date.now();
      apis[killed] = await startApi(killed, ports[killed]);
      windows.push({ fault: `API ${killed} killed (SIGKILL) and started again`, api: killed, start, end: Date.now(), recoveryMs: Date.now() - spawned });
      await at(0.7);
      await restartDatabase('PostgreSQL restart 2');
    }

    // A fault that fails (PostgreSQL not coming back) stops the clients and fails the test.
    const faulting = faults().catch((error: unknown) => {
      stopping = true;
      throw error;
    });
    await Promise.all([...clients.map((_, index) => client(index)), faulting]);
    await allHealthy();

    // --- What the clients saw -------------------------------------------------------------------
    const inside = (outcome: Outcome) => windows.some((window) => (window.api === null || window.api === outcome.api) && outcome.started <= window.end && outcome.ended >= window.start);
    const failed = (outcome: Outcome) => outcome.status === 'no answer' || outcome.status >= 500;
    const outsideFailures = outcomes.filter((outcome) => failed(outcome) && !inside(outcome));
    const count = (filter: (outcome: Outcome) => boolean) => outcomes.filter(filter).length;
    const figures = {
      seconds: SECONDS,
      clients: CLIENTS,
      requests: outcomes.length,
      writesAcknowledged: acknowledged.length,
      creates: count((outcome) => outcome.what === 'create' && outcome.status === 201),
      updates: count((outcome) => outcome.what === 'patch' && outcome.status === 200),
      conflicts409: count((outcome) => outcome.status === 409),
      serverErrorsInsideWindows: count((outcome) => typeof outcome.status === 'number' && outcome.status >= 500 && inside(outcome)),
      noAnswerInsideWindows: count((outcome) => outcome.status === 'no answer' && inside(outcome)),
      serverErrorsOutsideWindows: count((outcome) => typeof outcome.status === 'number' && outcome.status >= 500 && !inside(outcome)),
      noAnswerOutsideWindows: count((outcome) => outcome.status === 'no answer' && !inside(outcome)),
      byStatus: outcomes.reduce<Record<string, number>>((all, outcome) => ({ ...all, [outcome.status]: (all[outcome.status] ?? 0) + 1 }), {}),
      windows: windows.map((window) => ({ fault: window.fault, fromSecond: Math.round((window.start - started) / 1000), seconds: Math.round((window.end - window.start) / 100) / 10, recoverySeconds: Math.round(window.recoveryMs / 100) / 10 })),
    };

    // --- What the database holds ----------------------------------------------------------------
    const versions = await superuserQuery<{ activity_id: string; number: number; name: string; description: string }>(
      urls,
      `SELECT activity_id, number, snapshot->>'name' AS name, snapshot->>'description' AS description FROM activity_versions WHERE organization_id = $1`,
      [organizationId],
    );
    const stored = new Map(versions.map((row) => [`${row.activity_id}/${row.number}`, { name: row.name, description: row.description }]));
    const lost = acknowledged.filter((write) => {
      const found = stored.get(`${write.activityId}/${write.version}`);
      return !found || found.name !== write.name || found.description !== write.description;
    });
    const current = await superuserQuery<{ id: string; version: number; description: string }>(urls, 'SELECT id, version, description FROM processing_activities WHERE organization_id = $1', [organizationId]);
    const latest = new Map<string, AcknowledgedWrite>();
    for (const write of acknowledged) if ((latest.get(write.activityId)?.version ?? 0) < write.version) latest.set(write.activityId, write);
    // The row itself is at least at the last acknowledged version, and holds its text when no
    // unanswered write came after it.
    const behind = [...latest.values()].filter((write) => {
      const row = current.find((candidate) => candidate.id === write.activityId);
      return !row || row.version < write.version || (row.version === write.version && row.description !== write.description);
    });
    // Every version of every activity has its audit event, written in the same transaction.
    const audited = await superuserQuery<{ entity_id: string; events: number }>(
      urls,
      `SELECT entity_id, count(*)::int AS events FROM audit_events WHERE organization_id = $1 AND entity_type = 'Activity' GROUP BY entity_id`,
      [organizationId],
    );
    const unaudited = current.filter((row) => audited.find((candidate) => candidate.entity_id === row.id)?.events !== row.version);
    const verified = (await admin.get(`/api/v1/organizations/${organizationId}/audit-events/verify?lang=fr`).expect(200)).body as { valid: boolean; checked: number; checkpointsChecked: number; reason: string | null };
    const committedWithoutAnswer = versions.length - acknowledged.length;

    const unhandled = ports
      .flatMap((_, index) => readFileSync(logFile(index), 'utf8').split('\n'))
      .filter((line) => line.includes('"msg":"unhandled error"'))
      .map((line) => line.slice(0, 600));
    process.stdout.write(`soak: ${JSON.stringify({ ...figures, lost: lost.length, committedWithoutAnswer, unhandledErrors: unhandled.length, auditChain: verified })}\n`);
    for (const line of unhandled.slice(0, 5)) process.stdout.write(`soak: unhandled error in an API log: ${line}\n`);
    expect(windows.map((window) => window.fault)).toEqual(['PostgreSQL restart 1', 'API 1 killed (SIGKILL) and started again', 'PostgreSQL restart 2']);
    expect(outsideFailures.slice(0, 5)).toEqual([]);
    expect(figures.creates).toBeGreaterThan(CLIENTS);
    expect(figures.updates).toBeGreaterThan(CLIENTS);
    expect(count((outcome) => outcome.what === 'evidence export' && outcome.status === 200)).toBe(1);
    // Inside a window too, a server error is the structured, retryable "database unavailable" (503);
    // a 500 there was a request meeting a connection PostgreSQL had closed (fixed in TransactionalConnection).
    expect(outcomes.filter((outcome) => typeof outcome.status === 'number' && outcome.status >= 500 && !(outcome.status === 503 && outcome.code === 'database_unavailable')).slice(0, 5)).toEqual([]);
    expect(lost).toEqual([]);
    expect(behind).toEqual([]);
    expect(unaudited.map((row) => row.id)).toEqual([]);
    expect(verified).toMatchObject({ valid: true, reason: null });
    expect(verified.checkpointsChecked).toBeGreaterThanOrEqual(1);
  }, (SECONDS + 600) * 1000);
});
