import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import pino from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { prepareApi, RunningApi } from '../src/bootstrap';
import type { CatalogueSource } from '../src/catalogues/catalogue-sources';
import { loadConfig } from '../src/config/app.config';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApi extends RunningApi {
  server: Server;
  database: TestDatabase;
  close(): Promise<void>;
}

type TestConnections = Pick<RunningApi, 'dataSource' | 'accounts'>;

/** The database connections of each running test API, so helpers given only its server can prepare accounts. */
const connections = new WeakMap<Server, TestConnections>();

/** Lets the helpers below prepare accounts on an API built outside createTestApi(). */
export function registerTestServer(server: Server, api: TestConnections): void {
  connections.set(server, api);
}

/** The real API, on its own database, with the configuration main.ts would build from `env`. */
export async function createTestApi(
  env: Record<string, string> = {},
  options: { sharedDatabase?: TestDatabase; catalogueSources?: readonly CatalogueSource[] } = {},
): Promise<TestApi> {
  // A second API process on the same database (as behind a load balancer) leaves the drop to the first.
  const database = options.sharedDatabase ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: 'test-secret-that-is-at-least-32-characters-long',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'registre-api-')),
    DATABASE_URL: database.ownerUrl,
    DATABASE_APP_URL: database.appUrl,
    DEMO_SEED: 'false',
    // Test files sign up many accounts from one address; the throttling tests set their own limit.
    ACCOUNT_REQUESTS_PER_IP_PER_HOUR: '100000',
    ...env,
  });
  const api = await prepareApi(config, { ownerUrl: database.ownerUrl, appUrl: database.appUrl, assumeAppRole: false, embedded: false, stop: () => Promise.resolve() }, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    options.catalogueSources,
  );
  await api.app.init();
  const server: Server = api.app.getHttpServer();
  registerTestServer(server, api);
  return {
    ...api,
    server,
    database,
    close: async () => {
      await api.close();
      if (!options.sharedDatabase) await database.drop();
    },
  };
}

export type Agent = TestAgent;

/** A browser-like client: keeps cookies and sends the CSRF token on every request. */
export async function newAgent(server: Server, locale: 'fr' | 'en' = 'en'): Promise<Agent> {
  const agent = request.agent(server);
  const response = await agent.get('/api/v1/auth/csrf').expect(200);
  agent.set('X-CSRF-Token', (response.body as { token: string }).token);
  agent.set('Accept-Language', locale);
  return agent;
}

let counter = 0;
export const TEST_PASSWORD = 'correct horse battery staple';

export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now()}-${counter}@example.test`;
}

/**
 * Marks an account's address as proven, as following the e-mailed link does. Fixture shortcut for
 * tests about something else: the proof itself (real SMTP, the link followed) is tested in
 * src/auth/email-proof.spec.ts.
 */
export async function markEmailProven(server: Server, email: string): Promise<void> {
  const accounts = connections.get(server)?.accounts;
  if (!accounts) throw new Error('markEmailProven needs the server of createTestApi()');
  // As the account role: the application role cannot change what proves an account.
  await accounts.query('UPDATE users SET email_verified_at = now() WHERE email = $1', [email.toLowerCase()]);
}

/** Signs up a new account, proves its address and returns its signed-in agent. */
export async function signUp(server: Server, prefix = 'user'): Promise<{ agent: Agent; email: string; userId: string }> {
  const agent = await newAgent(server);
  const email = uniqueEmail(prefix);
  await agent.post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD, name: `Test ${prefix}` }).expect(202);
  await markEmailProven(server, email);
  const response = await agent.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
  return { agent, email, userId: (response.body as { user: { id: string } }).user.id };
}

/**
 * The admin invites `email`, and its owner accepts through the API. The link's token only travels
 * by e-mail, so this fixture gives the invitation a token it knows (the e-mail itself is tested in
 * src/invitations/invitations.spec.ts with a real SMTP receiver).
 */
export async function joinByInvitation(server: Server, admin: Agent, organizationId: string, member: Agent, email: string, role: Role | Role[]): Promise<void> {
  const dataSource = connections.get(server)?.dataSource;
  if (!dataSource) throw new Error('joinByInvitation needs the server of createTestApi()');
  const invitation = await admin.post(`/api/v1/organizations/${organizationId}/invitations`).send({ email, roles: Array.isArray(role) ? role : [role] }).expect(201);
  const token = randomBytes(32).toString('base64url');
  await dataSource.transaction(async (manager) => {
    await manager.query("SELECT set_config('app.organization_id', $1, true)", [organizationId]);
    await manager.query('UPDATE invitations SET token_hash = $2 WHERE id = $1', [(invitation.body as { id: string }).id, createHash('sha256').update(token).digest('hex')]);
  });
  await member.post(`/api/v1/invitations/${token}/accept`).expect(201);
}

type Role = 'admin' | 'dpo' | 'contributor' | 'auditor';

export interface TestOrganization {
  organizationId: string;
  admin: Agent;
  /** One signed-in agent per role (admin included). */
  as: Record<'admin' | 'dpo' | 'contributor' | 'auditor', Agent>;
  userIds: Record<'admin' | 'dpo' | 'contributor' | 'auditor', string>;
}

/** An organisation with one member per role, each signed in. */
export async function createOrganizationWithRoles(server: Server, name = 'Organisation de test'): Promise<TestOrganization> {
  const admin = await signUp(server, 'admin');
  const created = await admin.agent.post('/api/v1/organizations').send({ name }).expect(201);
  const organizationId = (created.body as { id: string }).id;
  const as = { admin: admin.agent } as TestOrganization['as'];
  const userIds = { admin: admin.userId } as TestOrganization['userIds'];
  for (const role of ['dpo', 'contributor', 'auditor'] as const) {
    const member = await signUp(server, role);
    await joinByInvitation(server, admin.agent, organizationId, member.agent, member.email, role);
    as[role] = member.agent;
    userIds[role] = member.userId;
  }
  return { organizationId, admin: admin.agent, as, userIds };
}
