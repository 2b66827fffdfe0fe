import { ChildProcess, spawn } from 'node:child_process';
import { openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { ApiSession } from './harness';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** Behind the TLS proxy production runs behind: secure cookies are issued and accepted. */
export const PROXY_HEADERS = { 'x-forwarded-proto': 'https' };

/**
 * The API as production runs it: its own Node process (`node main.js`, NODE_ENV=production, behind a
 * proxy), on the benchmark's database. Its output goes to `api.log` in the work folder.
 */
export class ApiProcess {
  readonly baseUrl: string;
  private constructor(
    private readonly child: ChildProcess,
    port: number,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  static async start(options: {
    mainJs: string;
    workDir: string;
    ownerUrl: string;
    appUrl: string;
    logLevel: string;
    /** Shared with the floor server, which checks the same signed cookies. */
    sessionSecret: string;
    /** Output file in the work folder (api.log). */
    logName?: string;
  }): Promise<ApiProcess> {
    const port = await freePort();
    const log = openSync(join(options.workDir, options.logName ?? 'api.log'), 'a');
    // Diagnosis only (BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/profiles"); none in a normal run.
    const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, options.mainJs], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: join(options.workDir, 'api-data'),
        DATABASE_URL: options.ownerUrl,
        DATABASE_APP_URL: options.appUrl,
        SESSION_SECRET: options.sessionSecret,
        TRUST_PROXY: 'true',
        DEMO_SEED: 'false',
        LOG_LEVEL: options.logLevel,
      },
      stdio: ['ignore', log, log],
    });
    const api = new ApiProcess(child, port);
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${options.mainJs} exited with code ${child.exitCode}: see ${join(options.workDir, options.logName ?? 'api.log')}`);
      const status = await fetch(`${api.baseUrl}/api/health`)
        .then((response) => response.status)
        .catch(() => 0);
      if (status === 200) return api;
      if (Date.now() > deadline) throw new Error(`${options.mainJs} did not answer /api/health within 60 s: see ${join(options.workDir, options.logName ?? 'api.log')}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resets the kernel's peak-RSS mark of the process (Linux ≥ 4.0); false where not possible. */
  resetPeakRss(): boolean {
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
      return true;
    } catch {
      return false;
    }
  }

  /**
   * CPU time the API process has used (user + system), in ms: per request, it is the API's own cost,
   * which contention on a shared machine does not inflate the way it inflates latency.
   */
  cpuMs(): number {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  }

  /** Peak resident set size (VmHWM) since start or the last reset, in MB. */
  peakRssMb(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : Number.NaN;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
}

/** Signs in like the web page: CSRF token first, then the login with it; returns the session's headers. */
export async function signIn(baseUrl: string, organizationId: string, email: string, password: string): Promise<ApiSession> {
  const csrf = await fetch(`${baseUrl}/api/v1/auth/csrf`, { headers: PROXY_HEADERS });
  if (!csrf.ok) throw new Error(`GET /auth/csrf answered ${csrf.status}`);
  const { token } = (await csrf.json()) as { token: string };
  const jar = new Map(cookiesOf(csrf).map((cookie) => [cookie.split('=')[0], cookie]));
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { ...PROXY_HEADERS, 'content-type': 'application/json', 'x-csrf-token': token, cookie: [...jar.values()].join('; ') },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`POST /auth/login answered ${login.status}: ${await login.text()}`);
  for (const cookie of cookiesOf(login)) jar.set(cookie.split('=')[0], cookie);
  return { baseUrl, organizationId, headers: { ...PROXY_HEADERS, cookie: [...jar.values()].join('; '), 'x-csrf-token': token, 'accept-language': 'en' } };
}
