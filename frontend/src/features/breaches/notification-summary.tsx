'use client';

import { useState } from 'react';

import type { NotificationSummary } from '@/features/breaches/types';
import { useT } from '@/i18n/i18n-provider';

/** The breach in the sections of the CNIL's online form, with one button to copy it all. */
export function NotificationSummaryPanel({ summary }: { summary: NotificationSummary }) {
  const t = useT();
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const copy = () => {
    navigator.clipboard.writeText(summary.text).then(
      () => {
        setCopied('done');
      },
      () => {
        setCopied('failed');
      },
    );
  };
  return (
    <section aria-labelledby="breach-summary-title" data-testid="breach-notification-summary">
      <h2 id="breach-summary-title">{t('breaches.detail.summaryTitle')}</h2>
      <p>{t('breaches.detail.summaryIntro')}</p>
      <button type="button" className="button" onClick={copy}>
        {t('breaches.detail.copy')}
      </button>
      <span role="status" aria-live="polite">
        {copied === 'done' ? ` ${t('breaches.detail.copied')}` : copied === 'failed' ? ` ${t('breaches.detail.copyFailed')}` : ''}
      </span>
      {summary.sections.map((section) => (
        <div key={section.key}>
          <h3>{section.title}</h3>
          <p className="registers-summary">{section.text}</p>
        </div>
      ))}
    </section>
  );
}
