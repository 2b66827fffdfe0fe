import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { hashEvent } from '../audit/audit.service';
import { createTestApi, signUp, TestApi } from '../../test/test-api';
import { createTestDatabase, TestDatabase } from '../../test/test-database';
import { backupDatabase, restoreDatabase } from './backup';
import { DemoSeedService } from './seeds/demo-seed.service';

async function tableCounts(url: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT IN ('sessions', 'login_attempts', 'catalogue_entries', 'schema_migrations') ORDER BY 1",
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) counts[name] = (await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "${name}"`)).rows[0].count;
    return counts;
  } finally {
    await client.end();
  }
}

async function auditChainIsValid(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query(
      'SELECT organization_id, occurred_at, actor_user_id, action, entity_type, entity_id, changes, previous_hash, hash FROM audit_events ORDER BY organization_id, sequence',
    );
    const last = new Map<string, string | null>();
    return rows.rows.every((event: Record<string, never>) => {
      const previous = last.get(event.organization_id) ?? null;
      const hash = hashEvent({ organizationId: event.organization_id, occurredAt: event.occurred_at, actorUserId: event.actor_user_id, actorName: null, action: event.action, entityType: event.entity_type, entityId: event.entity_id, entityLabel: null, changes: event.changes, requestId: null, previousHash: event.previous_hash });
      last.set(event.organization_id, event.hash);
      return event.previous_hash === previous && hash === event.hash;
    });
  } finally {
    await client.end();
  }
}

describe('backup and restore round trip (real PostgreSQL)', () => {
  let source: TestApi;
  let target: TestDatabase;
  let restoredApi: TestApi | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'registre-backup-'));

  beforeAll(async () => {
    source = await createTestApi();
    await source.app.get(DemoSeedService).seed();
    target = await createTestDatabase();
  });
  afterAll(async () => {
    await restoredApi?.close();
    await source.close();
  });

  it('restores the register, its history and its audit chain exactly, and serves it', async () => {
    const file = join(dir, 'registre.jsonl.gz');
    const written = await backupDatabase(source.database.ownerUrl, file);
    expect(written.processing_activities).toBe(12);
    expect(written.audit_events).toBeGreaterThan(12);

    const restored = await restoreDatabase(target.ownerUrl, file);
    expect(restored).toEqual(Object.fromEntries(Object.entries(written).filter(([, rows]) => rows > 0)));
    expect(await tableCounts(target.superuserUrl)).toEqual(await tableCounts(source.database.superuserUrl));
    expect(await auditChainIsValid(target.superuserUrl)).toBe(true);

    // The restored database serves the same register to the same users.
    restoredApi = await createTestApi({}, { sharedDatabase: target });
    const { default: request } = await import('supertest');
    const readRegister = async (api: TestApi) => {
      const agent = request.agent(api.server);
      const csrf = await agent.get('/api/v1/auth/csrf');
      agent.set('X-CSRF-Token', csrf.body.token as string);
      await agent.post('/api/v1/auth/login').send({ email: 'dpo@example.com', password: 'registre-demo' }).expect(200);
      const me = await agent.get('/api/v1/me').expect(200);
      const register = await agent.get(`/api/v1/organizations/${me.body.memberships[0].organizationId}/activities?pageSize=100&sort=reference`).expect(200);
      return register.body.items.map((item: { reference: string; name: string; status: string; version: number }) => [item.reference, item.name, item.status, item.version]);
    };
    const before = await readRegister(source);
    expect(before).toHaveLength(12);
    expect(await readRegister(restoredApi)).toEqual(before);
  });

  it('refuses to restore over data, or a file that is not a backup, changing nothing', async () => {
    const file = join(dir, 'again.jsonl.gz');
    await backupDatabase(source.database.ownerUrl, file);
    const countsBefore = await tableCounts(target.superuserUrl);
    await expect(restoreDatabase(target.ownerUrl, file)).rejects.toThrow(/already holds data/);
    const bogus = join(dir, 'bogus.jsonl.gz');
    writeFileSync(bogus, gzipSync('{"format":"something-else"}\n'));
    const empty = await createTestDatabase();
    try {
      await expect(restoreDatabase(empty.ownerUrl, bogus)).rejects.toThrow(/not a Registre backup/);
    } finally {
      await empty.drop();
    }
    expect(await tableCounts(target.superuserUrl)).toEqual(countsBefore);
    // The restored database still takes new accounts. (Passport's strategies are process-wide: sign-in
    // goes through the most recently created API, so the account is made there.)
    await signUp((restoredApi ?? source).server, 'after-backup');
  });
});
