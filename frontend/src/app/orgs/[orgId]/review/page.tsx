import type { Metadata } from 'next';

import { loadReviewQueue } from '@/features/review-queue/review-queue-api';
import { ReviewQueueTable } from '@/features/review-queue/review-queue-table';
import { getT } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';
import { orNotFound } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('reviewQueue.title') };
}

/** What waits for the DPO, oldest first (DPO and administrators). */
export default async function ReviewQueuePage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const [t, queue] = await Promise.all([getT(), serverApi().then((api) => orNotFound(loadReviewQueue(api, orgId)))]);
  return (
    <section className="page page--wide" aria-labelledby="page-title">
      <div className="page__header">
        <h1 id="page-title">{t('reviewQueue.title')}</h1>
      </div>
      <p className="page__intro">{t('reviewQueue.intro')}</p>
      <p role="status" data-testid="review-queue-count">
        {t('reviewQueue.count', { count: queue.items.length })}
      </p>
      <ReviewQueueTable organizationId={orgId} items={queue.items} />
    </section>
  );
}
