'use client';

import Link from 'next/link';
import { useId } from 'react';

import { FilterBar, FilterRow } from '@/components/list/filter-bar';
import { FilterSelect } from '@/components/list/filter-select';
import { Pagination } from '@/components/list/pagination';
import { useListNavigation } from '@/components/list/use-list-navigation';
import { findingsQueryToSearch, withFindingsChange, type FindingsQuery } from '@/features/dashboard/findings-query';
import { FINDING_CODES, SEVERITIES, type FindingCode, type FindingPage, type Severity } from '@/features/dashboard/types';
import { useT } from '@/i18n/i18n-provider';
import type { Department } from '@/lib/api-types';

/** The page comes back to the findings after a change of filter or page. */
const findingsSearch = (query: FindingsQuery) => `${findingsQueryToSearch(query)}#findings`;

/** The findings: filters in the URL, one page of problems, each with a link to fix it. */
export function FindingsPanel({ query, findings, departments }: { query: FindingsQuery; findings: FindingPage; departments: Department[] }) {
  const t = useT();
  const ids = useId();
  const { pending, navigate } = useListNavigation(findingsSearch);
  const change = (patch: Partial<FindingsQuery>) => {
    navigate(withFindingsChange(query, patch));
  };
  return (
    <section id="findings" aria-labelledby={`${ids}-findings-title`} className="panel" data-testid="findings">
      <h2 id={`${ids}-findings-title`}>{t('findings.title')}</h2>
      <FilterBar label={t('findings.filters.label')}>
        <FilterRow>
          <FilterSelect
            id={`${ids}-severity`}
            label={t('findings.filters.severity')}
            allLabel={t('findings.filters.all')}
            value={query.severity}
            testId="filter-finding-severity"
            options={SEVERITIES.map((severity) => ({ value: severity, label: t(`findings.severity.${severity}`) }))}
            onChange={(value) => {
              change({ severity: value as Severity | '' });
            }}
          />
          <FilterSelect
            id={`${ids}-code`}
            label={t('findings.filters.code')}
            allLabel={t('findings.filters.all')}
            value={query.code}
            testId="filter-finding-code"
            options={FINDING_CODES.map((code) => ({ value: code, label: t(`findings.codes.${code}`) }))}
            onChange={(value) => {
              change({ code: value as FindingCode | '' });
            }}
          />
          <FilterSelect
            id={`${ids}-department`}
            label={t('findings.filters.department')}
            allLabel={t('findings.filters.all')}
            value={query.departmentId}
            testId="filter-finding-department"
            options={departments.map((department) => ({ value: department.id, label: department.name }))}
            onChange={(value) => {
              change({ departmentId: value });
            }}
          />
        </FilterRow>
      </FilterBar>
      <p role="status" aria-live="polite" data-testid="findings-total">
        {pending ? t('findings.loading') : t('findings.total', { count: findings.total })}
      </p>
      {findings.items.length === 0 ? (
        <p className="muted" data-testid="findings-empty">
          {t('findings.empty')}
        </p>
      ) : (
        <ul className="dashboard__findings">
          {findings.items.map((finding) => (
            <li key={`${finding.recordId}-${finding.code}-${finding.field}`} className="dashboard__finding" data-testid="finding" data-code={finding.code} data-record={finding.recordReference}>
              <span className={`dashboard__severity dashboard__severity--${finding.severity}`}>{t(`findings.severity.${finding.severity}`)}</span>
              <p>{finding.message}</p>
              <Link href={finding.link} className="button button--small" data-testid="finding-fix">
                {t('findings.fix')}
                <span className="visually-hidden"> — {finding.recordReference}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={findings.page}
        pageSize={findings.pageSize}
        total={findings.total}
        onChange={(page) => {
          navigate({ ...query, page });
        }}
      />
    </section>
  );
}
