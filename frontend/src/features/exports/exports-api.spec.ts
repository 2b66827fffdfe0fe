import { ApiError } from '@/lib/api-error';

import { activityRecordPdfUrl, dpiaReportPdfUrl, exportLanguageOf, exportUrl, reportOf } from './exports-api';

describe('export URLs', () => {
  it('carries language, as-of date and statuses where the server reads them', () => {
    expect(exportUrl('o 1', 'register.xlsx', { lang: 'fr', asOf: '2026-01-31', statuses: ['validated', 'archived'] })).toBe(
      '/api/v1/organizations/o%201/exports/register.xlsx?lang=fr&asOf=2026-01-31&status=validated%2Carchived',
    );
    // Every status is no filter; the template has no date.
    expect(exportUrl('o', 'register.xlsx', { lang: 'en', asOf: '', statuses: ['draft', 'in_review', 'validated', 'archived'] })).toBe('/api/v1/organizations/o/exports/register.xlsx?lang=en');
    expect(exportUrl('o', 'template.xlsx', { lang: 'en', asOf: '2026-01-31', statuses: ['draft'] })).toBe('/api/v1/organizations/o/exports/template.xlsx?lang=en');
    expect(exportUrl('o', 'evidence.zip', { lang: 'fr', asOf: '2026-01-31', statuses: ['draft'] })).toBe('/api/v1/organizations/o/exports/evidence.zip?lang=fr&asOf=2026-01-31');
  });

  it('gives the PDFs’ URLs: the register with its filters, a record sheet and a DPIA report in a language', () => {
    expect(exportUrl('o', 'register.pdf', { lang: 'fr', asOf: '2026-01-31', statuses: ['validated'] })).toBe('/api/v1/organizations/o/exports/register.pdf?lang=fr&asOf=2026-01-31&status=validated');
    expect(activityRecordPdfUrl('o', 'a/1', 'en')).toBe('/api/v1/organizations/o/activities/a%2F1/record.pdf?lang=en');
    expect(dpiaReportPdfUrl('o', 'd', exportLanguageOf('fr'))).toBe('/api/v1/organizations/o/dpias/d/report.pdf?lang=fr');
    expect(exportLanguageOf('de')).toBe('fr');
  });

  it('reads the report of a refused import from the error', () => {
    const report = { dryRun: false, valid: false, activities: 1, created: [], updated: [], createdDepartments: [], createdVendors: [], errors: [], warnings: [] };
    expect(reportOf(new ApiError(422, { code: 'import_xlsx_invalid', message: 'x', details: report }))).toEqual(report);
    expect(reportOf(new ApiError(415, { code: 'import_not_xlsx', message: 'x' }))).toBeNull();
  });
});
