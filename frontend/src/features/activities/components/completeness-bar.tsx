'use client';

import { useT } from '@/i18n/i18n-provider';

/** The share of the register's checks an activity passes, as a bar and a number. */
export function CompletenessBar({ score, testId }: { score: number; testId?: string }) {
  const t = useT();
  const value = Math.max(0, Math.min(100, Math.round(score)));
  const level = value === 100 ? 'complete' : value >= 60 ? 'partial' : 'low';
  return (
    <span className="completeness" data-testid={testId} data-score={value}>
      <span
        className="completeness__track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-label={t('activity.completeness.label')}
      >
        <span className={`completeness__fill completeness__fill--${level}`} style={{ width: `${String(value)}%` }} />
      </span>
      <span className="completeness__value">{t('activity.completeness.value', { score: value })}</span>
    </span>
  );
}
