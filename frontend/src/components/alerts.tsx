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
