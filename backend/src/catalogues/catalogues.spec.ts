import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { CATALOGUE_SOURCES } from './catalogue-sources';

describe('reference catalogues (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server);
  });
  afterAll(() => api.close());

  it('loads every shipped entry with its code, labels, help and facts', async () => {
    for (const source of CATALOGUE_SOURCES) {
      const response = await org.as.auditor.get(`/api/v1/catalogues/${source.name}`).expect(200);
      expect({ name: source.name, codes: response.body.items.map((item: { code: string }) => item.code) }).toEqual({
        name: source.name,
        codes: source.items.map((item) => item.code),
      });
    }
    const legalBases = await org.as.auditor.get('/api/v1/catalogues/legal-bases').expect(200);
    const legitimateInterests = legalBases.body.items.find((item: { code: string }) => item.code === 'legitimate_interests');
    expect(legitimateInterests).toMatchObject({ fr: 'Intérêt légitime', article: '6(1)(f)', requiresAssessment: true, custom: false });
    expect(legitimateInterests.help.en.length).toBeGreaterThan(10);
  });

  it('matches the reference files in shared/ (the copy in the repository is current)', () => {
    const shared = join(__dirname, '..', '..', '..', '..', 'shared', 'reference', 'legal-bases.json');
    let reference: { version: string } | undefined;
    try {
      reference = JSON.parse(readFileSync(shared, 'utf8')) as { version: string };
    } catch {
      return; // shared/ is not beside this checkout: nothing to compare with
    }
    expect(CATALOGUE_SOURCES.find((source) => source.name === 'legal-bases')?.version).toBe(reference.version);
  });

  it('serves many catalogue requests at once without starving the connection pool', async () => {
    const names = CATALOGUE_SOURCES.map((source) => source.name);
    const responses = await Promise.all(
      [...names, ...names].map((name) => org.as.contributor.get(`/api/v1/organizations/${org.organizationId}/catalogues/${name}`)),
    );
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 200));
  });

  it('answers 404 for an unknown catalogue and 401 when signed out', async () => {
    await org.as.dpo.get('/api/v1/catalogues/horoscopes').expect(404);
    await request(api.server).get('/api/v1/catalogues/legal-bases').expect(401);
  });

  it('lets the DPO add an own entry to an open catalogue, visible only in that organisation', async () => {
    const created = await org.as.dpo
      .post(`/api/v1/organizations/${org.organizationId}/catalogues/data-categories/entries`)
      .send({ code: 'loyalty_card_number', fr: 'Numéro de carte de fidélité', en: 'Loyalty card number' })
      .expect(201);
    expect(created.body).toEqual({ code: 'loyalty_card_number', fr: 'Numéro de carte de fidélité', en: 'Loyalty card number', help: null, custom: true });
    const merged = await org.as.contributor.get(`/api/v1/organizations/${org.organizationId}/catalogues/data-categories`).expect(200);
    expect(merged.body.items.at(-1)).toMatchObject({ code: 'loyalty_card_number', custom: true });
    expect(merged.body.items.filter((item: { custom: boolean }) => !item.custom)).toHaveLength(CATALOGUE_SOURCES.find((s) => s.name === 'data-categories')!.items.length);

    const other = await createOrganizationWithRoles(api.server, 'Autre');
    const theirs = await other.as.dpo.get(`/api/v1/organizations/${other.organizationId}/catalogues/data-categories`).expect(200);
    expect(theirs.body.items.map((item: { code: string }) => item.code)).not.toContain('loyalty_card_number');
  });

  it('never lets an organisation shadow a shipped code, nor extend a closed catalogue, nor a contributor add', async () => {
    const shadow = await org.as.dpo.post(`/api/v1/organizations/${org.organizationId}/catalogues/data-categories/entries`).send({ code: 'identity', fr: 'Identité bis', en: 'Identity bis' }).expect(409);
    expect(shadow.body.code).toBe('catalogue_code_taken');
    const closed = await org.as.dpo.post(`/api/v1/organizations/${org.organizationId}/catalogues/legal-bases/entries`).send({ code: 'my_basis', fr: 'Ma base', en: 'My basis' }).expect(422);
    expect(closed.body.code).toBe('catalogue_closed');
    await org.as.contributor.post(`/api/v1/organizations/${org.organizationId}/catalogues/security-measures/entries`).send({ code: 'my_measure', fr: 'Mesure', en: 'Measure' }).expect(403);
    const badCode = await org.as.dpo.post(`/api/v1/organizations/${org.organizationId}/catalogues/security-measures/entries`).send({ code: 'Bad Code', fr: 'Mesure', en: 'Measure' }).expect(400);
    expect(badCode.body.details.fields[0].path).toBe('code');
  });
});
