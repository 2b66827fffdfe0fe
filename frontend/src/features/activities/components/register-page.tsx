'use client';

import Link from 'next/link';

import { ListPagination } from '@/components/list/pagination';
import { ListResults, SortableHeader } from '@/components/list/sortable-table';
import { useListNavigation } from '@/components/list/use-list-navigation';
import { CompletenessBar } from '@/features/activities/components/completeness-bar';
import { RegisterFilters, today } from '@/features/activities/components/register-filters';
import { StatusBadge } from '@/features/activities/components/status-badge';
import { formatDate } from '@/features/activities/history-diff';
import {
  EMPTY_REGISTER_QUERY,
  hasFilters,
  nextSort,
  registerQueryToSearch,
  sortDirection,
  withChange,
  type RegisterQuery,
  type SortKey,
} from '@/features/activities/register-query';
import type { ActivityListItem, CatalogueItem } from '@/features/activities/types';
import { OnboardingChecklist } from '@/features/onboarding/components/onboarding-checklist';
import type { Onboarding } from '@/features/onboarding/onboarding-api';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import type { Department, PageOf } from '@/lib/api-types';
import { orgPath } from '@/lib/paths';

/** The register: search, filters and sort in the URL; one page of activities. */
export function RegisterPageContent({
  organizationId,
  query,
  activities,
  departments,
  legalBases,
  onboarding = null,
}: {
  organizationId: string;
  query: RegisterQuery;
  activities: PageOf<ActivityListItem>;
  departments: readonly Department[];
  legalBases: readonly CatalogueItem[];
  /** The setting-up checklist (admin and DPO), null for the other members. */
  onboarding?: Onboarding | null;
}) {
  const t = useT();
  const locale = useLocale();
  const { pending, navigate } = useListNavigation(registerQueryToSearch);
  const ability = useAppAbility();
  const canCreate = ability.can('create', 'Activity');
  const canExport = ability.can('export', 'Register');
  const asOf = query.asOf !== '';
  const filtered = hasFilters(query);

  const change = (patch: Partial<RegisterQuery>) => {
    navigate(withChange(query, patch));
  };

  const referenceDate = asOf ? query.asOf : today();
  const activityHref = (item: ActivityListItem) =>
    orgPath(organizationId, `register/${encodeURIComponent(item.id)}`) + (asOf ? `?version=${String(item.version)}` : '');

  const sortableHeader = (key: SortKey, label: string) => (
    <SortableHeader
      label={label}
      direction={sortDirection(query.sort, key, query.q.trim() !== '')}
      testId={`sort-${key}`}
      onSort={() => {
        change({ sort: nextSort(query.sort, key) });
      }}
    />
  );

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
            {/* Who cannot import (an auditor) is not offered an import. */}
            {t(canCreate ? 'exports.link' : 'exports.linkExportOnly')}
          </Link>
        ) : null}
      </div>
      <p className="page__intro">{t('register.intro')}</p>
      <OnboardingChecklist organizationId={organizationId} onboarding={onboarding} />

      <RegisterFilters query={query} departments={departments} legalBases={legalBases} onChange={change} onNavigate={navigate} />

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

      <ListResults pending={pending} count={t('register.total', { total: activities.total })} countTestId="register-total">
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
      </ListResults>
      <ListPagination list={activities} query={query} navigate={navigate} />
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
