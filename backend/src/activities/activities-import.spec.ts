import { createOrganizationWithRoles, createTestApi, newAgent, TestApi, TestOrganization } from '../../test/test-api';
import { DEMO_PASSWORD, DemoSeedService } from '../database/seeds/demo-seed.service';
import sampleRegister from '../database/seeds/sample-register.json';
import { asOwner, completeActivity } from './activities.test-helpers';

describe('JSON import of activities and the demo register (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Import');
  });
  afterAll(() => api.close());

  const activities = () => `/api/v1/organizations/${org.organizationId}/activities`;
  const departments = async () =>
    ((await org.as.auditor.get(`/api/v1/organizations/${org.organizationId}/departments`).expect(200)).body.items as { name: string }[]).map((d) => d.name).sort();
  const total = async () => (await org.as.auditor.get(activities()).expect(200)).body.total as number;
  const fieldsOf = (item: { fields: { path: string; code: string }[] }) => item.fields.map((field) => `${field.path} ${field.code}`);

  it('imports nothing when any item is wrong, reporting the errors of each item by position', async () => {
    const file = [
      completeActivity({ reference: 'T-0100', department: 'Juridique', status: 'validated' }),
      completeActivity({ name: '', purposes: [{ description: 'x', legalBasis: 'whim' }], colour: 'red' }),
      completeActivity({ reference: 'T-0100', dataCategories: [{ category: 'horoscope', retention: { activePeriod: 'P1Y' } }], owner: 'nobody@example.test' }),
      completeActivity({ status: 'validated', dataSubjectInformation: null }),
      'not an activity',
    ];
    const response = await org.as.dpo.post(`${activities()}/import-json`).set('Accept-Language', 'fr').send(file).expect(422);
    expect(response.body.code).toBe('import_invalid');
    expect(response.body.message).toBe("Rien n’a été importé : 4 traitements sur 5 comportent des erreurs.");
    const items = response.body.details.items;
    expect(items).toHaveLength(5);
    expect(items[0]).toEqual({ index: 0, reference: 'T-0100', fields: [] });
    expect(fieldsOf(items[1]).sort()).toEqual(['colour whitelistValidation', 'name isNotEmpty', 'purposes[0].legalBasis isIn']);
    expect(fieldsOf(items[2])).toEqual(['dataCategories[0].category catalogueCode', 'owner unknownMember', 'reference duplicateInFile']);
    // The messages name the fields by their labels, never by their API path.
    expect(items[2].fields.map((field: { message: string }) => field.message)).toEqual([
      '« Catégorie de données 1 › Catégorie de données » : « horoscope » n’est pas une valeur connue de cette liste ni une entrée propre à l’organisation.',
      '« Responsable » : « nobody@example.test » n’est pas membre de l’organisation.',
      '« Référence » : la référence « T-0100 » figure déjà à l’élément 1 du fichier.',
    ]);
    expect(items[1].fields.find((field: { code: string }) => field.code === 'isIn').message).toBe('« Finalité 1 › Base légale » : choisissez l’une des valeurs proposées.');
    expect(items[3].fields).toEqual([
      { path: 'dataSubjectInformation', code: 'information_missing', message: 'Décrivez comment les personnes concernées sont informées.' },
    ]);
    expect(fieldsOf(items[4])).toEqual([' isObject']);
    // Nothing written: no activity, no department.
    expect(await total()).toBe(0);
    expect(await departments()).toEqual([]);
  });

  it('takes statuses only from a role that could have reached them, and refuses references already used', async () => {
    const contributorFile = [completeActivity({ status: 'draft' }), completeActivity({ status: 'in_review' }), completeActivity({ status: 'validated' }), completeActivity({ status: 'archived' })];
    const refused = await org.as.contributor.post(`${activities()}/import-json`).set('Accept-Language', 'fr').send(contributorFile).expect(422);
    expect(refused.body.details.items.map(fieldsOf)).toEqual([[], [], ['status statusNotAllowed'], ['status statusNotAllowed']]);
    expect(refused.body.details.items[2].fields[0].message).toBe("« Statut » : votre rôle ne permet pas d’importer un traitement au statut « Validé ».");
    const english = await org.as.contributor.post(`${activities()}/import-json`).set('Accept-Language', 'en').send(contributorFile).expect(422);
    expect(english.body.details.items[3].fields[0].message).toBe('"Status": your role may not import an activity with the status "Archived".');
    const adminRefused = await org.as.admin.post(`${activities()}/import-json`).send([completeActivity({ status: 'validated' })]).expect(422);
    expect(fieldsOf(adminRefused.body.details.items[0])).toEqual(['status statusNotAllowed']);

    await org.as.dpo.post(activities()).send(completeActivity({ reference: 'REG-1' })).expect(201);
    const taken = await org.as.dpo.post(`${activities()}/import-json`).send([completeActivity({ reference: 'REG-1' })]).expect(422);
    expect(fieldsOf(taken.body.details.items[0])).toEqual(['reference referenceTaken']);
    await org.as.dpo.post(`${activities()}/import-json`).send({ activities: [] }).expect(400);
  });

  it('imports all items in one go: statuses, references, departments created by name, owners by e-mail', async () => {
    const before = await total();
    const members = (await org.admin.get(`/api/v1/organizations/${org.organizationId}/members`).expect(200)).body.items as { email: string; roles: string[]; userId: string }[];
    const contributor = members.find((member) => member.roles.includes('contributor'))!;
    const response = await org.as.dpo
      .post(`${activities()}/import-json`)
      .send([
        completeActivity({ reference: 'T-0042', name: 'Contentieux', department: 'Juridique', status: 'validated' }),
        completeActivity({ name: 'Veille', department: 'juridique', status: 'in_review', owner: contributor.email.toUpperCase() }),
        completeActivity({ name: 'Ancien outil', status: 'archived', dataSubjectInformation: null, owner: null }),
        completeActivity({ name: 'Brouillon importé' }),
      ])
      .expect(201);
    expect(response.body).toMatchObject({ imported: 4, createdDepartments: ['Juridique'] });
    expect(response.body.items.map((item: { reference: string }) => item.reference)).toEqual(['T-0042', 'T-0043', 'T-0044', 'T-0045']);
    expect(await total()).toBe(before + 4);
    expect(await departments()).toEqual(['Juridique']);

    const [litigation, watch, archived, draft] = await Promise.all(
      response.body.items.map(async (item: { id: string }) => (await org.as.auditor.get(`${activities()}/${item.id}`).expect(200)).body),
    );
    expect(litigation).toMatchObject({ status: 'validated', department: 'Juridique', ownerId: org.userIds.dpo, validatedBy: org.userIds.dpo, version: 1 });
    expect(watch).toMatchObject({ status: 'in_review', department: 'Juridique', ownerId: contributor.userId });
    expect(archived).toMatchObject({ status: 'archived', ownerId: null, validatedAt: null });
    expect(archived.completeness.missing).toEqual(['dataSubjectInformation']);
    expect(draft).toMatchObject({ status: 'draft', department: null });
    const history = await org.as.auditor.get(`${activities()}/${litigation.id}/versions`).expect(200);
    expect(history.body.items).toEqual([expect.objectContaining({ number: 1, action: 'import', status: 'validated' })]);
    const events = await asOwner(api, (client) =>
      client.query("SELECT count(*)::int AS count FROM audit_events WHERE organization_id = $1 AND entity_type = 'Activity' AND action = 'import'", [org.organizationId]),
    );
    expect(events.rows[0].count).toBe(4);
    // A created department is a department like any other.
    const deletion = await org.admin
      .delete(`/api/v1/organizations/${org.organizationId}/departments/${litigation.departmentId}`)
      .expect(409);
    expect(deletion.body.code).toBe('department_has_activities');
  });

  it('accepts the sample register as it is', async () => {
    const other = await createOrganizationWithRoles(api.server, 'Échantillon');
    const response = await other.as.dpo.post(`/api/v1/organizations/${other.organizationId}/activities/import-json`).send(sampleRegister.activities).expect(201);
    expect(response.body.imported).toBe(12);
    expect(response.body.createdDepartments.sort()).toEqual([...new Set(sampleRegister.activities.map((activity) => activity.department))].sort());
    // Processors the organisation does not know yet become vendor proposals for the DPO to review.
    expect(response.body.createdVendors.sort()).toEqual([...new Set(sampleRegister.activities.flatMap((activity) => activity.processors))].sort());
    const proposals = await other.as.auditor.get(`/api/v1/organizations/${other.organizationId}/vendors?status=under_review`).expect(200);
    expect(proposals.body.total).toBe(response.body.createdVendors.length);
  });

  it('seeds the demo organisation with the 12 activities of the sample register and their statuses', async () => {
    const result = await api.app.get(DemoSeedService).seed();
    expect(result).toMatchObject({ created: true, activities: 12 });
    const dpo = await newAgent(api.server);
    await dpo.post('/api/v1/auth/login').send({ email: 'dpo@example.com', password: DEMO_PASSWORD }).expect(200);
    const register = await dpo.get(`/api/v1/organizations/${result.organizationId}/activities?pageSize=50`).expect(200);
    expect(register.body.total).toBe(12);
    const byReference = Object.fromEntries(register.body.items.map((item: { reference: string; status: string; department: string }) => [item.reference, item]));
    for (const activity of sampleRegister.activities) {
      expect({ reference: activity.reference, status: byReference[activity.reference]?.status, department: byReference[activity.reference]?.department }).toEqual({
        reference: activity.reference,
        status: activity.status,
        department: activity.department,
      });
    }
    // The validated activities of the sample pass the rules; the draft shows what it misses.
    const validated = register.body.items.filter((item: { status: string }) => item.status === 'validated');
    expect(validated).toHaveLength(9);
    expect(validated.every((item: { completeness: { score: number } }) => item.completeness.score === 100)).toBe(true);
    const draft = register.body.items.find((item: { reference: string }) => item.reference === 'T-0009');
    expect(draft.completeness.missing).toEqual(['purposes[1].legitimateInterestAssessment.purpose', 'purposes[1].legitimateInterestAssessment.necessity', 'purposes[1].legitimateInterestAssessment.balancing', 'dataCategories[2].retention', 'dataSubjectInformation', 'rightsProcedure']);
    // New activities continue the numbering.
    const next = await dpo.post(`/api/v1/organizations/${result.organizationId}/activities`).send(completeActivity()).expect(201);
    expect(next.body.reference).toBe('T-0013');
    const version = await dpo.get(`/api/v1/organizations/${result.organizationId}/activities/${draft.id}/versions/1`).expect(200);
    expect(version.body).toMatchObject({ action: 'import', authorName: 'Denis Délégué' });
  });
});
