import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { completeActivity } from './activities.test-helpers';

/**
 * A rights request from a « client » suggests the activities whose data subjects include customers
 * (`GET …/activities?dataSubject=customers`): the DPO then ticks those the request touches.
 */
describe('activities suggested by a data-subject category (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let other: TestOrganization;

  const activities = (o: TestOrganization) => `/api/v1/organizations/${o.organizationId}/activities`;
  const names = async (o: TestOrganization, role: keyof TestOrganization['as'], query: string) =>
    ((await o.as[role].get(`${activities(o)}?${query}`).expect(200)).body as { items: { name: string }[] }).items.map((item) => item.name);

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Boulangerie Lefèvre');
    other = await createOrganizationWithRoles(api.server, 'Pâtisserie d’à côté');
    const create = (o: TestOrganization, body: Record<string, unknown>) => o.as.dpo.post(activities(o)).send(completeActivity(body)).expect(201);
    await create(org, { name: 'Gestion de la paie', dataSubjects: [{ category: 'employees', estimatedCount: 12 }] });
    await create(org, { name: 'Fidélité « Croissant d’or »', dataSubjects: [{ category: 'customers', estimatedCount: 800 }] });
    await create(org, {
      name: 'Commandes en ligne',
      dataSubjects: [
        { category: 'prospects', estimatedCount: 50 },
        { category: 'customers', estimatedCount: 1200 },
      ],
    });
    await create(other, { name: 'Clients de la pâtisserie', dataSubjects: [{ category: 'customers', estimatedCount: 300 }] });
  });
  afterAll(() => api.close());

  it('lists the activities about customers, and only them, to every role of the organisation', async () => {
    for (const role of ['admin', 'dpo', 'contributor', 'auditor'] as const) {
      expect((await names(org, role, 'dataSubject=customers')).sort()).toEqual(['Commandes en ligne', 'Fidélité « Croissant d’or »']);
    }
    expect(await names(org, 'dpo', 'dataSubject=employees')).toEqual(['Gestion de la paie']);
    expect(await names(org, 'dpo', 'dataSubject=patients')).toEqual([]);
  });

  it('combines with the search by name or reference', async () => {
    expect(await names(org, 'dpo', `dataSubject=customers&q=${encodeURIComponent('fidelite')}`)).toEqual(['Fidélité « Croissant d’or »']);
  });

  it('never suggests another organisation’s activities, and refuses outsiders', async () => {
    expect(await names(other, 'dpo', 'dataSubject=customers')).toEqual(['Clients de la pâtisserie']);
    await other.as.dpo.get(`${activities(org)}?dataSubject=customers`).expect(404);
  });

  it('refuses a malformed category with a translated 400 and no list', async () => {
    const response = await org.as.dpo.get(`${activities(org)}?dataSubject=${'x'.repeat(101)}`).set('Accept-Language', 'fr').expect(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.items).toBeUndefined();
  });
});
