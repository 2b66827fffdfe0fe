'use client';

import type { ReactNode } from 'react';

/** A column header that sorts the list: ascending first, then descending. */
export function SortableHeader({
  label,
  direction,
  testId,
  onSort,
}: {
  label: string;
  direction: 'ascending' | 'descending' | 'none';
  testId: string;
  onSort: () => void;
}) {
  return (
    <th scope="col" aria-sort={direction}>
      <button type="button" className="table__sort" data-testid={testId} onClick={onSort}>
        {label}
        <span aria-hidden="true" className="table__sort-icon">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

/** The results of a list: the count (announced) and the table, dimmed while the next page loads. */
export function ListResults({ pending, count, countTestId, children }: { pending: boolean; count: string; countTestId: string; children: ReactNode }) {
  return (
    <div className="register-results" aria-busy={pending} data-pending={pending || undefined}>
      <p className="register-results__count" role="status" data-testid={countTestId}>
        {count}
      </p>
      {children}
    </div>
  );
}

/** What an empty page of a list says: nothing yet, or nothing that matches the filters. */
export function ListEmpty({ filtered, testIdPrefix, empty, noMatch }: { filtered: boolean; testIdPrefix: string; empty: string; noMatch: string }) {
  return (
    <div className="empty-state" data-testid={`${testIdPrefix}-${filtered ? 'no-match' : 'empty'}`}>
      <p>{filtered ? noMatch : empty}</p>
    </div>
  );
}
