import ExcelJS from 'exceljs';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { completeActivity } from '../activities/activities.test-helpers';
import sampleRegister from '../database/seeds/sample-register.json';
import { download, openWorkbook, rowsOf } from '../exports/exports.test-helpers';
import { scanLanguage } from '../common/words/language-scan';
import { ROUND_TRIP_FIELDS } from './imports.test-helpers';
import { readOverrideLines } from './override-lines';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';


const CONTRACT_REASON = 'Contrat signé le 3 mars 2026 avec « Nuage d’Oc » ; l’exemplaire numérisé est en cours d’enregistrement.';

function unknownVendorActivity(overrides: Record<string, unknown> = {}) {
  return completeActivity({ name: 'Hébergement de l’intranet', status: 'validated', processors: ['Nuage d’Oc'], ...overrides });
}

/**
 * Issue 17, item 4, through the import: « validée » in a file stands only where validation would have
 * let it — a blocker the file's overrides (JSON `validationOverrides`, or the workbook's « Dérogations du
 * DPO » column as the export writes it) do not cover brings the activity in « en revue », and the report
 * says why, in words. The overrides come back from an export field for field.
 */
describe('an import cannot validate past the blockers (real PostgreSQL)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  const base = (org: TestOrganization) => `/api/v1/organizations/${org.organizationId}`;
  const detailOf = async (org: TestOrganization, reference: string) => {
    const list = await org.as.auditor.get(`${base(org)}/activities?pageSize=100&q=${encodeURIComponent(reference)}`).expect(200);
    const item = (list.body.items as { id: string; reference: string }[]).find((entry) => entry.reference === reference)!;
    return (await org.as.auditor.get(`${base(org)}/activities/${item.id}`).expect(200)).body as Record<string, unknown> & { id: string; version: number };
  };
  const register = async (org: TestOrganization) => {
    const list = await org.as.auditor.get(`${base(org)}/activities?pageSize=100&sort=reference`).expect(200);
    return Promise.all(
      (list.body.items as { id: string }[]).map(async (item) => {
        const detail = (await org.as.auditor.get(`${base(org)}/activities/${item.id}`).expect(200)).body as Record<string, unknown>;
        // Owners left out: the target organisations do not have the source's members (they come in unassigned).
        return Object.fromEntries(ROUND_TRIP_FIELDS.filter((key) => key !== 'owner').map((key) => [key, detail[key]]));
      }),
    );
  };
  const upload = (org: TestOrganization, content: Buffer, query = '', locale: 'fr' | 'en' = 'fr') =>
    org.as.dpo.post(`${base(org)}/imports${query}`).set('Accept-Language', locale).attach('file', content, { filename: 'registre.xlsx', contentType: XLSX });

  it('JSON: what validation would refuse comes in « en revue » with its reasons; an override in the file lets it stand', async () => {
    const org = await createOrganizationWithRoles(api.server, 'Import validé');
    const file = [
      unknownVendorActivity({ reference: 'T-0001' }),
      unknownVendorActivity({ reference: 'T-0002', validationOverrides: [{ code: 'processor_contract_missing', reason: `  ${CONTRACT_REASON}  ` }] }),
      completeActivity({ reference: 'T-0003', status: 'validated', transfers: [{ country: 'IN', recipient: 'Centre d’appels de Pune', mechanism: null }] }),
      completeActivity({ reference: 'T-0004', status: 'validated', dpiaScreening: { criteria: ['large_scale', 'innovative_technology'] } }),
      completeActivity({ reference: 'T-0005', status: 'validated' }),
      completeActivity({ reference: 'T-0006', status: 'in_review', processors: ['Nuage d’Oc'] }),
    ];
    const response = await org.as.dpo.post(`${base(org)}/activities/import-json`).set('Accept-Language', 'fr').send(file).expect(201);
    expect(response.body.imported).toBe(6);
    const awaiting = response.body.awaitingValidation as { reference: string; blockers: { path: string; code: string; message: string }[] }[];
    expect(awaiting.map(({ reference, blockers }) => [reference, blockers.map((blocker) => `${blocker.path} ${blocker.code}`)])).toEqual([
      ['T-0001', ['processors[0] processor_contract_missing']],
      ['T-0003', ['transfers[0].mechanism transfer_mechanism_missing']],
      ['T-0004', ['dpiaScreening.decision dpia_not_validated']],
    ]);
    expect(awaiting[0].blockers[0].message).toBe('Le sous-traitant « Nuage d’Oc » n’a pas de contrat de sous-traitance signé : un sous-traitant doit être lié par un contrat (art. 28.3).');
    expect(awaiting[1].blockers[0].message).toContain('vers l’Inde (Centre d’appels de Pune)');
    expect(scanLanguage('import blockers', awaiting.flatMap(({ blockers }) => blockers.map((blocker) => blocker.message)))).toEqual([]);

    const statuses = Object.fromEntries(await Promise.all(['T-0001', 'T-0002', 'T-0003', 'T-0004', 'T-0005', 'T-0006'].map(async (reference) => [reference, (await detailOf(org, reference)).status])));
    expect(statuses).toEqual({ 'T-0001': 'in_review', 'T-0002': 'validated', 'T-0003': 'in_review', 'T-0004': 'in_review', 'T-0005': 'validated', 'T-0006': 'in_review' });
    const overridden = await detailOf(org, 'T-0002');
    expect(overridden.validationOverrides).toEqual([{ code: 'processor_contract_missing', reason: CONTRACT_REASON }]);
    expect(overridden.validatedAt).not.toBeNull();
    const held = await detailOf(org, 'T-0001');
    expect({ validatedAt: held.validatedAt, validationOverrides: held.validationOverrides }).toEqual({ validatedAt: null, validationOverrides: undefined });
    // What comes in « en revue » waits in the DPO's review queue, like a submitted activity.
    const queue = await org.as.dpo.get(`${base(org)}/review-queue`).expect(200);
    const queued = JSON.stringify(queue.body);
    for (const reference of ['T-0001', 'T-0003', 'T-0004']) expect(queued).toContain(reference);

    // In English, the same reasons in English words.
    const english = await org.as.dpo.post(`${base(org)}/activities/import-json`).set('Accept-Language', 'en').send([unknownVendorActivity({ reference: 'T-0101' })]).expect(201);
    expect(english.body.awaitingValidation[0].blockers[0].message).toBe('The processor "Nuage d’Oc" has no signed processing agreement: a processor must be bound by a contract (Art. 28(3)).');
  });

  it('JSON: overrides on a draft, twice for one blocker, or for what cannot be overridden are refused, and nothing is written', async () => {
    const org = await createOrganizationWithRoles(api.server, 'Import refusé');
    const file = [
      completeActivity({ status: 'draft', validationOverrides: [{ code: 'dpia_not_validated', reason: 'AIPD faite ailleurs.' }] }),
      unknownVendorActivity({ validationOverrides: [{ code: 'processor_contract_missing', reason: 'a' }, { code: 'processor_contract_missing', reason: 'b' }] }),
      unknownVendorActivity({ validationOverrides: [{ code: 'legitimate_interest_public_body', reason: 'Hors mission.' }] }),
      unknownVendorActivity({ validationOverrides: [{ code: 'processor_contract_missing', reason: '   ' }] }),
    ];
    const refused = await org.as.dpo.post(`${base(org)}/activities/import-json`).set('Accept-Language', 'fr').send(file).expect(422);
    const items = refused.body.details.items as { fields: { path: string; code: string; message: string }[] }[];
    expect(items.map((item) => item.fields.map((field) => `${field.path} ${field.code}`))).toEqual([
      ['validationOverrides overridesNeedValidation'],
      ['validationOverrides arrayUnique'],
      ['validationOverrides[0].code isIn'],
      ['validationOverrides[0].reason isNotEmpty'],
    ]);
    expect(items[0].fields[0].message).toBe('Les dérogations du DPO n’accompagnent qu’une activité validée, en revue ou archivée : retirez-les d’un brouillon.');
    expect(scanLanguage('override errors', items.flatMap((item) => item.fields.map((field) => field.message)))).toEqual([]);
    const total = (await org.as.auditor.get(`${base(org)}/activities`).expect(200)).body.total as number;
    const vendors = (await org.as.auditor.get(`${base(org)}/vendors`).expect(200)).body.total as number;
    expect({ total, vendors }).toEqual({ total: 0, vendors: 0 });
  });

  it('workbook: the DPO’s overrides come back field for field; without the vendors’ contracts, « validée » comes in « en revue » and the dry run says why', async () => {
    // The source keeps its vendors (with their contracts) and the sample register, validated where it says so.
    const source = await createOrganizationWithRoles(api.server, 'Source validée');
    await source.as.dpo.post(`${base(source)}/vendors/import-json`).send(sampleRegister.vendors).expect(201);
    const seeded = await source.as.dpo.post(`${base(source)}/activities/import-json`).send(sampleRegister.activities).expect(201);
    expect(seeded.body.awaitingValidation).toEqual([]);
    const sourceRegister = await register(source);
    expect(sourceRegister.map((activity) => activity.status)).toEqual(sampleRegister.activities.map((activity) => activity.status));
    const messaging = sourceRegister.find((activity) => activity.reference === 'T-0005')!;
    expect(messaging.validationOverrides).toEqual(sampleRegister.activities.find((activity) => activity.reference === 'T-0005')!.validationOverrides);
    const exported = (await download(source.as.auditor, `${base(source)}/exports/register.xlsx?lang=fr`)).body;

    // A migration done in order: the vendors first, then the register — the same register, overrides included.
    const migrated = await createOrganizationWithRoles(api.server, 'Cible avec prestataires');
    await migrated.as.dpo.post(`${base(migrated)}/vendors/import-json`).send(sampleRegister.vendors).expect(201);
    const done = await upload(migrated, exported).expect(200);
    expect(done.body.warnings.filter((warning: { code: string }) => warning.code === 'validated_awaiting_dpo')).toEqual([]);
    expect(await register(migrated)).toEqual(sourceRegister);

    // The register alone: the vendors it names come as proposals without a contract on record, so the
    // activities « validées » that use them wait for the DPO. The dry run says so before anything is written.
    const alone = await createOrganizationWithRoles(api.server, 'Cible sans prestataires');
    const dry = await upload(alone, exported, '?dryRun=true').expect(200);
    expect(dry.body.valid).toBe(true);
    const warned = (dry.body.warnings as { code: string; row: number; column: string; message: string }[]).filter((warning) => warning.code === 'validated_awaiting_dpo');
    const withProcessors = sampleRegister.activities.filter((activity) => activity.status === 'validated' && activity.processors.length > 0);
    expect(new Set(warned.map((warning) => warning.message.split(' ')[0]))).toEqual(new Set(withProcessors.map((activity) => activity.reference)));
    const payroll = warned.find((warning) => warning.message.startsWith('T-0001'))!;
    expect(payroll).toMatchObject({ column: 'Statut (code)' });
    expect(payroll.message).toBe(
      'T-0001 est « validée » dans le fichier mais arrive « en revue » : la validation la refuserait en l’état. Le sous-traitant « Paysage Paie » n’a pas de contrat de sous-traitance signé : un sous-traitant doit être lié par un contrat (art. 28.3). Pour l’importer validée, donnez le motif de la dérogation dans la colonne « Dérogations du DPO » (« Validé malgré : … — motif : … ») ; sinon, validez-la depuis la file de relecture.',
    );
    expect(scanLanguage('import warnings', warned.map((warning) => warning.message))).toEqual([]);
    await upload(alone, exported).expect(200);
    const statuses = Object.fromEntries((await register(alone)).map((activity) => [activity.reference, activity.status]));
    for (const activity of sampleRegister.activities) {
      const expected = activity.status === 'validated' && activity.processors.length > 0 ? 'in_review' : activity.status;
      expect([activity.reference, statuses[activity.reference]]).toEqual([activity.reference, expected]);
    }
  });

  it('workbook: an override typed by hand (either language, a reason over two lines) is read; an unreadable one stops the import', async () => {
    const source = await createOrganizationWithRoles(api.server, 'Source manuelle');
    await source.as.dpo.post(`${base(source)}/activities/import-json`).send([completeActivity({ reference: 'T-0001', status: 'validated' }), completeActivity({ reference: 'T-0002', status: 'validated' })]).expect(201);
    const exported = (await download(source.as.auditor, `${base(source)}/exports/register.xlsx?lang=fr`)).body;
    const edited = async (texts: Record<string, string>) => {
      const workbook = await openWorkbook(exported);
      const sheet = workbook.worksheets.find((candidate) => candidate.name === 'Registre')!;
      const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((value) => (typeof value === 'string' ? value : ''));
      const column = headers.indexOf('Dérogations du DPO');
      const processorsSheet = workbook.worksheets.find((candidate) => candidate.name === 'Sous-traitants')!;
      sheet.eachRow((row, number) => {
        if (number === 1) return;
        const reference = row.getCell(headers.indexOf('Référence')).text;
        if (texts[reference]) {
          row.getCell(column).value = texts[reference];
          processorsSheet.addRow([reference, 'Nuage d’Oc']);
        }
      });
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    expect(rowsOf((await openWorkbook(exported)).worksheets.find((candidate) => candidate.name === 'Registre')!)[0]).toHaveProperty(['Dérogations du DPO']);

    const target = await createOrganizationWithRoles(api.server, 'Cible manuelle');
    const file = await edited({
      'T-0001': `Validated despite: a processor without a signed contract — reason: Contract signed on 3 March 2026,\nscan on its way from the legal department.`,
      'T-0002': `validé   malgré :  un sous-traitant sans contrat signé — motif : ${CONTRACT_REASON}`,
    });
    const done = await upload(target, file).expect(200);
    expect(done.body.warnings.filter((warning: { code: string }) => warning.code === 'validated_awaiting_dpo')).toEqual([]);
    expect((await detailOf(target, 'T-0001')).validationOverrides).toEqual([
      { code: 'processor_contract_missing', reason: 'Contract signed on 3 March 2026,\nscan on its way from the legal department.' },
    ]);
    expect(await detailOf(target, 'T-0002')).toMatchObject({ status: 'validated', validationOverrides: [{ code: 'processor_contract_missing', reason: CONTRACT_REASON }] });

    const other = await createOrganizationWithRoles(api.server, 'Cible illisible');
    const unreadable = await upload(other, await edited({ 'T-0001': 'Validé malgré : un contrat oral — motif : confiance' })).expect(422);
    expect(unreadable.body.details.errors).toEqual([
      expect.objectContaining({
        sheet: 'Registre',
        column: 'Dérogations du DPO',
        code: 'validation_override_unreadable',
        message:
          '« Validé malgré : un contrat oral — motif : confiance » n’est pas une dérogation lisible : écrivez une dérogation par ligne, comme l’export les écrit : « Validé malgré : » suivi du blocage (par exemple « un sous-traitant sans contrat signé »), puis « — motif : » et la raison.',
      }),
    ]);
    expect((await other.as.auditor.get(`${base(other)}/activities`).expect(200)).body.total).toBe(0);
  });

  it('an edit keeps the overrides validation recorded; a different list through an edit is refused', async () => {
    const org = await createOrganizationWithRoles(api.server, 'Édition validée');
    await org.as.dpo.post(`${base(org)}/activities/import-json`).send([unknownVendorActivity({ reference: 'T-0001', validationOverrides: [{ code: 'processor_contract_missing', reason: CONTRACT_REASON }] })]).expect(201);
    const before = await detailOf(org, 'T-0001');
    const edited = (await org.as.dpo.patch(`${base(org)}/activities/${before.id}`).send({ version: before.version, nextReviewDate: '2027-09-30' }).expect(200)).body;
    expect(edited).toMatchObject({ status: 'validated', nextReviewDate: '2027-09-30', validationOverrides: [{ code: 'processor_contract_missing', reason: CONTRACT_REASON }] });
    // Sent back as read: no change, accepted.
    await org.as.dpo.patch(`${base(org)}/activities/${before.id}`).send({ version: edited.version, validationOverrides: edited.validationOverrides, name: 'Hébergement de l’intranet RH' }).expect(200);
    const changed = await org.as.dpo
      .patch(`${base(org)}/activities/${before.id}`)
      .set('Accept-Language', 'fr')
      .send({ version: edited.version + 1, validationOverrides: [{ code: 'processor_contract_missing', reason: 'Autre motif.' }] })
      .expect(400);
    expect(changed.body.details.fields).toEqual([
      { path: 'validationOverrides', code: 'statusViaWorkflow', message: '« Dérogations du DPO » ne change que par le circuit de validation (soumettre, valider, archiver, rouvrir).' },
    ]);
    expect((await detailOf(org, 'T-0001')).validationOverrides).toEqual([{ code: 'processor_contract_missing', reason: CONTRACT_REASON }]);
  });
});

