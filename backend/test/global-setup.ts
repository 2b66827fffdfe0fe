import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '../src/database/data-source';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { TEMPLATE_DATABASE, TestDatabaseServer } from './test-database';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * One real PostgreSQL per test run, in a throwaway folder on a free port. The migrations run once
 * into a template database; every test file clones it into a database of its own.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'registre-test-'));
  const port = await freePort();
  const server = await startEmbeddedPostgres({ dataDir, port, databaseName: TEMPLATE_DATABASE });
  await runMigrations(server.ownerUrl);
  const description: TestDatabaseServer = { port, superuserUrl: server.superuserUrl, ownerUrl: server.ownerUrl, appUrl: server.appUrl, dataDir };
  // Workers start after the global setup and inherit its environment.
  process.env.REGISTRE_TEST_DATABASE = JSON.stringify(description);
  (globalThis as { registreTestPostgres?: { stop(): Promise<void>; dataDir: string } }).registreTestPostgres = { stop: () => server.stop(), dataDir };
}
