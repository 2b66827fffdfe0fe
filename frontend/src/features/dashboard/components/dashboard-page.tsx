'use client';

import Link from 'next/link';
import { useId } from 'react';

import { formatDate } from '@/features/activities/history-diff';
import type { CatalogueItem } from '@/features/activities/types';
import { BarTable } from '@/features/dashboard/components/bar-table';
import { ColumnChart } from '@/features/dashboard/components/column-chart';
import { FindingsPanel } from '@/features/dashboard/components/findings-panel';
import { IntakeCards } from '@/features/dashboard/components/intake-cards';
import { EMPTY_FINDINGS_QUERY, findingsQueryToSearch, type FindingsQuery } from '@/features/dashboard/findings-query';
import {
  SEVERITIES,
  type Dashboard,
  type FindingPage,
  type OrganizationSummary,
  type Severity,
} from '@/features/dashboard/types';
import { ReviewQueueCard } from '@/features/review-queue/review-queue-card';
import type { ReviewQueueItem } from '@/features/review-queue/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import type { Department } from '@/lib/api-types';
import { countryName } from '@/lib/countries';
import { orgPath } from '@/lib/paths';
import { rolesLabel } from '@/lib/roles';

const ACTIVITY_STATUSES = ['draft', 'in_review', 'validated', 'archived'] as const;
const VENDOR_STATUSES = ['under_review', 'approved', 'restricted', 'terminated'] as const;
const ZONES = ['eea', 'adequate', 'needs_safeguards'] as const;
const DPIA_STATUSES = ['draft', 'in_progress', 'awaiting_dpo_opinion', 'validated', 'refused'] as const;

