'use client';

import { useT } from '@/i18n/i18n-provider';

import type { DpiaStatus, RiskLevelName } from '../types';

/** The status in words (the colour only repeats them). */
export function DpiaStatusBadge({ status, testId }: { status: DpiaStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`badge badge--dpia-${status}`} data-testid={testId} data-status={status}>
      {t(`dpias.status.${status}`)}
    </span>
  );
}

export function RiskBadge({ level, testId }: { level: RiskLevelName | null; testId?: string }) {
  const t = useT();
  return (
    <span className={`risk-level risk-level--${level ?? 'none'}`} data-testid={testId} data-level={level ?? 'none'}>
      {t(`dpias.risk.${level ?? 'none'}`)}
    </span>
  );
}
