import { createOrganizationWithRoles, createTestApi, newAgent, signUp, TestApi, uniqueEmail } from '../../test/test-api';
import { DEMO_PASSWORD, DemoSeedService } from '../database/seeds/demo-seed.service';
import { completeActivity } from '../activities/activities.test-helpers';

const pending = (body: { steps: { step: string; done: boolean }[] }) => body.steps.filter((step) => !step.done).map((step) => step.step);

describe('the onboarding checklist (real PostgreSQL)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  it('a new organisation has every step to do; each is done once the facts say so', async () => {
    const { agent: admin } = await signUp(api.server, 'fondatrice');
    const created = await admin.post('/api/v1/organizations').send({ name: 'Coopérative « L’Épi d’Or »' }).expect(201);
    const base = `/api/v1/organizations/${created.body.id as string}`;
    const first = await admin.get(`${base}/onboarding`).expect(200);
    expect(first.body).toEqual({
      steps: [
        { step: 'identity', done: false },
        { step: 'dpo', done: false },
        { step: 'departments', done: false },
        { step: 'members', done: false },
        { step: 'register', done: false },
      ],
      complete: false,
    });

    // Identity: established in Switzerland, so the representative in the Union is asked for too (Art 27).
    const identity = { legalName: 'Coopérative L’Épi d’Or SCOP', registrationNumber: '812 345 678', address: '12 rue des Moissons, 1204 Genève', country: 'CH', legalRepresentative: 'Hélène Dupré, gérante' };
    let version = (await admin.patch(base).send({ version: created.body.version, ...identity }).expect(200)).body.version as number;
    expect(pending((await admin.get(`${base}/onboarding`).expect(200)).body)).toEqual(['identity', 'dpo', 'departments', 'members', 'register']);
    version = (await admin.patch(base).send({ version, euRepresentativeName: 'Représentant UE « Lyon » SARL', euRepresentativeEmail: 'representant@epi-dor.eu' }).expect(200)).body.version;
    expect(pending((await admin.get(`${base}/onboarding`).expect(200)).body)).toEqual(['dpo', 'departments', 'members', 'register']);

    // The DPO: name and e-mail are not enough without the CNIL designation number.
    version = (await admin.patch(base).send({ version, dpoName: 'Denis Délégué', dpoEmail: 'dpo@epi-dor.fr' }).expect(200)).body.version;
    expect(pending((await admin.get(`${base}/onboarding`).expect(200)).body)).toContain('dpo');
    await admin.patch(base).send({ version, dpoDesignationNumber: 'DPO-98765' }).expect(200);

    await admin.post(`${base}/departments`).send({ name: 'Ressources humaines' }).expect(201);
    // An invitation on its way counts: the person will join.
    const invitation = await admin.post(`${base}/invitations`).send({ email: uniqueEmail('equipe'), roles: ['contributor'] }).expect(201);
    expect(pending((await admin.get(`${base}/onboarding`).expect(200)).body)).toEqual(['register']);
    // Revoked, it no longer does.
    await admin.delete(`${base}/invitations/${invitation.body.id as string}`).expect((response) => expect([200, 204]).toContain(response.status));
    expect(pending((await admin.get(`${base}/onboarding`).expect(200)).body)).toEqual(['members', 'register']);
    await admin.post(`${base}/invitations`).send({ email: uniqueEmail('equipe'), roles: ['dpo'] }).expect(201);

    await admin.post(`${base}/activities`).send(completeActivity()).expect(201);
    expect((await admin.get(`${base}/onboarding`).expect(200)).body).toMatchObject({ complete: true });
  });

  it('is read by the admin and the DPO, not by contributors, auditors or another organisation', async () => {
    const org = await createOrganizationWithRoles(api.server, 'Mairie de Saint-Étienne-du-Rouvray');
    const other = await createOrganizationWithRoles(api.server, 'Clinique « Les Tilleuls »');
    const url = `/api/v1/organizations/${org.organizationId}/onboarding`;
    // Three members joined: the members step is done, the rest is not.
    expect(pending((await org.as.dpo.get(url).expect(200)).body)).toEqual(['identity', 'dpo', 'departments', 'register']);
    await org.as.admin.get(url).expect(200);
    await org.as.contributor.get(url).expect(403);
    await org.as.auditor.get(url).expect(403);
    await other.as.admin.get(url).expect((response) => expect([403, 404]).toContain(response.status));
    await (await newAgent(api.server)).get(url).expect(401);
  });

  it('the demo organisation is set up: nothing left to do', async () => {
    const seeded = await api.app.get(DemoSeedService).seed();
    const dpo = await newAgent(api.server);
    await dpo.post('/api/v1/auth/login').send({ email: 'dpo@example.com', password: DEMO_PASSWORD }).expect(200);
    const checklist = await dpo.get(`/api/v1/organizations/${seeded.organizationId!}/onboarding`).expect(200);
    expect(checklist.body).toEqual({ steps: expect.any(Array), complete: true });
  });
});
