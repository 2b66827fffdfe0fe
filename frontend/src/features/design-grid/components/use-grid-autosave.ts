'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

import type { ApiClient } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import { useUnsavedChangesWarning } from '@/lib/use-unsaved-changes';

import { saveGrid } from '../design-grid-api';
import type { GridAnswers, GridQuestion, GridView } from '../types';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'invalid' | 'offline' | 'failed' | 'conflict';

const AUTOSAVE_DELAY_MS = 800;

/**
 * The grid's autosave: answers are sent (debounced) one request at a time, each with the version the
 * last one returned. What is typed is never lost silently: leaving the page (tab closed, another
 * address, the page hidden on a phone) sends what is pending at once, as a keepalive request the
 * browser completes after the page is gone; leaving inside the app sends it as the wizard closes; and
 * the browser asks before the tab is closed while a save is pending or has failed.
 */
export function useGridAutosave({
  api,
  organizationId,
  gridId,
  initialVersion,
  leaveWarning,
  onSaved,
}: {
  api: ApiClient;
  organizationId: string;
  gridId: string;
  initialVersion: number;
  /** The confirmation shown before an in-app link drops answers that could not be saved. */
  leaveWarning: string;
  onSaved: (grid: GridView) => void;
}) {
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [saveError, setSaveError] = useState('');
  const versionRef = useRef(initialVersion);
  const pendingRef = useRef<GridAnswers>({});
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chainRef = useRef<Promise<void>>(Promise.resolve());
  const stoppedRef = useRef(false);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

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
        // keepalive: a save started just before the page goes away still reaches the server.
        const saved = await saveGrid(api, organizationId, gridId, { version: versionRef.current, answers }, { keepalive: true });
        versionRef.current = saved.version;
        onSavedRef.current(saved);
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
  }, [api, organizationId, gridId]);

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

  // Leaving: the request starts in this task (the CSRF token is already known, see below), so the
  // browser sends it even when the page is being unloaded.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => {
      void flush();
    };
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onHide);
      // Leaving the wizard inside the app (a link, the back button): send what is pending.
      void flush();
    };
  }, [flush]);

  // The browser's "leave the page?" while something typed is not on the server yet.
  const unsaved = saveState === 'pending' || saveState === 'saving' || saveState === 'invalid';
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [unsaved]);
  // A failed save cannot be sent on the way out: ask before any way of leaving, in-app links included.
  useUnsavedChangesWarning(saveState === 'failed' || saveState === 'offline', leaveWarning);

  return { saveState, setSaveState, saveError, schedule, flush, versionRef };
}
