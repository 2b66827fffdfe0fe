import { Client } from 'pg';
import request from 'supertest';
import { completeActivity } from '../activities/activities.test-helpers';
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
    expect(me.body.memberships).toEqual([{ organizationId: org.organizationId, organizationName: 'Atelier', roles: ['admin'] }]);
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
      message: `Quelqu’un a modifié cet élément entre-temps (version actuelle : ${before.body.version + 1}). Rechargez-le avant d’enregistrer.`,
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

  it('the creator says whether they are the DPO: admin and DPO at once, so a one-person office validates alone', async () => {
    const founder = await signUp(api.server, 'founder');
    const created = await founder.agent.post('/api/v1/organizations').send({ name: 'Cabinet Lefèvre', creatorIsDpo: true }).expect(201);
    const me = await founder.agent.get('/api/v1/me').expect(200);
    expect(me.body.memberships).toEqual([{ organizationId: created.body.id, organizationName: 'Cabinet Lefèvre', roles: ['admin', 'dpo'] }]);
    const abilities = (await founder.agent.get(`/api/v1/organizations/${created.body.id}/abilities`).expect(200)).body;
    expect(abilities.roles).toEqual(['admin', 'dpo']);
    const events = await readAudit(api, created.body.id, 'Membership');
    expect(events.find((event) => event.action === 'create')?.changes.roles).toEqual({ before: null, after: ['admin', 'dpo'] });
    // Alone: records, submits and validates an activity, and still manages the organisation.
    const base = `/api/v1/organizations/${created.body.id}`;
    const activity = (await founder.agent.post(`${base}/activities`).send(completeActivity({ name: 'Gestion des clients' })).expect(201)).body;
    const submitted = (await founder.agent.post(`${base}/activities/${activity.id}/submit`).send({ version: activity.version }).expect(200)).body;
    const validated = (await founder.agent.post(`${base}/activities/${activity.id}/validate`).send({ version: submitted.version }).expect(200)).body;
    expect(validated.status).toBe('validated');
    await founder.agent.post(`${base}/invitations`).send({ email: 'associee@cabinet-lefevre.example', roles: ['contributor'] }).expect(201);

    const alone = await signUp(api.server, 'founder-admin');
    const adminOnly = await alone.agent.post('/api/v1/organizations').send({ name: 'Mairie de Saint-Étienne', creatorIsDpo: false }).expect(201);
    expect((await alone.agent.get(`/api/v1/organizations/${adminOnly.body.id}/abilities`).expect(200)).body.roles).toEqual(['admin']);
    // No DPO among the members: a finding for the admin, in words, with the way to the members page; giving the role clears it.
    type Item = { code: string; message: string; link: string; severity: string };
    const findingsOf = async (agent: typeof alone.agent, id: string) => {
      const body = (await agent.get(`/api/v1/organizations/${id}/findings`).set('Accept-Language', 'fr').expect(200)).body;
      return (Array.isArray(body) ? body : body.items) as Item[];
    };
    expect((await findingsOf(alone.agent, adminOnly.body.id)).find((item) => item.code === 'no_dpo_member')).toMatchObject({
      severity: 'medium',
      link: `/orgs/${adminOnly.body.id}/settings/members`,
      message: 'Aucun membre de Mairie de Saint-Étienne n’a le rôle de DPO : personne ne peut valider le registre ni rendre d’avis sur les analyses d’impact. Donnez ce rôle à un membre, ou invitez votre DPO.',
    });
    expect((await findingsOf(founder.agent, created.body.id)).map((item) => item.code)).not.toContain('no_dpo_member');
    const [own] = (await alone.agent.get(`/api/v1/organizations/${adminOnly.body.id}/members`).expect(200)).body.items;
    await alone.agent.patch(`/api/v1/organizations/${adminOnly.body.id}/members/${own.id}`).send({ roles: ['admin', 'dpo'] }).expect(200);
    expect((await findingsOf(alone.agent, adminOnly.body.id)).map((item) => item.code)).not.toContain('no_dpo_member');

    const bad = await alone.agent.post('/api/v1/organizations').send({ name: 'Autre', creatorIsDpo: 'oui' }).expect(400);
    expect(bad.body.details.fields[0].path).toBe('creatorIsDpo');
  });

  it('the DPO edits the DPO contact block (name, e-mail, phone, CNIL number): versioned, validated, audited, and nothing else', async () => {
    const current = (await org.as.dpo.get(path()).expect(200)).body;
    const contact = { dpoName: 'Hélène Lefèvre-Dupré', dpoEmail: 'dpo@atelier.example', dpoPhone: '+33 (0)1 23 45 67 89', dpoDesignationNumber: 'DPO-84213' };
    const saved = (await org.as.dpo.patch(path()).send({ ...contact, version: current.version }).expect(200)).body;
    expect(saved).toMatchObject({ ...contact, version: current.version + 1 });
    // A stale version: 409, nothing changed.
    await org.as.dpo.patch(path()).send({ dpoName: 'Écrasé', version: current.version }).expect(409);
    // Bad e-mail and phone: translated field errors, nothing changed.
    const bad = await org.as.dpo.patch(path()).set('Accept-Language', 'fr').send({ dpoEmail: 'hélène@', dpoPhone: 'appelez-moi', version: saved.version }).expect(400);
    const fields = bad.body.details.fields as { path: string; message: string }[];
    expect(fields.map((field) => field.path).sort()).toEqual(['dpoEmail', 'dpoPhone']);
    expect(fields.find((field) => field.path === 'dpoPhone')?.message).toBe('« Téléphone du DPO » doit être un numéro de téléphone (chiffres, espaces, points, tirets, un « + » au début).');
    // The DPO does not change the controller's identity, even along with the contact block.
    await org.as.dpo.patch(path()).send({ dpoName: 'Autre', legalName: 'Autre SAS', version: saved.version }).expect(403);
    for (const role of ['contributor', 'auditor'] as const) await org.as[role].patch(path()).send({ dpoName: 'Autre', version: saved.version }).expect(403);
    expect((await org.admin.get(path()).expect(200)).body).toMatchObject({ ...contact, version: saved.version });
    // The admin may too.
    const byAdmin = (await org.admin.patch(path()).send({ dpoDesignationNumber: 'DPO-84214', version: saved.version }).expect(200)).body;
    expect(byAdmin.dpoDesignationNumber).toBe('DPO-84214');

    const events = await readAudit(api, org.organizationId, 'Organization');
    const byDpo = events.find((event) => event.action === 'update' && event.changes.dpoDesignationNumber?.after === 'DPO-84213');
    expect(byDpo?.changes).toMatchObject({ dpoName: { after: contact.dpoName }, dpoPhone: { after: contact.dpoPhone }, dpoDesignationNumber: { before: null, after: 'DPO-84213' } });
  });

  it('accepts If-Match instead of a body version', async () => {
    const current = await org.admin.get(path()).expect(200);
    await org.admin.patch(path()).set('If-Match', `"${current.body.version}"`).send({ dpoPhone: '+33 1 00 00 00 00' }).expect(200);
    await org.admin.patch(path()).set('If-Match', `"${current.body.version}"`).send({ dpoPhone: '+33 9 99 99 99 99' }).expect(409);
    await org.admin.patch(path()).send({ dpoPhone: '+33 9 99 99 99 99' }).expect(400);
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

async function readAudit(api: TestApi, organizationId: string, entityType: string): Promise<{ action: string; changes: Record<string, { before: unknown; after: unknown } | undefined> }[]> {
  const client = new Client({ connectionString: api.database.superuserUrl });
  await client.connect();
  try {
    const result = await client.query('SELECT action, changes FROM audit_events WHERE organization_id = $1 AND entity_type = $2 ORDER BY sequence', [organizationId, entityType]);
    return result.rows as { action: string; changes: Record<string, { before: unknown; after: unknown } | undefined> }[];
  } finally {
    await client.end();
  }
}
