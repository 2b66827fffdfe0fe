import { createOrganizationWithRoles, createTestApi, joinByInvitation, TestApi, TestOrganization } from '../../test/test-api';
import { asOwner, completeActivity } from '../activities/activities.test-helpers';
import ExcelJS from 'exceljs';
import sampleRegister from '../database/seeds/sample-register.json';
import { download, openWorkbook } from '../exports/exports.test-helpers';
import { bombPart, buildWorkbook, entityExpansionSheet, manyRowsSheet, rawWorkbook, ROUND_TRIP_FIELDS, zipOf } from './imports.test-helpers';
import { rowLimitOf } from './workbook-rows';
import { unpackedLimitOf } from './xlsx-guard';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORMULA_LIKE = { name: '=HYPERLINK("http://evil.example","x")', description: "-2+3+cmd|' /C calc'!A0", purpose: '@SUM(A1:A9)', measure: 'other:+1' };

/** The fields an export → import round trip must keep, field for field. */
const INTERCHANGE = ROUND_TRIP_FIELDS;

describe('Register import from xlsx (real PostgreSQL)', () => {
  let api: TestApi;
  let source: TestOrganization;
  let exported: Record<'fr' | 'en', Buffer>;
  const base = (org: TestOrganization) => `/api/v1/organizations/${org.organizationId}`;

  const register = async (org: TestOrganization) => {
    const list = await org.as.auditor.get(`${base(org)}/activities?pageSize=100&sort=reference`).expect(200);
    return Promise.all(
      list.body.items.map(async (item: { id: string }) => {
        const detail = (await org.as.auditor.get(`${base(org)}/activities/${item.id}`).expect(200)).body as Record<string, unknown>;
        return Object.fromEntries(INTERCHANGE.map((key) => [key, detail[key]]));
      }),
    );
  };
  const upload = (org: TestOrganization, content: Buffer, query = '', options: { filename?: string; contentType?: string; locale?: 'fr' | 'en' } = {}) =>
    org.as.dpo
      .post(`${base(org)}/imports${query}`)
      .set('Accept-Language', options.locale ?? 'en')
      .attach('file', content, { filename: options.filename ?? 'register.xlsx', contentType: options.contentType ?? XLSX });
  /** A fresh organisation where the source's owner can own activities again. */
  const target = async (name: string) => {
    const org = await createOrganizationWithRoles(api.server, name);
    const members = (await source.admin.get(`${base(source)}/members`).expect(200)).body.items as { email: string; roles: string[] }[];
    const sourceDpo = members.find((member) => member.roles.includes('dpo'))!;
    await joinByInvitation(api.server, org.admin, org.organizationId, source.as.dpo, sourceDpo.email, 'dpo');
    return org;
  };
  const writes = (org: TestOrganization) =>
    asOwner(api, async (client) => {
      const result = await client.query<{ activities: number; events: number; departments: number; vendors: number }>(
        `SELECT (SELECT count(*)::int FROM processing_activities WHERE organization_id = $1) AS activities,
                (SELECT count(*)::int FROM audit_events WHERE organization_id = $1) AS events,
                (SELECT count(*)::int FROM departments WHERE organization_id = $1) AS departments,
                (SELECT count(*)::int FROM vendors WHERE organization_id = $1) AS vendors`,
        [org.organizationId],
      );
      return result.rows[0];
    });

  beforeAll(async () => {
    api = await createTestApi();
    source = await createOrganizationWithRoles(api.server, 'Source');
    await source.as.dpo.post(`${base(source)}/activities/import-json`).send(sampleRegister.activities).expect(201);
    await source.as.dpo
      .post(`${base(source)}/activities`)
      .send(completeActivity({ name: FORMULA_LIKE.name, description: FORMULA_LIKE.description, purposes: [{ description: FORMULA_LIKE.purpose, main: true, legalBasis: 'contract' }], securityMeasures: [FORMULA_LIKE.measure] }))
      .expect(201);
    exported = {
      fr: (await download(source.as.auditor, `${base(source)}/exports/register.xlsx?lang=fr`)).body,
      en: (await download(source.as.auditor, `${base(source)}/exports/register.xlsx?lang=en`)).body,
    };
  });
  afterAll(() => api.close());

  it.each(['fr', 'en'] as const)('round trip (%s): a dry run writes nothing, then the import gives the same register field for field', async (locale) => {
    const org = await target(`Cible ${locale}`);
    const before = await writes(org);
    const dry = await upload(org, exported[locale], '?dryRun=true').expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, valid: true, activities: 13, errors: [], updated: [] });
    expect(dry.body.created).toHaveLength(13);
    expect(await writes(org)).toEqual(before);

    const done = await upload(org, exported[locale]);
    expect(done.status === 200 ? 'imported' : done.body).toBe('imported');
    expect(done.body).toMatchObject({ dryRun: false, valid: true, activities: 13 });
    expect(done.body.createdVendors.length).toBeGreaterThan(0);
    const [expected, actual] = await Promise.all([register(source), register(org)]);
    expect(actual).toEqual(expected);
    // Formula-like text comes back as the text it was.
    const injected = actual.find((activity) => activity.name === FORMULA_LIKE.name)!;
    expect(injected).toMatchObject({ description: FORMULA_LIKE.description, securityMeasures: [FORMULA_LIKE.measure] });
    expect((injected.purposes as { description: string }[])[0].description).toBe(FORMULA_LIKE.purpose);
  });

  it('imports a workbook exported before « analyse préalable » became « pré-analyse AIPD » (its sheet and column names then)', async () => {
    const workbook = await openWorkbook(exported.fr);
    const screening = workbook.getWorksheet('Pré-analyse AIPD')!;
    screening.name = 'Analyse préalable AIPD';
    const header = screening.getRow(1);
    header.eachCell((cell) => {
      if (cell.text === 'Décision de la pré-analyse AIPD') cell.value = 'Décision de l’analyse préalable';
    });
    // The label column read alone (as in a file filled by hand): its code twin removed.
    header.eachCell((cell) => {
      if (cell.text === 'Décision (code)') cell.value = 'Notes';
    });
    const org = await target('Cible ancienne');
    const done = await upload(org, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(done.status === 200 ? 'imported' : done.body).toBe('imported');
    const decisions = async (of: TestOrganization) => (await register(of)).map((activity) => [activity.reference, (activity.dpiaScreening as { decision: string }).decision]);
    expect(await decisions(org)).toEqual(await decisions(source));
  });

  // A register exported by another organisation names owners who are not members here: it used to be
  // one error per activity and nothing imported (the demo register into a new organisation: 12 errors).
  it.each(['fr', 'en'] as const)('imports a register whose owners are not members here (%s): unassigned, each named in a warning of the dry run', async (locale) => {
    const org = await createOrganizationWithRoles(api.server, `Ailleurs ${locale}`);
    const owner = ((await source.admin.get(`${base(source)}/members`).expect(200)).body.items as { email: string; roles: string[] }[]).find((member) => member.roles.includes('dpo'))!.email;
    const before = await writes(org);
    const dry = await upload(org, exported[locale], '?dryRun=true', { locale }).expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, valid: true, activities: 13, errors: [] });
    expect(await writes(org)).toEqual(before);
    const ownerColumn = locale === 'fr' ? 'Responsable (e-mail)' : 'Owner (e-mail)';
    expect(dry.body.warnings).toHaveLength(13);
    for (const warning of dry.body.warnings) {
      expect(warning).toMatchObject({ sheet: locale === 'fr' ? 'Registre' : 'Register', row: expect.any(Number), column: ownerColumn, code: 'owner_not_member' });
      expect(warning.message).toContain(owner);
      expect(warning.message).toMatch(locale === 'fr' ? /sans responsable/ : /without an owner/);
    }

    const done = await upload(org, exported[locale], '', { locale }).expect(200);
    expect(done.body).toMatchObject({ dryRun: false, valid: true, activities: 13, errors: [] });
    expect(done.body.warnings).toHaveLength(13);
    const [expected, actual] = await Promise.all([register(source), register(org)]);
    expect(actual.map((activity) => activity.owner)).toEqual(Array(13).fill(null));
    expect(actual).toEqual(expected.map((activity) => ({ ...activity, owner: null })));
  });

  it('reports the rules’ errors with sheet, row, column and message, and writes nothing', async () => {
    const org = await target('Erreurs');
    const content = await buildWorkbook(
      {
        register: [
          { reference: 'A-1', name: 'Paie', role_code: 'controller', status_code: 'validated', owner: 'nobody@example.test' },
          { reference: 'A-2', name: 'Recrutement', role: 'Responsable de traitement', status: 'Brouillon' },
          { reference: 'A-2', name: 'Doublon', role_code: 'controller' },
        ],
        purposes: [
          { reference: 'A-1', purpose: 'Payer', legal_basis_code: 'whim' },
          { reference: 'A-9', purpose: 'Orpheline', legal_basis: 'Contrat' },
          { reference: 'A-2', purpose: 'Recruter', legal_basis: 'Exécution d’un contrat' },
        ],
      },
      'fr',
      { register: ['reference', 'name', 'role', 'role_code', 'status', 'status_code', 'owner'], purposes: ['reference', 'purpose', 'legal_basis', 'legal_basis_code'] },
    );
    const before = await writes(org);
    const dry = await upload(org, content, '?dryRun=true', { locale: 'fr' }).expect(200);
    expect(dry.body.valid).toBe(false);
    expect(dry.body.errors).toEqual([
      { sheet: 'Registre', row: 4, column: 'Référence', code: 'duplicate_reference', message: 'La référence « A-2 » apparaît plusieurs fois dans la feuille Registre.' },
      { sheet: 'Finalités', row: 3, column: 'Référence', code: 'unknown_reference', message: 'La référence « A-9 » n’existe pas dans la feuille Registre.' },
    ]);
    const fixed = await buildWorkbook(
      {
        register: [
          { reference: 'A-1', name: 'Paie', role_code: 'controller', status_code: 'validated', owner: 'nobody@example.test' },
          { reference: 'A-2', name: 'Recrutement', role: 'Controller', status: 'Draft' },
        ],
        purposes: [
          { reference: 'A-1', purpose: 'Payer', legal_basis_code: 'whim' },
          { reference: 'A-2', purpose: 'Recruter', legal_basis: 'Horoscope' },
        ],
      },
      'en',
      { register: ['reference', 'name', 'role', 'role_code', 'status', 'status_code', 'owner'], purposes: ['reference', 'purpose', 'legal_basis', 'legal_basis_code'] },
    );
    const unknownLabel = await upload(org, fixed, '', { locale: 'en' }).expect(422);
    expect(unknownLabel.body).toMatchObject({ code: 'import_xlsx_invalid', message: 'Nothing was imported: 1 error in the workbook.' });
    expect(unknownLabel.body.details.errors).toEqual([{ sheet: 'Purposes', row: 3, column: 'Legal basis', code: 'unknown_code', message: '"Horoscope" is not a known value of this list.' }]);

    const serviceErrors = await buildWorkbook(
      {
        register: [
          { reference: 'A-1', name: 'Paie', role_code: 'controller', status_code: 'validated', owner: 'nobody@example.test' },
          { reference: 'A-2', name: 'Recrutement', role: 'Controller', status: 'Draft' },
        ],
        purposes: [{ reference: 'A-1', purpose: 'Payer', legal_basis_code: 'whim' }],
      },
      'en',
    );
    const refused = await upload(org, serviceErrors, '', { locale: 'en' }).expect(422);
    const summary = refused.body.details.errors.map((error: { sheet: string; row: number; column: string; code: string }) => `${error.sheet}!${error.row} ${error.column} ${error.code}`);
    // The shape is checked first (as in the JSON import): the bad legal basis hides the owner check.
    expect(summary).toEqual(['Purposes!2 Legal basis (code) isIn']);
    expect(refused.body.details.errors.every((error: { message: string }) => error.message.length > 0)).toBe(true);
    expect(await writes(org)).toEqual(before);
  });

  describe('updates: a row whose reference exists updates that activity, at the version the file was read at', () => {
    let org: TestOrganization;
    const activityOf = async (reference: string) => {
      const list = await org.as.auditor.get(`${base(org)}/activities?pageSize=100&sort=reference`).expect(200);
      const { id } = list.body.items.find((item: { reference: string }) => item.reference === reference);
      return (await org.as.auditor.get(`${base(org)}/activities/${id}`).expect(200)).body as Record<string, unknown> & { id: string; version: number };
    };
    const auditEvents = (entityId: string) =>
      asOwner(api, async (client) => (await client.query<{ action: string }>('SELECT action FROM audit_events WHERE organization_id = $1 AND entity_id = $2 ORDER BY sequence', [org.organizationId, entityId])).rows.map((row) => row.action));
    /** The workbook with one cell of the Register sheet changed (row of `reference`, column headed `header`). */
    const edit = async (content: Buffer, reference: string, header: string, value: ExcelJS.CellValue) => {
      const workbook = await openWorkbook(content);
      const sheet = workbook.getWorksheet('Register')!;
      const headers = sheet.getRow(1).values as ExcelJS.CellValue[];
      const column = headers.indexOf(header);
      expect(column).toBeGreaterThan(0);
      let found = false;
      sheet.eachRow((row, number) => {
        if (number > 1 && row.getCell(1).value === reference) {
          row.getCell(column).value = value;
          found = true;
        }
      });
      expect(found).toBe(true);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };

    beforeAll(async () => {
      org = await target('Mises à jour');
      await upload(org, exported.en).expect(200);
    });

    it('re-importing the register’s own export changes nothing and reports no update', async () => {
      const own = (await download(org.as.auditor, `${base(org)}/exports/register.xlsx?lang=fr`)).body;
      const before = await writes(org);
      const dry = await upload(org, own, '?dryRun=true').expect(200);
      expect(dry.body).toMatchObject({ valid: true, errors: [], created: [], updated: [] });
      const done = await upload(org, own);
      expect(done.status === 200 ? 'imported' : done.body).toBe('imported');
      expect(done.body).toMatchObject({ valid: true, created: [], updated: [] });
      expect(await writes(org)).toEqual(before);
    });

    it('export → one cell edited → import: only that field changes, version + 1, one audit event; the dry run reports it and writes nothing', async () => {
      const own = (await download(org.as.auditor, `${base(org)}/exports/register.xlsx?lang=en`)).body;
      const original = await activityOf('T-0001');
      const edited = await edit(own, 'T-0001', 'Description', 'Décrite à nouveau dans le tableur');
      const eventsBefore = await auditEvents(original.id);
      const before = await writes(org);

      const dry = await upload(org, edited, '?dryRun=true').expect(200);
      expect(dry.body).toMatchObject({ valid: true, errors: [], created: [], updated: [{ reference: 'T-0001', name: original.name, changes: ['description'] }] });
      expect(await writes(org)).toEqual(before);
      expect((await activityOf('T-0001')).version).toBe(original.version);

      const done = await upload(org, edited);
      expect(done.status === 200 ? 'imported' : done.body).toBe('imported');
      expect(done.body.updated).toEqual([{ reference: 'T-0001', name: original.name, changes: ['description'] }]);
      const updated = await activityOf('T-0001');
      expect(updated.version).toBe(original.version + 1);
      expect(updated.description).toBe('Décrite à nouveau dans le tableur');
      for (const key of INTERCHANGE.filter((field) => field !== 'description')) expect({ key, value: updated[key] }).toEqual({ key, value: original[key] });
      expect(await auditEvents(original.id)).toEqual([...eventsBefore, 'update']);
      expect((await writes(org)).events).toBe(before.events + 1);
    });

    it('a row read before a later change is a conflict for that row, and nothing of the file is written', async () => {
      // The file was exported before the previous test's update of T-0001: its version is stale.
      const stale = await edit(exported.en, 'T-0001', 'Name', 'Renommée depuis un vieux fichier');
      const current = await activityOf('T-0001');
      const ownNow = (await download(org.as.auditor, `${base(org)}/exports/register.xlsx?lang=en`)).body;
      // Another row changed in the same file, at its current version: refused with the rest.
      const mixed = await edit(await edit(ownNow, 'T-0002', 'Description', 'Changement valable'), 'T-0001', 'Version (do not change)', current.version - 1);
      const before = await writes(org);
      for (const content of [stale, mixed]) {
        const refused = await upload(org, content).expect(422);
        expect(refused.body.details.errors).toEqual([
          {
            sheet: 'Register',
            row: expect.any(Number),
            column: 'Version (do not change)',
            code: 'version_conflict',
            message: `The activity "T-0001" has changed since this export (version in the file: ${current.version - 1}, current version: ${current.version}): export the register again and carry your changes over.`,
          },
        ]);
        expect(refused.body.details.updated).toEqual([]);
      }
      expect(await writes(org)).toEqual(before);
      expect(await activityOf('T-0001')).toEqual(current);
      expect((await activityOf('T-0002')).description).not.toBe('Changement valable');
    });

    it('refuses an existing reference in a file without the version column (no blind overwrite)', async () => {
      const content = await buildWorkbook({ register: [{ reference: 'T-0001', name: 'Écrasée ?', role_code: 'controller' }] }, 'fr');
      const dry = await upload(org, content, '?dryRun=true', { locale: 'fr' }).expect(200);
      expect(dry.body.errors).toEqual([{ sheet: 'Registre', row: 2, column: 'Référence', code: 'reference_exists', message: expect.stringContaining('« T-0001 » existe déjà') }]);
    });
  });

  describe('hostile and broken files: a clear 4xx in FR and EN, nothing written', () => {
    let org: TestOrganization;
    let before: Awaited<ReturnType<typeof writes>>;
    beforeAll(async () => {
      org = await target('Hostile');
      before = await writes(org);
    });
    afterEach(async () => expect(await writes(org)).toEqual(before));

    const expectRefused = async (content: Buffer, status: number, code: string, messages: { fr: RegExp; en: RegExp }, options: { filename?: string; contentType?: string } = {}) => {
      for (const locale of ['fr', 'en'] as const) {
        const response = await upload(org, content, '?dryRun=true', { ...options, locale }).expect(status);
        expect(response.body.code).toBe(code);
        expect(response.body.message).toMatch(messages[locale]);
      }
    };

    it('refuses content that is not a workbook, whatever its declared type', async () => {
      const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF');
      await expectRefused(pdf, 415, 'import_not_xlsx', { fr: /n’est pas un classeur Excel/, en: /not an Excel workbook/ });
      const docx = await zipOf([['[Content_Types].xml', '<Types/>'], ['word/document.xml', '<document/>']]);
      await expectRefused(docx, 415, 'import_not_xlsx', { fr: /n’est pas un classeur/, en: /not an Excel workbook/ }, { contentType: 'application/octet-stream' });
      await org.as.dpo.post(`${base(org)}/imports`).send({}).expect(400);
    });

    it('refuses a corrupt zip', async () => {
      const truncated = exported.en.subarray(0, Math.floor(exported.en.length / 2));
      await expectRefused(truncated, 422, 'import_corrupt', { fr: /endommagé/, en: /damaged/ });
    });

    it('refuses zip bombs from the central directory, before unpacking', async () => {
      const huge = await rawWorkbook(bombPart(120 * 1024 * 1024), 9);
      expect(huge.length).toBeLessThan(1024 * 1024);
      // The unpacked cap grows with the upload; this small file announcing 120 MB stays far above it.
      expect(unpackedLimitOf(huge.length)).toBeLessThan(120 * 1024 * 1024);
      await expectRefused(huge, 413, 'import_too_large_unpacked', { fr: /trop volumineux une fois décompressé/, en: /too large once unpacked/ });
      const dense = await rawWorkbook(bombPart(8 * 1024 * 1024), 9);
      await expectRefused(dense, 422, 'import_suspicious_compression', { fr: /bombe de décompression/, en: /decompression bomb/ });
    });

    it('refuses DOCTYPE and ENTITY declarations in XML parts (entity expansion)', async () => {
      await expectRefused(await rawWorkbook(entityExpansionSheet()), 422, 'import_xml_entities', { fr: /DOCTYPE ou ENTITY/, en: /DOCTYPE or ENTITY/ });
    });

    it('refuses a workbook of 1,000,000 rows', async () => {
      const rows = await rawWorkbook(manyRowsSheet(1_000_000), 6);
      expect(rows.length).toBeLessThan(10 * 1024 * 1024);
      // The limit grows with the file (about 50 bytes per row of a real export), not with what it claims.
      const limit = rowLimitOf(rows.length);
      expect(limit).toBeLessThan(1_000_000);
      await expectRefused(rows, 413, 'import_too_many_rows', { fr: new RegExp(`trop de lignes \\(limite : ${limit}\\)`), en: new RegExp(`too many rows \\(limit: ${limit}\\)`) });
    }, 120_000);

    it('reports missing sheets and required columns, unknown codes and formulas in cells', async () => {
      const noRegister = await buildWorkbook({ purposes: [{ reference: 'A-1', purpose: 'x' }] });
      const missingSheet = await upload(org, noRegister, '?dryRun=true').expect(200);
      expect(missingSheet.body.errors.map((error: { code: string }) => error.code)).toEqual(['missing_sheet']);
      const noName = await buildWorkbook({ register: [{ reference: 'A-1', role_code: 'controller' }] });
      const missingColumn = await upload(org, noName, '?dryRun=true', { locale: 'fr' }).expect(200);
      expect(missingColumn.body.errors).toEqual([{ sheet: 'Register', row: 1, column: null, code: 'missing_column', message: 'La colonne obligatoire « Nom / Name » est absente de la feuille.' }]);
      const formula = await buildWorkbook({
        register: [{ reference: 'A-1', name: { formula: 'HYPERLINK("http://evil.example","Paie")', result: 'Paie' }, role_code: 'controller' }],
        data_subjects: [{ reference: 'A-1', data_subject_category_code: 'employees', estimated_count: { formula: '1+1', result: 2 } }],
      });
      const formulas = await upload(org, formula, '?dryRun=true').expect(200);
      expect(formulas.body.errors).toEqual([
        { sheet: 'Register', row: 2, column: 'Name', code: 'formula', message: 'This cell holds a formula: only values are accepted.' },
        { sheet: 'Data subjects', row: 2, column: 'Estimated number', code: 'formula', message: 'This cell holds a formula: only values are accepted.' },
      ]);
      const unknownCode = await buildWorkbook({ register: [{ reference: 'A-1', name: 'Paie', role_code: 'controller' }], data_subjects: [{ reference: 'A-1', data_subject_category_code: 'martians' }] });
      const unknown = await upload(org, unknownCode, '?dryRun=true').expect(200);
      expect(unknown.body.errors).toEqual([
        { sheet: 'Data subjects', row: 2, column: 'Data subject category (code)', code: 'catalogueCode', message: expect.stringContaining('martians') },
      ]);
    });
  });
});
