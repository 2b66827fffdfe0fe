'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useId, useMemo, useTransition, type SubmitEvent } from 'react';

import { FilterSelect } from '@/components/filter-select';
import { Pagination } from '@/components/pagination';
import { formatDate } from '@/features/activities/history-diff';
import { VendorStatusBadge } from '@/features/vendors/components/vendor-status-badge';
import { COUNTRY_ZONES, VENDOR_ROLES, VENDOR_STATUSES, type CountryBreakdown, type VendorListItem, type VendorRole, type VendorStatus } from '@/features/vendors/types';
import {
  EMPTY_VENDOR_QUERY,
  hasVendorFilters,
  nextVendorSort,
  vendorQueryToSearch,
  vendorSortDirection,
  withVendorChange,
  type VendorFlag,
  type VendorQuery,
  type VendorSortKey,
} from '@/features/vendors/vendor-query';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import type { PageOf } from '@/lib/api-types';
import { countryName, countryOptions } from '@/lib/countries';
import { orgPath } from '@/lib/paths';

const FLAG_TEST_IDS: Record<VendorFlag, string> = {
  dpaMissing: 'filter-dpa-missing',
  exposed: 'filter-exposed',
  needsMechanism: 'filter-needs-mechanism',
  reviewOverdue: 'filter-vendor-review-overdue',
};

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
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const ids = useId();
  const filtered = hasVendorFilters(query);
  const countryList = useMemo(() => countryOptions(locale), [locale]);
  const canCreate = useAppAbility().can('create', 'Vendor');

  function navigate(next: VendorQuery) {
    startTransition(() => {
      router.push(`${pathname}${vendorQueryToSearch(next)}`, { scroll: false });
    });
  }
  const change = (patch: Partial<VendorQuery>) => {
    navigate(withVendorChange(query, patch));
  };

  function onSearch(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get('q');
    change({ q: typeof q === 'string' ? q : '' });
  }

  const vendorHref = (item: VendorListItem) => orgPath(organizationId, `vendors/${encodeURIComponent(item.id)}`);

  const sortableHeader = (key: VendorSortKey, label: string) => {
    const direction = vendorSortDirection(query.sort, key);
    return (
      <th scope="col" aria-sort={direction}>
        <button
          type="button"
          className="table__sort"
          data-testid={`vendor-sort-${key}`}
          onClick={() => {
            change({ sort: nextVendorSort(query.sort, key) });
          }}
        >
          {label}
          <span aria-hidden="true" className="table__sort-icon">
            {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
          </span>
        </button>
      </th>
    );
  };

  const flagLabels: Record<VendorFlag, string> = {
    dpaMissing: t('vendors.filters.dpaMissing'),
    exposed: t('vendors.filters.exposed'),
    needsMechanism: t('vendors.filters.needsMechanism'),
    reviewOverdue: t('vendors.filters.reviewOverdue'),
  };

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

      <section className="zones" aria-labelledby={`${ids}-zones`} data-testid="country-breakdown">
        <h2 id={`${ids}-zones`}>{t('vendors.zones.title')}</h2>
        <p className="panel__intro">{t('vendors.zones.intro')}</p>
        <div className="zones__grid">
          {COUNTRY_ZONES.map((zone) => {
            const totals = countries.zones.find((item) => item.zone === zone);
            const rows = countries.countries.filter((row) => row.zone === zone);
            return (
              <div key={zone} className={`zones__zone zones__zone--${zone}`} data-testid={`zone-${zone}`}>
                <h3>{t(`vendors.zones.${zone}`)}</h3>
                <p>
                  {t('vendors.zones.summary', {
                    countries: totals?.countries ?? 0,
                    vendors: totals?.vendors ?? 0,
                    transfers: totals?.activityTransfers ?? 0,
                  })}
                  {totals && totals.needsMechanism > 0 ? (
                    <span className="tag tag--danger">{t('vendors.zones.needsMechanism', { count: totals.needsMechanism })}</span>
                  ) : null}
                </p>
                {rows.length > 0 ? (
                  <ul className="zones__countries">
                    {rows.map((row) => (
                      <li key={row.country} data-testid={`zone-country-${row.country}`}>
                        <button
                          type="button"
                          className="link-button"
                          aria-pressed={query.country === row.country}
                          onClick={() => {
                            change({ country: query.country === row.country ? '' : row.country });
                          }}
                        >
                          {countryName(row.country, locale)}
                        </button>{' '}
                        <span className="muted">{t('vendors.zones.countryLine', { vendors: row.vendors, transfers: row.activityTransfers })}</span>
                        {row.needsMechanism > 0 ? <span className="tag tag--danger">{t('vendors.zones.needsMechanism', { count: row.needsMechanism })}</span> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            );
          })}
        </div>
      </section>

      <div className="filters" role="search" aria-label={t('vendors.filters.label')}>
        <form className="filters__search" onSubmit={onSearch} key={`q-${query.q}`}>
          <label className="field__label" htmlFor={`${ids}-q`}>
            {t('vendors.filters.search')}
          </label>
          <div className="filters__search-row">
            <input
              id={`${ids}-q`}
              name="q"
              type="search"
              className="field__control"
              defaultValue={query.q}
              placeholder={t('vendors.filters.searchPlaceholder')}
              data-testid="vendor-search"
            />
            <button type="submit" className="button">
              {t('vendors.filters.searchButton')}
            </button>
          </div>
        </form>
        <div className="filters__row">
          <FilterSelect
            allLabel={t('vendors.filters.all')}
            id={`${ids}-status`}
            label={t('vendors.filters.status')}
            value={query.status}
            testId="filter-vendor-status"
            options={VENDOR_STATUSES.map((status) => ({ value: status, label: t(`vendors.status.${status}`) }))}
            onChange={(value) => {
              change({ status: value as VendorStatus | '' });
            }}
          />
          <FilterSelect
            allLabel={t('vendors.filters.all')}
            id={`${ids}-role`}
            label={t('vendors.filters.role')}
            value={query.role}
            testId="filter-vendor-role"
            options={VENDOR_ROLES.map((role) => ({ value: role, label: t(`vendors.role.${role}`) }))}
            onChange={(value) => {
              change({ role: value as VendorRole | '' });
            }}
          />
          <FilterSelect
            allLabel={t('vendors.filters.all')}
            id={`${ids}-country`}
            label={t('vendors.filters.country')}
            value={query.country}
            testId="filter-vendor-country"
            options={countryList}
            onChange={(value) => {
              change({ country: value });
            }}
          />
          {(Object.keys(FLAG_TEST_IDS) as VendorFlag[]).map((flag) => (
            <div className="filters__check" key={flag}>
              <input
                id={`${ids}-${flag}`}
                type="checkbox"
                checked={query[flag]}
                data-testid={FLAG_TEST_IDS[flag]}
                onChange={(event) => {
                  change({ [flag]: event.target.checked });
                }}
              />
              <label htmlFor={`${ids}-${flag}`}>{flagLabels[flag]}</label>
            </div>
          ))}
          {filtered ? (
            <button
              type="button"
              className="button button--secondary button--small filters__reset"
              data-testid="vendor-filters-reset"
              onClick={() => {
                navigate({ ...EMPTY_VENDOR_QUERY, sort: query.sort });
              }}
            >
              {t('vendors.filters.reset')}
            </button>
          ) : null}
        </div>
      </div>

      <div className="register-results" aria-busy={pending} data-pending={pending || undefined}>
        <p className="register-results__count" role="status" data-testid="vendors-total">
          {t('vendors.total', { total: vendors.total })}
        </p>
        {vendors.items.length === 0 ? (
          <div className="empty-state" data-testid={filtered ? 'vendors-no-match' : 'vendors-empty'}>
            <p>{filtered ? t('vendors.noMatch') : t('vendors.empty')}</p>
          </div>
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
      </div>
      <Pagination
        page={vendors.page}
        pageSize={vendors.pageSize}
        total={vendors.total}
        onChange={(page) => {
          navigate({ ...query, page });
        }}
      />
    </section>
  );
}

