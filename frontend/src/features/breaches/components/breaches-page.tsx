'use client';

import Link from 'next/link';

import { dateTimeInWords } from '@domain/words/dates';

import type { BreachSummary } from '@/features/breaches/types';
import { breachClock } from '@/features/rights-requests/clock';
import { BreachClockBadge, useNow } from '@/features/rights-requests/clock-badge';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import type { PageOf } from '@/lib/api-types';
import { orgPath } from '@/lib/paths';


export function BreachesPageContent({ organizationId, breaches }: { organizationId: string; breaches: PageOf<BreachSummary> }) {
  const t = useT();
  const locale = useLocale();
  // Hours matter here: the clock moves every minute while the page is open.
  const now = useNow(60_000);
  const ability = useAppAbility();
  // The house words (Paris time, day before month in English too), not the browser's US style.
  const instant = (iso: string) => dateTimeInWords(iso, locale) ?? iso;
  return (
    <section className="page page--wide" aria-labelledby="page-title">
      <div className="page__header">
        <h1 id="page-title">{t('breaches.title')}</h1>
        {ability.can('create', 'Breach') ? (
          <Link className="button button--primary" href={orgPath(organizationId, 'breaches/new')} data-testid="new-breach">
            {t('breaches.form.title')}
          </Link>
        ) : null}
      </div>
      <p className="page__intro">{t('breaches.intro')}</p>
      {breaches.items.length === 0 ? (
        <p data-testid="breaches-empty">{t('breaches.list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table registers-table" data-testid="breaches-table">
            <caption className="visually-hidden">{t('breaches.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('breaches.list.reference')}</th>
                <th scope="col">{t('breaches.list.summary')}</th>
                <th scope="col">{t('breaches.list.awareAt')}</th>
                <th scope="col">{t('breaches.list.risk')}</th>
                <th scope="col">{t('breaches.list.notificationDueAt')}</th>
                <th scope="col">{t('breaches.list.clock')}</th>
              </tr>
            </thead>
            <tbody>
              {breaches.items.map((breach) => (
                <tr key={breach.id} data-testid={`breach-row-${breach.reference}`} data-state={breach.notificationState}>
                  <th scope="row">
                    <Link href={orgPath(organizationId, `breaches/${encodeURIComponent(breach.id)}`)}>{breach.reference}</Link>
                  </th>
                  <td>{breach.summary}</td>
                  <td>{instant(breach.awareAt)}</td>
                  <td>{breach.risk ? t(`breaches.risks.${breach.risk}`) : t('breaches.risks.not_assessed')}</td>
                  <td>{instant(breach.notificationDueAt)}</td>
                  <td>
                    <BreachClockBadge clock={breachClock(breach, now)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
