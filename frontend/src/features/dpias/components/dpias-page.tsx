'use client';

import Link from 'next/link';

import { formatDate } from '@/features/activities/history-diff';
import { DpiaStatusBadge, RiskBadge } from '@/features/dpias/components/dpia-status-badge';
import type { DpiaSummary } from '@/features/dpias/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import type { PageOf } from '@/lib/api-types';
import { orgPath } from '@/lib/paths';

export function DpiasPageContent({ organizationId, dpias }: { organizationId: string; dpias: PageOf<DpiaSummary> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="page page--wide" aria-labelledby="page-title">
      <div className="page__header">
        <h1 id="page-title">{t('dpias.title')}</h1>
      </div>
      <p className="page__intro">{t('dpias.intro')}</p>
      {dpias.items.length === 0 ? (
        <p data-testid="dpias-empty">{t('dpias.list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="dpias-table">
            <caption className="visually-hidden">{t('dpias.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dpias.list.activity')}</th>
                <th scope="col">{t('dpias.list.status')}</th>
                <th scope="col">{t('dpias.list.revision')}</th>
                <th scope="col">{t('dpias.list.residualRisk')}</th>
                <th scope="col">{t('dpias.list.nextActionDue')}</th>
                <th scope="col">{t('dpias.list.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {dpias.items.map((dpia) => (
                <tr key={dpia.id} data-testid={`dpia-row-${dpia.activityReference}`} data-status={dpia.status}>
                  <th scope="row">
                    <Link href={orgPath(organizationId, `dpias/${encodeURIComponent(dpia.id)}`)}>
                      {dpia.activityReference} {dpia.activityName}
                    </Link>
                  </th>
                  <td>
                    <DpiaStatusBadge status={dpia.status} />
                  </td>
                  <td>{dpia.revision}</td>
                  <td>
                    <RiskBadge level={dpia.residualRisk} />
                  </td>
                  <td>{dpia.nextActionDue ? formatDate(dpia.nextActionDue, locale) : t('dpias.list.none')}</td>
                  <td>{dpia.decision ? t(`dpias.decisions.${dpia.decision}`) : t('dpias.list.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
