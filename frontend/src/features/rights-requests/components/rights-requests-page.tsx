'use client';

import Link from 'next/link';

import { formatDate } from '@/features/activities/history-diff';
import { localDate, requestClock } from '@/features/rights-requests/clock';
import { RequestClockBadge, useNow } from '@/features/rights-requests/clock-badge';
import { requesterInWords } from '@/features/rights-requests/requester';
import type { RightsRequestSummary } from '@/features/rights-requests/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import type { PageOf } from '@/lib/api-types';
import { orgPath } from '@/lib/paths';

export function RightsRequestsPageContent({ organizationId, requests }: { organizationId: string; requests: PageOf<RightsRequestSummary> }) {
  const t = useT();
  const locale = useLocale();
  const now = useNow(60_000);
  const ability = useAppAbility();
  return (
    <section className="page page--wide" aria-labelledby="page-title">
      <div className="page__header">
        <h1 id="page-title">{t('rightsRequests.title')}</h1>
        {ability.can('create', 'RightsRequest') ? (
          <Link className="button button--primary" href={orgPath(organizationId, 'rights-requests/new')} data-testid="new-rights-request">
            {t('rightsRequests.form.title')}
          </Link>
        ) : null}
      </div>
      <p className="page__intro">{t('rightsRequests.intro')}</p>
      {requests.items.length === 0 ? (
        <p data-testid="rights-requests-empty">{t('rightsRequests.list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table registers-table" data-testid="rights-requests-table">
            <caption className="visually-hidden">{t('rightsRequests.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rightsRequests.list.reference')}</th>
                <th scope="col">{t('rightsRequests.list.type')}</th>
                <th scope="col">{t('rightsRequests.list.requester')}</th>
                <th scope="col">{t('rightsRequests.list.receivedOn')}</th>
                <th scope="col">{t('rightsRequests.list.dueOn')}</th>
                <th scope="col">{t('rightsRequests.list.clock')}</th>
                <th scope="col">{t('rightsRequests.list.status')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.items.map((request) => (
                <tr key={request.id} data-testid={`rights-request-row-${request.reference}`} data-status={request.status}>
                  <th scope="row">
                    <Link href={orgPath(organizationId, `rights-requests/${encodeURIComponent(request.id)}`)}>{request.reference}</Link>
                  </th>
                  <td>{t(`rightsRequests.types.${request.type}`)}</td>
                  <td className={request.identityErasedAt ? 'muted' : undefined} data-testid={request.identityErasedAt ? 'identity-erased' : undefined}>
                    {requesterInWords(request, t, locale)}
                  </td>
                  <td>{formatDate(localDate(new Date(request.receivedAt)), locale)}</td>
                  <td>
                    {formatDate(request.effectiveDueOn, locale)}
                    {request.extendedDueOn ? ` ${t('rightsRequests.list.extended')}` : ''}
                  </td>
                  <td>
                    <RequestClockBadge clock={requestClock(request, now)} />
                  </td>
                  <td>{t(`rightsRequests.statuses.${request.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
