'use client';

import Link from 'next/link';

import { dateTimeInWords } from '@domain/words/dates';

import { codeLabel } from '@/features/activities/catalogue';
import type { CatalogueItem } from '@/features/activities/types';
import { BreachFactsFormView } from '@/features/breaches/components/breach-facts-form';
import { BreachSteps } from '@/features/breaches/components/breach-steps';
import { NotificationSummaryPanel } from '@/features/breaches/notification-summary';
import type { BreachDetail, NotificationSummary } from '@/features/breaches/types';
import { breachClock } from '@/features/rights-requests/clock';
import { BreachClockBadge, useNow } from '@/features/rights-requests/clock-badge';
import type { LinkedRecord } from '@/features/rights-requests/linked-records';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { orgPath } from '@/lib/paths';


interface Props {
  organizationId: string;
  breach: BreachDetail;
  activities: LinkedRecord[];
  vendors: LinkedRecord[];
  catalogues: { dataCategories: CatalogueItem[]; subjectCategories: CatalogueItem[] };
  summary: NotificationSummary;
}

export function BreachPageContent({ organizationId, breach, activities, vendors, catalogues, summary }: Props) {
  const t = useT();
  const locale = useLocale();
  const now = useNow(60_000);
  // The house words (Paris time, day before month in English too), not the browser's US style.
  const instant = (iso: string | null) => (iso ? (dateTimeInWords(iso, locale) ?? iso) : none);
  const none = t('breaches.detail.none');
  const list = (items: string[]) => (items.length ? items.join(', ') : none);
  const links = (records: LinkedRecord[], section: 'register' | 'vendors') =>
    records.length === 0 ? (
      none
    ) : (
      <ul>
        {records.map((record) => (
          <li key={record.id}>
            <Link href={orgPath(organizationId, `${section}/${encodeURIComponent(record.id)}`)}>{record.label}</Link>
          </li>
        ))}
      </ul>
    );
  const notification = breach.authorityNotification;
  const communication = breach.personsCommunication;
  const factors = breach.riskFactors;
  return (
    <section className="page" aria-labelledby="page-title">
      <p className="breadcrumb">
        <Link href={orgPath(organizationId, 'breaches')}>{t('breaches.title')}</Link>
      </p>
      <div className="page__header">
        <h1 id="page-title">
          {breach.reference} — {breach.summary}
        </h1>
        <BreachClockBadge clock={breachClock(breach, now)} />
      </div>
      <p>{t('breaches.detail.deadline', { aware: instant(breach.awareAt), due: instant(breach.notificationDueAt) })}</p>

      <h2 id="breach-facts">{t('breaches.detail.facts')}</h2>
      <dl className="detail-list">
        <dt>{t('breaches.detail.occurredAt')}</dt>
        <dd>{instant(breach.occurredAt)}</dd>
        <dt>{t('breaches.detail.discovery')}</dt>
        <dd>{breach.discovery ?? none}</dd>
        <dt>{t('breaches.detail.natures')}</dt>
        <dd>{list(breach.natures.map((nature) => t(`breaches.natures.${nature}`)))}</dd>
        <dt>{t('breaches.detail.dataCategories')}</dt>
        <dd>{list(breach.dataCategories.map((code) => codeLabel(catalogues.dataCategories, code, locale)))}</dd>
        <dt>{t('breaches.detail.subjectCategories')}</dt>
        <dd>{list(breach.subjectCategories.map((code) => codeLabel(catalogues.subjectCategories, code, locale)))}</dd>
        <dt>{t('breaches.detail.approx')}</dt>
        <dd>
          {breach.approxPersons === null && breach.approxRecords === null
            ? none
            : // Either number may be unknown: only those given are said.
              [
                breach.approxPersons === null ? null : t('breaches.detail.approxPersons', { count: breach.approxPersons }),
                breach.approxRecords === null ? null : t('breaches.detail.approxRecords', { count: breach.approxRecords }),
              ]
                .filter((part) => part !== null)
                .join(', ')}
        </dd>
        <dt>{t('breaches.detail.activities')}</dt>
        <dd>{links(activities, 'register')}</dd>
        <dt>{t('breaches.detail.vendors')}</dt>
        <dd>{links(vendors, 'vendors')}</dd>
        <dt>{t('breaches.detail.processorNotifiedAt')}</dt>
        <dd>{instant(breach.processorNotifiedAt)}</dd>
        <dt>{t('breaches.detail.consequences')}</dt>
        <dd>{breach.consequences ?? none}</dd>
        <dt>{t('breaches.detail.measuresTaken')}</dt>
        <dd>{breach.measuresTaken ?? none}</dd>
        <dt>{t('breaches.detail.measuresProposed')}</dt>
        <dd>{breach.measuresProposed ?? none}</dd>
      </dl>

      <h2 id="breach-risk">{t('breaches.list.risk')}</h2>
      <p data-testid="breach-risk" data-risk={breach.risk ?? 'not_assessed'}>
        {breach.risk ? t(`breaches.risks.${breach.risk}`) : t('breaches.risks.not_assessed')}
        {breach.riskRationale ? ` — ${breach.riskRationale}` : ''}
      </p>
      <dl className="detail-list" data-testid="breach-factors-view">
        <dt>{t('breaches.factors.sensitiveData')}</dt>
        <dd>{t(factors.sensitiveData ? 'breaches.factors.yes' : 'breaches.factors.no')}</dd>
        <dt>{t('breaches.factors.identifiability')}</dt>
        <dd>{factors.identifiability ? t(`breaches.factors.levels.${factors.identifiability}`) : t('breaches.factors.notAssessed')}</dd>
        <dt>{t('breaches.factors.severity')}</dt>
        <dd>{factors.severity ? t(`breaches.factors.levels.${factors.severity}`) : t('breaches.factors.notAssessed')}</dd>
        <dt>{t('breaches.factors.vulnerablePersons')}</dt>
        <dd>{t(factors.vulnerablePersons ? 'breaches.factors.yes' : 'breaches.factors.no')}</dd>
        <dt>{t('breaches.factors.controllerCharacteristics')}</dt>
        <dd>{factors.controllerCharacteristics ?? none}</dd>
      </dl>

      <h2 id="breach-authorityNotification">{t('breaches.list.clock')}</h2>
      <p data-testid="breach-notification">
        {notification.notifiedAt
          ? t('breaches.detail.notified', { date: instant(notification.notifiedAt), reference: notification.reference ?? none })
          : t('breaches.detail.notNotified')}
        {notification.phased ? ` ${t('breaches.detail.phased')}` : ''}
        {notification.delayReasons ? ` ${t('breaches.detail.delayReasons', { reasons: notification.delayReasons })}` : ''}
      </p>

      <h2 id="breach-personsCommunication">{t('breaches.detail.persons')}</h2>
      <p>
        {communication.communicatedAt
          ? t('breaches.detail.personsTold', { date: instant(communication.communicatedAt) })
          : communication.exception
            ? t(`breaches.exceptions.${communication.exception}`)
            : t('breaches.detail.personsNotTold')}
        {communication.details ? ` — ${communication.details}` : ''}
      </p>

      <h2 id="breach-timeline">{t('breaches.detail.timeline')}</h2>
      {breach.timeline.length === 0 ? (
        <p>{none}</p>
      ) : (
        <ol>
          {breach.timeline.map((entry, index) => (
            <li key={`${entry.at}-${String(index)}`}>
              <time dateTime={entry.at}>{instant(entry.at)}</time> — {entry.event}
            </li>
          ))}
        </ol>
      )}

      <BreachFactsFormView key={breach.version} organizationId={organizationId} breach={breach} activities={activities} vendors={vendors} catalogues={catalogues} />
      <BreachSteps organizationId={organizationId} breach={breach} />

      <NotificationSummaryPanel summary={summary} />
    </section>
  );
}
