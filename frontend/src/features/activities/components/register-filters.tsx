'use client';

import { useId } from 'react';

import { DateInput } from '@/components/form/date-field';
import { FilterBar, FilterCheck, FilterRow, ResetFilters, SearchBox } from '@/components/list/filter-bar';
import { FilterSelect } from '@/components/list/filter-select';
import { itemLabel } from '@/features/activities/catalogue';
import { EMPTY_REGISTER_QUERY, hasFilters, isIsoDate, type RegisterQuery, type TriState } from '@/features/activities/register-query';
import {
  ACTIVITY_STATUSES,
  DPIA_SCREENING_DECISIONS,
  type ActivityStatus,
  type CatalogueItem,
  type DpiaScreeningDecision,
  type LegalBasis,
} from '@/features/activities/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import type { Department } from '@/lib/api-types';

/** Today as `YYYY-MM-DD` (UTC, the same on the server and in the browser). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The register's search, filters and as-of date. */
export function RegisterFilters({
  query,
  departments,
  legalBases,
  onChange,
  onNavigate,
}: {
  query: RegisterQuery;
  departments: readonly Department[];
  legalBases: readonly CatalogueItem[];
  /** A change of filter (back to the first page). */
  onChange: (patch: Partial<RegisterQuery>) => void;
  onNavigate: (next: RegisterQuery) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const ids = useId();
  return (
    <FilterBar label={t('register.filters.label')}>
      <SearchBox
        id={`${ids}-q`}
        label={t('register.filters.search')}
        placeholder={t('register.filters.searchPlaceholder')}
        buttonLabel={t('register.filters.searchButton')}
        value={query.q}
        testId="register-search"
        onSearch={(q) => {
          onChange({ q });
        }}
      />
      <FilterRow>
        <FilterSelect
          allLabel={t('register.filters.all')}
          id={`${ids}-status`}
          label={t('register.filters.status')}
          value={query.status}
          testId="filter-status"
          options={ACTIVITY_STATUSES.map((status) => ({ value: status, label: t(`activity.status.${status}`) }))}
          onChange={(value) => {
            onChange({ status: value as ActivityStatus | '' });
          }}
        />
        <FilterSelect
          allLabel={t('register.filters.all')}
          id={`${ids}-department`}
          label={t('register.filters.department')}
          value={query.departmentId}
          testId="filter-department"
          options={departments.map((department) => ({ value: department.id, label: department.name }))}
          onChange={(value) => {
            onChange({ departmentId: value });
          }}
        />
        <FilterSelect
          allLabel={t('register.filters.all')}
          id={`${ids}-legal-basis`}
          label={t('register.filters.legalBasis')}
          value={query.legalBasis}
          testId="filter-legal-basis"
          options={legalBases.map((item) => ({ value: item.code, label: itemLabel(item, locale) }))}
          onChange={(value) => {
            onChange({ legalBasis: value as LegalBasis | '' });
          }}
        />
        <FilterSelect
          allLabel={t('register.filters.all')}
          id={`${ids}-special`}
          label={t('register.filters.specialData')}
          value={query.specialData}
          testId="filter-special-data"
          options={[
            { value: 'true', label: t('register.filters.specialDataYes') },
            { value: 'false', label: t('register.filters.specialDataNo') },
          ]}
          onChange={(value) => {
            onChange({ specialData: value as TriState });
          }}
        />
        <FilterSelect
          allLabel={t('register.filters.all')}
          id={`${ids}-dpia`}
          label={t('register.filters.dpiaDecision')}
          value={query.dpiaDecision}
          testId="filter-dpia-decision"
          options={DPIA_SCREENING_DECISIONS.map((decision) => ({ value: decision, label: t(`activity.dpiaDecisions.${decision}`) }))}
          onChange={(value) => {
            onChange({ dpiaDecision: value as DpiaScreeningDecision | '' });
          }}
        />
        <FilterCheck
          id={`${ids}-overdue`}
          label={t('register.filters.reviewOverdue')}
          checked={query.reviewOverdue}
          testId="filter-review-overdue"
          onChange={(reviewOverdue) => {
            onChange({ reviewOverdue });
          }}
        />
        <div className="filters__field">
          <label className="field__label" htmlFor={`${ids}-as-of`}>
            {t('register.filters.asOf')}
          </label>
          <DateInput
            id={`${ids}-as-of`}
            label={t('register.filters.asOf')}
            value={query.asOf}
            max={today()}
            testId="filter-as-of"
            onChange={(value) => {
              if (value === '' || isIsoDate(value)) onChange({ asOf: value });
            }}
          />
        </div>
        {hasFilters(query) ? (
          <ResetFilters
            label={t('register.filters.reset')}
            testId="filters-reset"
            onReset={() => {
              onNavigate({ ...EMPTY_REGISTER_QUERY, sort: query.sort, asOf: query.asOf });
            }}
          />
        ) : null}
      </FilterRow>
    </FilterBar>
  );
}
