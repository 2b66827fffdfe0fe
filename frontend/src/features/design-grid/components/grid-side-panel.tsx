'use client';

import { useId } from 'react';

import { CompletenessBar } from '@/features/activities/components/completeness-bar';
import type { ActivityCatalogues } from '@/features/activities/types';
import { useLocale, useT } from '@/i18n/i18n-provider';

import { criterionText, flagText } from '../flags';
import { GRID_QUESTIONS, type GridQuestion, type GridView } from '../types';

/**
 * The side panel: what the server computed from the last save (flags, DPIA criteria, completeness),
 * the DPO's comment on the open question, and, for the DPO reviewing, a comment per question with
 * "request changes" and "accept".
 */
export function GridSidePanel({
  grid,
  catalogues,
  question,
  canReview,
  busy,
  comments,
  onComment,
  onSeeConflicts,
  onRequestChanges,
  onAccept,
}: {
  grid: GridView;
  catalogues: ActivityCatalogues;
  /** The open question (null on the summary). */
  question: GridQuestion | null;
  canReview: boolean;
  busy: boolean;
  comments: Partial<Record<GridQuestion, string>>;
  onComment: (question: GridQuestion, text: string) => void;
  onSeeConflicts: () => void;
  onRequestChanges: () => void;
  onAccept: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const ids = useId();
  const comment = question ? grid.comments[question] : undefined;
  return (
    <aside className="grid-layout__side panel" aria-labelledby={`${ids}-panel`} data-testid="grid-side-panel">
      <h2 id={`${ids}-panel`}>{t('designGrid.panel.title')}</h2>
      <div aria-live="polite">
        {grid.flags.length === 0 ? (
          <p className="muted">{t('designGrid.panel.none')}</p>
        ) : (
          <ul className="grid-flags" data-testid="grid-flags">
            {grid.flags.map((flag) => (
              <li key={flag.code} className="grid-flags__flag" data-testid={`grid-flag-${flag.code}`}>
                {flagText(flag, t, catalogues, locale)}
              </li>
            ))}
          </ul>
        )}
      </div>
      {grid.dpia.criteria.length ? (
        <>
          <h3>{t('designGrid.panel.dpiaCriteria')}</h3>
          <ul data-testid="grid-dpia-criteria">
            {grid.dpia.criteria.map((criterion) => (
              <li key={criterion.code}>{criterionText(criterion, t, catalogues, locale)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {grid.conflicts.length && question ? (
        <p className="notice" data-testid="grid-conflicts-notice">
          {t('designGrid.conflicts.title')}{' '}
          <button type="button" className="link-button" onClick={onSeeConflicts}>
            {t('designGrid.conflicts.see')}
          </button>
        </p>
      ) : null}
      <h3>{t('designGrid.panel.completeness')}</h3>
      <CompletenessBar score={grid.completeness.score} testId="grid-completeness" />
      {comment && !canReview ? (
        <div className="grid-comment" data-testid="grid-comment">
          <h3>{t('designGrid.panel.comment')}</h3>
          <p>{comment.text}</p>
          <p className="muted">{comment.authorName}</p>
        </div>
      ) : null}
      {canReview ? (
        <div className="grid-review" data-testid="grid-review">
          <h3>{t('designGrid.review.title')}</h3>
          {question ? (
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-comment`}>
                {t('designGrid.review.commentLabel', { number: GRID_QUESTIONS.indexOf(question) + 1 })}
              </label>
              <p className="field__hint" id={`${ids}-comment-hint`}>
                {t('designGrid.review.commentHint')}
              </p>
              <textarea
                id={`${ids}-comment`}
                className="field__control"
                rows={3}
                data-testid="grid-review-comment"
                aria-describedby={`${ids}-comment-hint`}
                value={comments[question] ?? ''}
                onChange={(event) => {
                  onComment(question, event.target.value);
                }}
              />
            </div>
          ) : null}
          <div className="workflow__buttons">
            <button type="button" className="button" disabled={busy} data-testid="grid-request-changes" onClick={onRequestChanges}>
              {t('designGrid.review.requestChanges')}
            </button>
            <button type="button" className="button button--primary" disabled={busy} data-testid="grid-accept" onClick={onAccept}>
              {t('designGrid.review.accept')}
            </button>
          </div>
        </div>
      ) : null}
    </aside>
  );
}
