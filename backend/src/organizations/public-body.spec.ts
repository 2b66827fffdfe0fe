import { asOwner, completeActivity } from '../activities/activities.test-helpers';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';

/**
 * Issue 17, item 5: the organisation profile (public authority or private body, sector) and the rules
 * that read it — Art 6(1) last subparagraph (no legitimate interests for a public authority's tasks)
 * and Art 37(1)(a) (a public authority designates a DPO).
 */
describe('organisation profile: public authority rules (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Communauté de communes du Val d’Oise');
  });
  afterAll(() => api.close());

  const path = () => `/api/v1/organizations/${org.organizationId}`;
  const findingCodes = async () => {
    const body = (await org.as.dpo.get(`${path()}/findings`).expect(200)).body;
    return ((Array.isArray(body) ? body : body.items) as { code: string }[]).map((finding) => finding.code);
  };

  it('is a private body by default; the admin or the DPO sets the profile, the DPO nothing else; bad input and stale versions change nothing', async () => {
    const initial = (await org.as.auditor.get(path()).expect(200)).body;
    expect(initial).toMatchObject({ publicBody: false, sector: null });

    for (const role of ['contributor', 'auditor'] as const) await org.as[role].patch(path()).send({ publicBody: true, version: initial.version }).expect(403);
    const bad = await org.as.dpo.patch(path()).set('Accept-Language', 'fr').send({ sector: 'mairie', publicBody: 'oui', version: initial.version }).expect(400);
    expect(bad.body.details.fields.map((field: { path: string }) => field.path).sort()).toEqual(['publicBody', 'sector']);
    // The DPO may not change the controller's identity, even along with the profile.
    await org.as.dpo.patch(path()).send({ publicBody: true, legalName: 'Autre nom', version: initial.version }).expect(403);

    const updated = (await org.as.dpo.patch(path()).send({ publicBody: true, sector: 'local_authority', version: initial.version }).expect(200)).body;
    expect(updated).toMatchObject({ publicBody: true, sector: 'local_authority', version: initial.version + 1 });
    const stale = await org.as.admin.patch(path()).send({ sector: 'public_administration', version: initial.version }).expect(409);
    expect(stale.body.code).toBe('version_conflict');
    expect((await org.as.auditor.get(path()).expect(200)).body.sector).toBe('local_authority');

    const audited = await asOwner(api, async (client) =>
      (
        await client.query<{ changes: unknown }>("SELECT changes FROM audit_events WHERE entity_type = 'Organization' AND entity_id = $1 AND action = 'update' ORDER BY sequence DESC LIMIT 1", [
          org.organizationId,
        ])
      ).rows,
    );
    expect(JSON.stringify(audited[0].changes)).toContain('local_authority');
  });

  it('Art 37(1)(a): a public authority without a designated DPO is a finding, which naming the DPO clears', async () => {
    const current = (await org.as.admin.get(path()).expect(200)).body;
    expect(current).toMatchObject({ publicBody: true, dpoName: null, dpoEmail: null });
    const body = (await org.as.dpo.get(`${path()}/findings`).set('Accept-Language', 'fr').expect(200)).body;
    const finding = ((Array.isArray(body) ? body : body.items) as { code: string; message: string; link: string; severity: string }[]).find(
      (item) => item.code === 'public_body_without_dpo',
    );
    expect(finding).toMatchObject({
      severity: 'high',
      link: `/orgs/${org.organizationId}/settings#organization-dpoName`,
      message: expect.stringContaining('Communauté de communes du Val d’Oise est un organisme public'),
    });
    await org.as.admin.patch(path()).send({ dpoName: 'Élise Martin-Lefèvre', dpoEmail: 'dpo@cc-valdoise.example', version: current.version }).expect(200);
    expect(await findingCodes()).not.toContain('public_body_without_dpo');
  });

  it('Art 6(1) last subparagraph: refuses to validate a purpose on legitimate interests unless the DPO records the processing falls outside the authority’s tasks', async () => {
    // completeActivity's second purpose ("Détecter les anomalies de paie") rests on legitimate interests.
    const activity = (await org.as.dpo.post(`${path()}/activities`).send(completeActivity({ name: 'Paie des agents' })).expect(201)).body;
    const submitted = (await org.as.dpo.post(`${path()}/activities/${activity.id}/submit`).send({ version: activity.version }).expect(200)).body;
    const refused = await org.as.dpo.post(`${path()}/activities/${activity.id}/validate`).set('Accept-Language', 'fr').send({ version: submitted.version }).expect(422);
    expect(refused.body.code).toBe('activity_incomplete');
    expect(refused.body.details.fields).toEqual([
      expect.objectContaining({ path: 'purposes[1].legalBasis', code: 'legitimate_interest_public_body', message: expect.stringContaining('« Détecter les anomalies de paie »') }),
    ]);
    const english = await org.as.dpo.post(`${path()}/activities/${activity.id}/validate`).set('Accept-Language', 'en').send({ version: submitted.version }).expect(422);
    expect(english.body.details.fields[0].message).toContain('cannot invoke in the performance of its tasks');
    // Unchanged by the refusals.
    expect((await org.as.auditor.get(`${path()}/activities/${activity.id}`).expect(200)).body).toMatchObject({ status: 'in_review', version: submitted.version });

    const outside = `${path()}/activities/${activity.id}/outside-public-tasks`;
    for (const role of ['admin', 'contributor', 'auditor'] as const) await org.as[role].put(outside).send({ reason: 'Gestion interne' }).expect(403);
    const blank = await org.as.dpo.put(outside).send({ reason: '  ' }).expect(400);
    expect(blank.body.details.fields.map((field: { path: string }) => field.path)).toEqual(['reason']);
    await org.as.dpo.put(`${path()}/activities/00000000-0000-4000-8000-000000000000/outside-public-tasks`).send({ reason: 'x' }).expect(404);
    const recorded = (await org.as.dpo.put(outside).send({ reason: 'Contrôle interne de la paie : gestion du personnel, hors des missions de service public confiées par la loi.' }).expect(200)).body;
    expect(recorded).toMatchObject({ activityId: activity.id, reason: expect.stringContaining('hors des missions'), recordedByName: expect.any(String) });

    await org.as.dpo.post(`${path()}/activities/${activity.id}/validate`).send({ version: submitted.version }).expect(200);
    const events = await asOwner(api, async (client) =>
      (await client.query<{ action: string }>("SELECT action FROM audit_events WHERE entity_type = 'Activity' AND entity_id = $1 ORDER BY sequence", [activity.id])).rows.map((row) => row.action),
    );
    expect(events).toContain('outside_public_tasks_record');
  });

  it('a private body keeps legitimate interests and needs no DPO finding', async () => {
    const other = await createOrganizationWithRoles(api.server, 'Boulangerie Lefèvre & Fils');
    const base = `/api/v1/organizations/${other.organizationId}`;
    const activity = (await other.as.dpo.post(`${base}/activities`).send(completeActivity({ name: 'Paie' })).expect(201)).body;
    const submitted = (await other.as.dpo.post(`${base}/activities/${activity.id}/submit`).send({ version: activity.version }).expect(200)).body;
    await other.as.dpo.post(`${base}/activities/${activity.id}/validate`).send({ version: submitted.version }).expect(200);
    const body = (await other.as.dpo.get(`${base}/findings`).expect(200)).body;
    expect(((Array.isArray(body) ? body : body.items) as { code: string }[]).map((finding) => finding.code)).not.toContain('public_body_without_dpo');
  });
});
