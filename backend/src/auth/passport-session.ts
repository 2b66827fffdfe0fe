import type { Request, Response } from 'express';
import passport from 'passport';
import type { SessionUser } from '../authorization/request-auth';
import { asError } from '../common/errors/as-error';
import './session-lifetime';

declare module 'express-session' {
  interface SessionData {
    /** Client address and User-Agent at sign-in, for the user's sessions list. */
    ip?: string;
    userAgent?: string;
    /**
     * Password accepted, second factor awaited: names the account and when (ms), and grants nothing
     * (passport reads only `passport.user`). Lives a few minutes; see MfaService.
     */
    mfaPending?: { userId: string; at: number };
  }
}

/** Runs passport's local strategy on a body the validation pipe has already accepted; opens nothing. */
export async function checkPassword(request: Request, response: Response): Promise<SessionUser> {
  return new Promise<SessionUser>((resolve, reject) => {
    const authenticate = passport.authenticate('local', { session: false }, (error: unknown, found: SessionUser | false) => {
      if (error) reject(asError(error));
      else if (!found) reject(new Error('local strategy returned no user'));
      else resolve(found);
    }) as (req: Request, res: Response, next: (error?: unknown) => void) => void;
    authenticate(request, response, (error) => reject(asError(error)));
  });
}

/**
 * Signs in on a new session id (passport ≥ 0.6 regenerates it at login, defeating session fixation),
 * starts the session's absolute lifetime (see session-lifetime.ts) and notes where it was opened.
 */
export async function openSession(request: Request, user: SessionUser): Promise<void> {
  await new Promise<void>((resolve, reject) => request.logIn(user, (error) => (error ? reject(asError(error)) : resolve())));
  request.session.openedAt = Date.now();
  request.session.ip = request.ip;
  request.session.userAgent = request.get('user-agent')?.slice(0, 512);
}

/** A fresh session id carrying only the pending second-factor step. */
export async function openPendingSession(request: Request, userId: string): Promise<void> {
  await new Promise<void>((resolve, reject) => request.session.regenerate((error) => (error ? reject(asError(error)) : resolve())));
  request.session.mfaPending = { userId, at: Date.now() };
}

export function closeSession(request: Request): Promise<void> {
  return new Promise((resolve, reject) => {
    request.logOut((error) => {
      if (error) return reject(asError(error));
      request.session.destroy((destroyError) => (destroyError ? reject(asError(destroyError)) : resolve()));
    });
  });
}
