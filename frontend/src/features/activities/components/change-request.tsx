'use client';

import { useEffect, useState } from 'react';

import { listVersions } from '@/features/activities/activities-api';
import { formatDate } from '@/features/activities/history-diff';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useApi } from '@/lib/use-api';

interface ChangeRequest {
  comment: string;
  authorName: string | null;
  createdAt: string;
}

/**
 * The DPO's comment when they sent the activity back (its latest version is a change request): shown
 * to the owner above the workflow until the activity changes again.
 */
export function ChangeRequestNotice({ organizationId, activityId, status, version }: { organizationId: string; activityId: string; status: string; version: number }) {
  const t = useT();
  const locale = useLocale();
  const api = useApi();
  const [request, setRequest] = useState<ChangeRequest | null>(null);

  useEffect(() => {
    let current = true;
    if (status !== 'draft') {
      setRequest(null);
      return;
    }
    listVersions(api, organizationId, activityId)
      .then((page) => {
        const latest = page.items[0];
        if (current) setRequest(latest?.action === 'request_changes' && latest.comment ? { comment: latest.comment, authorName: latest.authorName, createdAt: latest.createdAt } : null);
      })
      .catch(() => {
        // The history tab reports a failing history; this notice is a convenience.
        if (current) setRequest(null);
      });
    return () => {
      current = false;
    };
  }, [api, organizationId, activityId, status, version]);

  if (!request) return null;
  return (
    <section className="notice change-request" aria-labelledby="change-request-title" data-testid="change-request">
      <h2 id="change-request-title" className="change-request__title">
        {t('activity.changeRequest.title')}
      </h2>
      <blockquote className="change-request__comment" data-testid="change-request-comment">
        {request.comment}
      </blockquote>
      <p className="muted">
        {t('activity.changeRequest.by', { name: request.authorName ?? t('activity.changeRequest.someone'), date: formatDate(request.createdAt.slice(0, 10), locale) })}
        {' — '}
        {t('activity.changeRequest.hint')}
      </p>
    </section>
  );
}