export function DashboardPageContent({
  organizationId,
  query,
  dashboard,
  findings,
  summaries,
  departments,
  legalBases,
  reviewQueue = null,
}: {
  organizationId: string;
  query: FindingsQuery;
  dashboard: Dashboard;
  findings: FindingPage;
  summaries: OrganizationSummary[];
  departments: Department[];
  legalBases: CatalogueItem[];
  /** What waits for the DPO; null for those who may not read the queue. */
  reviewQueue?: ReviewQueueItem[] | null;
}) {
  const t = useT();
  const locale = useLocale();
  const ids = useId();

  const totalActivities = ACTIVITY_STATUSES.reduce((sum, status) => sum + dashboard.activitiesByStatus[status], 0);
  const totalFindings = SEVERITIES.reduce((sum, severity) => sum + dashboard.findingsBySeverity[severity], 0);
  const totalDpias = DPIA_STATUSES.reduce((sum, status) => sum + dashboard.dpiasByStatus[status], 0);
  const totalVendors = VENDOR_STATUSES.reduce((sum, status) => sum + dashboard.vendorsByStatus[status], 0);
  const legalBasisLabel = (code: string | null) => {
    if (code === null) return t('dashboard.charts.noLegalBasis');
    const item = legalBases.find((entry) => entry.code === code);
    return item ? item[locale] : code;
  };
  const shortDay = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', timeZone: 'UTC' });
  const severityFilter = (severity: Severity) => orgPath(organizationId, `dashboard${findingsQueryToSearch({ ...EMPTY_FINDINGS_QUERY, severity })}#findings`);

  return (
    <section className="page page--wide" aria-labelledby="page-title">
      <div className="page__header">
        <h1 id="page-title">{t('dashboard.title')}</h1>
      </div>
      <p className="page__intro">{t('dashboard.intro')}</p>

      <div className="dashboard__cards" data-testid="dashboard-headline">
        {reviewQueue ? <ReviewQueueCard organizationId={organizationId} items={reviewQueue} /> : null}
        <section className="dashboard__card" aria-labelledby={`${ids}-activities`} data-testid="headline-activities">
          <h2 id={`${ids}-activities`}>{t('dashboard.headline.activities')}</h2>
          <p className="dashboard__figure" data-testid="headline-activities-total">
            {totalActivities}
          </p>
          <ul className="dashboard__breakdown">
            {ACTIVITY_STATUSES.map((status) => (
              <li key={status} data-testid={`headline-activities-${status}`}>
                {t('dashboard.countLine', { label: t(`activity.status.${status}`), count: dashboard.activitiesByStatus[status] })}
              </li>
            ))}
          </ul>
        </section>
        <section className="dashboard__card" aria-labelledby={`${ids}-findings`} data-testid="headline-findings">
          <h2 id={`${ids}-findings`}>{t('dashboard.headline.findings')}</h2>
          <p className="dashboard__figure" data-testid="headline-findings-total">
            {totalFindings}
          </p>
          <ul className="dashboard__breakdown">
            {SEVERITIES.map((severity) => (
              <li key={severity} data-testid={`headline-findings-${severity}`}>
                <Link href={severityFilter(severity)}>
                  {t('dashboard.countLine', { label: t(`findings.severity.${severity}`), count: dashboard.findingsBySeverity[severity] })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <section className="dashboard__card" aria-labelledby={`${ids}-dpias`} data-testid="headline-dpias">
          <h2 id={`${ids}-dpias`}>{t('dashboard.headline.dpias')}</h2>
          <p className="dashboard__figure" data-testid="headline-dpias-total">
            {totalDpias}
          </p>
          <ul className="dashboard__breakdown">
            {DPIA_STATUSES.map((status) => (
              <li key={status} data-testid={`headline-dpias-${status}`}>
                {t('dashboard.countLine', { label: t(`dpias.status.${status}`), count: dashboard.dpiasByStatus[status] })}
              </li>
            ))}
          </ul>
          {dashboard.dpiasRequiredMissing > 0 ? (
            <p className="dashboard__breakdown" data-testid="headline-dpias-missing">
              <Link href={orgPath(organizationId, `dashboard${findingsQueryToSearch({ ...EMPTY_FINDINGS_QUERY, code: 'dpia_required_missing' })}#findings`)}>
                {t('dashboard.headline.dpiasRequiredMissing', { count: dashboard.dpiasRequiredMissing })}
              </Link>
            </p>
          ) : null}
        </section>
        <section className="dashboard__card" aria-labelledby={`${ids}-vendors`} data-testid="headline-vendors">
          <h2 id={`${ids}-vendors`}>{t('dashboard.headline.vendors')}</h2>
          <p className="dashboard__figure">{totalVendors}</p>
          <ul className="dashboard__breakdown">
            {VENDOR_STATUSES.map((status) => (
              <li key={status} data-testid={`headline-vendors-${status}`}>
                {t('dashboard.countLine', { label: t(`vendors.status.${status}`), count: dashboard.vendorsByStatus[status] })}
              </li>
            ))}
          </ul>
        </section>
        <section className="dashboard__card" aria-labelledby={`${ids}-reviews`} data-testid="headline-reviews">
          <h2 id={`${ids}-reviews`}>{t('dashboard.headline.reviews')}</h2>
          <p className="dashboard__figure" data-testid="headline-reviews-due">
            {dashboard.reviewsDue.length}
          </p>
          <p className="dashboard__breakdown">{t('dashboard.headline.reviewsOverdue', { count: dashboard.reviewsOverdue })}</p>
        </section>
        <IntakeCards organizationId={organizationId} dashboard={dashboard} />
      </div>

      {summaries.length > 1 ? (
        <section aria-labelledby={`${ids}-orgs`} className="panel" data-testid="organization-summaries">
          <h2 id={`${ids}-orgs`}>{t('dashboard.organizations.title')}</h2>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.organizations.organization')}</th>
                  <th scope="col">{t('dashboard.organizations.role')}</th>
                  <th scope="col">{t('dashboard.organizations.activities')}</th>
                  {SEVERITIES.map((severity) => (
                    <th scope="col" key={severity}>
                      {t(`findings.severity.${severity}`)}
                    </th>
                  ))}
                  <th scope="col">{t('dashboard.organizations.reviewsDue')}</th>
                  <th scope="col">{t('dashboard.organizations.completeness')}</th>
                </tr>
              </thead>
              <tbody>
                {summaries.map((row) => (
                  <tr key={row.organizationId} data-testid={`organization-summary-${row.organizationId}`}>
                    <th scope="row">
                      <Link href={orgPath(row.organizationId, 'dashboard')} aria-current={row.organizationId === organizationId ? 'page' : undefined}>
                        {row.organizationName}
                      </Link>
                    </th>
                    <td>{rolesLabel(t, row.roles)}</td>
                    <td>{row.activities}</td>
                    {SEVERITIES.map((severity) => (
                      <td key={severity}>{row.findingsBySeverity[severity]}</td>
                    ))}
                    <td>{t('dashboard.organizations.reviewsLine', { due: row.reviewsDue, overdue: row.reviewsOverdue })}</td>
                    <td>{row.averageCompleteness} %</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <FindingsPanel query={query} findings={findings} departments={departments} />

      <div className="dashboard__grid">
        <BarTable
          caption={t('dashboard.charts.legalBases')}
          testId="chart-legal-bases"
          labelHeader={t('dashboard.charts.legalBasis')}
          valueHeader={t('dashboard.charts.purposes')}
          empty={t('dashboard.charts.empty')}
          rows={dashboard.legalBases.map((entry) => ({ key: entry.legalBasis ?? 'none', label: legalBasisLabel(entry.legalBasis), value: entry.purposes }))}
        />
        <div>
          <BarTable
            caption={t('dashboard.charts.flows')}
            testId="chart-flow-zones"
            labelHeader={t('dashboard.charts.zone')}
            valueHeader={t('dashboard.charts.flowCount')}
            empty={t('dashboard.charts.empty')}
            rows={ZONES.map((zone) => ({ key: zone, label: t(`vendors.zones.${zone}`), value: dashboard.flows.zones[zone], tone: zone }))}
          />
          <BarTable
            caption={t('dashboard.charts.flowCountries')}
            testId="chart-flow-countries"
            labelHeader={t('dashboard.charts.country')}
            valueHeader={t('dashboard.charts.activities')}
            empty={t('dashboard.charts.empty')}
            rows={dashboard.flows.countries.map((flow) => ({
              key: flow.country,
              label: `${countryName(flow.country, locale)} — ${t(`vendors.zones.${flow.zone}`)}`,
              value: flow.activities,
              tone: flow.zone,
            }))}
          />
        </div>
        <BarTable
          caption={t('dashboard.charts.completeness')}
          testId="chart-completeness"
          labelHeader={t('dashboard.charts.department')}
          valueHeader={t('dashboard.charts.averageScore')}
          empty={t('dashboard.charts.empty')}
          max={100}
          rows={dashboard.completenessByDepartment.map((entry) => ({
            key: entry.departmentId ?? 'none',
            label: t('dashboard.charts.departmentLine', { department: entry.department ?? t('dashboard.charts.noDepartment'), count: entry.activities }),
            value: entry.averageScore,
            display: `${String(entry.averageScore)} %`,
          }))}
        />
        <ColumnChart
          title={t('dashboard.charts.changes')}
          testId="chart-changes"
          labelHeader={t('dashboard.charts.week')}
          valueHeader={t('dashboard.charts.changeCount')}
          axesCaption={t('dashboard.charts.axes', { value: t('dashboard.charts.changeCount'), label: t('dashboard.charts.week') })}
          points={dashboard.changesPerWeek.map((point) => ({
            label: t('dashboard.charts.weekOf', { date: formatDate(point.week, locale) }),
            axisLabel: shortDay.format(new Date(`${point.week}T00:00:00Z`)),
            value: point.changes,
          }))}
        />
      </div>

      <section aria-labelledby={`${ids}-due`} className="panel" data-testid="reviews-due">
        <h2 id={`${ids}-due`}>{t('dashboard.reviews.title')}</h2>
        {dashboard.reviewsDue.length === 0 ? (
          <p className="muted">{t('dashboard.reviews.none')}</p>
        ) : (
          <ul>
            {dashboard.reviewsDue.map((review) => (
              <li key={`${review.recordType}-${review.recordId}`}>
                <Link href={orgPath(organizationId, review.recordType === 'activity' ? `register/${review.recordId}` : `vendors/${review.recordId}`)}>
                  {review.recordType === 'activity' ? `${review.reference} ${review.name}` : review.name}
                </Link>{' '}
                — {formatDate(review.date, locale)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
