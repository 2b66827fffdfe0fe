import { Client } from 'pg';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { asOwner, completeActivity } from '../activities/activities.test-helpers';

describe('Audit trail: list, filters, append-only, hash chain verification (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let other: TestOrganization;
  let activityId: string;
  const events = (o = org) => `/api/v1/organizations/${o.organizationId}/audit-events`;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Audit');
    other = await createOrganizationWithRoles(api.server, 'Autre');
    const created = await org.as.dpo.post(`/api/v1/organizations/${org.organizationId}/activities`).send(completeActivity()).expect(201);
    activityId = created.body.id;
    await org.as.dpo.patch(`/api/v1/organizations/${org.organizationId}/activities/${activityId}`).send({ version: 1, name: 'Paie et primes' }).expect(200);
    await org.as.contributor.post(`/api/v1/organizations/${org.organizationId}/activities`).send(completeActivity({ name: 'Note de frais' })).expect(201);
  });
  afterAll(() => api.close());

  it('lists the events newest first, with field-level changes, to the roles that read the trail', async () => {
    const page = await org.as.auditor.get(`${events()}?entityType=Activity`).expect(200);
    expect(page.body.total).toBe(3);
    const [newest, update] = page.body.items;
    expect(newest).toMatchObject({ action: 'create', entityType: 'Activity', entityLabel: expect.stringContaining('Note de frais'), actorUserId: org.userIds.contributor });
    expect(update).toMatchObject({ action: 'update', entityId: activityId, changes: { name: { before: 'Gestion de la paie', after: 'Paie et primes' } } });
    expect(update.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(newest.sequence)).toBeGreaterThan(Number(update.sequence));
    await org.as.dpo.get(events()).expect(200);
    await org.admin.get(events()).expect(200);
    await org.as.contributor.get(events()).expect(403);
    // Another organisation's trail never shows this one's events.
    const foreign = await other.as.auditor.get(`${events(other)}?entityType=Activity`).expect(200);
    expect(foreign.body.total).toBe(0);
  });

  it('filters by entity, actor, action and date range', async () => {
    const byEntity = await org.as.auditor.get(`${events()}?entityId=${activityId}`).expect(200);
    expect(byEntity.body.items.map((event: { action: string }) => event.action)).toEqual(['update', 'create']);
    const byActor = await org.as.auditor.get(`${events()}?actorUserId=${org.userIds.contributor}`).expect(200);
    expect(byActor.body.items.map((event: { action: string; entityType: string }) => `${event.entityType} ${event.action}`)).toEqual([
      'Activity create',
      // The contributor joined by accepting their invitation: both events are theirs.
      'Invitation accept',
      'Membership create',
    ]);
    const byAction = await org.as.auditor.get(`${events()}?action=update&entityType=Activity`).expect(200);
    expect(byAction.body.total).toBe(1);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await org.as.auditor.get(`${events()}?from=${tomorrow}`).expect(200)).body.total).toBe(0);
    const all = (await org.as.auditor.get(events()).expect(200)).body.total;
    expect((await org.as.auditor.get(`${events()}?to=${tomorrow}`).expect(200)).body.total).toBe(all);
    await org.as.auditor.get(`${events()}?from=not-a-date`).expect(400);
  });

  it('verifies the chain, and the application role can neither update nor delete an event', async () => {
    const verified = await org.as.auditor.get(`${events()}/verify?lang=fr`).expect(200);
    const total = (await org.as.auditor.get(events()).expect(200)).body.total;
    expect(verified.body).toMatchObject({ valid: true, checked: total, firstInvalidEventId: null, reason: null, checkpointsChecked: 0, latestCheckpoint: null });
    expect(verified.body.message).toBe(`Chaîne d’audit intacte : ${total} événements vérifiés, 0 point de contrôle signé confirmé.`);

    const app = new Client({ connectionString: api.database.appUrl });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query("SELECT set_config('app.organization_id', $1, true)", [org.organizationId]);
      await expect(app.query("UPDATE audit_events SET action = 'forged'")).rejects.toMatchObject({ code: '42501' });
      await app.query('ROLLBACK');
      await app.query('BEGIN');
      await app.query("SELECT set_config('app.organization_id', $1, true)", [org.organizationId]);
      await expect(app.query('DELETE FROM audit_events')).rejects.toMatchObject({ code: '42501' });
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
  });

  it('reports the first event altered directly in SQL by the owner role, then the one after a deleted event', async () => {
    const chain = await asOwner(api, async (client) =>
      (await client.query<{ id: string }>('SELECT id FROM audit_events WHERE organization_id = $1 ORDER BY sequence', [org.organizationId])).rows.map((row) => row.id),
    );
    const owner = new Client({ connectionString: api.database.ownerUrl });
    await owner.connect();
    try {
      // The owner role bypasses the app's grants: this is the tampering an auditor must be able to detect.
      await owner.query(`UPDATE audit_events SET changes = '{"name": {"before": "x", "after": "forged"}}' WHERE id = $1`, [chain[2]]);
    } finally {
      await owner.end();
    }
    const tampered = await org.as.auditor.get(`${events()}/verify`).expect(200);
    expect(tampered.body).toMatchObject({ valid: false, checked: 3, firstInvalidEventId: chain[2], reason: 'event_altered' });

    await asOwner(api, (client) => client.query('DELETE FROM audit_events WHERE id = $1', [chain[2]]));
    const gap = await org.as.auditor.get(`${events()}/verify`).expect(200);
    expect(gap.body).toMatchObject({ valid: false, checked: 3, firstInvalidEventId: chain[3], reason: 'chain_broken' });
    // The other organisation's chain is untouched.
    expect((await other.as.auditor.get(`${events(other)}/verify`).expect(200)).body.valid).toBe(true);
  });
});
