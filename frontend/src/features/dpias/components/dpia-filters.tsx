'use client';

import { useId } from 'react';

import { FilterBar, FilterRow, ResetFilters, SearchBox } from '@/components/list/filter-bar';
import { FilterSelect } from '@/components/list/filter-select';
import { EMPTY_DPIA_QUERY, hasDpiaFilters, type DpiaQuery } from '@/features/dpias/dpia-query';
import { DPIA_STATUSES, type DpiaStatus } from '@/features/dpias/types';
import { useT } from '@/i18n/i18n-provider';

/** The DPIAs' search (the activity's reference or name) and status filter. */
export function DpiaFilters({
  query,
  onChange,
  onNavigate,
}: {
  query: DpiaQuery;
  /** A change of filter (back to the first page). */
  onChange: (patch: Partial<DpiaQuery>) => void;
  onNavigate: (next: DpiaQuery) => void;
}) {
  const t = useT();
  const ids = useId();
  return (
    <FilterBar label={t('dpias.filters.label')}>
      <SearchBox
        id={`${ids}-q`}
        label={t('dpias.filters.search')}
        placeholder={t('dpias.filters.searchPlaceholder')}
        buttonLabel={t('dpias.filters.searchButton')}
        value={query.q}
        testId="dpia-search"
        onSearch={(q) => {
          onChange({ q });
        }}
      />
      <FilterRow>
        <FilterSelect
          allLabel={t('dpias.filters.all')}
          id={`${ids}-status`}
          label={t('dpias.filters.status')}
          value={query.status}
          testId="filter-dpia-status"
          options={DPIA_STATUSES.map((status) => ({ value: status, label: t(`dpias.status.${status}`) }))}
          onChange={(value) => {
            onChange({ status: value as DpiaStatus | '' });
          }}
        />
        {hasDpiaFilters(query) ? (
          <ResetFilters
            label={t('dpias.filters.reset')}
            testId="dpia-filters-reset"
            onReset={() => {
              onNavigate({ ...EMPTY_DPIA_QUERY, sort: query.sort });
            }}
          />
        ) : null}
      </FilterRow>
    </FilterBar>
  );
}
