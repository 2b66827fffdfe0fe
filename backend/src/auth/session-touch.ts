import type { SessionData, Store } from 'express-session';

/** How long a session's expiry in the store may lag behind its rolling cookie. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

/**
 * Rolling sessions make express-session "touch" the store on every response, and hold the response
 * until it is done: one UPDATE and commit per request, queued on the session pool. Touching a session
 * at most once a minute per process keeps its expiry current to within a minute (sessions last
 * hours) and takes that write off nearly every request. Saving a changed session is unaffected.
 */
export function throttleTouch<S extends Store>(store: S, intervalMs = SESSION_TOUCH_INTERVAL_MS, now: () => number = Date.now): S {
  const touch = store.touch?.bind(store);
  if (!touch) return store;
  const lastTouched = new Map<string, number>();
  // express-session passes the store's error on (its type says the callback takes none).
  store.touch = (sid: string, session: SessionData, callback?: (error?: unknown) => void) => {
    const at = now();
    const last = lastTouched.get(sid);
    if (last !== undefined && at - last < intervalMs) {
      callback?.();
      return;
    }
    // Forget sessions not seen for an interval, so the map stays the size of the active sessions.
    if (lastTouched.size >= 10_000) for (const [key, time] of lastTouched) if (at - time >= intervalMs) lastTouched.delete(key);
    lastTouched.set(sid, at);
    touch(sid, session, (error?: unknown) => {
      if (error) lastTouched.delete(sid);
      callback?.(error);
    });
  };
  return store;
}
