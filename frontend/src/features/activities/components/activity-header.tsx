'use client';

import Link from 'next/link';

import { CompletenessBar } from '@/features/activities/components/completeness-bar';
import { DateTime, useDateTimeText } from '@/features/activities/components/date-time';
import { StatusBadge } from '@/features/activities/components/status-badge';
import type { Activity, ActivityVersionView, OwnerOption } from '@/features/activities/types';
import { activityRecordPdfUrl, exportLanguageOf } from '@/features/exports/exports-api';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { orgPath } from '@/lib/paths';
import { actorInWords } from '@domain/words/system-actors';

/** The activity's title, links and facts; the version notice when a past version is shown. */
export function ActivityHeader({
  organizationId,
  activity,
  snapshot,
  owners,
  designGrid,
  editable,
}: {
  organizationId: string;
  activity: Activity;
  snapshot: ActivityVersionView | null;
  owners: readonly OwnerOption[];
  designGrid: { id: string; projectName: string } | null;
  editable: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const ability = useAppAbility();
  const shown = snapshot ? snapshot.activity : activity;
  const activityPath = orgPath(organizationId, `register/${encodeURIComponent(activity.id)}`);
  const registerPath = orgPath(organizationId, 'register');
  const snapshotDate = useDateTimeText(snapshot?.createdAt ?? activity.updatedAt);
  const ownerLabel = shown.owner ? (owners.find((owner) => owner.userId === shown.ownerId)?.name ?? shown.owner) : null;

  return (
    <>
    <p className="breadcrumb">
      <Link href={registerPath}>{t('activity.backToRegister')}</Link>
    </p>
    <div className="page__header">
      <h1 id="page-title">
        <span className="activity-reference" data-testid="activity-reference">
          {shown.reference}
        </span>{' '}
        <span data-testid="activity-name">{shown.name}</span>
      </h1>
      <StatusBadge status={shown.status} testId="activity-status" />
    </div>
    {snapshot ? null : (
      <p className="actions">
        <a className="button button--small" href={activityRecordPdfUrl(organizationId, activity.id, exportLanguageOf(locale))} download data-testid="activity-record-pdf">
          {t('exports.recordPdf')}
        </a>
      </p>
    )}
    {designGrid ? (
      <p>
        <Link href={orgPath(organizationId, `design-grid/${encodeURIComponent(designGrid.id)}`)} data-testid="activity-design-grid">
          {t('designGrid.activityLink', { project: designGrid.projectName })}
        </Link>
      </p>
    ) : null}
    <dl className="activity-meta">
      <div>
        <dt>{t('activityFields.department')}</dt>
        <dd>{shown.department ?? '—'}</dd>
      </div>
      <div>
        <dt>{t('activityFields.owner')}</dt>
        <dd>{ownerLabel ?? '—'}</dd>
      </div>
      <div>
        <dt>{t('activity.meta.version')}</dt>
        <dd data-testid="activity-version">{snapshot ? snapshot.number : activity.version}</dd>
      </div>
      <div>
        <dt>{t('activity.meta.updated')}</dt>
        <dd>
          <DateTime iso={snapshot ? snapshot.createdAt : activity.updatedAt} />
        </dd>
      </div>
      <div>
        <dt>{t('activity.completeness.label')}</dt>
        <dd>
          <CompletenessBar score={(snapshot ?? activity).completeness.score} testId="activity-completeness" />
        </dd>
      </div>
    </dl>

    {snapshot ? (
      <div className="notice notice--as-of" data-testid="version-notice">
        <p>
          {t('activity.versionNotice', {
            number: snapshot.number,
            date: snapshotDate,
            author: actorInWords(snapshot.authorName, locale) ?? t('activity.history.unknownAuthor'),
          })}
        </p>
        <Link href={activityPath} className="button button--small">
          {t('activity.seeCurrent')}
        </Link>
      </div>
    ) : null}
    {snapshot === null && !editable ? (
      <p className="notice" data-testid="read-only-notice">
        {!ability.can('update', 'Activity')
          ? t('common.readOnly')
          : activity.status === 'archived'
            ? t('activity.archivedNotice')
            : activity.status === 'validated'
              ? t('activity.validatedNotice')
              : t('activity.notYoursNotice')}
      </p>
    ) : null}
    </>
  );
}
