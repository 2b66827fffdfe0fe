'use client';

import { subject } from '@casl/ability';
import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useForm, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { CompletenessBar } from '@/features/activities/components/completeness-bar';
import type { ActivityCatalogues } from '@/features/activities/types';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { isApiError } from '@/lib/api-error';
import { orgPath } from '@/lib/paths';
import { useApi } from '@/lib/use-api';

import { acceptGrid, requestChanges, resolveConflict, saveGrid, submitGrid } from '../design-grid-api';
import { criterionText, flagText } from '../flags';
import { GRID_STEP_FORMS } from '../schemas';
import { EDITABLE_GRID_STATUSES, GRID_QUESTIONS, GRID_STEPS, type GridAnswers, type GridField, type GridQuestion, type GridStep, type GridView } from '../types';
import { GridStatusBadge } from './grid-status-badge';
import { GridTextArea, StepFormProvider } from './grid-fields';
import { StepBody } from './steps';
import { GridSummary } from './grid-summary';

type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'invalid' | 'offline' | 'failed' | 'conflict';

/** A step's schema and conversions, seen without their own types (the wizard only passes values through). */
interface StepDefinition {
  schema: z.ZodType<FieldValues, FieldValues>;
  toForm: (answer: unknown, answers: GridAnswers) => FieldValues;
  toAnswer: (form: FieldValues) => unknown;
}
const stepDefinition = (question: GridQuestion) => GRID_STEP_FORMS[question] as unknown as StepDefinition;

const AUTOSAVE_DELAY_MS = 800;

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
  const ids = useId();
  const [grid, setGrid] = useState(initialGrid);
  const [step, setStep] = useState<GridStep>(initialStep);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [saveError, setSaveError] = useState('');
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

  // ——— autosave: one request at a time, each with the version the last one returned ———
  const versionRef = useRef(grid.version);
  const pendingRef = useRef<GridAnswers>({});
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chainRef = useRef<Promise<void>>(Promise.resolve());
  const stoppedRef = useRef(false);

  const flush = useCallback((): Promise<void> => {
    if (timerRef.current) {
      clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    chainRef.current = chainRef.current.then(async () => {
      const answers = pendingRef.current;
      if (stoppedRef.current || Object.keys(answers).length === 0) return;
      pendingRef.current = {};
      setSaveState('saving');
      try {
        const saved = await saveGrid(api, organizationId, grid.id, { version: versionRef.current, answers });
        versionRef.current = saved.version;
        setGrid(saved);
        setSaveState(Object.keys(pendingRef.current).length ? 'pending' : 'saved');
      } catch (error) {
        // Keep what was not saved, unless a newer answer for the same question came meanwhile.
        pendingRef.current = { ...answers, ...pendingRef.current };
        if (isApiError(error, 'version_conflict')) {
          stoppedRef.current = true;
          setSaveState('conflict');
        } else if (isApiError(error) && error.status === 0) {
          setSaveState('offline');
        } else {
          setSaveState('failed');
          setSaveError(isApiError(error) ? error.message : '');
        }
      }
    });
    return chainRef.current;
  }, [api, organizationId, grid.id]);

  const schedule = useCallback(
    (question: GridQuestion, answer: unknown) => {
      if (stoppedRef.current) return;
      pendingRef.current = { ...pendingRef.current, [question]: answer };
      setSaveState('pending');
      if (timerRef.current) clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => {
        void flush();
      }, AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(
    () => () => {
      if (timerRef.current) clearTimeout(timerRef.current);
    },
    [],
  );

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

  const saveText: Record<SaveState, string> = {
    idle: '',
    pending: t('designGrid.save.pending'),
    saving: t('designGrid.save.saving'),
    saved: t('designGrid.save.saved'),
    invalid: t('designGrid.save.invalid'),
    offline: t('designGrid.save.offline'),
    failed: t('designGrid.save.failed', { message: saveError }),
    conflict: t('designGrid.save.conflict'),
  };

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
      <nav aria-label={t('designGrid.wizard.steps')} className="grid-steps">
        <ol className="grid-steps__list">
          {GRID_STEPS.map((item, position) => {
            const answered = item !== 'summary' && grid.answered.includes(item);
            const commented = item !== 'summary' && grid.comments[item] !== undefined;
            const label = item === 'summary' ? t('designGrid.wizard.summaryStep') : `${String(position + 1)}. ${t(`designGrid.questions.${item}.title`)}`;
            return (
              <li key={item}>
                <button
                  type="button"
                  className={['grid-steps__step', answered ? 'grid-steps__step--answered' : '', commented ? 'grid-steps__step--commented' : ''].join(' ')}
                  aria-current={item === step ? 'step' : undefined}
                  data-testid={`grid-step-${item}`}
                  onClick={() => {
                    void go(item);
                  }}
                >
                  {label}
                  {answered ? <span className="visually-hidden"> ({t('designGrid.wizard.answered')})</span> : null}
                  {commented ? <span className="tag tag--warning">{t('designGrid.wizard.commented')}</span> : null}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

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
                schedule(question, answer);
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
              onSend={() => {
                void onSubmitGrid();
              }}
              onResolve={(field, keep) => {
                void onResolve(field, keep);
              }}
              organizationId={organizationId}
            />
          )}

          <div className="grid-nav">
            {index > 0 ? (
              <button
                type="button"
                className="button"
                data-testid="grid-previous"
                onClick={() => {
                  void go(GRID_STEPS[index - 1] ?? 'purposes');
                }}
              >
                {t('designGrid.wizard.previous')}
              </button>
            ) : null}
            {index < GRID_STEPS.length - 1 ? (
              <button
                type="button"
                className="button button--primary"
                data-testid="grid-next"
                onClick={() => {
                  void go(GRID_STEPS[index + 1] ?? 'summary');
                }}
              >
                {index === GRID_STEPS.length - 2 ? t('designGrid.wizard.toSummary') : t('designGrid.wizard.next')}
              </button>
            ) : null}
          </div>
          {canAnswer ? (
            <p className={`grid-save grid-save--${saveState}`} role="status" data-testid="grid-save-state" data-state={saveState}>
              {saveText[saveState]}
              {saveState === 'offline' || saveState === 'failed' ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    void flush();
                  }}
                >
                  {t('designGrid.save.retry')}
                </button>
              ) : null}
              {saveState === 'conflict' ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    window.location.reload();
                  }}
                >
                  {t('designGrid.save.reload')}
                </button>
              ) : null}
            </p>
          ) : null}
          <ErrorAlert>{actionError}</ErrorAlert>
          <StatusMessage>{message}</StatusMessage>
        </div>

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
          {grid.conflicts.length && step !== 'summary' ? (
            <p className="notice" data-testid="grid-conflicts-notice">
              {t('designGrid.conflicts.title')}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  void go('summary');
                }}
              >
                {t('designGrid.conflicts.see')}
              </button>
            </p>
          ) : null}
          <h3>{t('designGrid.panel.completeness')}</h3>
          <CompletenessBar score={grid.completeness.score} testId="grid-completeness" />
          {question && grid.comments[question] && !canReview ? (
            <div className="grid-comment" data-testid="grid-comment">
              <h3>{t('designGrid.panel.comment')}</h3>
              <p>{grid.comments[question].text}</p>
              <p className="muted">{grid.comments[question].authorName}</p>
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
                      setComments((current) => ({ ...current, [question]: event.target.value }));
                    }}
                  />
                </div>
              ) : null}
              <div className="workflow__buttons">
                <button type="button" className="button" disabled={busy} data-testid="grid-request-changes" onClick={() => void onRequestChanges()}>
                  {t('designGrid.review.requestChanges')}
                </button>
                <button type="button" className="button button--primary" disabled={busy} data-testid="grid-accept" onClick={() => void onAccept()}>
                  {t('designGrid.review.accept')}
                </button>
              </div>
            </div>
          ) : null}
        </aside>
      </div>
    </section>
  );
}

