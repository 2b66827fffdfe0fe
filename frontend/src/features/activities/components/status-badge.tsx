'use client';

import { useT } from '@/i18n/i18n-provider';

import type { ActivityStatus } from '../types';

/** draft / in review / validated / archived, in words and colour (the words carry the meaning). */
export function StatusBadge({ status, testId }: { status: ActivityStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`badge badge--${status}`} data-testid={testId} data-status={status}>
      {t(`activity.status.${status}`)}
    </span>
  );
}
