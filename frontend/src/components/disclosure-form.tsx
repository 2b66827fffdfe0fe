'use client';

import type { BaseSyntheticEvent, ReactNode } from 'react';

import { ErrorAlert } from './alerts';

/**
 * A step of a record folded until opened: a title, an optional hint, the form's error, its fields and
 * one submit button (the rights-request and breach pages' next steps).
 */
export function DisclosureForm({
  testId,
  title,
  hint,
  open,
  formError,
  onSubmit,
  submitLabel,
  submitTestId,
  submitting,
  children,
}: {
  testId: string;
  title: string;
  hint?: string;
  open?: boolean;
  formError: string | null;
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
  submitLabel: string;
  submitTestId: string;
  submitting: boolean;
  children: ReactNode;
}) {
  return (
    <details className="disclosure" data-testid={testId} open={open}>
      <summary>{title}</summary>
      {hint ? <p className="field__hint">{hint}</p> : null}
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <ErrorAlert>{formError}</ErrorAlert>
        {children}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={submitting} data-testid={submitTestId}>
            {submitLabel}
          </button>
        </div>
      </form>
    </details>
  );
}
