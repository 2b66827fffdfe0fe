'use client';

import { useT } from '@/i18n/i18n-provider';

import type { VendorStatus } from '../types';

/** under review / approved / restricted / terminated, in words and colour (the words carry the meaning). */
export function VendorStatusBadge({ status, testId }: { status: VendorStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`badge badge--vendor-${status}`} data-testid={testId} data-status={status}>
      {t(`vendors.status.${status}`)}
    </span>
  );
}
