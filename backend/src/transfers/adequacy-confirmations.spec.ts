import { translate } from '../common/i18n/i18n';
import { download, openWorkbook, rowsOf } from '../exports/exports.test-helpers';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';

/** Canada's decision (2002/2/EC) covers only commercial organisations under PIPEDA: a partial decision. */
const CANADA = 'Decision 2002/2/EC';

describe('partial adequacy: the DPO confirms once per vendor that it is in scope (Art 45(1); real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let other: TestOrganization;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Adéquation « partielle »');
    other = await createOrganizationWithRoles(api.server, 'Autre société');
  });
  afterAll(() => api.close());

  const base = (o = org) => `/api/v1/organizations/${o.organizationId}`;
  const findingsOf = async (recordId: string) =>
    ((await org.as.dpo.get(`${base()}/findings?recordId=${recordId}&pageSize=50`).expect(200)).body.items as { code: string; severity: string }[]).map(
      (item) => `${item.code} ${item.severity}`,
    );

  it('asks (medium finding, "to confirm"), then covers once confirmed; who, when and why are kept and audited', async () => {
    const vendor = (
      await org.as.dpo
        .post(`${base()}/vendors`)
        .send({ name: 'Érable Hébergement', legalEntity: 'Érable Hébergement inc.', role: 'processor', headquartersCountry: 'CA', dataLocations: ['FR', 'CA'], dpa: { signed: true, signedOn: '2026-02-02' } })
        .expect(201)
    ).body as { id: string };
    const before = (await org.as.auditor.get(`${base()}/vendors/${vendor.id}`).expect(200)).body;
    expect(before.assessment).toMatchObject({ needsMechanism: false, scopeToConfirm: true });
    expect(before.assessment.locations.map((location: { country: string; status: string }) => `${location.country} ${location.status}`)).toEqual(['FR eea', 'CA scope_to_confirm']);
    expect(await findingsOf(vendor.id)).toEqual(['vendor_scope_to_confirm medium']);

    const reason = 'Société commerciale soumise à la LPRPDE : vérifié auprès du « Commissariat » le 3 décembre 2026';
    const confirmed = await org.as.dpo.post(`${base()}/vendors/${vendor.id}/adequacy-confirmations`).send({ country: 'ca', reason: `  ${reason} ` }).expect(201);
    expect(confirmed.body).toMatchObject({ recipient: 'Érable Hébergement', country: 'CA', decision: CANADA, reason, current: true });
    expect(confirmed.body.confirmedByName).toBeTruthy();

    const after = (await org.as.auditor.get(`${base()}/vendors/${vendor.id}`).expect(200)).body;
    expect(after.assessment).toMatchObject({ needsMechanism: false, scopeToConfirm: false });
    expect(after.assessment.locations[1]).toMatchObject({ country: 'CA', status: 'adequate', reasons: [{ code: 'partial_adequacy_confirmed', params: { country: 'CA', decision: CANADA } }] });
    expect(await findingsOf(vendor.id)).toEqual([]);

    const history = await org.as.auditor.get(`${base()}/vendors/${vendor.id}/adequacy-confirmations`).expect(200);
    expect(history.body).toEqual([expect.objectContaining({ country: 'CA', reason, current: true })]);
    const trail = await org.as.auditor.get(`${base()}/audit-events?entityId=${vendor.id}&action=adequacy_scope_confirmed`).expect(200);
    expect(trail.body.total).toBe(1);
    expect(trail.body.items[0].changes).toMatchObject({ adequacyCountry: { before: null, after: 'CA' }, adequacyDecision: { before: null, after: CANADA }, adequacyReason: { before: null, after: reason } });
  });

  it('an activity transfer to the confirmed vendor (or its legal entity) is covered too; an unnamed one stays to confirm', async () => {
    const activity = await org.as.dpo
      .post(`${base()}/activities`)
      .send({
        name: 'Hébergement des dossiers « clients »',
        role: 'controller',
        transfers: [
          { country: 'CA', recipient: 'Érable Hébergement inc.', mechanism: null },
          { country: 'CA', recipient: 'Sirop Analytique', mechanism: null },
        ],
      })
      .expect(201);
    const codes = await findingsOf(activity.body.id);
    expect(codes.filter((code) => code.startsWith('transfer_'))).toEqual(['transfer_scope_to_confirm medium']);
  });

  it('refuses what is not the DPO’s call or has nothing to confirm, and changes nothing', async () => {
    const vendor = (await org.as.dpo.post(`${base()}/vendors`).send({ name: 'Ginkgo Données', role: 'processor', dataLocations: ['JP', 'GB', 'FR'] }).expect(201)).body as { id: string };
    const url = `${base()}/vendors/${vendor.id}/adequacy-confirmations`;
    await org.as.admin.post(url).send({ country: 'JP', reason: 'Opérateur privé soumis à l’APPI' }).expect(403);
    await org.as.contributor.post(url).send({ country: 'JP', reason: 'Opérateur privé soumis à l’APPI' }).expect(403);
    await org.as.auditor.post(url).send({ country: 'JP', reason: 'Opérateur privé soumis à l’APPI' }).expect(403);
    // Full adequacy (the UK): nothing to confirm. A country where the vendor keeps no data: refused.
    const full = await org.as.dpo.post(url).send({ country: 'GB', reason: 'Couvert' }).expect(422);
    expect(full.body).toMatchObject({ code: 'adequacy_not_partial' });
    expect(full.body.message).toMatch(/partielle|partial/);
    expect((await org.as.dpo.post(url).send({ country: 'CA', reason: 'Couvert' }).expect(422)).body.code).toBe('adequacy_country_not_a_location');
    await org.as.dpo.post(url).send({ country: 'JP', reason: '   ' }).expect(400);
    await org.as.dpo.post(url).send({ country: 'JP', reason: 'ok', extra: true }).expect(400);
    // Another organisation cannot reach the vendor.
    await other.as.dpo.post(`${base(other)}/vendors/${vendor.id}/adequacy-confirmations`).send({ country: 'JP', reason: 'Couvert' }).expect(404);
    expect((await org.as.auditor.get(url).expect(200)).body).toEqual([]);
  });

  it('the register as of a date shows the transfer as assessed then: to confirm before the confirmation, covered after', async () => {
    const vendor = (await org.as.dpo.post(`${base()}/vendors`).send({ name: 'Cerisier Cloud', role: 'processor', dataLocations: ['JP'] }).expect(201)).body as { id: string };
    await org.as.dpo
      .post(`${base()}/activities`)
      .send({ name: 'Sauvegarde « hors UE »', role: 'controller', transfers: [{ country: 'JP', recipient: 'Cerisier Cloud', mechanism: null }] })
      .expect(201);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await org.as.dpo.post(`${base()}/vendors/${vendor.id}/adequacy-confirmations`).send({ country: 'JP', reason: 'Opérateur privé soumis à l’APPI et aux règles complémentaires' }).expect(201);

    const col = (key: string) => translate('fr', `exports.col_${key}`);
    const statusOf = async (query: string) => {
      const workbook = await openWorkbook((await download(org.as.auditor, `${base()}/exports/register.xlsx?lang=fr${query}`)).body);
      const rows = rowsOf(workbook.getWorksheet(translate('fr', 'exports.sheet_transfers'))!).filter((row) => row[col('transfer_recipient')] === 'Cerisier Cloud');
      return rows.map((row) => [row[col('transfer_status_code')], row[col('transfer_status')]]);
    };
    expect(await statusOf(`&asOf=${encodeURIComponent(before)}`)).toEqual([['scope_to_confirm', 'Adéquation partielle : destinataire à confirmer']]);
    expect(await statusOf('')).toEqual([['adequate', 'Décision d’adéquation']]);
  });

  it('confirms a transfer’s recipient that is not a vendor, on the activity: covered, audited on the activity; refused otherwise, changing nothing', async () => {
    const activity = (
      await org.as.dpo
        .post(`${base()}/activities`)
        .send({ name: 'Traduction des contrats « Tokyo »', role: 'controller', transfers: [{ country: 'JP', recipient: 'Sakura Honyaku', mechanism: null }] })
        .expect(201)
    ).body as { id: string };
    const transferCodes = async () => (await findingsOf(activity.id)).filter((code) => code.startsWith('transfer_'));
    expect(await transferCodes()).toEqual(['transfer_scope_to_confirm medium']);
    const url = `${base()}/activities/${activity.id}/adequacy-confirmations`;
    const reason = 'Opérateur privé soumis à l’APPI : vérifié le 3 décembre 2026';
    await org.as.contributor.post(url).send({ recipient: 'Sakura Honyaku', country: 'JP', reason }).expect(403);
    await org.as.admin.post(url).send({ recipient: 'Sakura Honyaku', country: 'JP', reason }).expect(403);
    expect((await org.as.dpo.post(url).send({ recipient: 'Fuji Conseil', country: 'JP', reason }).expect(422)).body.code).toBe('adequacy_not_a_transfer');
    expect((await org.as.dpo.post(url).send({ recipient: 'Sakura Honyaku', country: 'KR', reason }).expect(422)).body.code).toBe('adequacy_not_a_transfer');
    await org.as.dpo.post(url).send({ recipient: 'Sakura Honyaku', country: 'JP', reason, extra: 1 }).expect(400);
    await other.as.dpo.post(`${base(other)}/activities/${activity.id}/adequacy-confirmations`).send({ recipient: 'Sakura Honyaku', country: 'JP', reason }).expect(404);
    expect(await transferCodes()).toEqual(['transfer_scope_to_confirm medium']);
    const read = async () => (await org.as.contributor.get(`${base()}/activities/${activity.id}`).expect(200)).body as { version: number; scopeConfirmations: unknown[]; transferStatuses: { status: string }[] };
    expect(await read()).toMatchObject({ scopeConfirmations: [], transferStatuses: [{ status: 'scope_to_confirm' }] });

    const confirmed = await org.as.dpo.post(url).send({ recipient: ' sakura honyaku ', country: 'jp', reason }).expect(201);
    expect(confirmed.body).toMatchObject({ recipient: 'Sakura Honyaku', country: 'JP', decision: 'Implementing Decision (EU) 2019/419', reason, current: true });
    expect(await transferCodes()).toEqual([]);
    // The activity carries the confirmation (the editor assesses its rows with it) and keeps its version.
    expect(await read()).toMatchObject({
      version: 1,
      scopeConfirmations: [{ recipient: 'Sakura Honyaku', country: 'JP', decision: 'Implementing Decision (EU) 2019/419' }],
      transferStatuses: [{ status: 'adequate' }],
    });
    const trail = await org.as.auditor.get(`${base()}/audit-events?entityId=${activity.id}&action=adequacy_scope_confirmed`).expect(200);
    expect(trail.body.total).toBe(1);
    expect(trail.body.items[0].changes).toMatchObject({ adequacyRecipient: { before: null, after: 'Sakura Honyaku' }, adequacyCountry: { before: null, after: 'JP' } });
  });
});
