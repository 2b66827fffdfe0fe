'use client';

import { subject } from '@casl/ability';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import type { ActivityCatalogues } from '@/features/activities/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { primeCsrfToken } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import { orgPath } from '@/lib/paths';
import { useApi } from '@/lib/use-api';

import { acceptGrid, requestChanges, resolveConflict, submitGrid } from '../design-grid-api';
import { linkedAnswers } from '../schemas';
import { EDITABLE_GRID_STATUSES, GRID_QUESTIONS, GRID_STEPS, type GridField, type GridQuestion, type GridStep, type GridView } from '../types';
import { GridSaveStatus } from './grid-save-status';
import { GridSidePanel } from './grid-side-panel';
import { GridStatusBadge } from './grid-status-badge';
import { GridStepList } from './grid-step-list';
import { GridSummary } from './grid-summary';
import { QuestionStep } from './question-step';
import { useGridAutosave } from './use-grid-autosave';

/**
 * The ten-question wizard: one form per question, autosaved (debounced) with the grid's version; the
 * side panel shows what the server computed from the last save. The DPO reviews in the same view.
 */
export function GridWizard({
  organizationId,
  initialGrid,
  initialStep,
  catalogues,
}: {
  organizationId: string;
  initialGrid: GridView;
  initialStep: GridStep;
  catalogues: ActivityCatalogues;
}) {
  const t = useT();
  const locale = useLocale();
  const api = useApi();
  const ability = useAppAbility();
  const [grid, setGrid] = useState(initialGrid);
  const [step, setStep] = useState<GridStep>(initialStep);
  const [message, setMessage] = useState('');
  const [actionError, setActionError] = useState('');
  const [busy, setBusy] = useState(false);
  const [comments, setComments] = useState<Partial<Record<GridQuestion, string>>>(() =>
    Object.fromEntries(Object.entries(initialGrid.comments).map(([question, comment]) => [question, comment.text])),
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  const gridSubject = subject('DesignGrid', { organizationId, createdById: grid.createdById ?? '' });
  const canAnswer = ability.can('update', gridSubject) && EDITABLE_GRID_STATUSES.includes(grid.status);
  const canReview = ability.can('validate', gridSubject) && grid.status === 'submitted';

  const { saveState, setSaveState, saveError, schedule, flush, versionRef } = useGridAutosave({
    api,
    organizationId,
    gridId: grid.id,
    initialVersion: grid.version,
    leaveWarning: t('designGrid.save.leaveWarning'),
    onSaved: setGrid,
  });

  // The save sent as the page is left cannot wait for a token: fetch it now.
  useEffect(() => {
    if (canAnswer) primeCsrfToken(locale);
  }, [canAnswer, locale]);

  // Focus the new step's heading, so keyboard and screen-reader users start from its question.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  /** Saves the open question as it stands (false when it holds errors, which then take the focus). */
  const stepSaveRef = useRef<(() => Promise<boolean>) | null>(null);

  const go = async (next: GridStep) => {
    if (stepSaveRef.current && !(await stepSaveRef.current())) return;
    await flush();
    setStep(next);
    const url = new URL(window.location.href);
    url.searchParams.set('step', next);
    window.history.replaceState(null, '', url.toString());
  };

  const index = GRID_STEPS.indexOf(step);
  const question = step === 'summary' ? null : step;

  async function act(work: () => Promise<GridView>, done: string) {
    setBusy(true);
    setActionError('');
    setMessage('');
    try {
      await flush();
      const next = await work();
      versionRef.current = next.version;
      setGrid(next);
      setMessage(done);
    } catch (error) {
      if (isApiError(error, 'version_conflict')) setSaveState('conflict');
      setActionError(isApiError(error) ? error.message : t('errors.generic'));
      if (isApiError(error, 'design_grid_conflicts')) {
        const details = error.details as { conflicts?: GridView['conflicts'] } | undefined;
        setGrid((current) => ({ ...current, conflicts: details?.conflicts ?? current.conflicts }));
      }
    } finally {
      setBusy(false);
    }
  }

  const onSubmitGrid = () => act(() => submitGrid(api, organizationId, grid.id, versionRef.current), t('designGrid.summary.sent', { reference: grid.activityReference ?? '' }));
  const onResolve = (field: GridField, keep: 'grid' | 'activity') => act(() => resolveConflict(api, organizationId, grid.id, versionRef.current, field, keep), '');
  const onRequestChanges = () => {
    const given = Object.fromEntries(GRID_QUESTIONS.map((q) => [q, comments[q]?.trim() ? comments[q].trim() : null]));
    if (!Object.values(given).some(Boolean)) {
      setActionError(t('designGrid.review.needComment'));
      return Promise.resolve();
    }
    return act(() => requestChanges(api, organizationId, grid.id, versionRef.current, given), t('designGrid.review.changesRequested'));
  };
  const onAccept = () => act(() => acceptGrid(api, organizationId, grid.id, versionRef.current), t('designGrid.review.accepted'));

  return (
    <section className="page page--wide grid-wizard" aria-labelledby="page-title">
      <p className="breadcrumb">
        <Link href={orgPath(organizationId, 'design-grid')}>← {t('designGrid.wizard.back')}</Link>
      </p>
      <div className="page__header">
        <h1 id="page-title">{grid.projectName}</h1>
        <GridStatusBadge status={grid.status} />
      </div>
      {grid.pitch ? <p className="page__intro">{grid.pitch}</p> : null}
      {grid.activityId ? (
        <p>
          <Link href={orgPath(organizationId, `register/${encodeURIComponent(grid.activityId)}`)} data-testid="grid-activity-link">
            {t('designGrid.wizard.designedActivity', { reference: grid.activityReference ?? '' })}
          </Link>
        </p>
      ) : null}
      {grid.status === 'changes_requested' ? <p className="notice">{t('designGrid.wizard.changesRequested')}</p> : null}
      {grid.status === 'submitted' && !canReview ? <p className="notice">{t('designGrid.wizard.lockedSubmitted')}</p> : null}
      {grid.status === 'accepted' ? <p className="notice">{t('designGrid.wizard.lockedAccepted')}</p> : null}
      {!canAnswer && EDITABLE_GRID_STATUSES.includes(grid.status) ? <p className="notice">{t('designGrid.wizard.readOnly')}</p> : null}

      <p className="muted" data-testid="grid-progress">
        {t('designGrid.wizard.progress', { count: grid.answered.length })}
      </p>
      <GridStepList grid={grid} step={step} onGo={(item) => void go(item)} />

      <div className="grid-layout">
        <div className="grid-layout__main">
          {question ? (
            <QuestionStep
              key={question}
              question={question}
              grid={grid}
              catalogues={catalogues}
              readOnly={!canAnswer}
              headingRef={headingRef}
              saveRef={stepSaveRef}
              onAnswer={(answer) => {
                for (const [linked, value] of Object.entries(linkedAnswers(question, answer, grid.answers))) schedule(linked as GridQuestion, value);
              }}
              onInvalid={() => {
                setSaveState('invalid');
              }}
            />
          ) : (
            <GridSummary
              grid={grid}
              catalogues={catalogues}
              headingRef={headingRef}
              canSend={canAnswer}
              busy={busy}
              onSend={() => void onSubmitGrid()}
              onResolve={(field, keep) => void onResolve(field, keep)}
              organizationId={organizationId}
            />
          )}

          <div className="grid-nav">
            {index > 0 ? (
              <button type="button" className="button" data-testid="grid-previous" onClick={() => void go(GRID_STEPS[index - 1] ?? 'purposes')}>
                {t('designGrid.wizard.previous')}
              </button>
            ) : null}
            {index < GRID_STEPS.length - 1 ? (
              <button type="button" className="button button--primary" data-testid="grid-next" onClick={() => void go(GRID_STEPS[index + 1] ?? 'summary')}>
                {index === GRID_STEPS.length - 2 ? t('designGrid.wizard.toSummary') : t('designGrid.wizard.next')}
              </button>
            ) : null}
          </div>
          {canAnswer ? <GridSaveStatus state={saveState} error={saveError} onRetry={() => void flush()} /> : null}
          <ErrorAlert>{actionError}</ErrorAlert>
          <StatusMessage>{message}</StatusMessage>
        </div>

        <GridSidePanel
          grid={grid}
          catalogues={catalogues}
          question={question}
          canReview={canReview}
          busy={busy}
          comments={comments}
          onComment={(item, text) => {
            setComments((current) => ({ ...current, [item]: text }));
          }}
          onSeeConflicts={() => void go('summary')}
          onRequestChanges={() => void onRequestChanges()}
          onAccept={() => void onAccept()}
        />
      </div>
    </section>
  );
}
