import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';

/** Issue 16, item 5: the register as it stood at a date in the future is not known; it is refused. */
describe('register hygiene: no as-of date in the future (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Hygiène');
  });
  afterAll(() => api.close());

  const base = () => `/api/v1/organizations/${org.organizationId}`;
  const today = () => new Date().toISOString().slice(0, 10);

  it('refuses a future as-of date on the register and its exports, in words, and accepts today and the past', async () => {
    const future = `${new Date().getUTCFullYear() + 4}-01-01`;
    for (const path of ['activities', 'exports/register.xlsx', 'exports/vendors.xlsx', 'exports/evidence.zip']) {
      const fr = await org.as.dpo.get(`${base()}/${path}`).query({ asOf: future }).set('Accept-Language', 'fr').expect(400);
      expect(fr.body.code).toBe('validation_failed');
      expect(fr.body.details.fields).toEqual([
        { path: 'asOf', code: 'notInFuture', message: expect.stringContaining('« Registre à la date du » ne peut pas être dans le futur') },
      ]);
    }
    const en = await org.as.dpo.get(`${base()}/activities`).query({ asOf: '2999-06-30T10:00:00Z' }).set('Accept-Language', 'en').expect(400);
    expect(en.body.details.fields[0].message).toContain('"Register as of" cannot be in the future');

    await org.as.dpo.get(`${base()}/activities`).query({ asOf: today() }).expect(200);
    await org.as.dpo.get(`${base()}/activities`).query({ asOf: '2026-01-31' }).expect(200);
    await org.as.dpo.get(`${base()}/exports/register.xlsx`).query({ asOf: today() }).expect(200);
  });
});
