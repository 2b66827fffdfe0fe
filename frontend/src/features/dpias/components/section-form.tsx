'use client';

import type { ReactNode } from 'react';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { useT } from '@/i18n/i18n-provider';

import type { SectionProgress } from '../types';

/** One section of the assessment: its heading with progress, its form, its save button and feedback. */
export function SectionFrame({
  id,
  title,
  progress,
  intro,
  children,
}: {
  id: string;
  title: string;
  progress?: SectionProgress;
  intro?: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <section className="dpia-section" id={id} aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>
        {title}
        {progress ? <span className="dpia-section__progress"> — {t('dpias.progress', { done: progress.done, total: progress.total })}</span> : null}
      </h2>
      {intro ? <p className="panel__intro">{intro}</p> : null}
      {children}
    </section>
  );
}

export function SaveBar({ editable, busy, formError, saved, testId }: { editable: boolean; busy: boolean; formError: string | null; saved: boolean; testId: string }) {
  const t = useT();
  if (!editable) return null;
  return (
    <div className="form__actions">
      <ErrorAlert>{formError}</ErrorAlert>
      <StatusMessage>{saved ? t('dpias.editor.saved') : ''}</StatusMessage>
      <button type="submit" className="button button--primary" disabled={busy} data-testid={testId}>
        {busy ? t('common.saving') : t('dpias.editor.saveSection')}
      </button>
    </div>
  );
}
