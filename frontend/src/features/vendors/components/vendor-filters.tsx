'use client';

import { useId, useMemo } from 'react';

import { FilterBar, FilterCheck, FilterRow, ResetFilters, SearchBox } from '@/components/list/filter-bar';
import { FilterSelect } from '@/components/list/filter-select';
import { VENDOR_ROLES, VENDOR_STATUSES, type VendorRole, type VendorStatus } from '@/features/vendors/types';
import { EMPTY_VENDOR_QUERY, hasVendorFilters, type VendorFlag, type VendorQuery } from '@/features/vendors/vendor-query';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { countryOptions } from '@/lib/countries';

const FLAG_TEST_IDS: Record<VendorFlag, string> = {
  dpaMissing: 'filter-dpa-missing',
  exposed: 'filter-exposed',
  needsMechanism: 'filter-needs-mechanism',
  reviewOverdue: 'filter-vendor-review-overdue',
};

/** The vendors' search and filters. */
export function VendorFilters({
  query,
  onChange,
  onNavigate,
}: {
  query: VendorQuery;
  /** A change of filter (back to the first page). */
  onChange: (patch: Partial<VendorQuery>) => void;
  onNavigate: (next: VendorQuery) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const ids = useId();
  const countryList = useMemo(() => countryOptions(locale), [locale]);
  const flagLabels: Record<VendorFlag, string> = {
    dpaMissing: t('vendors.filters.dpaMissing'),
    exposed: t('vendors.filters.exposed'),
    needsMechanism: t('vendors.filters.needsMechanism'),
    reviewOverdue: t('vendors.filters.reviewOverdue'),
  };
  return (
    <FilterBar label={t('vendors.filters.label')}>
      <SearchBox
        id={`${ids}-q`}
        label={t('vendors.filters.search')}
        placeholder={t('vendors.filters.searchPlaceholder')}
        buttonLabel={t('vendors.filters.searchButton')}
        value={query.q}
        testId="vendor-search"
        onSearch={(q) => {
          onChange({ q });
        }}
      />
      <FilterRow>
        <FilterSelect
          allLabel={t('vendors.filters.all')}
          id={`${ids}-status`}
          label={t('vendors.filters.status')}
          value={query.status}
          testId="filter-vendor-status"
          options={VENDOR_STATUSES.map((status) => ({ value: status, label: t(`vendors.status.${status}`) }))}
          onChange={(value) => {
            onChange({ status: value as VendorStatus | '' });
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
            onChange({ role: value as VendorRole | '' });
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
            onChange({ country: value });
          }}
        />
        {(Object.keys(FLAG_TEST_IDS) as VendorFlag[]).map((flag) => (
          <FilterCheck
            key={flag}
            id={`${ids}-${flag}`}
            label={flagLabels[flag]}
            checked={query[flag]}
            testId={FLAG_TEST_IDS[flag]}
            onChange={(checked) => {
              onChange({ [flag]: checked });
            }}
          />
        ))}
        {hasVendorFilters(query) ? (
          <ResetFilters
            label={t('vendors.filters.reset')}
            testId="vendor-filters-reset"
            onReset={() => {
              onNavigate({ ...EMPTY_VENDOR_QUERY, sort: query.sort });
            }}
          />
        ) : null}
      </FilterRow>
    </FilterBar>
  );
}
