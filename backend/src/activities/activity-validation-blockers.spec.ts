import { scanLanguage } from '../common/words/language-scan';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { asOwner, completeActivity } from './activities.test-helpers';

/**
 * Issue 17, item 4: the DPO cannot validate what the register shows to be unlawful — a transfer
 * outside the EEA without a transfer tool (Art 44, the rule vendor approval applies), a required DPIA
 * not validated (Art 35(1)) and a processor without a signed contract (Art 28(3)).
 */
describe('validation refuses the unlawful states the register can see (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Blocages');
  });
  afterAll(() => api.close());

  const base = () => `/api/v1/organizations/${org.organizationId}`;

  it('answers 422 with each blocker in words (FR and EN), and validates once every cause is fixed', async () => {
    const vendor = (
      await org.as.dpo
        .post(`${base()}/vendors`)
        .send({
          name: 'Nuage Lointain',
          legalEntity: 'Nuage Lointain Inc.',
          service: 'Hébergement',
          role: 'processor',
          headquartersCountry: 'US',
          parentCompany: null,
          parentCountry: null,
          dataLocations: ['US'],
          dpa: { signed: false },
          certifications: [],
          transferMechanism: null,
          nextReviewDate: '2027-03-14',
        })
        .expect(201)
    ).body;
    const activity = (
      await org.as.dpo
        .post(`${base()}/activities`)
        .send(
          completeActivity({
            processors: ['Nuage Lointain'],
            transfers: [{ country: 'IN', recipient: 'Centre Offshore', mechanism: null }],
            dpiaScreening: { criteria: ['large_scale', 'innovative_technology'] },
          }),
        )
        .expect(201)
    ).body;
    const submitted = (await org.as.dpo.post(`${base()}/activities/${activity.id}/submit`).send({ version: activity.version }).expect(200)).body;

    const validate = (language: string, version: number) => org.as.dpo.post(`${base()}/activities/${activity.id}/validate`).set('Accept-Language', language).send({ version });
    const fr = await validate('fr', submitted.version).expect(422);
    expect(fr.body.code).toBe('activity_incomplete');
    const frByCode = Object.fromEntries(fr.body.details.fields.map((field: { code: string; message: string }) => [field.code, field.message]));
    expect(Object.keys(frByCode).sort()).toEqual(['dpia_not_validated', 'processor_contract_missing', 'processor_transfer_mechanism_missing', 'transfer_mechanism_missing']);
    expect(frByCode.transfer_mechanism_missing).toContain('vers l’Inde (Centre Offshore)');
    expect(frByCode.processor_transfer_mechanism_missing).toContain('« Nuage Lointain » envoie des données vers les États-Unis');
    expect(frByCode.processor_contract_missing).toContain('« Nuage Lointain »');
    expect(frByCode.dpia_not_validated).toContain('art. 35.1');

    const en = await validate('en', submitted.version).expect(422);
    const enMessages: string[] = en.body.details.fields.map((field: { message: string }) => field.message);
    expect(enMessages).toEqual(
      expect.arrayContaining([expect.stringContaining('to India (Centre Offshore)'), expect.stringContaining('"Nuage Lointain" sends data to the United States'), expect.stringContaining('Art. 28(3)')]),
    );
    expect(scanLanguage('validation blockers', [...Object.values(frByCode), ...enMessages] as string[])).toEqual([]);

    // Fixed one by one: a contract and a transfer tool at the vendor, a tool on the transfer, the DPIA
    // validated (its own workflow is tested with the DPIAs: its decision is written directly here).
    await org.as.dpo
      .patch(`${base()}/vendors/${vendor.id}`)
      .send({ version: vendor.version, dpa: { signed: true, signedOn: '2026-01-05' }, transferMechanism: 'scc' })
      .expect(200);
    const fixed = (
      await org.as.dpo
        .patch(`${base()}/activities/${activity.id}`)
        .send({ transfers: [{ country: 'IN', recipient: 'Centre Offshore', mechanism: 'scc' }], version: submitted.version })
        .expect(200)
    ).body;
    const onlyDpia = await validate('en', fixed.version).expect(422);
    expect(onlyDpia.body.details.fields.map((field: { code: string }) => field.code)).toEqual(['dpia_not_validated']);

    const dpia = (await org.as.dpo.post(`${base()}/dpias`).send({ activityId: activity.id }).expect(201)).body;
    await asOwner(api, (client) => client.query("UPDATE dpias SET status = 'validated', decision = 'validated', decided_at = now() WHERE id = $1", [dpia.id]));
    const validated = await validate('en', fixed.version).expect(200);
    expect(validated.body.status).toBe('validated');
  });
});
