import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';

const DAY = 86_400_000;

/**
 * The dashboard's figures of the rights-request and breach registers (issue 18 item 3), on requests
 * and breaches dated relative to today so the figures hold whatever day the test runs.
 */
describe('dashboard: rights requests and breaches (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  const base = () => `/api/v1/organizations/${org.organizationId}`;
  const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

  /** Records a request received `days` ago, by the DPO. */
  async function request(days: number, type: string): Promise<{ id: string; version: number }> {
    return (
      await org.as.dpo
        .post(`${base()}/rights-requests`)
        .send({ receivedAt: daysAgo(days), channel: 'email', type, description: `Demande « ${type} » reçue il y a ${days} jours`, identityCheckStatus: 'not_needed', requesterName: 'Zoé L’Hôte' })
        .expect(201)
    ).body;
  }

  async function answer(created: { id: string; version: number }, days: number): Promise<void> {
    const started = (await org.as.dpo.post(`${base()}/rights-requests/${created.id}/start`).send({ version: created.version }).expect(200)).body;
    await org.as.dpo
      .post(`${base()}/rights-requests/${created.id}/answer`)
      .send({ version: started.version, sentAt: daysAgo(days), channel: 'Courriel', summary: 'Réponse complète, données jointes' })
      .expect(200);
  }

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Mairie de Saint-Étienne-lès-Remiremont');
    await answer(await request(40, 'access'), 35); // due about 10 days ago: on time
    await answer(await request(100, 'erasure'), 20); // due about 70 days ago: late
    await request(50, 'objection'); // open, due about 20 days ago: overdue
    await request(28, 'rectification'); // open, due within the coming week
    await request(2, 'portability'); // open, due in about a month
    const withdrawn = await request(60, 'restriction');
    await org.as.dpo.post(`${base()}/rights-requests/${withdrawn.id}/withdraw`).send({ version: withdrawn.version }).expect(200);

    const breach = (aware: string, summary: string) =>
      org.as.dpo.post(`${base()}/breaches`).send({ summary, awareAt: aware, natures: ['confidentiality'], dataCategories: ['identity'], subjectCategories: ['members'] }).expect(201);
    const high = (await breach(daysAgo(10), 'Courriel « Listes électorales » envoyé au mauvais destinataire')).body;
    await org.as.dpo.patch(`${base()}/breaches/${high.id}`).send({ version: high.version, risk: 'high', riskRationale: 'Adresses et dates de naissance de 2 300 électeurs' }).expect(200);
    await breach(new Date(Date.now() - 3_600_000).toISOString(), 'Clé USB égarée à l’accueil');
    const old = (await breach(daysAgo(400), 'Panne du serveur de l’état civil, données restaurées')).body;
    await org.as.dpo.patch(`${base()}/breaches/${old.id}`).send({ version: old.version, risk: 'none', riskRationale: 'Disponibilité seule, restaurée en une heure' }).expect(200);
  }, 120_000);
  afterAll(() => api.close());

  it('counts what is open, late and due this week, and the share answered in time over 12 months', async () => {
    const body = (await org.as.dpo.get(`${base()}/dashboard`).expect(200)).body;
    expect(body.rightsRequests).toEqual({ open: 3, dueWithinWeek: 1, overdue: 1, dueLast12Months: 3, onTimeLast12Months: 1 });
    expect(body.breaches).toEqual({ last12Months: 2, byRisk: { not_assessed: 1, none: 0, risk: 0, high: 1 }, notificationOverdue: 1, personsNotInformed: 1 });
  });

  it('gives the figures to the auditor, and none to a contributor, who reads only what they recorded', async () => {
    const auditor = (await org.as.auditor.get(`${base()}/dashboard`).expect(200)).body;
    expect(auditor.rightsRequests.open).toBe(3);
    expect(auditor.breaches.last12Months).toBe(2);
    const contributor = (await org.as.contributor.get(`${base()}/dashboard`).expect(200)).body;
    expect(contributor).toMatchObject({ rightsRequests: null, breaches: null });
  });
});
