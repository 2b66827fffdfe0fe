'use client';

import type { BaseSyntheticEvent, ReactNode } from 'react';

import { ErrorAlert } from '@/components/alerts';

/**
 * A form with one action: the form's error above its fields, one primary button below, labelled by the
 * page's title (the account pages, creating an organisation).
 */
export function ActionForm({
  onSubmit,
  error,
  busy,
  disabled = false,
  submitLabel,
  busyLabel,
  labelledBy = 'auth-title',
  children,
}: {
  onSubmit: (event: BaseSyntheticEvent) => Promise<void>;
  error: ReactNode;
  busy: boolean;
  disabled?: boolean;
  submitLabel: string;
  busyLabel: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  return (
    <form
      className="form"
      noValidate
      aria-labelledby={labelledBy}
      onSubmit={(event) => {
        void onSubmit(event);
      }}
    >
      <ErrorAlert>{error}</ErrorAlert>
      {children}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy || disabled}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
