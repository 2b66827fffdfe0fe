'use client';

import Link from 'next/link';

import { ListPagination } from '@/components/list/pagination';
import { ListEmpty, ListResults, SortableHeader } from '@/components/list/sortable-table';
import { useListNavigation } from '@/components/list/use-list-navigation';
import { formatDate } from '@/features/activities/history-diff';
import { DpiaFilters } from '@/features/dpias/components/dpia-filters';
import { DpiaStatusBadge, RiskBadge } from '@/features/dpias/components/dpia-status-badge';
import { dpiaQueryToSearch, dpiaSortDirection, hasDpiaFilters, nextDpiaSort, withDpiaChange, type DpiaQuery, type DpiaSortKey } from '@/features/dpias/dpia-query';
import type { DpiaSummary } from '@/features/dpias/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import type { PageOf } from '@/lib/api-types';
import { orgPath } from '@/lib/paths';

/** The organisation's DPIAs: search, status and sort in the URL, one page of DPIAs. */
export function DpiasPageContent({ organizationId, query, dpias }: { organizationId: string; query: DpiaQuery; dpias: PageOf<DpiaSummary> }) {
  const t = useT();
  const locale = useLocale();
  const { pending, navigate } = useListNavigation(dpiaQueryToSearch);
  const filtered = hasDpiaFilters(query);

  const change = (patch: Partial<DpiaQuery>) => {
    navigate(withDpiaChange(query, patch));
  };

  const sortableHeader = (key: DpiaSortKey, label: string) => (
    <SortableHeader
      label={label}
      direction={dpiaSortDirection(query.sort, key)}
      testId={`dpia-sort-${key}`}
      onSort={() => {
        change({ sort: nextDpiaSort(query.sort, key) });
      }}
    />
  );

  return (
    <section className="page page--wide" aria-labelledby="page-title">
      <div className="page__header">
        <h1 id="page-title">{t('dpias.title')}</h1>
      </div>
      <p className="page__intro">{t('dpias.intro')}</p>

      <DpiaFilters query={query} onChange={change} onNavigate={navigate} />

      <ListResults pending={pending} count={t('dpias.list.total', { total: dpias.total })} countTestId="dpias-total">
        {dpias.items.length === 0 ? (
          <ListEmpty filtered={filtered} testIdPrefix="dpias" empty={t('dpias.list.empty')} noMatch={t('dpias.list.noMatch')} />
        ) : (
          <div className="table-wrap">
            <table className="table register-table" data-testid="dpias-table">
              <caption className="visually-hidden">{t('dpias.list.caption')}</caption>
              <thead>
                <tr>
                  {sortableHeader('activity', t('dpias.list.activity'))}
                  {sortableHeader('status', t('dpias.list.status'))}
                  {sortableHeader('revision', t('dpias.list.revision'))}
                  <th scope="col">{t('dpias.list.residualRisk')}</th>
                  {sortableHeader('nextActionDue', t('dpias.list.nextActionDue'))}
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
      </ListResults>
      <ListPagination list={dpias} query={query} navigate={navigate} />
    </section>
  );
}
