import type { NextFunction, Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    /** When the user signed in (ms since the epoch): the absolute lifetime counts from here. */
    openedAt?: number;
  }
}

/**
 * Express middleware, after passport.session(): a session older than `maxAgeHours` since sign-in
 * is destroyed, however active it was (the cookie's rolling expiry is the idle timeout). The request
 * then continues signed out. A session from before this rule gets its clock started now.
 */
export function absoluteSessionLifetime(maxAgeHours: number, now: () => number = Date.now) {
  const maxAgeMs = maxAgeHours * 3600 * 1000;
  return (request: Request, _response: Response, next: NextFunction): void => {
    const session = request.session;
    if (!session || !request.user) return next();
    if (session.openedAt === undefined) {
      session.openedAt = now();
      return next();
    }
    if (now() - session.openedAt <= maxAgeMs) return next();
    request.user = undefined;
    session.destroy((error) => next(error));
  };
}
