import { createTestApi, newAgent, TestApi } from '../../test/test-api';
import { DEMO_PASSWORD, DemoSeedService } from '../database/seeds/demo-seed.service';
import sampleRegister from '../database/seeds/sample-register.json';
import { pdfFile } from '../evidence/evidence.test-helpers';

describe('the demo register’s vendors (real PostgreSQL)', () => {
  let api: TestApi;
  let organizationId: string;

  beforeAll(async () => {
    api = await createTestApi();
    const result = await api.app.get(DemoSeedService).seed();
    expect(result).toMatchObject({ created: true, vendors: 9, activities: 12 });
    organizationId = result.organizationId!;
  });
  afterAll(() => api.close());

  const signIn = async (email: string) => {
    const agent = await newAgent(api.server);
    await agent.post('/api/v1/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
    return agent;
  };

  it('loads the 9 vendors of the sample register with their statuses, linked to the activities that name them', async () => {
    const auditor = await signIn('auditor@example.com');
    const list = await auditor.get(`/api/v1/organizations/${organizationId}/vendors`).expect(200);
    expect(list.body.total).toBe(9);
    const byName = Object.fromEntries(list.body.items.map((item: { name: string }) => [item.name, item]));
    for (const fixture of sampleRegister.vendors) {
      expect({ name: fixture.name, status: byName[fixture.name]?.status }).toEqual({ name: fixture.name, status: fixture.status });
    }
    // Each vendor is used by the activities whose processors name it.
    for (const fixture of sampleRegister.vendors) {
      const users = sampleRegister.activities.filter((activity) => (activity.processors as string[]).includes(fixture.name)).length;
      expect({ name: fixture.name, activityCount: byName[fixture.name].activityCount }).toEqual({ name: fixture.name, activityCount: users });
    }
    expect(byName.NuageCloud.activityCount).toBe(4);

    const courriel = (await auditor.get(`/api/v1/organizations/${organizationId}/vendors/${byName['Courriel Express'].id}`).expect(200)).body;
    expect(courriel.assessment).toMatchObject({
      exposed: true,
      needsMechanism: false,
      exposure: [{ code: 'parent_extraterritorial_access', params: { parentCompany: 'CX Holdings Inc.', country: 'US' } }],
    });
    expect(courriel.activities).toEqual([expect.objectContaining({ reference: 'T-0006' })]);
    expect(byName['Sondages Express']).toMatchObject({ status: 'terminated', needsMechanism: true, exposed: true });
    expect(byName['Vérif Identité']).toMatchObject({ dpaMissing: true });

    const register = await auditor.get(`/api/v1/organizations/${organizationId}/activities?pageSize=50`).expect(200);
    const announcements = register.body.items.find((item: { reference: string }) => item.reference === 'T-0004');
    const detail = (await auditor.get(`/api/v1/organizations/${organizationId}/activities/${announcements.id}`).expect(200)).body;
    expect(detail.vendors.map((linked: { name: string }) => linked.name)).toEqual(['NuageCloud', 'FastEdge CDN']);
    expect(detail.transferStatuses).toEqual([expect.objectContaining({ country: 'US', status: 'adequate', reasons: [expect.objectContaining({ code: 'dpf_certified' })] })]);
    const surveys = register.body.items.find((item: { reference: string }) => item.reference === 'T-0011');
    const surveysDetail = (await auditor.get(`/api/v1/organizations/${organizationId}/activities/${surveys.id}`).expect(200)).body;
    expect(surveysDetail.transferStatuses[0]).toMatchObject({ country: 'US', status: 'needs_mechanism' });
    expect(surveysDetail.vendors).toEqual([expect.objectContaining({ name: 'Sondages Express', status: 'terminated' })]);
  });

  it('lets the DPO review "Vérif Identité" (no DPA), record the DPA, then approve it', async () => {
    const dpo = await signIn('dpo@example.com');
    const base = `/api/v1/organizations/${organizationId}/vendors`;
    const found = (await dpo.get(`${base}?q=verif`).expect(200)).body.items;
    expect(found.map((item: { name: string }) => item.name)).toEqual(['Vérif Identité']);
    const vendor = (await dpo.get(`${base}/${found[0].id}`).expect(200)).body;
    expect(vendor).toMatchObject({ status: 'under_review', dpa: { signed: false }, dpaMissing: true, activities: [expect.objectContaining({ reference: 'T-0009' })] });

    const answers = {
      certifications: [],
      certificationsVerified: true,
      dataLocations: ['FR'],
      subProcessorsListed: true,
      subProcessorChangeNotice: 'prior_notice_with_objection',
      breachNotificationCommitment: true,
      breachNotificationDelayHours: 24,
      endOfContract: 'return_then_delete',
      auditRights: true,
      securityMeasures: 'Hébergement HDS, chiffrement, journalisation',
    };
    const refused = await dpo.post(`${base}/${vendor.id}/review`).send({ version: vendor.version, answers, result: 'approved' }).expect(422);
    expect(refused.body.details.concerns).toEqual([expect.objectContaining({ code: 'dpa_missing', blocking: true, message: expect.stringContaining('Art. 28(3)') })]);

    const document = await dpo.post(`${base}/${vendor.id}/documents`).field('kind', 'dpa').attach('file', pdfFile('DPA Vérif Identité'), 'DPA Vérif Identité signé.pdf').expect(201);
    const recorded = await dpo
      .patch(`${base}/${vendor.id}`)
      .send({ version: vendor.version, dpa: { signed: true, signedOn: '2026-11-20', documentId: document.body.id }, comment: 'DPA reçu signé' })
      .expect(200);
    expect(recorded.body).toMatchObject({ dpaMissing: false, version: vendor.version + 1 });

    const approved = await dpo.post(`${base}/${vendor.id}/review`).send({ version: recorded.body.version, answers, result: 'approved', nextReviewDate: '2027-11-20' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', nextReviewDate: '2027-11-20', lastReview: { result: 'approved', reviewerName: 'Denis Délégué', concerns: [] } });
    const history = await dpo.get(`${base}/${vendor.id}/versions`).expect(200);
    expect(history.body.items.map((item: { action: string; status: string }) => `${item.action} ${item.status}`)).toEqual(['review approved', 'update under_review', 'import under_review']);
    expect((await dpo.get(`${base}?dpaMissing=true`).expect(200)).body.items).toEqual([]);
  });
});
