import { Client } from 'pg';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { asOwner, completeActivity } from './activities.test-helpers';
import { ACTIVITY_TUPLE_SQL } from './directory/activity-directory';

/**
 * The import writes in multi-row statements (activities, version rows, vendor links, audit events
 * whose hash chain is computed in memory): what it writes must be what one creation at a time writes,
 * the chain must verify, and it stays all or nothing.
 */
describe('Batched import of activities (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;

  beforeAll(async () => {
    // 1,500 complete activities are about 3 MB of JSON.
    api = await createTestApi({ BODY_LIMIT: '20mb' });
    org = await createOrganizationWithRoles(api.server, 'Import en lot');
  });
  afterAll(() => api.close());

  const activities = () => `/api/v1/organizations/${org.organizationId}/activities`;

  it('writes the version snapshot and the audit event a single creation writes', async () => {
    const members = (await org.admin.get(`/api/v1/organizations/${org.organizationId}/members`).expect(200)).body.items as { email: string; userId: string }[];
    const contributor = members.find((member) => member.userId === org.userIds.contributor)!;
    const fields = { name: 'Contrôle d’accès « badges »', status: 'in_review', processors: ['Sûreté d’Île-de-France SARL'] };
    const imported = await org.as.dpo
      .post(`${activities()}/import-json`)
      .send([completeActivity({ reference: 'IMP-1', department: 'Sûreté générale', owner: contributor.email, ...fields })])
      .expect(201);
    expect(imported.body.createdVendors).toEqual(['Sûreté d’Île-de-France SARL']);
    const importedId = imported.body.items[0].id as string;
    const detail = (await org.as.dpo.get(`${activities()}/${importedId}`).expect(200)).body;
    const created = await org.as.dpo
      .post(activities())
      .send(completeActivity({ reference: 'IMP-2', departmentId: detail.departmentId, ownerId: org.userIds.contributor, ...fields, status: undefined }))
      .expect(201);
    const submitted = await org.as.contributor.post(`${activities()}/${created.body.id}/submit`).send({ version: 1 }).expect(200);
    expect(submitted.body.status).toBe('in_review');

    const snapshotOf = async (id: string, number: number) => (await org.as.auditor.get(`${activities()}/${id}/versions/${number}`).expect(200)).body.activity;
    const importedSnapshot = await snapshotOf(importedId, 1);
    const createdSnapshot = await snapshotOf(created.body.id, 2);
    expect(importedSnapshot).toMatchObject({ department: 'Sûreté générale', owner: contributor.email, processors: ['Sûreté d’Île-de-France SARL'] });
    expect({ ...importedSnapshot, reference: '' }).toEqual({ ...createdSnapshot, reference: '' });

    // The audit event's fields are those of the creation's event, the reference aside.
    const events = await asOwner(api, async (client) =>
      (
        await client.query<{ entity_id: string; action: string; changes: Record<string, { before: unknown; after: unknown }>; entity_label: string }>(
          "SELECT entity_id, action, changes, entity_label FROM audit_events WHERE organization_id = $1 AND entity_type = 'Activity' AND action IN ('import', 'create') ORDER BY sequence",
          [org.organizationId],
        )
      ).rows,
    );
    const [importEvent, createEvent] = events;
    expect(importEvent).toMatchObject({ entity_id: importedId, action: 'import', entity_label: 'IMP-1 Contrôle d’accès « badges »' });
    const withoutReference = (changes: Record<string, unknown>) => ({ ...changes, reference: null });
    // The creation was a draft at first (submitted since); its event says so, the rest is the same.
    expect(withoutReference({ ...importEvent.changes, status: null })).toEqual(withoutReference({ ...createEvent.changes, status: null }));
    const links = await asOwner(api, async (client) =>
      (await client.query<{ activity_id: string }>('SELECT activity_id FROM activity_processors WHERE organization_id = $1', [org.organizationId])).rows,
    );
    expect(links.map((link) => link.activity_id).sort()).toEqual([importedId, created.body.id].sort());

    // Its own findings are stored by the import as by a single write, matching the row as it stands.
    const stored = await asOwner(api, async (client) =>
      (
        await client.query<{ id: string; current: boolean }>(
          `SELECT a.id, f.tuple = ${ACTIVITY_TUPLE_SQL} AS current FROM processing_activities a JOIN activity_findings f ON f.activity_id = a.id WHERE a.organization_id = $1`,
          [org.organizationId],
        )
      ).rows,
    );
    expect(stored.find((row) => row.id === importedId)).toEqual({ id: importedId, current: true });
  });

  it('chains the audit events of an import so that the chain verifies, between events written one by one', async () => {
    await org.as.dpo.post(activities()).send(completeActivity({ name: 'Avant l’import' })).expect(201);
    const file = Array.from({ length: 40 }, (_, i) => completeActivity({ name: `Traitement importé n° ${i + 1} « lot »` }));
    const response = await org.as.dpo.post(`${activities()}/import-json`).send(file).expect(201);
    expect(response.body.imported).toBe(40);
    await org.as.dpo.post(activities()).send(completeActivity({ name: 'Après l’import' })).expect(201);
    const verified = (await org.as.auditor.get(`/api/v1/organizations/${org.organizationId}/audit-events/verify?lang=fr`).expect(200)).body;
    const total = await asOwner(api, async (client) => (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1', [org.organizationId])).rows[0].n);
    expect(verified).toMatchObject({ valid: true, reason: null, checked: total });
    // The events of the import follow the file's order in the chain.
    const labels = await asOwner(api, async (client) =>
      (await client.query<{ entity_label: string }>("SELECT entity_label FROM audit_events WHERE organization_id = $1 AND entity_type = 'Activity' AND action = 'import' ORDER BY sequence", [org.organizationId])).rows,
    );
    expect(labels.slice(1).map((row) => row.entity_label.replace(/^T-\d+ /, ''))).toEqual(file.map((item) => item.name));
  });

  it('writes nothing when the 1,500th activity loses a race for its reference', async () => {
    const other = await createOrganizationWithRoles(api.server, 'Course aux références');
    const file = Array.from({ length: 1500 }, (_, i) => completeActivity({ name: `Traitement n° ${i + 1} de l’établissement « Sud »` }));
    // Another transaction inserts T-1500 and holds it uncommitted: the import draws T-0001 … T-1500
    // (it cannot see that row), then its insert of T-1500 waits on it and fails once it commits.
    const racer = new Client({ connectionString: api.database.superuserUrl });
    await racer.connect();
    try {
      await racer.query('BEGIN');
      await racer.query(
        `INSERT INTO processing_activities (organization_id, reference, name, role, status, document) VALUES ($1, 'T-1500', 'Saisi par une autre requête', 'controller', 'draft', '{}')`,
        [other.organizationId],
      );
      const answer = other.as.dpo.post(`/api/v1/organizations/${other.organizationId}/activities/import-json`).set('Accept-Language', 'fr').send(file).then((response) => response);
      const deadline = Date.now() + 60_000;
      for (;;) {
        // The import's session waiting on the racer's transaction (its reported query text may lag).
        const { rows } = await racer.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))');
        if (rows[0].n > 0) break;
        if (Date.now() > deadline) throw new Error('the import never waited on the racing row');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await racer.query('COMMIT');
      const response = await answer;
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'activity_reference_taken', details: { reference: 'T-1500' } });
      expect(response.body.message).toContain('T-1500');
    } finally {
      await racer.end();
    }
    const left = await asOwner(api, async (client) =>
      (
        await client.query<{ activities: number; versions: number; events: number; counter: number | null }>(
          `SELECT (SELECT count(*)::int FROM processing_activities WHERE organization_id = $1) AS activities,
                  (SELECT count(*)::int FROM activity_versions WHERE organization_id = $1) AS versions,
                  (SELECT count(*)::int FROM audit_events WHERE organization_id = $1 AND entity_type = 'Activity') AS events,
                  (SELECT last_number FROM activity_reference_counters WHERE organization_id = $1) AS counter`,
          [other.organizationId],
        )
      ).rows[0],
    );
    // Only the racing row: no activity, version, audit event nor reference of the import.
    expect(left).toEqual({ activities: 1, versions: 0, events: 0, counter: null });
  }, 120_000);
});
