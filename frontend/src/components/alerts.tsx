import type { ReactNode } from 'react';

/** A form-level error, announced to screen readers when it appears. */
export function ErrorAlert({ children }: { children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div className="alert alert--error" role="alert">
      {children}
    </div>
  );
}

/**
 * A confirmation ("Saved."), announced politely. The live region stays in the page so that
 * screen readers notice when text appears in it.
 */
export function StatusMessage({ children }: { children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <p className={empty ? 'visually-hidden' : 'alert alert--success'} role="status">
      {children}
    </p>
  );
}

/**
 * Someone else changed the record since the form was read (409 `version_conflict`): said in words, with
 * a reload that brings their change in, rather than overwriting it.
 */
export function ConflictAlert({ message, reloadLabel, testId }: { message: string; reloadLabel: string; testId: string }) {
  return (
    <div className="alert alert--error" role="alert" data-testid={`${testId}-conflict`}>
      <p>{message}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          window.location.reload();
        }}
        data-testid={`${testId}-reload`}
      >
        {reloadLabel}
      </button>
    </div>
  );
}
