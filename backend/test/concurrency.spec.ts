import { completeActivity, asOwner, countRows } from '../src/activities/activities.test-helpers';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { hashEvent, storedEvent } from '../src/audit/audit.service';
import { createOrganizationWithRoles, createTestApi, newAgent, TEST_PASSWORD, TestApi, TestOrganization } from './test-api';

/** Lost updates and a broken audit chain are what concurrency would cost; neither may happen. */
describe('concurrent writers', () => {
  let first: TestApi;
  let second: TestApi;
  let org: TestOrganization;

  beforeAll(async () => {
    first = await createTestApi();
    second = await createTestApi({}, { sharedDatabase: first.database });
    org = await createOrganizationWithRoles(first.server);
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  const activities = () => `/api/v1/organizations/${org.organizationId}/activities`;

  it('lets exactly one of 20 parallel updates at the same version win; the others get 409', async () => {
    const created = await org.as.dpo.post(activities()).send(completeActivity({ name: 'Paie' })).expect(201);
    const id = created.body.id as string;
    const before = await countRows(first, id);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        org.as.dpo.patch(`${activities()}/${id}`).send({ name: `Paie — écriture ${index}`, version: created.body.version }),
      ),
    );
    const winners = responses.filter((response) => response.status === 200);
    const losers = responses.filter((response) => response.status === 409);
    expect({ winners: winners.length, losers: losers.length }).toEqual({ winners: 1, losers: 19 });
    for (const loser of losers) expect(loser.body).toMatchObject({ code: 'version_conflict', details: { currentVersion: created.body.version + 1 } });

    const current = await org.as.dpo.get(`${activities()}/${id}`).expect(200);
    expect(current.body.name).toBe(winners[0].body.name);
    expect(current.body.version).toBe(created.body.version + 1);
    const after = await countRows(first, id);
    expect({ versions: after.versions - before.versions, events: after.events - before.events }).toEqual({ versions: 1, events: 1 });
  });

  it('keeps the audit hash chain valid under concurrent writes from two API processes', async () => {
    // The same users, signed in on the second process (sessions live in PostgreSQL).
    const onSecond = await newAgent(second.server);
    const { email } = (await org.as.dpo.get('/api/v1/me').expect(200)).body as { email: string };
    await onSecond.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);

    const writes = Array.from({ length: 24 }, (_, index) =>
      (index % 2 === 0 ? org.as.dpo : onSecond).post(activities()).send(completeActivity({ name: `Traitement ${index}` })),
    );
    const statuses = (await Promise.all(writes)).map((response) => response.status);
    expect(statuses.every((status) => status === 201)).toBe(true);

    const events = await asOwner(first, async (client) => {
      const result = await client.query(
        `SELECT * FROM audit_events WHERE organization_id = $1 ORDER BY sequence`,
        [org.organizationId],
      );
      return result.rows as { organization_id: string; occurred_at: Date; actor_user_id: string | null; action: string; entity_type: string; entity_id: string | null; changes: AuditEvent['changes']; previous_hash: string | null; hash: string }[];
    });
    expect(events.length).toBeGreaterThan(24);
    let previous: string | null = null;
    for (const event of events) {
      expect(event.previous_hash).toBe(previous);
      const recomputed = hashEvent(storedEvent(event));
      expect(recomputed).toBe(event.hash);
      previous = event.hash;
    }
    // References stay unique and gap-free whichever process numbered them.
    const references = await asOwner(first, async (client) =>
      (await client.query<{ reference: string }>('SELECT reference FROM processing_activities WHERE organization_id = $1 ORDER BY reference', [org.organizationId])).rows.map((row) => row.reference),
    );
    expect(new Set(references).size).toBe(references.length);
    expect(references.at(-1)).toBe(`T-${String(references.length).padStart(4, '0')}`);
  });
});
