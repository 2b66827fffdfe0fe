import { Client } from 'pg';
import request from 'supertest';
import { createOrganizationWithRoles, createTestApi, signUp, TestApi, TestOrganization } from '../../test/test-api';

describe('organisations: settings, concurrency, audit and isolation (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Atelier');
  });
  afterAll(() => api.close());

  const path = () => `/api/v1/organizations/${org.organizationId}`;

  it('makes the creator the admin and lists the organisation in /me', async () => {
    const me = await org.admin.get('/api/v1/me').expect(200);
    expect(me.body.memberships).toEqual([{ organizationId: org.organizationId, organizationName: 'Atelier', role: 'admin' }]);
  });

  it('lets every role read the settings and only the admin change them', async () => {
    for (const role of ['admin', 'dpo', 'contributor', 'auditor'] as const) {
      const response = await org.as[role].get(path()).expect(200);
      expect(response.body.name).toBe('Atelier');
    }
    for (const role of ['dpo', 'contributor', 'auditor'] as const) {
      const refused = await org.as[role].patch(path()).send({ legalName: 'Nope', version: 1 }).expect(403);
      expect(refused.body.code).toBe('forbidden');
    }
    const current = await org.admin.get(path()).expect(200);
    expect(current.body.legalName).toBeNull();
  });

  it('updates settings with the version last read, audits the change, and refuses a stale version', async () => {
    const before = await org.admin.get(path()).expect(200);
    const updated = await org.admin
      .patch(path())
      .send({ legalName: 'Atelier Numérique SAS', country: 'fr', dpoEmail: 'dpo@atelier.example', version: before.body.version })
      .expect(200);
    expect(updated.body).toMatchObject({ legalName: 'Atelier Numérique SAS', country: 'FR', dpoEmail: 'dpo@atelier.example', version: before.body.version + 1 });

    const stale = await org.admin.patch(path()).set('Accept-Language', 'fr').send({ legalName: 'Écrasé', version: before.body.version }).expect(409);
    expect(stale.body).toEqual({
      code: 'version_conflict',
      message: `Quelqu'un a modifié cet élément entre-temps (version actuelle : ${before.body.version + 1}). Rechargez-le avant d'enregistrer.`,
      details: { currentVersion: before.body.version + 1 },
    });
    const after = await org.admin.get(path()).expect(200);
    expect(after.body.legalName).toBe('Atelier Numérique SAS');

    const events = await readAudit(api, org.organizationId, 'Organization');
    const update = events.find((event) => event.action === 'update' && event.changes.legalName);
    expect(update?.changes).toEqual({
      legalName: { before: null, after: 'Atelier Numérique SAS' },
      country: { before: null, after: 'FR' },
      dpoEmail: { before: null, after: 'dpo@atelier.example' },
    });
  });

  it('accepts If-Match instead of a body version', async () => {
    const current = await org.admin.get(path()).expect(200);
    await org.admin.patch(path()).set('If-Match', `"${current.body.version}"`).send({ dpoPhone: '+33 1 00 00 00 00' }).expect(200);
    await org.admin.patch(path()).set('If-Match', `"${current.body.version}"`).send({ dpoPhone: '+33 9' }).expect(409);
    await org.admin.patch(path()).send({ dpoPhone: '+33 9' }).expect(400);
  });

  it('refuses invalid settings with field errors and changes nothing', async () => {
    const current = await org.admin.get(path()).expect(200);
    const response = await org.admin.patch(path()).send({ country: 'France', dpoEmail: 'not-an-email', version: current.body.version }).expect(400);
    expect(response.body.details.fields.map((field: { path: string }) => field.path).sort()).toEqual(['country', 'dpoEmail']);
    const after = await org.admin.get(path()).expect(200);
    expect(after.body.version).toBe(current.body.version);
  });

  it('hides another organisation entirely: 404 on every route, nothing of it in /me', async () => {
    const outsider = await signUp(api.server, 'outsider');
    const own = await outsider.agent.post('/api/v1/organizations').send({ name: 'Concurrent' }).expect(201);
    for (const [method, suffix] of [
      ['get', ''],
      ['patch', ''],
      ['get', '/abilities'],
      ['get', '/members'],
      ['post', '/members'],
      ['get', '/departments'],
      ['post', '/departments'],
    ] as const) {
      const response = await outsider.agent[method](`${path()}${suffix}`).send({ name: 'x', email: 'x@example.com', role: 'admin', version: 1 });
      expect({ route: `${method} ${suffix}`, status: response.status, code: response.body.code }).toEqual({ route: `${method} ${suffix}`, status: 404, code: 'not_found' });
    }
    const members = await org.admin.get(`${path()}/members`).expect(200);
    expect(members.body.items.map((member: { email: string }) => member.email)).not.toContain(outsider.email);
    const theirs = await outsider.agent.get(`/api/v1/organizations/${own.body.id}/members`).expect(200);
    expect(theirs.body.total).toBe(1);
  });

  it('answers 401 to anonymous callers and 404 to malformed organisation ids', async () => {
    const anonymous = await request(api.server).get(path()).expect(401);
    expect(anonymous.body.code).toBe('unauthenticated');
    await org.admin.get('/api/v1/organizations/not-a-uuid').expect(404);
  });
});

async function readAudit(api: TestApi, organizationId: string, entityType: string): Promise<{ action: string; changes: Record<string, unknown> }[]> {
  const client = new Client({ connectionString: api.database.superuserUrl });
  await client.connect();
  try {
    const result = await client.query('SELECT action, changes FROM audit_events WHERE organization_id = $1 AND entity_type = $2 ORDER BY sequence', [organizationId, entityType]);
    return result.rows as { action: string; changes: Record<string, unknown> }[];
  } finally {
    await client.end();
  }
}
