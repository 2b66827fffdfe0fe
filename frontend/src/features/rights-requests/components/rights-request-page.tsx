'use client';

import Link from 'next/link';

import { dateTimeInWords } from '@domain/words/dates';

import { formatDate } from '@/features/activities/history-diff';
import { requestClock } from '@/features/rights-requests/clock';
import { AnswerLetterPanel } from '@/features/rights-requests/components/answer-letter';
import { EditRightsRequestForm } from '@/features/rights-requests/components/edit-request-form';
import { RightsRequestActions } from '@/features/rights-requests/components/request-actions';
import { RequestClockBadge, useNow } from '@/features/rights-requests/clock-badge';
import { codeLabel } from '@/features/activities/catalogue';
import type { CatalogueItem, OwnerOption } from '@/features/activities/types';
import { RequestTasksPanel } from '@/features/rights-requests/components/request-tasks';
import type { LinkedRecord } from '@/features/rights-requests/linked-records';
import { requesterInWords } from '@/features/rights-requests/requester';
import type { RightsRequestDetail } from '@/features/rights-requests/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { orgPath } from '@/lib/paths';


export function RightsRequestPageContent({
  organizationId,
  request,
  activities,
  subjectCategories,
  members,
}: {
  organizationId: string;
  request: RightsRequestDetail;
  activities: LinkedRecord[];
  subjectCategories: readonly CatalogueItem[];
  members: readonly OwnerOption[];
}) {
  const t = useT();
  const locale = useLocale();
  const now = useNow(60_000);
  // The house words (Paris time, day before month in English too), not the browser's US style.
  const instant = (iso: string) => dateTimeInWords(iso, locale) ?? iso;
  const none = t('rightsRequests.detail.none');
  return (
    <section className="page" aria-labelledby="page-title">
      <p className="breadcrumb">
        <Link href={orgPath(organizationId, 'rights-requests')}>{t('rightsRequests.title')}</Link>
      </p>
      <div className="page__header">
        <h1 id="page-title">
          {t('rightsRequests.detail.heading', { reference: request.reference, type: t(`rightsRequests.types.${request.type}`) })}
        </h1>
        <RequestClockBadge clock={requestClock(request, now)} />
      </div>
      <dl className="detail-list" data-testid="rights-request-detail" data-status={request.status}>
        <dt>{t('rightsRequests.list.status')}</dt>
        <dd>{t(`rightsRequests.statuses.${request.status}`)}</dd>
        <dt>{t('rightsRequests.detail.receivedAt')}</dt>
        <dd>
          {instant(request.receivedAt)} — {t(`rightsRequests.channels.${request.channel}`)}
        </dd>
        <dt>{t('rightsRequests.list.requester')}</dt>
        <dd data-testid={request.identityErasedAt ? 'identity-erased' : undefined}>
          {requesterInWords(request, t, locale)}
          {request.requesterContact ? ` — ${request.requesterContact}` : ''}
          {request.identityErasedAt ? <p className="field__hint">{t('rightsRequests.detail.identityErasedHint')}</p> : null}
        </dd>
        <dt>{t('rightsRequests.detail.subjectCategory')}</dt>
        <dd data-testid="request-subject-category">{request.subjectCategory ? codeLabel(subjectCategories, request.subjectCategory, locale) : none}</dd>
        <dt>{t('rightsRequests.detail.identityCheck')}</dt>
        <dd>
          {t(`rightsRequests.identity.${request.identityCheckStatus}`)}
          {request.identityCheckMethod ? ` — ${request.identityCheckMethod}` : ''}
        </dd>
        <dt>{t('rightsRequests.detail.description')}</dt>
        <dd>{request.description ?? none}</dd>
        <dt>{t('rightsRequests.list.dueOn')}</dt>
        <dd>{formatDate(request.dueOn, locale)}</dd>
        <dt>{t('rightsRequests.detail.extendedDueOn')}</dt>
        <dd>
          {request.extendedDueOn && request.personInformedOn
            ? t('rightsRequests.detail.extension', {
                date: formatDate(request.extendedDueOn, locale),
                informed: formatDate(request.personInformedOn, locale),
                reason: request.extensionReason ?? '',
              })
            : none}
        </dd>
        <dt>{t('rightsRequests.detail.activities')}</dt>
        <dd>
          {activities.length === 0 ? (
            none
          ) : (
            <ul>
              {activities.map((activity) => (
                <li key={activity.id}>
                  <Link href={orgPath(organizationId, `register/${encodeURIComponent(activity.id)}`)}>{activity.label}</Link>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('rightsRequests.detail.answer')}</dt>
        <dd>
          {request.answerSentAt
            ? t('rightsRequests.detail.answerSent', { date: instant(request.answerSentAt), channel: request.answerChannel ?? none, summary: request.answerSummary ?? '' })
            : none}
        </dd>
        {request.refusalGrounds ? (
          <>
            <dt>{t('rightsRequests.detail.refusalGrounds')}</dt>
            <dd>{request.refusalGrounds}</dd>
          </>
        ) : null}
      </dl>
      <RequestTasksPanel organizationId={organizationId} request={request} activities={activities} members={members} />
      {/* Keyed on the version: after a save the form starts again from what the server now holds. */}
      <EditRightsRequestForm key={request.version} organizationId={organizationId} request={request} activities={activities} subjectCategories={subjectCategories} />
      <RightsRequestActions organizationId={organizationId} request={request} />
      {request.type === 'access' ? <AnswerLetterPanel organizationId={organizationId} requestId={request.id} /> : null}
    </section>
  );
}
