'use client';

import Link from 'next/link';

import { formatDate } from '@/features/activities/history-diff';
import { useLocale, useT } from '@/i18n/i18n-provider';

import { reviewItemPath } from './review-queue';
import type { ReviewQueueItem } from './types';

/** The queue, oldest first, in words: what to do, the record, since when, whose. */
export function ReviewQueueTable({ organizationId, items }: { organizationId: string; items: readonly ReviewQueueItem[] }) {
  const t = useT();
  const locale = useLocale();
  if (items.length === 0) {
    return (
      <p className="muted" data-testid="review-queue-empty">
        {t('reviewQueue.empty')}
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className="table" data-testid="review-queue-table">
        <caption className="visually-hidden">{t('reviewQueue.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reviewQueue.columns.kind')}</th>
            <th scope="col">{t('reviewQueue.columns.record')}</th>
            <th scope="col">{t('reviewQueue.columns.since')}</th>
            <th scope="col">{t('reviewQueue.columns.owner')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.kind}-${item.recordId}`} data-testid="review-queue-item" data-kind={item.kind}>
              <td>{t(`reviewQueue.kind.${item.kind}`)}</td>
              <td>
                <Link href={reviewItemPath(organizationId, item)} data-testid="review-queue-link">
                  {item.reference && item.reference !== item.title ? (
                    <>
                      <span className="activity-reference">{item.reference}</span> {item.title}
                    </>
                  ) : (
                    item.title
                  )}
                </Link>
              </td>
              <td>{formatDate(item.since.slice(0, 10), locale)}</td>
              <td>{item.owner ?? <span className="muted">{t('reviewQueue.noOwner')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
