import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { asOwner, completeActivity } from './activities.test-helpers';

interface Item {
  id: string;
  reference: string;
  name: string;
  status: string;
  version: number;
  updatedAt: string;
}

describe('the register: search, filters, sort, history and the register as of a date (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let marketing: string;
  const ids: Record<string, string> = {};

  const activities = () => `/api/v1/organizations/${org.organizationId}/activities`;
  const list = async (query: string) => (await org.as.auditor.get(`${activities()}?${query}`).expect(200)).body as { items: Item[]; total: number; page: number; pageSize: number };
  const names = async (query: string) => (await list(query)).items.map((item) => item.name).sort();

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Registre');
    marketing = (await org.admin.post(`/api/v1/organizations/${org.organizationId}/departments`).send({ name: 'Marketing' }).expect(201)).body.id;
    const create = async (key: string, role: 'dpo' | 'contributor', body: Record<string, unknown>) => {
      ids[key] = (await org.as[role].post(activities()).send(body).expect(201)).body.id;
    };
    await create('payroll', 'dpo', completeActivity({ name: 'Gestion de la paie', nextReviewDate: '2020-01-31' }));
    await create(
      'newsletter',
      'contributor',
      completeActivity({
        name: 'Newsletter',
        description: 'Lettre d’information mensuelle',
        departmentId: marketing,
        purposes: [{ description: 'Prospection commerciale par courriel', legalBasis: 'consent' }],
        dataSubjects: [{ category: 'customers', estimatedCount: 8000 }],
        // One criterion and no DPO decision yet: the screening stays "to assess".
        dpiaScreening: { criteria: ['large_scale'], decision: 'to_assess' },
        nextReviewDate: '2099-12-31',
      }),
    );
    await create(
      'fraud',
      'dpo',
      completeActivity({
        name: 'Sécurité et fraude',
        description: null,
        purposes: [{ description: 'Vérifier l’identité des vendeurs', legalBasis: 'legal_obligation', legalReference: 'DSA art. 30' }],
        dataCategories: [{ category: 'biometric', art9Condition: 'art9_2_a', retention: { activePeriod: 'P1M' } }],
        dpiaScreening: { criteria: ['innovative_technology'], decision: 'required' },
        nextReviewDate: null,
      }),
    );
    // The payroll activity goes through review; the newsletter is archived with an old review date.
    await org.as.dpo.post(`${activities()}/${ids.payroll}/submit`).send({ version: 1 }).expect(200);
    await org.as.dpo.post(`${activities()}/${ids.payroll}/validate`).send({ version: 2 }).expect(200);
  });
  afterAll(() => api.close());

  it('answers in the list shape with what the register table shows', async () => {
    const page = await list('sort=name');
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(page.items.map((item) => item.name)).toEqual(['Gestion de la paie', 'Newsletter', 'Sécurité et fraude']);
    expect(page.items[1]).toEqual({
      id: ids.newsletter,
      reference: expect.stringMatching(/^T-\d{4}$/),
      name: 'Newsletter',
      status: 'draft',
      departmentId: marketing,
      department: 'Marketing',
      ownerId: org.userIds.contributor,
      owner: expect.stringContaining('@example.test'),
      ownerName: 'Test contributor',
      completeness: { score: 100, missing: [], problems: [] },
      nextReviewDate: '2099-12-31',
      version: 1,
      updatedAt: expect.any(String),
    });
    const second = await list('sort=name&page=2&pageSize=2');
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items.map((item) => item.name)).toEqual(['Sécurité et fraude']);
    expect((await list('sort=-name')).items.map((item) => item.name)).toEqual(['Sécurité et fraude', 'Newsletter', 'Gestion de la paie']);
    expect((await list('sort=status')).items.map((item) => item.status)).toEqual(['draft', 'draft', 'validated']);
    expect((await list('sort=nextReviewDate')).items.map((item) => item.name)).toEqual(['Gestion de la paie', 'Newsletter', 'Sécurité et fraude']);
    await org.as.auditor.get(`${activities()}?sort=colour`).expect(400);
  });

  it('searches reference, name, description and purposes: every word, as a prefix, whatever the accents', async () => {
    expect(await names('q=paie')).toEqual(['Gestion de la paie']);
    expect(await names('q=GESTION%20pa')).toEqual(['Gestion de la paie']);
    expect(await names('q=securite')).toEqual(['Sécurité et fraude']);
    expect(await names('q=mensuelle')).toEqual(['Newsletter']);
    expect(await names('q=prospection%20courriel')).toEqual(['Newsletter']);
    expect(await names('q=vendeurs')).toEqual(['Sécurité et fraude']);
    expect(await names('q=paie%20newsletter')).toEqual([]);
    expect(await names('q=introuvable')).toEqual([]);
    const reference = (await org.as.auditor.get(`${activities()}/${ids.fraud}`).expect(200)).body.reference as string;
    expect(await names(`q=${reference}`)).toEqual(['Sécurité et fraude']);
    // Query syntax is plain text, never tsquery operators: "!newsletter" is not a negation.
    expect(await names(`q=${encodeURIComponent("paie' & !newsletter | (:*")}`)).toEqual([]);
    expect(await names(`q=${encodeURIComponent("paie' | (:*")}`)).toEqual(['Gestion de la paie']);
    expect(await names(`q=${encodeURIComponent('!!! ::')}`)).toEqual([]);
  });

  it('filters by status, department, owner, legal basis, special data, DPIA decision and overdue review', async () => {
    expect(await names('status=draft')).toEqual(['Newsletter', 'Sécurité et fraude']);
    expect(await names('status=validated,archived')).toEqual(['Gestion de la paie']);
    expect(await names(`departmentId=${marketing}`)).toEqual(['Newsletter']);
    expect(await names(`ownerId=${org.userIds.contributor}`)).toEqual(['Newsletter']);
    expect(await names(`ownerId=${org.userIds.dpo}`)).toEqual(['Gestion de la paie', 'Sécurité et fraude']);
    expect(await names('legalBasis=consent')).toEqual(['Newsletter']);
    expect(await names('legalBasis=legitimate_interests')).toEqual(['Gestion de la paie']);
    expect(await names('legalBasis=legal_obligation')).toEqual(['Gestion de la paie', 'Sécurité et fraude']);
    expect(await names('specialData=true')).toEqual(['Sécurité et fraude']);
    expect(await names('specialData=false')).toEqual(['Gestion de la paie', 'Newsletter']);
    expect(await names('dpiaDecision=required')).toEqual(['Sécurité et fraude']);
    expect(await names('dpiaDecision=to_assess')).toEqual(['Newsletter']);
    expect(await names('reviewOverdue=true')).toEqual(['Gestion de la paie']);
    expect(await names('reviewOverdue=false')).toEqual(['Newsletter', 'Sécurité et fraude']);
    expect(await names('q=paie&status=draft')).toEqual([]);
    expect((await list('legalBasis=legal_obligation&pageSize=1')).total).toBe(2);
    for (const bad of ['status=lost', 'departmentId=RH', 'legalBasis=whim', 'specialData=maybe', 'asOf=yesterday', 'pageSize=500']) {
      const response = await org.as.auditor.get(`${activities()}?${bad}`).expect(400);
      expect(response.body.code).toBe('validation_failed');
    }
  });

  it('keeps every version, reads any of them, and tells what changed between two', async () => {
    const id = ids.fraud;
    await org.as.dpo
      .patch(`${activities()}/${id}`)
      .send({ purposes: [{ description: 'Vérifier l’identité des vendeurs', legalBasis: 'contract' }], version: 1, comment: 'Base légale revue' })
      .expect(200);
    const history = await org.as.auditor.get(`${activities()}/${id}/versions?pageSize=1`).expect(200);
    expect(history.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(history.body.items[0]).toMatchObject({ number: 2, action: 'update', status: 'draft', comment: 'Base légale revue', authorId: org.userIds.dpo });

    const first = await org.as.auditor.get(`${activities()}/${id}/versions/1`).expect(200);
    expect(first.body).toMatchObject({ number: 1, action: 'create', authorName: 'Test dpo', comment: null });
    expect(first.body.activity).toMatchObject({ name: 'Sécurité et fraude', status: 'draft', department: null, purposes: [{ legalBasis: 'legal_obligation', legalReference: 'DSA art. 30' }] });
    expect(first.body.completeness.score).toBe(100);

    const diff = await org.as.auditor.get(`${activities()}/${id}/versions/1/diff/2`).expect(200);
    expect(diff.body).toEqual({
      from: 1,
      to: 2,
      changes: {
        'purposes[0].legalBasis': { before: 'legal_obligation', after: 'contract' },
        'purposes[0].legalReference': { before: 'DSA art. 30', after: null },
      },
    });
    await org.as.auditor.get(`${activities()}/${id}/versions/3`).expect(404);
    await org.as.auditor.get(`${activities()}/${id}/versions/zero`).expect(404);
    await org.as.auditor.get(`${activities()}/${id}/versions/1/diff/9`).expect(404);
  });

  it('shows the register as it stood at any instant: each activity’s last version then; later ones absent', async () => {
    const created = (await org.as.dpo.post(activities()).send(completeActivity({ name: 'Vidéosurveillance' })).expect(201)).body;
    await org.as.dpo.patch(`${activities()}/${created.id}`).send({ name: 'Vidéoprotection', version: 1 }).expect(200);
    await org.as.dpo.post(`${activities()}/${created.id}/submit`).send({ version: 2 }).expect(200);
    await org.as.dpo.patch(`${activities()}/${created.id}`).send({ name: 'Vidéoprotection des locaux', version: 3 }).expect(200);
    const later = (await org.as.dpo.post(activities()).send(completeActivity({ name: 'Badges' })).expect(201)).body;

    const versions = (await org.as.auditor.get(`${activities()}/${created.id}/versions`).expect(200)).body.items as { number: number; createdAt: string }[];
    const at = (number: number) => new Date(versions.find((version) => version.number === number)!.createdAt);
    const instant = (date: Date, offsetMs = 0) => encodeURIComponent(new Date(date.getTime() + offsetMs).toISOString());
    const asOf = async (date: Date, offsetMs = 0, extra = '') => {
      const page = await list(`asOf=${instant(date, offsetMs)}&pageSize=200${extra}`);
      return page.items.find((item) => item.id === created.id);
    };

    expect(await asOf(at(1), -1)).toBeUndefined();
    expect(await asOf(at(1))).toMatchObject({ name: 'Vidéosurveillance', version: 1, status: 'draft', updatedAt: at(1).toISOString() });
    expect(await asOf(at(2), -1)).toMatchObject({ name: 'Vidéosurveillance', version: 1 });
    expect(await asOf(at(2))).toMatchObject({ name: 'Vidéoprotection', version: 2, status: 'draft' });
    expect(await asOf(at(3))).toMatchObject({ name: 'Vidéoprotection', version: 3, status: 'in_review' });
    expect(await asOf(at(4), 1)).toMatchObject({ name: 'Vidéoprotection des locaux', version: 4, status: 'in_review' });

    // Filters and search apply to the register as it stood.
    expect(await asOf(at(2), 0, '&status=in_review')).toBeUndefined();
    expect(await asOf(at(3), 0, '&status=in_review')).toMatchObject({ version: 3 });
    expect(await asOf(at(2), 0, '&q=videoprotection')).toMatchObject({ version: 2 });
    expect(await asOf(at(1), 0, '&q=videoprotection')).toBeUndefined();

    // The activity created afterwards is absent before its creation, present after.
    const beforeLater = await list(`asOf=${instant(at(4), 1)}&pageSize=200`);
    expect(beforeLater.items.map((item) => item.id)).not.toContain(later.id);
    expect(beforeLater.total).toBe(4);
    const now = await list(`asOf=${encodeURIComponent(new Date(Date.now() + 1000).toISOString())}&pageSize=200`);
    expect(now.items.map((item) => item.id)).toContain(later.id);
    expect(now.total).toBe((await list('pageSize=200')).total);
    expect((await list(`asOf=${encodeURIComponent(new Date(Date.now() + 1000).toISOString())}&reviewOverdue=true`)).items.map((item) => item.name)).toEqual(['Gestion de la paie']);
    // Before anything existed, the register was empty.
    expect((await list('asOf=2000-01-01T00:00:00Z')).total).toBe(0);
  });

  it('computes the as-of register in SQL from the history table (a change made directly there shows)', async () => {
    // The as-of list reads the snapshots: rewriting one (as the owner, past the append-only grant) shows in it.
    const version = (await org.as.auditor.get(`${activities()}/${ids.newsletter}/versions/1`).expect(200)).body;
    await asOwner(api, (client) =>
      client.query("UPDATE activity_versions SET snapshot = jsonb_set(snapshot, '{name}', '\"Lettre mensuelle\"') WHERE activity_id = $1 AND number = 1", [ids.newsletter]),
    );
    const page = await list(`asOf=${encodeURIComponent(version.createdAt)}&pageSize=200`);
    expect(page.items.find((item) => item.id === ids.newsletter)?.name).toBe('Lettre mensuelle');
    expect((await org.as.auditor.get(`${activities()}/${ids.newsletter}`).expect(200)).body.name).toBe('Newsletter');
  });
});
