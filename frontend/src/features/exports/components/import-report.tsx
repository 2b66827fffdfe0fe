'use client';

import { describeFieldPath } from '@/features/activities/history-diff';
import type { ImportReport } from '@/features/exports/exports-api';
import { useMessages, useT } from '@/i18n/i18n-provider';

/** What an import did, or would do, and the problems it found. */
export function ReportView({ report }: { report: ImportReport }) {
  const t = useT();
  const messages = useMessages();
  const summary = report.valid
    ? report.dryRun
      ? t('imports.wouldCreate', { count: report.created.length })
      : t('imports.created', { count: report.created.length })
    : t('imports.errorsFound', { count: report.errors.length });
  return (
    <div data-testid="import-report" data-valid={String(report.valid)} data-dry-run={String(report.dryRun)}>
      <p className={report.valid ? 'alert alert--success' : 'alert alert--error'} role={report.valid ? 'status' : 'alert'}>
        {summary}
      </p>
      {report.valid && report.created.length > 0 ? (
        <ul>
          {report.created.map((item) => (
            <li key={item.reference}>
              {item.reference} — {item.name}
            </li>
          ))}
        </ul>
      ) : null}
      {report.valid && report.updated.length > 0 ? (
        <>
          <p>{t(report.dryRun ? 'imports.wouldUpdate' : 'imports.updated', { count: report.updated.length })}</p>
          <ul data-testid="import-updated">
            {report.updated.map((item) => (
              <li key={item.reference}>
                {item.reference} — {item.name} ({t('imports.changedFields', { fields: item.changes.map((field) => describeFieldPath(field, messages)).join(', ') })})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.createdVendors.length > 0 ? <p>{t('imports.createdVendors', { names: report.createdVendors.join(', ') })}</p> : null}
      {report.valid && report.dryRun && report.created.length + report.updated.length === 0 ? <p data-testid="import-nothing">{t('imports.nothingToImport')}</p> : null}
      {report.warnings.length > 0 ? <ImportProblems problems={report.warnings} caption={t('imports.warningsCaption')} heading={t('imports.warning')} testId="import-warnings" /> : null}
      {report.errors.length > 0 ? <ImportProblems problems={report.errors} caption={t('imports.errorsCaption')} heading={t('imports.message')} testId="import-errors" /> : null}
    </div>
  );
}

/** Errors or warnings of an import, by sheet, row and column. */
export function ImportProblems({ problems, caption, heading, testId }: { problems: ImportReport['errors']; caption: string; heading: string; testId: string }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table table--cards" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('imports.sheet')}</th>
            <th scope="col">{t('imports.row')}</th>
            <th scope="col">{t('imports.column')}</th>
            <th scope="col">{heading}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((error, index) => (
            <tr key={index} data-code={error.code}>
              <td data-label={t('imports.sheet')}>{error.sheet}</td>
              <td data-label={t('imports.row')}>{error.row ?? '—'}</td>
              <td data-label={t('imports.column')}>{error.column ?? '—'}</td>
              <td data-label={heading}>{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