/** One question: its explanation, examples, inputs and the "don't know yet" note, autosaved. */
function QuestionStep({
  question,
  grid,
  catalogues,
  readOnly,
  headingRef,
  saveRef,
  onAnswer,
  onInvalid,
}: {
  question: GridQuestion;
  grid: GridView;
  catalogues: ActivityCatalogues;
  readOnly: boolean;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  saveRef: React.RefObject<(() => Promise<boolean>) | null>;
  onAnswer: (answer: unknown) => void;
  onInvalid: () => void;
}) {
  const t = useT();
  const definition = stepDefinition(question);
  // The answers as saved when the step opened: the form then belongs to the person typing.
  const [defaults] = useState(() => definition.toForm(grid.answers[question], grid.answers));
  const form = useForm({ resolver: zodResolver(definition.schema) as Resolver, defaultValues: defaults, mode: 'onChange' });
  const number = GRID_QUESTIONS.indexOf(question) + 1;
  const examples = [1, 2, 3].map((position) => t(`designGrid.questions.${question}.examples.${String(position) as '1' | '2' | '3'}`));

  useEffect(() => {
    if (readOnly) return;
    const save = async (shouldFocus: boolean) => {
      const valid = await form.trigger(undefined, { shouldFocus });
      if (!valid) {
        onInvalid();
        return false;
      }
      onAnswer(definition.toAnswer(form.getValues()));
      return true;
    };
    // Leaving the question saves it as it stands. It counts as answered only once its required
    // answers are given (the server's grid-progress.ts: "don't know yet" on retention is an answer,
    // a blank is not), so progress, the step list, the summary and resume all agree.
    saveRef.current = () => save(true);
    const subscription = form.watch(() => {
      void save(false);
    });
    return () => {
      subscription.unsubscribe();
      saveRef.current = null;
    };
    // The form and the step are fixed for the life of this component (keyed by question).
  }, []);

  return (
    <form
      className="grid-question"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
      }}
      aria-labelledby={`grid-question-${question}`}
    >
      <p className="muted">{t('designGrid.wizard.stepOf', { number })}</p>
      <h2 id={`grid-question-${question}`} ref={headingRef} tabIndex={-1} data-testid="grid-question">
        {t(`designGrid.questions.${question}.question`)}
      </h2>
      <p>{t(`designGrid.questions.${question}.explanation`)}</p>
      <div className="grid-examples">
        <p className="list__title">{t('designGrid.wizard.examples')}</p>
        <ul>
          {examples.map((example) => (
            <li key={example}>{example}</li>
          ))}
        </ul>
      </div>
      <StepFormProvider form={form} readOnly={readOnly}>
        <fieldset className="plain-fieldset" disabled={readOnly}>
          <StepBody question={question} catalogues={catalogues} answers={grid.answers} />
          <div className="grid-note">
            <StepNote />
          </div>
        </fieldset>
      </StepFormProvider>
    </form>
  );
}

function StepNote() {
  const t = useT();
  return <GridTextArea path="note" label={t('designGrid.wizard.note')} hint={t('designGrid.wizard.noteHint')} rows={2} testId="grid-note" />;
}
