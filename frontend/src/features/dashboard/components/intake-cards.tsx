'use client';

import Link from 'next/link';
import { useId } from 'react';

import type { Dashboard } from '@/features/dashboard/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { orgPath } from '@/lib/paths';

const RISKS = ['not_assessed', 'none', 'risk', 'high'] as const;

/**
 * The dashboard's cards of the other two registers: requests open, late and due this week, and the
 * share answered in time over 12 months; breaches of the last 12 months by risk and what is late.
 * The server sends the figures only to members who read those registers whole.
 */
export function IntakeCards({ organizationId, dashboard }: { organizationId: string; dashboard: Pick<Dashboard, 'rightsRequests' | 'breaches'> }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const { rightsRequests: requests, breaches } = dashboard;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <>
      {requests ? (
        <section className="dashboard__card" aria-labelledby={`${id}-requests`} data-testid="headline-rights-requests">
          <h2 id={`${id}-requests`}>{t('dashboard.intake.requestsTitle')}</h2>
          <p className="dashboard__figure" data-testid="headline-rights-requests-open">
            {requests.open}
          </p>
          <ul className="dashboard__breakdown">
            <li data-testid="headline-rights-requests-overdue">{t('dashboard.intake.requestsOverdue', { count: requests.overdue })}</li>
            <li data-testid="headline-rights-requests-week">{t('dashboard.intake.requestsDueWithinWeek', { count: requests.dueWithinWeek })}</li>
            <li data-testid="headline-rights-requests-on-time">
              {requests.dueLast12Months === 0
                ? t('dashboard.intake.onTimeNone')
                : t('dashboard.intake.onTime', {
                    rate: percent.format(requests.onTimeLast12Months / requests.dueLast12Months),
                    onTime: requests.onTimeLast12Months,
                    count: requests.dueLast12Months,
                  })}
            </li>
          </ul>
          <p className="dashboard__breakdown">
            <Link href={orgPath(organizationId, 'rights-requests')}>{t('dashboard.intake.requestsOpen')}</Link>
          </p>
        </section>
      ) : null}
      {breaches ? (
        <section className="dashboard__card" aria-labelledby={`${id}-breaches`} data-testid="headline-breaches">
          <h2 id={`${id}-breaches`}>{t('dashboard.intake.breachesTitle')}</h2>
          <p className="dashboard__figure" data-testid="headline-breaches-total">
            {breaches.last12Months}
          </p>
          <ul className="dashboard__breakdown">
            {RISKS.map((risk) => (
              <li key={risk} data-testid={`headline-breaches-${risk}`}>
                {t('dashboard.countLine', { label: t(`breaches.risks.${risk}`), count: breaches.byRisk[risk] })}
              </li>
            ))}
            {breaches.notificationOverdue > 0 ? (
              <li data-testid="headline-breaches-notification-overdue">{t('dashboard.intake.notificationOverdue', { count: breaches.notificationOverdue })}</li>
            ) : null}
            {breaches.personsNotInformed > 0 ? (
              <li data-testid="headline-breaches-persons">{t('dashboard.intake.personsNotInformed', { count: breaches.personsNotInformed })}</li>
            ) : null}
          </ul>
          <p className="dashboard__breakdown">
            <Link href={orgPath(organizationId, 'breaches')}>{t('dashboard.intake.breachesOpen')}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