describe('readOverrideLines: the export’s override lines read back', () => {
  it.each([
    ['Validé malgré : un sous-traitant sans contrat signé — motif : Contrat signé, scan à venir.', [{ code: 'processor_contract_missing', reason: 'Contrat signé, scan à venir.' }]],
    ['Validated despite: a required DPIA not validated — reason: Done in 2024.\nValidé malgré : un transfert hors de l’EEE sans outil de transfert — motif : CCT en signature', [
      { code: 'dpia_not_validated', reason: 'Done in 2024.' },
      { code: 'transfer_mechanism_missing', reason: 'CCT en signature' },
    ]],
    ['Validé malgré : dpia_not_validated — motif : ligne 1\nligne 2', [{ code: 'dpia_not_validated', reason: 'ligne 1\nligne 2' }]],
  ])('%s', (text, expected) => {
    expect(readOverrideLines(text)).toEqual({ overrides: expected, unreadable: null });
  });

  it.each([
    ['Validé malgré : une AIPD requise et non validée — motif :   ', 'Validé malgré : une AIPD requise et non validée — motif :'],
    ['Contrat signé', 'Contrat signé'],
    ['Validé malgré : un sous-traitant sans contrat signé motif : x', 'Validé malgré : un sous-traitant sans contrat signé motif : x'],
  ])('refuses %j', (text, line) => {
    expect(readOverrideLines(text).unreadable).toBe(line);
  });

  it('reads nothing from an empty cell', () => {
    expect(readOverrideLines(null)).toEqual({ overrides: [], unreadable: null });
  });
});
