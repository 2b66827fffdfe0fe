'use client';

import Link from 'next/link';
import { useEffect, useId, useState } from 'react';

import { ErrorAlert } from '@/components/alerts';
import { useLocale, useMessages, useT } from '@/i18n/i18n-provider';
import { countryOptions } from '@/lib/countries';
import { errorMessage } from '@/lib/forms';
import { useApi } from '@/lib/use-api';

import { getVersionDiff, listVersions } from '../activities-api';
import { describeDiff, type DiffContext, type DiffRow } from '../history-diff';
import type { ActivityCatalogues, ActivityVersionSummary } from '../types';
import { StatusBadge } from './status-badge';
import { actorInWords } from '@domain/words/system-actors';

export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Builds what describeDiff needs from the page's locale, messages and catalogues. */
export function useDiffContext(catalogues: ActivityCatalogues): DiffContext {
  const locale = useLocale();
  const messages = useMessages();
  const countries = countryOptions(locale);
  return {
    locale,
    messages,
    catalogues,
    countryName: (code) => countries.find((country) => country.value === code)?.label ?? code,
  };
}

/** Before → after, one row per field that changed. */
export function DiffTable({ rows, testId, caption }: { rows: readonly DiffRow[]; testId?: string; caption: string }) {
  const t = useT();
  if (rows.length === 0) {
    return (
      <p className="notice" data-testid={testId}>
        {t('activity.history.noDifference')}
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className="table diff-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activity.history.field')}</th>
            <th scope="col">{t('activity.history.before')}</th>
            <th scope="col">{t('activity.history.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.path} data-testid="diff-row" data-path={row.path}>
              <th scope="row">{row.label}</th>
              <td className="diff-table__before">{row.before}</td>
              <td className="diff-table__after">{row.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The versions of an activity (newest first) and a readable difference between any two. Loaded when
 * the tab is first shown, and again when the activity gets a new version.
 */
export function HistoryTab({
  organizationId,
  activityId,
  currentVersion,
  catalogues,
  versionHref,
}: {
  organizationId: string;
  activityId: string;
  currentVersion: number;
  catalogues: ActivityCatalogues;
  versionHref: (number: number) => string;
}) {
  const t = useT();
  const locale = useLocale();
  const api = useApi();
  const ids = useId();
  const diffContext = useDiffContext(catalogues);
  const [versions, setVersions] = useState<ActivityVersionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [diff, setDiff] = useState<{ from: number; to: number; rows: DiffRow[] } | null>(null);
  const [loadingDiff, setLoadingDiff] = useState(false);

  useEffect(() => {
    let cancelled = false;
    listVersions(api, organizationId, activityId)
      .then((page) => {
        if (cancelled) return;
        setVersions(page.items);
        setError(null);
        const [latest, previous] = page.items;
        setTo(latest?.number ?? null);
        setFrom(previous?.number ?? latest?.number ?? null);
        setDiff(null);
      })
      .catch((reason: unknown) => {
        if (!cancelled) setError(errorMessage(reason, t));
      });
    return () => {
      cancelled = true;
    };
  }, [api, organizationId, activityId, currentVersion, t]);

  async function compare(a: number, b: number) {
    const [older, newer] = a <= b ? [a, b] : [b, a];
    setFrom(older);
    setTo(newer);
    setLoadingDiff(true);
    try {
      const result = await getVersionDiff(api, organizationId, activityId, older, newer);
      setDiff({ from: older, to: newer, rows: describeDiff(result.changes, diffContext) });
      setError(null);
    } catch (reason) {
      setError(errorMessage(reason, t));
    } finally {
      setLoadingDiff(false);
    }
  }

  if (versions === null) {
    return error ? <ErrorAlert>{error}</ErrorAlert> : <p role="status">{t('activity.history.loading')}</p>;
  }

  return (
    <div className="history" data-testid="history">
      <p className="form-panel__intro">{t('activity.history.intro')}</p>
      <ErrorAlert>{error}</ErrorAlert>
      <div className="table-wrap">
        <table className="table" data-testid="versions-table">
          <caption className="visually-hidden">{t('activity.history.versions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('activity.history.number')}</th>
              <th scope="col">{t('activity.history.action')}</th>
              <th scope="col">{t('activity.history.status')}</th>
              <th scope="col">{t('activity.history.author')}</th>
              <th scope="col">{t('activity.history.date')}</th>
              <th scope="col">{t('activity.history.comment')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.number} data-testid={`version-row-${String(version.number)}`} data-action={version.action}>
                <td>{version.number}</td>
                <td>{t(`activity.history.actions.${actionKey(version.action)}`)}</td>
                <td>
                  <StatusBadge status={version.status} />
                </td>
                <td>{actorInWords(version.authorName, locale) ?? t('activity.history.unknownAuthor')}</td>
                <td>{formatDateTime(version.createdAt, locale)}</td>
                <td>{version.comment ?? '—'}</td>
                <td>
                  <div className="table__actions">
                    {version.number > 1 ? (
                      <button
                        type="button"
                        className="button button--small"
                        data-testid={`version-changes-${String(version.number)}`}
                        aria-label={t('activity.history.changesOf', { number: version.number })}
                        onClick={() => {
                          void compare(version.number - 1, version.number);
                        }}
                      >
                        {t('activity.history.changes')}
                      </button>
                    ) : null}
                    <Link
                      className="button button--small button--secondary"
                      href={versionHref(version.number)}
                      aria-label={t('activity.history.viewLabel', { number: version.number })}
                    >
                      {t('activity.history.view')}
                    </Link>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {versions.length > 1 ? (
        // Not a <form>: the history sits inside the activity's form.
        <div className="history__compare" role="group" aria-label={t('activity.history.compareLabel')}>
          <div className="filters__field">
            <label className="field__label" htmlFor={`${ids}-from`}>
              {t('activity.history.from')}
            </label>
            <select
              id={`${ids}-from`}
              className="field__control"
              data-testid="history-from"
              value={from ?? ''}
              onChange={(event) => {
                setFrom(Number(event.target.value));
              }}
            >
              {versions.map((version) => (
                <option key={version.number} value={version.number}>
                  {t('activity.history.versionOption', { number: version.number, date: formatDateTime(version.createdAt, locale) })}
                </option>
              ))}
            </select>
          </div>
          <div className="filters__field">
            <label className="field__label" htmlFor={`${ids}-to`}>
              {t('activity.history.to')}
            </label>
            <select
              id={`${ids}-to`}
              className="field__control"
              data-testid="history-to"
              value={to ?? ''}
              onChange={(event) => {
                setTo(Number(event.target.value));
              }}
            >
              {versions.map((version) => (
                <option key={version.number} value={version.number}>
                  {t('activity.history.versionOption', { number: version.number, date: formatDateTime(version.createdAt, locale) })}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button"
            data-testid="history-compare"
            disabled={loadingDiff}
            onClick={() => {
              if (from !== null && to !== null) void compare(from, to);
            }}
          >
            {t('activity.history.compare')}
          </button>
        </div>
      ) : null}

      <div aria-live="polite">
        {diff ? (
          <section className="history__diff" aria-labelledby={`${ids}-diff-title`}>
            <h3 id={`${ids}-diff-title`}>{t('activity.history.diffTitle', { from: diff.from, to: diff.to })}</h3>
            <DiffTable rows={diff.rows} testId="history-diff" caption={t('activity.history.diffCaption', { from: diff.from, to: diff.to })} />
          </section>
        ) : null}
      </div>
    </div>
  );
}

const KNOWN_ACTIONS = ['create', 'update', 'submit', 'validate', 'archive', 'reopen', 'request_changes', 'import', 'duplicate', 'rescreen'] as const;
type KnownAction = (typeof KNOWN_ACTIONS)[number] | 'other';

function actionKey(action: string): KnownAction {
  return (KNOWN_ACTIONS as readonly string[]).includes(action) ? (action as KnownAction) : 'other';
}
