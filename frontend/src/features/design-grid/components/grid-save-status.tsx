'use client';

import { useT } from '@/i18n/i18n-provider';

import type { SaveState } from './use-grid-autosave';

/** Where the autosave stands, with "retry" after a failure and "reload" after a conflict. */
export function GridSaveStatus({ state, error, onRetry }: { state: SaveState; error: string; onRetry: () => void }) {
  const t = useT();
  const text: Record<SaveState, string> = {
    idle: '',
    pending: t('designGrid.save.pending'),
    saving: t('designGrid.save.saving'),
    saved: t('designGrid.save.saved'),
    invalid: t('designGrid.save.invalid'),
    offline: t('designGrid.save.offline'),
    failed: t('designGrid.save.failed', { message: error }),
    conflict: t('designGrid.save.conflict'),
  };
  return (
    <p className={`grid-save grid-save--${state}`} role="status" data-testid="grid-save-state" data-state={state}>
      {text[state]}
      {state === 'offline' || state === 'failed' ? (
        <button type="button" className="link-button" onClick={onRetry}>
          {t('designGrid.save.retry')}
        </button>
      ) : null}
      {state === 'conflict' ? (
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
  );
}
