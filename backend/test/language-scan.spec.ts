import ExcelJS from 'exceljs';
import { asOwner, completeActivity } from '../src/activities/activities.test-helpers';
import type { Locale } from '../src/common/i18n/i18n';
import { scanLanguage, type LanguageProblem } from '../src/common/words/language-scan';
import sampleRegister from '../src/database/seeds/sample-register.json';
import { download, openWorkbook } from '../src/exports/exports.test-helpers';
import { buildWorkbook } from '../src/imports/imports.test-helpers';
import { WeeklyDigestService } from '../src/notifications/weekly-digest.service';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from './test-api';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Text people typed (names, descriptions, documentation…) is theirs, whatever it holds (« CV »,
 * « CX Holdings Inc. », a date they wrote): it is taken out before the scan. Codes, durations,
 * countries and dates of the fixtures are not typed text and stay in.
 */
function typedTexts(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    const code = /^[a-z][a-z0-9_]*$/.test(value) || /^[A-Z]{2}$/.test(value) || /^P(\d+[YMWD])+$/.test(value) || /^\d{4}-\d{2}-\d{2}/.test(value) || value.startsWith('other:');
    if (!code && value.trim().length > 1) into.add(value.trim());
  } else if (Array.isArray(value)) {
    for (const item of value) typedTexts(item, into);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) typedTexts(item, into);
  }
  return into;
}
const LOCALES: Locale[] = ['fr', 'en'];

/**
 * The language scan: everything a user reads from the findings, the validation blockers, the weekly digest, the import
 * errors and the workbook, in French and in English, for a realistic register (the demo register
 * plus activities a team left half done), holds no code, field path, id, ISO duration or date, bare
 * country code or JSON. Each source is produced through the API, as the pages and the exports get it.
 */
