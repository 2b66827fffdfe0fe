'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';

import { DateInput } from '@/components/form/date-field';
import { ACTIVITY_STATUSES, type ActivityStatus } from '@/features/activities/types';
import { exportUrl, reportOf, uploadWorkbook, type ExportFile, type ExportLanguage, type ImportReport } from '@/features/exports/exports-api';
import { ReportView } from '@/features/exports/components/import-report';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { ApiError } from '@/lib/api-error';

type Phase = 'idle' | 'uploading' | 'processing';

export function ExportsPageContent({ organizationId }: { organizationId: string }) {
  const t = useT();
  const locale = useLocale();
  const ids = useId();
  const router = useRouter();
  const ability = useAppAbility();
  const canExportRegister = ability.can('export', 'Register');
  const canExportEvidence = ability.can('export', 'Evidence');
  const canImport = ability.can('create', 'Activity');

  const [lang, setLang] = useState<ExportLanguage>(locale === 'en' ? 'en' : 'fr');
  const [asOf, setAsOf] = useState('');
  const [statuses, setStatuses] = useState<ActivityStatus[]>([...ACTIVITY_STATUSES]);
  const url = (file: ExportFile) => exportUrl(organizationId, file, { lang, asOf, statuses });

  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function send(dryRun: boolean) {
    if (!file) return;
    setPhase('uploading');
    setProgress(0);
    setFailure(null);
    if (dryRun) setReport(null);
    try {
      const result = await uploadWorkbook(organizationId, file, dryRun, locale, (fraction) => {
        setProgress(fraction);
        if (fraction >= 1) setPhase('processing');
      });
      setReport(result);
      if (!dryRun) router.refresh();
    } catch (error) {
      const refused = reportOf(error);
      if (refused) setReport(refused);
      else setFailure(error instanceof ApiError && error.message ? error.message : t('imports.failed'));
    } finally {
      setPhase('idle');
    }
  }

  const busy = phase !== 'idle';
  const download = (file: ExportFile, testId: string, label: string) => (
    <a className="button" href={url(file)} download data-testid={testId}>
      {label}
    </a>
  );

  return (
    <section className="page page--wide" aria-labelledby="page-title">
      <div className="page__header">
        <h1 id="page-title">{t('exports.title')}</h1>
      </div>
      <p className="page__intro">{t('exports.intro')}</p>

      {canExportRegister ? (
        <section className="panel" aria-labelledby={`${ids}-export`}>
          <h2 id={`${ids}-export`}>{t('exports.exportTitle')}</h2>
          <div className="filters">
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-lang`}>
                {t('exports.language')}
              </label>
              <select id={`${ids}-lang`} className="field__control" value={lang} onChange={(event) => setLang(event.target.value === 'en' ? 'en' : 'fr')} data-testid="export-lang">
                <option value="fr">Français</option>
                <option value="en">English</option>
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-asof`}>
                {t('exports.asOf')}
              </label>
              <DateInput id={`${ids}-asof`} label={t('exports.asOf')} value={asOf} onChange={setAsOf} testId="export-as-of" describedBy={`${ids}-asof-hint`} />
              <span id={`${ids}-asof-hint`} className="field__hint">
                {t('exports.asOfHint')}
              </span>
            </div>
            <fieldset className="field">
              <legend className="field__label">{t('exports.statuses')}</legend>
              {ACTIVITY_STATUSES.map((status) => (
                <label key={status} className="checkbox">
                  <input
                    type="checkbox"
                    checked={statuses.includes(status)}
                    onChange={(event) => setStatuses((current) => (event.target.checked ? [...current, status] : current.filter((item) => item !== status)))}
                    data-testid={`export-status-${status}`}
                  />{' '}
                  {t(`activity.status.${status}`)}
                </label>
              ))}
            </fieldset>
          </div>
          <p className="actions">
            {download('register.xlsx', 'export-register', t('exports.register'))} {download('register.pdf', 'export-register-pdf', t('exports.registerPdf'))}{' '}
            {download('vendors.xlsx', 'export-vendors', t('exports.vendors'))}{' '}
            {download('processor-register.xlsx', 'export-processor-register', t('exports.processorRegister'))}
          </p>
          {canExportEvidence ? (
            <>
              <h3>{t('exports.evidenceTitle')}</h3>
              <p className="panel__intro">{t('exports.evidenceIntro')}</p>
              <p className="actions">{download('evidence.zip', 'export-evidence', t('exports.evidence'))}</p>
            </>
          ) : null}
        </section>
      ) : null}

      {canImport ? (
        <section className="panel" aria-labelledby={`${ids}-import`}>
          <h2 id={`${ids}-import`}>{t('imports.title')}</h2>
          <p className="panel__intro">{t('imports.intro')}</p>
          {canExportRegister ? <p className="actions">{download('template.xlsx', 'export-template', t('imports.template'))}</p> : null}
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-file`}>
              {t('imports.file')}
            </label>
            <input
              id={`${ids}-file`}
              type="file"
              className="field__control"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setReport(null);
                setFailure(null);
              }}
              data-testid="import-file"
            />
          </div>
          <p className="actions">
            <button type="button" className="button" disabled={!file || busy} onClick={() => void send(true)} data-testid="import-check">
              {t('imports.check')}
            </button>{' '}
            {report?.dryRun && report.valid && report.created.length + report.updated.length > 0 ? (
              <button type="button" className="button button--primary" disabled={busy} onClick={() => void send(false)} data-testid="import-run">
                {/* What the import writes: rows that match the register as it is are left alone. */}
                {t('imports.run', { count: report.created.length + report.updated.length })}
              </button>
            ) : null}
          </p>
          {busy ? (
            <div role="status" aria-live="polite">
              <label htmlFor={`${ids}-progress`}>{phase === 'uploading' ? t('imports.uploading') : t('imports.processing')}</label>{' '}
              <progress id={`${ids}-progress`} max={1} value={phase === 'uploading' ? progress : undefined} data-testid="import-progress" />
            </div>
          ) : null}
          {failure ? (
            <p className="alert alert--error" role="alert" data-testid="import-failure">
              {failure}
            </p>
          ) : null}
          {report ? <ReportView report={report} /> : null}
        </section>
      ) : null}
    </section>
  );
}
