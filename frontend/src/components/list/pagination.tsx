'use client';

import { useT } from '@/i18n/i18n-provider';

/** Previous / next for a paged list; nothing when everything fits on one page. */
export function Pagination({
  page,
  pageSize,
  total,
  onChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}) {
  const t = useT();
  const pageCount = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <button
        type="button"
        className="button button--small"
        disabled={page <= 1}
        onClick={() => {
          onChange(page - 1);
        }}
      >
        {t('pagination.previous')}
      </button>
      <span className="pagination__status">{t('pagination.status', { page, pageCount, total })}</span>
      <button
        type="button"
        className="button button--small"
        disabled={page >= pageCount}
        onClick={() => {
          onChange(page + 1);
        }}
      >
        {t('pagination.next')}
      </button>
    </nav>
  );
}

/** The pagination of a list page whose state is in the URL: a new page is the same query, another page number. */
export function ListPagination<Q extends { page: number }>({
  list,
  query,
  navigate,
}: {
  list: { page: number; pageSize: number; total: number };
  query: Q;
  navigate: (next: Q) => void;
}) {
  return (
    <Pagination
      page={list.page}
      pageSize={list.pageSize}
      total={list.total}
      onChange={(page) => {
        navigate({ ...query, page });
      }}
    />
  );
}
