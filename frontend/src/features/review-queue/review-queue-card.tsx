'use client';

import Link from 'next/link';
import { useId } from 'react';

import { useT } from '@/i18n/i18n-provider';
import { orgPath } from '@/lib/paths';

import { countsByKind } from './review-queue';
import { REVIEW_KINDS, type ReviewQueueItem } from './types';

/** The dashboard's card for the DPO: how many records wait, per kind, and the way to the queue. */
export function ReviewQueueCard({ organizationId, items }: { organizationId: string; items: readonly ReviewQueueItem[] }) {
  const t = useT();
  const id = useId();
  const counts = countsByKind(items);
  return (
    <section className="dashboard__card" aria-labelledby={`${id}-review`} data-testid="headline-review-queue">
      <h2 id={`${id}-review`}>{t('dashboard.reviewQueue.title')}</h2>
      <p className="dashboard__figure" data-testid="headline-review-queue-total">
        {items.length}
      </p>
      <ul className="dashboard__breakdown">
        {REVIEW_KINDS.map((kind) => (
          <li key={kind} data-testid={`headline-review-queue-${kind}`}>
            {t('dashboard.countLine', { label: t(`reviewQueue.kind.${kind}`), count: counts[kind] })}
          </li>
        ))}
      </ul>
      <p className="dashboard__breakdown">
        <Link href={orgPath(organizationId, 'review')} data-testid="headline-review-queue-open">
          {t('dashboard.reviewQueue.open')}
        </Link>
      </p>
    </section>
  );
}
