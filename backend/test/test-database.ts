import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const TEMPLATE_DATABASE = 'registre_template';

export interface TestDatabaseServer {
  port: number;
  superuserUrl: string;
  ownerUrl: string;
  appUrl: string;
  dataDir: string;
}

export interface TestDatabase {
  name: string;
  ownerUrl: string;
  appUrl: string;
  superuserUrl: string;
  drop(): Promise<void>;
}

export function testDatabaseServer(): TestDatabaseServer {
  const raw = process.env.REGISTRE_TEST_DATABASE;
  if (!raw) throw new Error('REGISTRE_TEST_DATABASE is not set: run the tests through jest (global setup starts PostgreSQL)');
  return JSON.parse(raw) as TestDatabaseServer;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A database of this test file's own, cloned from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = testDatabaseServer();
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: server.superuserUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE} OWNER registre_owner`);
        break;
      } catch (error) {
        // Two clones at the same instant can collide on the template; try again shortly.
        if (attempt >= 10 || !String(error).includes('being accessed by other users')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
      }
    }
  } finally {
    await admin.end();
  }
  return {
    name,
    ownerUrl: withDatabase(server.ownerUrl, name),
    appUrl: withDatabase(server.appUrl, name),
    superuserUrl: withDatabase(server.superuserUrl, name),
    drop: async () => {
      const client = new Client({ connectionString: server.superuserUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
