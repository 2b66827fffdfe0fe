'use client';

import { useId } from 'react';

import { TEXT_LIMITS } from '@domain/field-limits';

/**
 * One question of a partial adequacy decision (Art 45(1)): is this recipient in its scope? The DPO
 * answers with why; anyone else reads who answers. Asked on the vendor page and on the activity page.
 */
export function ScopeQuestion({
  question,
  canConfirm,
  busy,
  reason,
  onReason,
  onConfirm,
  words,
  testId,
}: {
  question: string;
  canConfirm: boolean;
  busy: boolean;
  reason: string;
  onReason: (reason: string) => void;
  onConfirm: () => void;
  words: { reason: string; confirm: string; dpoOnly: string };
  /** Suffix of the test ids: `adequacy-scope-<id>`, `adequacy-confirm-<id>`. */
  testId: string;
}) {
  const field = useId();
  return (
    <div className="stack" data-testid={`adequacy-scope-${testId}`}>
      <p>{question}</p>
      {canConfirm ? (
        <>
          <div className="field">
            <label className="field__label" htmlFor={field}>
              {words.reason}
            </label>
            <textarea
              id={field}
              className="field__control"
              rows={2}
              value={reason}
              maxLength={TEXT_LIMITS.long}
              onChange={(event) => {
                onReason(event.target.value);
              }}
            />
          </div>
          <button type="button" className="button" disabled={busy || reason.trim() === ''} data-testid={`adequacy-confirm-${testId}`} onClick={onConfirm}>
            {words.confirm}
          </button>
        </>
      ) : (
        <p className="muted">{words.dpoOnly}</p>
      )}
    </div>
  );
}
