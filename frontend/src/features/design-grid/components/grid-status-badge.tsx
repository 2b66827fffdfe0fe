'use client';

import { useT } from '@/i18n/i18n-provider';

import type { GridStatus } from '../types';

export function GridStatusBadge({ status, testId = 'grid-status' }: { status: GridStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`badge badge--grid-${status}`} data-testid={testId} data-status={status}>
      {t(`designGrid.statuses.${status}`)}
    </span>
  );
}
