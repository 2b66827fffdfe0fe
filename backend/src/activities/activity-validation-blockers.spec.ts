import { scanLanguage } from '../common/words/language-scan';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { asOwner, completeActivity } from './activities.test-helpers';
import { download, openWorkbook, rowsOf } from '../exports/exports.test-helpers';
import { pdfPages } from '../exports/pdf/pdf-text.test-helpers';

/**
 * Issue 17, item 4: the DPO cannot validate what the register shows to be unlawful — a transfer
 * outside the EEA without a transfer tool (Art 44, the rule vendor approval applies), a required DPIA
 * not validated (Art 35(1)) and a processor without a signed contract (Art 28(3)).
 */
/** A processor the register holds without a signed contract, its data in its own country. */
const vendorWithoutContract = (name: string, legalEntity: string, service: string, country: string) => ({
  name,
  legalEntity,
  service,
  role: 'processor',
  headquartersCountry: country,
  parentCompany: null,
  parentCountry: null,
  dataLocations: [country],
  dpa: { signed: false },
  certifications: [],
  transferMechanism: null,
  nextReviewDate: '2027-03-14',
});

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
        .send(vendorWithoutContract('Nuage Lointain', 'Nuage Lointain Inc.', 'Hébergement', 'US'))
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

  /** Issue 17, item 4: the DPO may validate despite a blocker, with a reason recorded, audited and printed. */
  it('lets the DPO validate despite the blockers with a reason each: recorded, audited, in the workbook, cleared on reopening', async () => {
    const activity = (
      await org.as.dpo
        .post(`${base()}/activities`)
        .send(completeActivity({ name: 'Paie externalisée à Bangalore', transfers: [{ country: 'IN', recipient: 'Centre de services « Kaveri »', mechanism: null }] }))
        .expect(201)
    ).body;
    const submitted = (await org.as.dpo.post(`${base()}/activities/${activity.id}/submit`).send({ version: activity.version }).expect(200)).body;
    const validate = (agent: keyof typeof org.as, body: object) =>
      org.as[agent].post(`${base()}/activities/${activity.id}/validate`).set('Accept-Language', 'fr').send({ version: submitted.version, ...body });
    const reason = 'Les clauses contractuelles types sont en cours de signature avec l’entité indienne ; le DPO l’a vérifié le 2 décembre.';

    // Only the blocker present may be overridden, each with a reason, and only by the DPO.
    const missingReason = await validate('dpo', { overrides: [{ code: 'transfer_mechanism_missing', reason: '   ' }] }).expect(400);
    expect(missingReason.body.code).toBe('validation_failed');
    await validate('dpo', { overrides: [{ code: 'transfer_mechanism_missing' }] }).expect(400);
    await validate('dpo', { overrides: [{ code: 'transfer_mechanism_missing', reason: 'x'.repeat(2001) }] }).expect(400);
    const twice = await validate('dpo', { overrides: [{ code: 'transfer_mechanism_missing', reason }, { code: 'transfer_mechanism_missing', reason: 'Une seconde raison.' }] }).expect(400);
    expect(twice.body.details.fields[0].message).toContain('deux fois la même valeur');
    await validate('dpo', { overrides: [{ code: 'no_purpose', reason }] }).expect(400);
    await validate('dpo', { overrides: [{ code: 'processing_prohibited_by_authority', reason }] }).expect(400);
    const notThere = await validate('dpo', { overrides: [{ code: 'transfer_mechanism_missing', reason }, { code: 'processor_contract_missing', reason }] }).expect(422);
    expect(notThere.body.code).toBe('override_not_needed');
    expect(notThere.body.message).toContain('blocage absent');
    await validate('contributor', { overrides: [{ code: 'transfer_mechanism_missing', reason }] }).expect(403);
    await validate('admin', { overrides: [{ code: 'transfer_mechanism_missing', reason }] }).expect(403);
    expect((await org.as.dpo.get(`${base()}/activities/${activity.id}`).expect(200)).body.status).toBe('in_review');

    const validated = (await validate('dpo', { overrides: [{ code: 'transfer_mechanism_missing', reason: `  ${reason}  ` }] }).expect(200)).body;
    expect(validated.status).toBe('validated');
    expect(validated.validationOverrides).toEqual([{ code: 'transfer_mechanism_missing', reason }]);

    // Audited in the same event as the validation: which blocker, the reason, by whom.
    const trail = (await org.as.auditor.get(`${base()}/audit-events?entityId=${activity.id}&action=validate`).expect(200)).body;
    expect(trail.total).toBe(1);
    expect(trail.items[0].changes).toMatchObject({
      'validationOverrides[0].code': { before: null, after: 'transfer_mechanism_missing' },
      'validationOverrides[0].reason': { before: null, after: reason },
    });
    expect(trail.items[0].actorId ?? trail.items[0].actorName).toBeTruthy();

    // Printed in the register sheet, in words, in both languages.
    const fr = rowsOf((await openWorkbook((await download(org.as.auditor, `${base()}/exports/register.xlsx?lang=fr`)).body)).getWorksheet('Registre')!);
    const frRow = fr.find((row) => row['Nom'] === 'Paie externalisée à Bangalore' || Object.values(row).includes('Paie externalisée à Bangalore'))!;
    expect(frRow['Dérogations du DPO']).toBe(`Validé malgré : un transfert hors de l’EEE sans outil de transfert — motif : ${reason}`);
    const en = rowsOf((await openWorkbook((await download(org.as.auditor, `${base()}/exports/register.xlsx?lang=en`)).body)).getWorksheet('Register')!);
    const enRow = en.find((row) => Object.values(row).includes('Paie externalisée à Bangalore'))!;
    expect(enRow['DPO overrides']).toBe(`Validated despite: a transfer outside the EEA without a transfer tool — reason: ${reason}`);

    // And in the activity's PDF record (the evidence pack carries the workbook and the PDFs).
    const record = (await pdfPages((await download(org.as.auditor, `${base()}/activities/${activity.id}/record.pdf?lang=fr`)).body)).join('\n').replace(/\s+/g, ' ');
    expect(record).toContain('Dérogations du DPO');
    expect(record).toContain('Validé malgré : un transfert hors de l’EEE sans outil de transfert — motif : Les clauses contractuelles types');

    // A copy is a new draft, without the source's overrides.
    const copy = (await org.as.dpo.post(`${base()}/activities/${activity.id}/duplicate`).send({}).expect(201)).body;
    expect(copy.validationOverrides).toBeUndefined();

    // Reopened, the override goes: the next validation answers for itself.
    const reopened = (await org.as.dpo.post(`${base()}/activities/${activity.id}/reopen`).send({ version: validated.version }).expect(200)).body;
    expect(reopened.validationOverrides).toBeUndefined();
    const again = (await org.as.dpo.post(`${base()}/activities/${activity.id}/submit`).send({ version: reopened.version }).expect(200)).body;
    const refused = await org.as.dpo.post(`${base()}/activities/${activity.id}/validate`).send({ version: again.version }).expect(422);
    expect(refused.body.details.fields.map((field: { code: string }) => field.code)).toEqual(['transfer_mechanism_missing']);
  });

  it('covers every blocker or none: a partial cover answers 422 with the rest, and register rules are never overridden', async () => {
    await org.as.dpo
      .post(`${base()}/vendors`)
      .send(vendorWithoutContract('Archives Sans Contrat', 'Archives Sans Contrat SARL', 'Archivage', 'FR'))
      .expect(201);
    const activity = (
      await org.as.dpo
        .post(`${base()}/activities`)
        .send(completeActivity({ name: 'Archivage des bulletins', processors: ['Archives Sans Contrat'], transfers: [{ country: 'IN', recipient: null, mechanism: null }] }))
        .expect(201)
    ).body;
    const submitted = (await org.as.dpo.post(`${base()}/activities/${activity.id}/submit`).send({ version: activity.version }).expect(200)).body;
    const reason = 'Contrat signé le 1er décembre, en attente du retour de l’exemplaire « original ».';
    const partial = await org.as.dpo
      .post(`${base()}/activities/${activity.id}/validate`)
      .send({ version: submitted.version, overrides: [{ code: 'processor_contract_missing', reason }] })
      .expect(422);
    expect(partial.body.code).toBe('activity_incomplete');
    expect(partial.body.details.fields.map((field: { code: string }) => field.code)).toEqual(['transfer_mechanism_missing']);

    // A register rule broken (no information of the data subjects): every override does not help.
    const changed = (await org.as.dpo.patch(`${base()}/activities/${activity.id}`).send({ version: submitted.version, dataSubjectInformation: null }).expect(200)).body;
    const rules = await org.as.dpo
      .post(`${base()}/activities/${activity.id}/validate`)
      .send({ version: changed.version, overrides: [{ code: 'processor_contract_missing', reason }, { code: 'transfer_mechanism_missing', reason }] })
      .expect(422);
    expect(rules.body.details.fields.map((field: { code: string }) => field.code)).toEqual(expect.arrayContaining(['information_missing', 'processor_contract_missing', 'transfer_mechanism_missing']));
    expect((await org.as.dpo.get(`${base()}/activities/${activity.id}`).expect(200)).body.status).toBe('in_review');
  });

  /** The same rule after validation: an edit may not bring in what validation refuses (issue 17, item 4). */
  it('refuses an edit that would leave a validated activity with a new blocker; a blocker already there or covered does not stop an edit', async () => {
    const vendor = (
      await org.as.dpo
        .post(`${base()}/vendors`)
        .send(vendorWithoutContract('Paie Sans Papier', 'Paie Sans Papier SAS', 'Calcul de la paie', 'FR'))
        .expect(201)
    ).body;
    const reason = 'Les clauses types avec « Kaveri » sont en signature ; le DPO l’a vérifié le 2 décembre.';
    const created = (
      await org.as.dpo
        .post(`${base()}/activities`)
        .send(completeActivity({ name: 'Paie des intérimaires', transfers: [{ country: 'IN', recipient: 'Kaveri', mechanism: null }] }))
        .expect(201)
    ).body;
    const submitted = (await org.as.dpo.post(`${base()}/activities/${created.id}/submit`).send({ version: created.version }).expect(200)).body;
    const validated = (
      await org.as.dpo
        .post(`${base()}/activities/${created.id}/validate`)
        .send({ version: submitted.version, overrides: [{ code: 'transfer_mechanism_missing', reason }] })
        .expect(200)
    ).body;
    const edit = (body: object, language = 'fr') => org.as.dpo.patch(`${base()}/activities/${created.id}`).set('Accept-Language', language).send({ version: validated.version, ...body });
    const codes = (response: { body: { details: { fields: { code: string }[] } } }) => response.body.details.fields.map((field) => field.code);

    // A processor without a contract, a DPIA now required: refused with the validation's 422, in words.
    const processor = await edit({ processors: ['Paie Sans Papier'] }).expect(422);
    expect(processor.body.code).toBe('activity_incomplete');
    expect(processor.body.message).toBe(
      'Ce traitement est validé : cette modification n’est pas enregistrée, car la validation ne tiendrait plus (1 point ci-dessous). Corrigez-la, ou repassez le traitement en brouillon pour enregistrer ce changement, puis faites-le valider de nouveau.',
    );
    expect(processor.body.details.fields).toEqual([
      { path: 'processors[0]', code: 'processor_contract_missing', message: 'Le sous-traitant « Paie Sans Papier » n’a pas de contrat de sous-traitance signé : un sous-traitant doit être lié par un contrat (art. 28.3).' },
    ]);
    expect(codes(await edit({ dpiaScreening: { criteria: ['large_scale', 'innovative_technology', 'sensitive_or_highly_personal_data'] } }).expect(422))).toEqual(['dpia_not_validated']);
    // A second transfer without a tool is the kind the DPO's override answers for.
    const covered = (
      await edit({ transfers: [{ country: 'IN', recipient: 'Kaveri', mechanism: null }, { country: 'BR', recipient: 'Kaveri Brasil', mechanism: null }] }).expect(200)
    ).body;
    expect(covered).toMatchObject({ status: 'validated', validationOverrides: [{ code: 'transfer_mechanism_missing', reason }] });

    // Once the vendor's contract is recorded, the processor comes in; when it lapses later, the
    // activity's other edits go on (the findings say it, the edit is not the place).
    await org.as.dpo.patch(`${base()}/vendors/${vendor.id}`).send({ version: vendor.version, dpa: { signed: true, signedOn: '2026-11-02' } }).expect(200);
    const linked = (await org.as.dpo.patch(`${base()}/activities/${created.id}`).send({ version: covered.version, processors: ['Paie Sans Papier'] }).expect(200)).body;
    const signed = (await org.as.dpo.get(`${base()}/vendors/${vendor.id}`).expect(200)).body;
    await org.as.dpo.patch(`${base()}/vendors/${vendor.id}`).send({ version: signed.version, dpa: { signed: false } }).expect(200);
    const later = (await org.as.dpo.patch(`${base()}/activities/${created.id}`).send({ version: linked.version, nextReviewDate: '2027-10-01' }).expect(200)).body;
    expect(later).toMatchObject({ status: 'validated', nextReviewDate: '2027-10-01', processors: ['Paie Sans Papier'] });
    // Nothing of the refused edits was written.
    const versions = (await org.as.auditor.get(`${base()}/activities/${created.id}/versions`).expect(200)).body;
    expect(versions.items ?? versions).toHaveLength(later.version);
  });
});
