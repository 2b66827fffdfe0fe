'use client';

import { useEffect } from 'react';

/**
 * Whether a click on `anchor` leaves the current page inside the app (the case the browser's
 * beforeunload does not cover): same origin, another path or query, plain left click, no new tab.
 */
export function leavesPage(
  anchor: { href: string; target: string; hasDownload: boolean },
  event: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean },
  current: { href: string },
): boolean {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if ((anchor.target && anchor.target !== '_self') || anchor.hasDownload) return false;
  const here = new URL(current.href);
  const there = new URL(anchor.href, here);
  if (there.origin !== here.origin) return false;
  return there.pathname !== here.pathname || there.search !== here.search;
}

/**
 * Warns before unsaved changes are lost: the browser's own prompt when the tab is closed or reloaded,
 * and a confirmation when a link inside the app is followed. (Next's <Link> does nothing when the
 * click was prevented, so cancelling keeps the user on the page.)
 */
export function useUnsavedChangesWarning(dirty: boolean, message: string): void {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented) return;
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(anchor instanceof HTMLAnchorElement)) return;
      const leaving = leavesPage(
        { href: anchor.href, target: anchor.target, hasDownload: anchor.hasAttribute('download') },
        event,
        window.location,
      );
      if (leaving && !window.confirm(message)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, message]);
}
