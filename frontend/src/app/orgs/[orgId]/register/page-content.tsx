'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useId, useTransition, type SubmitEvent } from 'react';

import { FilterSelect } from '@/components/filter-select';
import { Pagination } from '@/components/pagination';
import { itemLabel } from '@/features/activities/catalogue';
import { CompletenessBar } from '@/features/activities/components/completeness-bar';
import { StatusBadge } from '@/features/activities/components/status-badge';
import { formatDate } from '@/features/activities/history-diff';
import {
  EMPTY_REGISTER_QUERY,
  hasFilters,
  isIsoDate,
  nextSort,
  registerQueryToSearch,
  sortDirection,
  withChange,
  type RegisterQuery,
  type SortKey,
  type TriState,
} from '@/features/activities/register-query';
import {
  ACTIVITY_STATUSES,
  DPIA_SCREENING_DECISIONS,
  type ActivityListItem,
  type ActivityStatus,
  type CatalogueItem,
  type DpiaScreeningDecision,
  type LegalBasis,
} from '@/features/activities/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import type { Department, PageOf } from '@/lib/api-types';
import { orgPath } from '@/lib/paths';

/** Today as `YYYY-MM-DD` (UTC, the same on the server and in the browser). */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function RegisterPageContent({
  organizationId,
  query,
  activities,
  departments,
  legalBases,
}: {
  organizationId: string;
  query: RegisterQuery;
  activities: PageOf<ActivityListItem>;
  departments: readonly Department[];
  legalBases: readonly CatalogueItem[];
}) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const ability = useAppAbility();
  const canCreate = ability.can('create', 'Activity');
  const canExport = ability.can('export', 'Register');
  const ids = useId();
  const asOf = query.asOf !== '';
  const filtered = hasFilters(query);

  function navigate(next: RegisterQuery) {
    startTransition(() => {
      router.push(`${pathname}${registerQueryToSearch(next)}`, { scroll: false });
    });
  }
  const change = (patch: Partial<RegisterQuery>) => {
    navigate(withChange(query, patch));
  };

  function onSearch(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get('q');
    change({ q: typeof q === 'string' ? q : '' });
  }

  const referenceDate = asOf ? query.asOf : today();
  const activityHref = (item: ActivityListItem) =>
    orgPath(organizationId, `register/${encodeURIComponent(item.id)}`) + (asOf ? `?version=${String(item.version)}` : '');

  const sortableHeader = (key: SortKey, label: string) => {
    const direction = sortDirection(query.sort, key, query.q.trim() !== '');
    return (
      <th scope="col" aria-sort={direction}>
        <button
          type="button"
          className="table__sort"
          data-testid={`sort-${key}`}
          onClick={() => {
            change({ sort: nextSort(query.sort, key) });
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

  return (
    <section className="page page--wide" aria-labelledby="page-title">
      <div className="page__header">
        <h1 id="page-title">{t('register.title')}</h1>
        {canCreate && !asOf ? (
          <Link href={orgPath(organizationId, 'register/new')} className="button button--primary" data-testid="new-activity">
            {t('register.newActivity')}
          </Link>
        ) : null}
        {canExport ? (
          <Link href={orgPath(organizationId, 'exports')} className="button" data-testid="exports-link">
            {t('exports.link')}
          </Link>
        ) : null}
      </div>
      <p className="page__intro">{t('register.intro')}</p>

      <div className="filters" role="search" aria-label={t('register.filters.label')}>
        <form className="filters__search" onSubmit={onSearch} key={`q-${query.q}`}>
          <label className="field__label" htmlFor={`${ids}-q`}>
            {t('register.filters.search')}
          </label>
          <div className="filters__search-row">
            <input
              id={`${ids}-q`}
              name="q"
              type="search"
              className="field__control"
              defaultValue={query.q}
              placeholder={t('register.filters.searchPlaceholder')}
              data-testid="register-search"
            />
            <button type="submit" className="button">
              {t('register.filters.searchButton')}
            </button>
          </div>
        </form>
        <div className="filters__row">
          <FilterSelect
            allLabel={t('register.filters.all')}
            id={`${ids}-status`}
            label={t('register.filters.status')}
            value={query.status}
            testId="filter-status"
            options={ACTIVITY_STATUSES.map((status) => ({ value: status, label: t(`activity.status.${status}`) }))}
            onChange={(value) => {
              change({ status: value as ActivityStatus | '' });
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
              change({ departmentId: value });
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
              change({ legalBasis: value as LegalBasis | '' });
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
              change({ specialData: value as TriState });
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
              change({ dpiaDecision: value as DpiaScreeningDecision | '' });
            }}
          />
          <div className="filters__check">
            <input
              id={`${ids}-overdue`}
              type="checkbox"
              checked={query.reviewOverdue}
              data-testid="filter-review-overdue"
              onChange={(event) => {
                change({ reviewOverdue: event.target.checked });
              }}
            />
            <label htmlFor={`${ids}-overdue`}>{t('register.filters.reviewOverdue')}</label>
          </div>
          <div className="filters__field">
            <label className="field__label" htmlFor={`${ids}-as-of`}>
              {t('register.filters.asOf')}
            </label>
            <input
              id={`${ids}-as-of`}
              type="date"
              className="field__control"
              value={query.asOf}
              max={today()}
              data-testid="filter-as-of"
              onChange={(event) => {
                const value = event.target.value;
                if (value === '' || isIsoDate(value)) change({ asOf: value });
              }}
            />
          </div>
          {filtered ? (
            <button
              type="button"
              className="button button--secondary button--small filters__reset"
              data-testid="filters-reset"
              onClick={() => {
                navigate({ ...EMPTY_REGISTER_QUERY, sort: query.sort, asOf: query.asOf });
              }}
            >
              {t('register.filters.reset')}
            </button>
          ) : null}
        </div>
      </div>

      {asOf ? (
        <div className="notice notice--as-of" data-testid="as-of-notice">
          <p>{t('register.asOfNotice', { date: formatDate(query.asOf, locale) })}</p>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              change({ asOf: '' });
            }}
          >
            {t('register.backToToday')}
          </button>
        </div>
      ) : null}

      <div className="register-results" aria-busy={pending} data-pending={pending || undefined}>
        <p className="register-results__count" role="status" data-testid="register-total">
          {t('register.total', { total: activities.total })}
        </p>
        {activities.items.length === 0 ? (
          <EmptyRegister
            kind={asOf ? 'asOf' : filtered ? 'filtered' : 'empty'}
            newHref={canCreate && !asOf ? orgPath(organizationId, 'register/new') : null}
            onReset={() => {
              navigate({ ...EMPTY_REGISTER_QUERY, asOf: query.asOf });
            }}
          />
        ) : (
          <div className="table-wrap">
            <table className="table register-table" aria-labelledby="page-title" data-testid="register-table">
              <thead>
                <tr>
                  {sortableHeader('reference', t('register.columns.reference'))}
                  {sortableHeader('name', t('register.columns.name'))}
                  {sortableHeader('status', t('register.columns.status'))}
                  {sortableHeader('department', t('register.columns.department'))}
                  <th scope="col">{t('register.columns.owner')}</th>
                  <th scope="col">{t('register.columns.completeness')}</th>
                  {sortableHeader('nextReviewDate', t('register.columns.nextReview'))}
                </tr>
              </thead>
              <tbody>
                {activities.items.map((item) => {
                  const overdue =
                    item.nextReviewDate !== null && item.nextReviewDate < referenceDate && item.status !== 'archived';
                  return (
                    <tr key={item.id} data-testid={`activity-row-${item.reference}`}>
                      <td className="register-table__reference">
                        <Link href={activityHref(item)}>{item.reference}</Link>
                      </td>
                      <td>
                        <Link href={activityHref(item)}>{item.name}</Link>
                      </td>
                      <td>
                        <StatusBadge status={item.status} />
                      </td>
                      <td>{item.department ?? '—'}</td>
                      <td>{item.ownerName ?? item.owner ?? '—'}</td>
                      <td>
                        <CompletenessBar score={item.completeness.score} />
                      </td>
                      <td>
                        {item.nextReviewDate ? (
                          <>
                            {formatDate(item.nextReviewDate, locale)}
                            {overdue ? <span className="tag tag--warning">{t('register.overdue')}</span> : null}
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <Pagination
        page={activities.page}
        pageSize={activities.pageSize}
        total={activities.total}
        onChange={(page) => {
          navigate({ ...query, page });
        }}
      />
    </section>
  );
}


function EmptyRegister({
  kind,
  newHref,
  onReset,
}: {
  kind: 'empty' | 'filtered' | 'asOf';
  newHref: string | null;
  onReset: () => void;
}) {
  const t = useT();
  if (kind === 'filtered') {
    return (
      <div className="empty-state" data-testid="register-no-match">
        <p>{t('register.empty.noMatch')}</p>
        <button type="button" className="button button--secondary" onClick={onReset}>
          {t('register.filters.reset')}
        </button>
      </div>
    );
  }
  if (kind === 'asOf') {
    return (
      <div className="empty-state" data-testid="register-empty-as-of">
        <p>{t('register.empty.asOf')}</p>
      </div>
    );
  }
  return (
    <div className="empty-state" data-testid="register-empty">
      <h2>{t('register.empty.title')}</h2>
      <p>{t('register.empty.what')}</p>
      <p>{t('register.empty.who')}</p>
      {newHref ? (
        <Link href={newHref} className="button button--primary">
          {t('register.empty.start')}
        </Link>
      ) : null}
    </div>
  );
}
