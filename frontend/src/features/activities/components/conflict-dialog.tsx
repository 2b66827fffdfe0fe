'use client';

import { useEffect, useRef } from 'react';

import { useLocale, useT } from '@/i18n/i18n-provider';

import type { DiffRow } from '../history-diff';
import type { ActivityVersionSummary } from '../types';
import { DiffTable, formatDateTime } from './history-tab';

export interface ConflictState {
  /** The version the edit started from. */
  baseVersion: number;
  currentVersion: number;
  /** The newest version's author and time, when the history could be read. */
  latest: ActivityVersionSummary | null;
  /** What changed between baseVersion and currentVersion; null when the difference could not be read. */
  rows: DiffRow[] | null;
}

/**
 * Shown when a save or a workflow step meets a newer version (409): what changed in the meantime, and
 * the choice to load the current version (unsaved edits are lost) or to go back to one's edits.
 */
export function ConflictDialog({
  conflict,
  onReload,
  onClose,
}: {
  conflict: ConflictState;
  onReload: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="conflict-title"
      aria-describedby="conflict-intro"
      data-testid="conflict-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="conflict-title">{t('activity.conflict.title')}</h2>
      <p id="conflict-intro">
        {conflict.latest
          ? t('activity.conflict.byWhom', {
              author: conflict.latest.authorName ?? t('activity.history.unknownAuthor'),
              number: conflict.currentVersion,
              date: formatDateTime(conflict.latest.createdAt, locale),
            })
          : t('activity.conflict.intro', { number: conflict.currentVersion })}
      </p>
      {conflict.rows ? (
        <DiffTable
          rows={conflict.rows}
          testId="conflict-diff"
          caption={t('activity.conflict.diffCaption', { from: conflict.baseVersion, to: conflict.currentVersion })}
        />
      ) : null}
      <p>{t('activity.conflict.explain')}</p>
      <div className="form__actions">
        <button type="button" className="button button--primary" data-testid="conflict-reload" onClick={onReload}>
          {t('activity.conflict.reload')}
        </button>
        <button type="button" className="button button--secondary" data-testid="conflict-keep" onClick={onClose}>
          {t('activity.conflict.keep')}
        </button>
      </div>
    </dialog>
  );
}