describe('language scan of what users read (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let halfDone: string;
  const base = () => `/api/v1/organizations/${org.organizationId}`;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Mairie de Saint-Étienne-de-Tinée');
    await org.admin
      .patch(base())
      .send({ legalName: 'Commune de Saint-Étienne-de-Tinée', dpoName: 'Denis Délégué', dpoEmail: 'dpo@mairie.test', dpoPhone: '+33 4 93 02 41 96', version: 1 })
      .expect(200);
    await org.as.dpo.post(`${base()}/vendors/import-json`).send(sampleRegister.vendors).expect(201);
    await org.as.dpo.post(`${base()}/activities/import-json`).send(sampleRegister.activities).expect(201);
    // The organisation's own data category, used by a half-done activity.
    await org.as.dpo.post(`${base()}/catalogues/data-categories/entries`).send({ code: 'badge_logs', fr: 'Journaux de badge', en: 'Badge logs' }).expect(201);
    // Half-done activities: every kind of gap a product team leaves.
    const created = await org.as.dpo
      .post(`${base()}/activities`)
      .send(
        completeActivity({
          name: 'Contrôle d’accès aux locaux « biométrique »',
          role: 'joint_controller',
          purposes: [
            { description: 'Contrôler l’accès à la salle des serveurs', main: true, legalBasis: 'legitimate_interests' },
            { description: 'Tenir le registre des visiteurs', main: false, legalBasis: 'legal_obligation' },
            { description: 'Informer les agents', main: false, legalBasis: null },
          ],
          dataCategories: [
            { category: 'biometric', description: 'Gabarit de l’empreinte digitale', source: 'direct', mandatory: true, minimisationJustification: 'Accès aux zones sensibles', retention: null },
            { category: 'connection', description: 'Horodatage des passages', source: 'direct', mandatory: true, minimisationJustification: 'Traçabilité', retention: { activePeriod: null, archivePeriod: null, startEvent: null, legalReference: null, endAction: 'delete' } },
            { category: 'badge_logs', description: 'Journaux des badges', source: 'direct', mandatory: true, minimisationJustification: 'Sécurité', retention: null },
          ],
          transfers: [{ country: 'US', recipient: 'Sondages Express Inc.', mechanism: null, documentation: null }],
          dataSubjectInformation: '',
          rightsProcedure: '',
          dpiaScreening: { criteria: ['sensitive_or_highly_personal_data', 'systematic_monitoring'], decision: 'required', justification: 'Biométrie sur le lieu de travail' },
          nextReviewDate: '2025-03-31',
        }),
      )
      .expect(201);
    halfDone = created.body.id;
    await org.as.dpo.post(`${base()}/activities`).send(completeActivity({ name: 'Prestations pour le compte du CCAS', role: 'processor', purposes: [], dataSubjects: [], dataCategories: [] })).expect(201);
  });
  afterAll(() => api.close());

  const problems: LanguageProblem[] = [];
  // Values a person typed that no list knows: the error quotes them back, as typed.
  const UNKNOWN_VALUES = ['bon_vouloir', 'pigeon_voyageur', 'horoscope', 'Horoscope', 'cinq ans', 'Bon vouloir', 'ZZZ'];
  const typed = [...typedTexts([sampleRegister, completeActivity()]), ...UNKNOWN_VALUES].sort((a, b) => b.length - a.length);
  const scan = (source: string, texts: string[]): LanguageProblem[] =>
    scanLanguage(
      source,
      texts.map((text) => typed.reduce((rest, piece) => rest.split(piece).join('…'), text)),
    );
  afterAll(() => {
    // One readable failure listing every piece, rather than one assertion per text.
    expect(problems).toEqual([]);
  });

  it.each(LOCALES)('findings (%s)', async (locale) => {
    const response = await org.as.dpo.get(`${base()}/findings?pageSize=200`).set('Accept-Language', locale).expect(200);
    const items = response.body.items as { code: string; message: string }[];
    // The half-done register raises the findings that carry codes, countries and dates.
    const codes = new Set(items.map((item) => item.code));
    for (const code of ['special_category_without_condition', 'retention_missing', 'retention_unlimited', 'transfer_without_mechanism', 'purpose_without_legal_basis', 'legal_reference_missing', 'legitimate_interest_assessment_missing', 'activity_review_overdue', 'information_missing', 'joint_controllers_missing', 'client_controllers_missing', 'dpia_required_missing']) {
      expect(codes).toContain(code);
    }
    const found = scan(`findings ${locale}`, items.map((item) => item.message));
    problems.push(...found);
    expect(found).toEqual([]);
  });

  it.each(LOCALES)('validation blockers (%s)', async (locale) => {
    const current = (await org.as.dpo.get(`${base()}/activities/${halfDone}`).expect(200)).body as { status: string; version: number };
    if (current.status === 'draft') await org.as.dpo.post(`${base()}/activities/${halfDone}/submit`).send({ version: current.version }).expect(200);
    const version = (await org.as.dpo.get(`${base()}/activities/${halfDone}`).expect(200)).body.version as number;
    const refused = await org.as.dpo.post(`${base()}/activities/${halfDone}/validate?lang=${locale}`).send({ version }).expect(422);
    const fields = refused.body.details.fields as { message: string }[];
    expect(fields.length).toBeGreaterThan(5);
    const found = scan(`validation blockers ${locale}`, [refused.body.message as string, ...fields.map((field) => field.message)]);
    problems.push(...found);
    expect(found).toEqual([]);
  });

  it.each(LOCALES)('JSON import errors (%s)', async (locale) => {
    const post = async (file: unknown[]) => {
      const refused = await org.as.contributor.post(`${base()}/activities/import-json?lang=${locale}`).send(file).expect(422);
      return [refused.body.message as string, ...(refused.body.details.items as { fields: { message: string }[] }[]).flatMap((item) => item.fields.map((field) => field.message))];
    };
    // The shape first (a file with shape errors stops there), then what only the register can tell.
    const shape = await post([
      completeActivity({ reference: 'IMP-1', purposes: [{ description: 'Payer les agents', main: true, legalBasis: 'bon_vouloir' }] }),
      completeActivity({ reference: 'IMP-2', dataCategories: [{ category: 'identity', retention: { activePeriod: 'cinq ans' } }] }),
      completeActivity({ reference: 'IMP-3', transfers: [{ country: 'ZZZ' }], couleur: 'rouge' }),
    ]);
    const register = await post([
      completeActivity({ reference: 'IMP-1', status: 'validated', owner: 'personne@ailleurs.test' }),
      completeActivity({ reference: 'IMP-1', departmentId: '3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c', dataCategories: [{ category: 'horoscope', retention: null }] }),
      completeActivity({ reference: 'IMP-4', processors: ['Inconnu SAS'], transfers: [{ country: 'ZZ', recipient: null, mechanism: 'pigeon_voyageur', documentation: null }] }),
      completeActivity({ reference: 'IMP-5', status: 'in_review', dataSubjectInformation: null, dataCategories: [{ category: 'health', retention: null }] }),
    ]);
    expect(shape.length).toBeGreaterThan(3);
    expect(register.length).toBeGreaterThan(5);
    const found = scan(`JSON import errors ${locale}`, [...shape, ...register]);
    problems.push(...found);
    expect(found).toEqual([]);
  });

  it.each(LOCALES)('workbook import errors (%s)', async (locale) => {
    const content = await buildWorkbook(
      {
        register: [
          { reference: 'A-1', name: 'Paie des agents', role_code: 'controller', status_code: 'validated', owner: 'personne@ailleurs.test' },
          { reference: 'A-2', name: 'Recrutement', role: 'Responsable de traitement', status: 'Brouillon' },
          { reference: 'A-2', name: 'Doublon', role_code: 'controller' },
        ],
        purposes: [
          { reference: 'A-1', purpose: 'Payer', legal_basis: 'Bon vouloir' },
          { reference: 'A-9', purpose: 'Orpheline', legal_basis: 'Contrat' },
        ],
        data_categories: [{ reference: 'A-1', data_category: 'Horoscope', active_period: 'cinq ans' }],
      },
      locale,
    );
    const dry = await org.as.contributor
      .post(`${base()}/imports?dryRun=true`)
      .set('Accept-Language', locale)
      .attach('file', content, { filename: 'registre.xlsx', contentType: XLSX })
      .expect(200);
    const errors = dry.body.errors as { message: string }[];
    expect(errors.length).toBeGreaterThan(2);
    const found = scan(`workbook import errors ${locale}`, errors.map((error) => error.message));
    problems.push(...found);
    expect(found).toEqual([]);
  });

  it.each(LOCALES)('workbook (%s): every cell a person reads, code and version columns aside', async (locale) => {
    const workbook = await openWorkbook((await download(org.as.dpo, `${base()}/exports/register.xlsx?lang=${locale}`)).body);
    const texts: string[] = [];
    for (const sheet of workbook.worksheets) {
      const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((value) => (typeof value === 'string' ? value : ''));
      // Columns for the import, not for reading: « … (code) », « Version (ne pas modifier) ».
      const machine = new Set(header.flatMap((name, column) => (/\((code|codes)\)$/.test(name) || /^Version/.test(name) ? [column] : [])));
      sheet.eachRow((row) =>
        row.eachCell((cell, column) => {
          if (!machine.has(column) && typeof cell.value === 'string') texts.push(`${sheet.name}: ${cell.value}`);
        }),
      );
    }
    expect(texts.length).toBeGreaterThan(200);
    const found = scan(`workbook ${locale}`, texts);
    problems.push(...found);
    expect(found).toEqual([]);
  });

  it.each(LOCALES)('weekly digest (%s): the DPO’s and the contributor’s, links aside', async (locale) => {
    // Stored, not sent (no SMTP server here); each language is a new week for the digest's claim.
    const texts = await asOwner(api, async (client) => {
      await client.query('DELETE FROM weekly_digests');
      await client.query('UPDATE users SET locale = $1 WHERE id = ANY($2::uuid[])', [locale, [org.userIds.dpo, org.userIds.contributor]]);
      await expect(api.app.get(WeeklyDigestService).run()).resolves.toMatchObject({ emails: 4 });
      const { rows } = await client.query<{ body_text: string }>(
        "SELECT body_text FROM stored_emails WHERE kind = 'weekly' AND locale = $1 AND user_id = ANY($2::uuid[]) ORDER BY created_at DESC LIMIT 2",
        [locale, [org.userIds.dpo, org.userIds.contributor]],
      );
      return rows.map((row) => row.body_text);
    });
    expect(texts).toHaveLength(2);
    const lines = texts.flatMap((text) => text.split('\n')).map((line) => line.replace(/https?:\/\/\S+/g, '').trim()).filter(Boolean);
    const found = scan(`weekly digest ${locale}`, lines);
    problems.push(...found);
    expect(found).toEqual([]);
  });
});
