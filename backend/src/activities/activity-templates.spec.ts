import { templateDraft } from '../domain/activities/templates/activity-template';
import { ACTIVITY_TEMPLATES, findTemplate } from '../domain/activities/templates/templates';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { asOwner, countRows } from './activities.test-helpers';

describe('activity templates: list and start a draft from one (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Mairie de Saint-Étienne-du-Rouvray');
  });
  afterAll(() => api.close());

  const base = () => `/api/v1/organizations/${org.organizationId}`;

  it('lists every template in the caller’s language (Accept-Language or ?lang), to every member', async () => {
    const fr = await org.as.auditor.get(`${base()}/activity-templates`).set('Accept-Language', 'fr-FR,fr;q=0.9').expect(200);
    expect(fr.body.items).toHaveLength(ACTIVITY_TEMPLATES.length);
    expect(fr.body.items.find((item: { code: string }) => item.code === 'payroll')).toMatchObject({
      name: 'Gestion de la paie',
      publicBody: false,
      leftToOrganization: ['dataSubjectInformation', 'rightsProcedure'],
      purposes: [expect.objectContaining({ legalBasis: 'legal_obligation', legalReference: expect.stringContaining('Code du travail') }), expect.anything()],
    });
    expect(fr.body.items.find((item: { code: string }) => item.code === 'civil_status')).toMatchObject({ name: 'État civil', publicBody: true });
    const en = await org.as.contributor.get(`${base()}/activity-templates?lang=en`).set('Accept-Language', 'fr').expect(200);
    expect(en.body.items.find((item: { code: string }) => item.code === 'payroll').name).toBe('Payroll');
    await org.as.contributor.get(`${base()}/activity-templates?lang=de`).expect(400);
  });

  it('creates a draft whose content is the template’s, through the register’s create path (reference, version, audit)', async () => {
    const template = findTemplate('video_surveillance')!;
    const created = await org.as.contributor.post(`${base()}/activities/from-template`).set('Accept-Language', 'fr').send({ template: 'video_surveillance' }).expect(201);
    const expected = templateDraft(template, 'fr');
    expect(created.body).toMatchObject({
      reference: expect.stringMatching(/^T-\d{4}$/),
      name: 'Vidéosurveillance des locaux',
      description: expected.description,
      status: 'draft',
      role: 'controller',
      ownerId: org.userIds.contributor,
      version: 1,
      purposes: expected.purposes,
      dataSubjects: expected.dataSubjects,
      dataCategories: expected.dataCategories,
      recipients: expected.recipients,
      securityMeasures: expected.securityMeasures,
      dataSubjectInformation: null,
      rightsProcedure: null,
    });
    // What is left to the organisation is exactly what the register still asks for.
    expect([...created.body.completeness.missing].sort()).toEqual([...template.leftToOrganization].sort());
    expect(await countRows(api, created.body.id)).toEqual({ versions: 1, events: 1 });
    const event = await asOwner(api, (client) => client.query("SELECT action, actor_user_id FROM audit_events WHERE entity_id = $1", [created.body.id]));
    expect(event.rows).toEqual([{ action: 'create', actor_user_id: org.userIds.contributor }]);

    const named = await org.as.dpo.post(`${base()}/activities/from-template`).set('Accept-Language', 'en').send({ template: 'whistleblowing', name: 'Alertes – filiale de Lyon' }).expect(201);
    expect(named.body).toMatchObject({ name: 'Alertes – filiale de Lyon', dpiaScreening: { decision: 'required', onCnilRequiredList: 'professional_alerts' } });
    expect(named.body.purposes[0].description).toBe('Receive and handle reports');
    expect(Number(named.body.reference.slice(2))).toBe(Number(created.body.reference.slice(2)) + 1);
  });

  it('every template gives a draft the API accepts, leaving only what the organisation must add', async () => {
    for (const template of ACTIVITY_TEMPLATES) {
      const created = await org.as.admin.post(`${base()}/activities/from-template`).send({ template: template.code }).expect(201);
      expect([template.code, [...created.body.completeness.missing].sort()]).toEqual([template.code, [...template.leftToOrganization].sort()]);
    }
  });

  it('refuses the auditor (403), an unknown template (422, translated) and a bad body (400), writing nothing', async () => {
    const before = await asOwner(api, (client) => client.query<{ n: number }>('SELECT count(*)::int AS n FROM processing_activities WHERE organization_id = $1', [org.organizationId]));
    await org.as.auditor.post(`${base()}/activities/from-template`).send({ template: 'payroll' }).expect(403);
    const unknown = await org.as.contributor.post(`${base()}/activities/from-template`).set('Accept-Language', 'fr').send({ template: 'astrologie' }).expect(422);
    expect(unknown.body).toEqual({ code: 'template_unknown', message: 'Ce modèle de traitement n’existe pas.', details: { template: 'astrologie' } });
    await org.as.contributor.post(`${base()}/activities/from-template`).send({ template: 'payroll', status: 'validated' }).expect(400);
    await org.as.contributor.post(`${base()}/activities/from-template`).send({}).expect(400);
    const after = await asOwner(api, (client) => client.query<{ n: number }>('SELECT count(*)::int AS n FROM processing_activities WHERE organization_id = $1', [org.organizationId]));
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});
