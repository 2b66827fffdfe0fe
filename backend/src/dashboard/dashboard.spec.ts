import { createTestApi, joinByInvitation, newAgent, signUp, TestApi } from '../../test/test-api';
import { DEMO_PASSWORD, DemoSeedService } from '../database/seeds/demo-seed.service';
import sampleRegister from '../database/seeds/sample-register.json';

describe('compliance dashboard (real PostgreSQL)', () => {
  let api: TestApi;
  let organizationId: string;

  beforeAll(async () => {
    api = await createTestApi();
    organizationId = (await api.app.get(DemoSeedService).seed()).organizationId!;
  });
  afterAll(() => api.close());

  const signIn = async (email: string) => {
    const agent = await newAgent(api.server);
    await agent.post('/api/v1/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
    return agent;
  };

  it('gives the demo register’s headline numbers and charts', async () => {
    const dpo = await signIn('dpo@example.com');
    const body = (await dpo.get(`/api/v1/organizations/${organizationId}/dashboard`).expect(200)).body;
    const byStatus = (statuses: string[]) => Object.fromEntries(['draft', 'in_review', 'validated', 'archived'].map((status) => [status, statuses.filter((s) => s === status).length]));
    expect(body.activitiesByStatus).toEqual(byStatus(sampleRegister.activities.map((activity) => activity.status)));
    expect(body.vendorsByStatus).toEqual({ under_review: 2, approved: 5, restricted: 1, terminated: 1 });
    // The fixture has no DPIA; T-0005 and T-0009 are screened as requiring one.
    expect(body.dpiasByStatus).toEqual({ draft: 0, in_progress: 0, awaiting_dpo_opinion: 0, validated: 0, refused: 0 });
    expect(body.dpiasRequiredMissing).toBe(2);

    const findings = (await dpo.get(`/api/v1/organizations/${organizationId}/findings`).expect(200)).body;
    expect(body.findingsBySeverity).toEqual(findings.bySeverity);

    // Legal bases of the purposes of the activities not archived.
    const live = sampleRegister.activities.filter((activity) => activity.status !== 'archived');
    const purposes = live.flatMap((activity) => activity.purposes.map((purpose) => purpose.legalBasis));
    expect(body.legalBases.reduce((sum: number, entry: { purposes: number }) => sum + entry.purposes, 0)).toBe(purposes.length);
    expect(body.legalBases).toContainEqual({ legalBasis: 'legitimate_interests', purposes: purposes.filter((basis) => basis === 'legitimate_interests').length });

    // T-0004 sends data to the US (DPF), through FastEdge CDN whose data are in the US too: one flow.
    expect(body.flows.countries).toContainEqual({ country: 'US', zone: 'needs_safeguards', activities: 1 });
    expect(body.flows.countries).toContainEqual({ country: 'GB', zone: 'adequate', activities: 1 });
    expect(body.flows.countries.find((flow: { country: string }) => flow.country === 'FR')).toMatchObject({ zone: 'eea' });
    expect(body.flows.zones.needs_safeguards).toBe(1);

    const departments = new Set(live.map((activity) => activity.department));
    expect(body.completenessByDepartment).toHaveLength(departments.size);
    const fraud = body.completenessByDepartment.find((entry: { department: string }) => entry.department === 'Sécurité & fraude');
    expect(fraud.averageScore).toBeLessThan(100);

    expect(body.changesPerWeek).toHaveLength(12);
    // The seed wrote one version per activity this week.
    expect(body.changesPerWeek[11].changes).toBe(sampleRegister.activities.length);
    for (const review of body.reviewsDue) expect(review.date >= body.today).toBe(true);
  });

  it('counts the DPIAs by status', async () => {
    const dpo = await signIn('dpo@example.com');
    const base = `/api/v1/organizations/${organizationId}`;
    const t0005 = (await dpo.get(`${base}/activities?q=T-0005`).expect(200)).body.items[0] as { id: string };
    await dpo.post(`${base}/dpias`).send({ activityId: t0005.id }).expect(201);
    const body = (await dpo.get(`${base}/dashboard`).expect(200)).body;
    expect(body.dpiasByStatus).toEqual({ draft: 1, in_progress: 0, awaiting_dpo_opinion: 0, validated: 0, refused: 0 });
    expect(body.dpiasRequiredMissing).toBe(1);
  });

  it('shows a DPO one summary row per organisation they belong to, and only those', async () => {
    const other = await signUp(api.server, 'other-admin');
    const created = await other.agent.post('/api/v1/organizations').send({ name: 'Cabinet Zèbre' }).expect(201);
    const dpo = await signIn('dpo@example.com');
    await joinByInvitation(api.server, other.agent, created.body.id, dpo, 'dpo@example.com', 'dpo');
    const stranger = await signUp(api.server, 'stranger');
    await stranger.agent.post('/api/v1/organizations').send({ name: 'Pas la mienne' }).expect(201);

    const rows = (await dpo.get('/api/v1/me/organization-summaries').expect(200)).body.items;
    expect(rows.map((row: { organizationName: string }) => row.organizationName)).toEqual(['Cabinet Zèbre', 'Démo']);
    const [zebra, demo] = rows;
    expect(zebra).toMatchObject({ roles: ['dpo'], activities: 0, findingsBySeverity: { high: 0, medium: 0, low: 0 }, averageCompleteness: 100 });
    const dashboard = (await dpo.get(`/api/v1/organizations/${organizationId}/dashboard`).expect(200)).body;
    expect(demo).toMatchObject({ organizationId, roles: ['dpo'], findingsBySeverity: dashboard.findingsBySeverity, activities: 11, reviewsDue: dashboard.reviewsDue.length });

    await (await newAgent(api.server)).get('/api/v1/me/organization-summaries').expect(401);
  });
});
