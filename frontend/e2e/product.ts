import { spawn, ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MailReceiver, startMailReceiver } from './mail-receiver';

export interface RunningProduct {
  webUrl: string;
  apiUrl: string;
  dataDir: string;
  /** Where the SMTP receiver writes each e-mail the API sends (`mail-receiver.ts`). */
  mailDir: string;
  mail: MailReceiver;
  process: ChildProcess;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no free port'))));
    });
  });
}

const repositoryRoot = resolve(__dirname, '..', '..');

/**
 * Starts the product exactly as `npm start` does (the launcher: API, embedded PostgreSQL, demo data,
 * built web app), in a throwaway data folder on free ports, and waits until it prints that it runs.
 * E-mails go over SMTP to a real receiver, as in production: account e-mails (invitations, proofs of
 * address, password resets) reach their recipient only, and tests follow their links.
 */
export async function startProduct(): Promise<RunningProduct> {
  const dataDir = mkdtempSync(join(tmpdir(), 'registre-e2e-'));
  const mailDir = mkdtempSync(join(tmpdir(), 'registre-e2e-mail-'));
  const mail = await startMailReceiver(mailDir);
  const [apiPort, webPort, postgresPort] = [await freePort(), await freePort(), await freePort()];
  const child = spawn(process.execPath, [join(repositoryRoot, 'backend', 'scripts', 'launch.mjs')], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT_API: String(apiPort),
      PORT_WEB: String(webPort),
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      DATABASE_URL: '',
      DEMO_SEED: 'true',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mail.port),
      SMTP_SECURE: 'false',
      SMTP_USER: '',
      SMTP_PASSWORD: '',
      MAIL_FROM: 'Registre <no-reply@registre.invalid>',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the product did not start within 240 s:\n${output}`)), 240_000);
    const check = setInterval(() => {
      if (output.includes('Registre is running')) {
        clearInterval(check);
        clearTimeout(timer);
        done();
      } else if (child.exitCode !== null) {
        clearInterval(check);
        clearTimeout(timer);
        fail(new Error(`the product stopped during start-up (exit ${child.exitCode}):\n${output}`));
      }
    }, 200);
  });
  return { webUrl: `http://localhost:${webPort}`, apiUrl: `http://localhost:${apiPort}`, dataDir, mailDir, mail, process: child };
}

export async function stopProduct(product: RunningProduct): Promise<void> {
  if (product.process.exitCode === null) {
    const exited = new Promise((done) => product.process.once('exit', done));
    product.process.kill('SIGTERM');
    await exited;
  }
  product.process.stdout?.destroy();
  product.process.stderr?.destroy();
  await product.mail.stop();
  rmSync(product.dataDir, { recursive: true, force: true });
  rmSync(product.mailDir, { recursive: true, force: true });
}
