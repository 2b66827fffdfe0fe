'use client';

import Link from 'next/link';

import { formatDate } from '@/features/activities/history-diff';
import { fearedEventLabel, measureLabel, scaleLabel, type DpiaCatalogues } from '@/features/dpias/catalogues';
import { RegisterSummary } from '@/features/dpias/components/register-summary';
import { RiskMap } from '@/features/dpias/components/risk-map';
import {
  CONTEXT_FIELDS,
  FEARED_EVENTS,
  PRINCIPLE_ITEMS,
  residualLevel,
  riskLevel,
  type DpiaDetail,
  type RiskLevel,
} from '@/features/dpias/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import type { Organization } from '@/lib/api-types';
import { orgPath } from '@/lib/paths';

const day = (value: string | Date) => (typeof value === 'string' ? value : value.toISOString()).slice(0, 10);

/** A document for the browser's "print to PDF": organisation, dates, every section, the map and the decision. */
export function DpiaReportContent({ organizationId, dpia, organization, catalogues }: { organizationId: string; dpia: DpiaDetail; organization: Organization; catalogues: DpiaCatalogues }) {
  const t = useT();
  const locale = useLocale();
  const level = (value: RiskLevel) =>
    value.severity === null || value.likelihood === null
      ? t('dpias.risks.notRated')
      : `${t('dpias.risks.severity')} ${String(value.severity)} (${scaleLabel(catalogues['dpia-severity'], value.severity, locale)}), ${t('dpias.risks.likelihood')} ${String(value.likelihood)} (${scaleLabel(catalogues['dpia-likelihood'], value.likelihood, locale)})`;
  const { content } = dpia;
  return (
    <article className="dpia-report" aria-labelledby="report-title" data-testid="dpia-report">
      <div className="dpia-report__tools no-print">
        <Link href={orgPath(organizationId, `dpias/${encodeURIComponent(dpia.id)}`)}>← {t('dpias.report.back')}</Link>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('dpias.report.print')}
        </button>
      </div>
      <header>
        <p className="dpia-report__org" data-testid="report-organisation">
          {organization.legalName ?? organization.name}
        </p>
        <h1 id="report-title">{t('dpias.report.title')}</h1>
        <p className="dpia-report__subtitle">
          {dpia.register.reference} {dpia.register.name}
        </p>
        <dl className="dpia-report__meta">
          <dt>{t('dpias.report.organisation')}</dt>
          <dd>
            {organization.legalName ?? organization.name}
            {organization.registrationNumber ? ` — ${organization.registrationNumber}` : ''}
            {organization.address ? `, ${organization.address}` : ''}
            {organization.dpoName ? (
              <>
                <br />
                {t('dpias.report.dpo', { name: organization.dpoName })}
              </>
            ) : null}
          </dd>
          <dt>{t('dpias.report.dates')}</dt>
          <dd>
            {t('dpias.report.createdAt', { date: formatDate(day(dpia.createdAt), locale) })}
            <br />
            {t('dpias.report.updatedAt', { date: formatDate(day(dpia.updatedAt), locale) })}
            {dpia.decision ? (
              <>
                <br />
                {t('dpias.report.decidedAt', { date: formatDate(day(dpia.decision.decidedAt), locale) })}
              </>
            ) : null}
          </dd>
          <dt>{t('dpias.list.status')}</dt>
          <dd data-testid="report-status">{t('dpias.report.revision', { revision: dpia.revision, status: t(`dpias.status.${dpia.status}`) })}</dd>
        </dl>
      </header>

      <section aria-labelledby="report-context">
        <h2 id="report-context">{t('dpias.sections.context')}</h2>
        <RegisterSummary organizationId={organizationId} activityId={dpia.activityId} register={dpia.register} catalogues={catalogues} />
        <dl>
          {CONTEXT_FIELDS.map((field) => (
            <div key={field}>
              <dt>{t(`dpias.context.${field}`)}</dt>
              <dd className="dpia-report__text">{content.context[field] ?? '—'}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="report-principles">
        <h2 id="report-principles">{t('dpias.sections.principles')}</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('dpias.sections.principles')}</th>
              <th scope="col">{t('dpias.principles.judgement')}</th>
              <th scope="col">{t('dpias.principles.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {PRINCIPLE_ITEMS.map((item) => (
              <tr key={item}>
                <th scope="row">{t(`dpias.principles.items.${item}`)}</th>
                <td>{t(`dpias.judgements.${content.principles[item].judgement ?? 'none'}`)}</td>
                <td className="dpia-report__text">{content.principles[item].comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="report-risks">
        <h2 id="report-risks">{t('dpias.sections.risks')}</h2>
        {FEARED_EVENTS.map((event) => {
          const risk = content.risks[event];
          const residual = riskLevel(residualLevel(risk));
          return (
            <section key={event} className="dpia-report__risk" aria-labelledby={`report-risk-${event}`}>
              <h3 id={`report-risk-${event}`}>{fearedEventLabel(catalogues, event, locale)}</h3>
              <dl>
                <dt>{t('dpias.risks.riskSources')}</dt>
                <dd>{risk.riskSources.join(' ; ') || '—'}</dd>
                <dt>{t('dpias.risks.threats')}</dt>
                <dd>{risk.threats.join(' ; ') || '—'}</dd>
                <dt>{t('dpias.risks.impacts')}</dt>
                <dd>{risk.impacts.join(' ; ') || '—'}</dd>
                <dt>{t('dpias.risks.existingMeasures')}</dt>
                <dd>{risk.existingMeasures.map((code) => measureLabel(catalogues, code, locale)).join(' ; ') || '—'}</dd>
                <dt>{t('dpias.risks.plannedMeasures')}</dt>
                <dd>{risk.plannedMeasures.map((code) => measureLabel(catalogues, code, locale)).join(' ; ') || '—'}</dd>
                <dt>{t('dpias.risks.before')}</dt>
                <dd>{level(risk.before)}</dd>
                <dt>{t('dpias.risks.after')}</dt>
                <dd>{level(risk.after)}</dd>
              </dl>
              <p>{t('dpias.risks.residual', { level: t(`dpias.risk.${residual ?? 'none'}`) })}</p>
            </section>
          );
        })}
        <h3>{t('dpias.sections.riskMap')}</h3>
        <RiskMap risks={content.risks} catalogues={catalogues} id="report-risk-map" />
      </section>

      <section aria-labelledby="report-actions">
        <h2 id="report-actions">{t('dpias.sections.actionPlan')}</h2>
        {content.actionPlan.length === 0 ? (
          <p>{t('dpias.actions.empty')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('dpias.actions.measure')}</th>
                <th scope="col">{t('dpias.actions.owner')}</th>
                <th scope="col">{t('dpias.actions.dueDate')}</th>
                <th scope="col">{t('dpias.actions.status')}</th>
              </tr>
            </thead>
            <tbody>
              {content.actionPlan.map((action) => (
                <tr key={action.id}>
                  <td>{action.measure}</td>
                  <td>{action.owner ?? '—'}</td>
                  <td>{action.dueDate ? formatDate(action.dueDate, locale) : '—'}</td>
                  <td>{t(`dpias.actionStatus.${action.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="report-validation" className="dpia-report__validation">
        <h2 id="report-validation">{t('dpias.sections.validation')}</h2>
        <h3>{t('dpias.validation.dataSubjects')}</h3>
        <p className="dpia-report__text">
          {content.dataSubjectsView.sought === true
            ? `${content.dataSubjectsView.names ?? ''} — ${content.dataSubjectsView.status ? t(`dpias.opinions.${content.dataSubjectsView.status}`) : ''} ${content.dataSubjectsView.opinion ?? ''}`
            : content.dataSubjectsView.sought === false
              ? `${t('dpias.validation.reasonNotSought')} : ${content.dataSubjectsView.reasonNotSought ?? '—'}`
              : t('dpias.validation.soughtUnknown')}
        </p>
        <h3>{t('dpias.validation.dpoOpinion')}</h3>
        {dpia.dpoOpinion ? (
          <p className="dpia-report__text">
            <strong>{t(`dpias.opinions.${dpia.dpoOpinion.status}`)}</strong> — {dpia.dpoOpinion.opinion}
            <br />
            {t('dpias.validation.givenBy', { name: dpia.dpoOpinion.givenByName ?? t('dpias.validation.unknownPerson'), date: formatDate(day(dpia.dpoOpinion.givenAt), locale) })}
          </p>
        ) : (
          <p>{t('dpias.validation.noOpinion')}</p>
        )}
        <h3>{t('dpias.validation.decision')}</h3>
        {dpia.decision ? (
          <div data-testid="report-decision" data-decision={dpia.decision.decision}>
            <p>
              <strong>{t(`dpias.decisions.${dpia.decision.decision}`)}</strong>
            </p>
            {dpia.decision.comment ? (
              <p className="dpia-report__text">
                {t('dpias.report.conditions')} : {dpia.decision.comment}
              </p>
            ) : null}
            <p>{t('dpias.validation.decidedBy', { name: dpia.decision.decidedByName ?? t('dpias.validation.unknownPerson'), date: formatDate(day(dpia.decision.decidedAt), locale) })}</p>
          </div>
        ) : (
          <p data-testid="report-decision" data-decision="none">
            {t('dpias.report.noDecision')}
          </p>
        )}
      </section>
    </article>
  );
}
