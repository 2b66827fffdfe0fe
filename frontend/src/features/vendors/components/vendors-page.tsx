'use client';

import Link from 'next/link';

import { ListPagination } from '@/components/list/pagination';
import { ListEmpty, ListResults, SortableHeader } from '@/components/list/sortable-table';
import { useListNavigation } from '@/components/list/use-list-navigation';
import { formatDate } from '@/features/activities/history-diff';
import { CountryZones } from '@/features/vendors/components/country-zones';
import { VendorFilters } from '@/features/vendors/components/vendor-filters';
import { VendorStatusBadge } from '@/features/vendors/components/vendor-status-badge';
import type { CountryBreakdown, VendorListItem } from '@/features/vendors/types';
import {
  hasVendorFilters,
  nextVendorSort,
  vendorQueryToSearch,
  vendorSortDirection,
  withVendorChange,
  type VendorQuery,
  type VendorSortKey,
} from '@/features/vendors/vendor-query';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import type { PageOf } from '@/lib/api-types';
import { countryName } from '@/lib/countries';
import { orgPath } from '@/lib/paths';

/** The vendors: where they are, search and filters in the URL, one page of vendors. */
export function VendorsPageContent({
  organizationId,
  query,
  vendors,
  countries,
}: {
  organizationId: string;
  query: VendorQuery;
  vendors: PageOf<VendorListItem>;
  countries: CountryBreakdown;
}) {
  const t = useT();
  const locale = useLocale();
  const { pending, navigate } = useListNavigation(vendorQueryToSearch);
  const filtered = hasVendorFilters(query);
  const canCreate = useAppAbility().can('create', 'Vendor');

  const change = (patch: Partial<VendorQuery>) => {
    navigate(withVendorChange(query, patch));
  };

  const vendorHref = (item: VendorListItem) => orgPath(organizationId, `vendors/${encodeURIComponent(item.id)}`);

  const sortableHeader = (key: VendorSortKey, label: string) => (
    <SortableHeader
      label={label}
      direction={vendorSortDirection(query.sort, key)}
      testId={`vendor-sort-${key}`}
      onSort={() => {
        change({ sort: nextVendorSort(query.sort, key) });
      }}
    />
  );

  return (
    <section className="page page--wide" aria-labelledby="page-title">
      <div className="page__header">
        <h1 id="page-title">{t('vendors.title')}</h1>
        {canCreate ? (
          <Link href={orgPath(organizationId, 'vendors/new')} className="button button--primary" data-testid="new-vendor">
            {t('vendors.newVendor')}
          </Link>
        ) : null}
      </div>
      <p className="page__intro">{t('vendors.intro')}</p>

      <CountryZones
        countries={countries}
        selected={query.country}
        onSelect={(country) => {
          change({ country });
        }}
      />

      <VendorFilters query={query} onChange={change} onNavigate={navigate} />

      <ListResults pending={pending} count={t('vendors.total', { total: vendors.total })} countTestId="vendors-total">
        {vendors.items.length === 0 ? (
          <ListEmpty filtered={filtered} testIdPrefix="vendors" empty={t('vendors.empty')} noMatch={t('vendors.noMatch')} />
        ) : (
          <div className="table-wrap">
            <table className="table register-table" aria-labelledby="page-title" data-testid="vendors-table">
              <thead>
                <tr>
                  {sortableHeader('name', t('vendors.columns.name'))}
                  <th scope="col">{t('vendors.columns.role')}</th>
                  {sortableHeader('status', t('vendors.columns.status'))}
                  <th scope="col">{t('vendors.columns.headquarters')}</th>
                  <th scope="col">{t('vendors.columns.dpa')}</th>
                  <th scope="col">{t('vendors.columns.flags')}</th>
                  {sortableHeader('nextReviewDate', t('vendors.columns.nextReview'))}
                </tr>
              </thead>
              <tbody>
                {vendors.items.map((item) => (
                  <tr key={item.id} data-testid={`vendor-row-${item.name}`} data-status={item.status}>
                    <td>
                      <Link href={vendorHref(item)}>{item.name}</Link>
                    </td>
                    <td>{t(`vendors.role.${item.role}`)}</td>
                    <td>
                      <VendorStatusBadge status={item.status} />
                    </td>
                    <td>{item.headquartersCountry ? countryName(item.headquartersCountry, locale) : '—'}</td>
                    <td data-testid="vendor-dpa" data-signed={item.dpaSigned}>
                      {item.dpaSigned ? t('vendors.yes') : t('vendors.no')}
                    </td>
                    <td>
                      <ul className="flags" aria-label={t('vendors.columns.flags')}>
                        {item.dpaMissing ? (
                          <li className="tag tag--danger" data-flag="dpaMissing">
                            {t('vendors.flags.dpaMissing')}
                          </li>
                        ) : null}
                        {item.exposed ? (
                          <li className="tag tag--warning" data-flag="exposed">
                            {t('vendors.flags.exposed')}
                          </li>
                        ) : null}
                        {item.needsMechanism ? (
                          <li className="tag tag--danger" data-flag="needsMechanism">
                            {t('vendors.flags.needsMechanism')}
                          </li>
                        ) : null}
                      </ul>
                    </td>
                    <td>
                      {item.nextReviewDate ? (
                        <>
                          {formatDate(item.nextReviewDate, locale)}
                          {item.reviewOverdue ? <span className="tag tag--warning">{t('vendors.flags.reviewOverdue')}</span> : null}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListResults>
      <ListPagination list={vendors} query={query} navigate={navigate} />
    </section>
  );
}

