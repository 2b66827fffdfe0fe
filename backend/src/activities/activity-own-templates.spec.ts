import { ACTIVITY_TEMPLATES } from '../domain/activities/templates/templates';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { asOwner, completeActivity } from './activities.test-helpers';

interface TemplateItem {
  code: string;
  name: string;
  organizationTemplate: boolean;
  sourceReference: string | null;
  leftToOrganization: string[];
}

describe('an organisation’s own activity templates (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let other: TestOrganization;
  let source: { id: string; reference: string };

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Communauté d’agglomération « Cœur de Loire »');
    other = await createOrganizationWithRoles(api.server, 'Clinique « Les Tilleuls »');
    const base = `/api/v1/organizations/${org.organizationId}`;
    const department = await org.admin.post(`${base}/departments`).send({ name: 'Ressources humaines' }).expect(201);
    const created = await org.as.dpo
      .post(`${base}/activities`)
      .send(completeActivity({ name: 'Paie des agents – siège', departmentId: department.body.id, nextReviewDate: '2027-03-01', dataSubjectInformation: null }))
      .expect(201);
    source = created.body;
  });
  afterAll(() => api.close());

  const base = (o: TestOrganization = org) => `/api/v1/organizations/${o.organizationId}`;
  const templates = async (o: TestOrganization = org) => (await o.as.auditor.get(`${base(o)}/activity-templates`).expect(200)).body.items as TemplateItem[];

  it('a DPO saves an activity as a template; every member sees it first, marked as the organisation’s', async () => {
    const saved = await org.as.dpo.post(`${base()}/activity-templates`).send({ activityId: source.id, name: '  Paie « modèle maison »  ' }).expect(201);
    expect(saved.body).toMatchObject({
      code: expect.stringMatching(/^[0-9a-f-]{36}$/),
      organizationTemplate: true,
      sourceReference: source.reference,
      name: 'Paie « modèle maison »',
      description: 'Calcul et versement des salaires, déclarations sociales.',
      dataSubjects: ['employees'],
      leftToOrganization: ['dataSubjectInformation'],
    });
    const items = await templates();
    expect(items).toHaveLength(ACTIVITY_TEMPLATES.length + 1);
    expect(items[0]).toEqual(saved.body);
    expect(items.slice(1).every((item) => !item.organizationTemplate)).toBe(true);

    const event = await asOwner(api, (client) =>
      client.query("SELECT action, entity_label, actor_user_id FROM audit_events WHERE entity_type = 'ActivityTemplate' AND entity_id = $1", [saved.body.code]),
    );
    expect(event.rows).toEqual([{ action: 'create', entity_label: 'Paie « modèle maison »', actor_user_id: org.userIds.dpo }]);
  });

  it('a draft made from it has its content, not its owner, department, status or review date', async () => {
    const [own] = await templates();
    const created = await org.as.contributor.post(`${base()}/activities/from-template`).send({ template: own.code }).expect(201);
    const expected = completeActivity({ dataSubjectInformation: null });
    expect(created.body).toMatchObject({
      name: 'Paie « modèle maison »',
      status: 'draft',
      ownerId: org.userIds.contributor,
      departmentId: null,
      nextReviewDate: null,
      version: 1,
      purposes: [expect.objectContaining({ description: 'Établir les bulletins de paie', legalBasis: 'legal_obligation' }), expect.anything()],
      securityMeasures: expected.securityMeasures,
      rightsProcedure: expected.rightsProcedure,
      dataSubjectInformation: null,
    });
    expect(created.body.reference).not.toBe(source.reference);
    expect(created.body.completeness.missing).toEqual(['dataSubjectInformation']);
    const named = await org.as.dpo.post(`${base()}/activities/from-template`).send({ template: own.code, name: 'Paie – antenne de Blois' }).expect(201);
    expect(named.body.name).toBe('Paie – antenne de Blois');
  });

  it('refuses a second template of the same name (any case), contributors and auditors, a bad body; writes nothing', async () => {
    const count = async () => (await asOwner(api, (client) => client.query<{ n: number }>('SELECT count(*)::int AS n FROM activity_templates'))).rows[0].n;
    const before = await count();
    const taken = await org.admin.post(`${base()}/activity-templates`).set('Accept-Language', 'fr').send({ activityId: source.id, name: 'PAIE « MODÈLE MAISON »' }).expect(409);
    expect(taken.body).toMatchObject({ code: 'template_name_taken', message: 'Un modèle de l’organisme porte déjà ce nom.' });
    await org.as.contributor.post(`${base()}/activity-templates`).send({ activityId: source.id, name: 'Autre' }).expect(403);
    await org.as.auditor.post(`${base()}/activity-templates`).send({ activityId: source.id, name: 'Autre' }).expect(403);
    await org.as.dpo.post(`${base()}/activity-templates`).send({ activityId: source.id, name: '   ' }).expect(400);
    await org.as.dpo.post(`${base()}/activity-templates`).send({ activityId: source.id, name: 'Autre', content: {} }).expect(400);
    await org.as.dpo.post(`${base()}/activity-templates`).send({ activityId: '00000000-0000-4000-8000-000000000000', name: 'Autre' }).expect(404);
    expect(await count()).toBe(before);
  });

  it('another organisation neither sees it, nor starts from it, nor saves its activities, nor deletes it', async () => {
    const [own] = await templates();
    expect((await templates(other)).some((item) => item.organizationTemplate)).toBe(false);
    const unknown = await other.as.dpo.post(`${base(other)}/activities/from-template`).send({ template: own.code }).expect(422);
    expect(unknown.body.code).toBe('template_unknown');
    await other.as.dpo.post(`${base(other)}/activity-templates`).send({ activityId: source.id, name: 'Copie' }).expect(404);
    await other.as.dpo.delete(`${base(other)}/activity-templates/${own.code}`).expect(404);
    expect((await templates())[0].code).toBe(own.code);
  });

  it('the admin deletes it (audited); drafts made from it stay; contributors cannot delete', async () => {
    const [own] = await templates();
    await org.as.contributor.delete(`${base()}/activity-templates/${own.code}`).expect(403);
    await org.admin.delete(`${base()}/activity-templates/${own.code}`).expect(204);
    expect((await templates()).some((item) => item.organizationTemplate)).toBe(false);
    await org.admin.delete(`${base()}/activity-templates/${own.code}`).expect(404);
    await org.as.dpo.post(`${base()}/activities/from-template`).send({ template: own.code }).expect(422);
    const drafts = await org.as.auditor.get(`${base()}/activities?q=${encodeURIComponent('Paie')}`).expect(200);
    expect(drafts.body.total).toBe(3);
    const events = await asOwner(api, (client) =>
      client.query("SELECT action, actor_user_id FROM audit_events WHERE entity_type = 'ActivityTemplate' AND entity_id = $1 ORDER BY sequence", [own.code]),
    );
    expect(events.rows).toEqual([
      { action: 'create', actor_user_id: org.userIds.dpo },
      { action: 'delete', actor_user_id: org.userIds.admin },
    ]);
  });
});
