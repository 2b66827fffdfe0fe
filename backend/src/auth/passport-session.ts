import type { Request, Response } from 'express';
import passport from 'passport';
import type { SessionUser } from '../authorization/request-auth';
import { asError } from '../common/errors/as-error';
import './session-lifetime';

/**
 * Runs passport's local strategy on a body the validation pipe has already accepted, then opens the
 * session (passport ≥ 0.6 regenerates the session id at login, defeating session fixation).
 */
export async function signInWithPassword(request: Request, response: Response): Promise<SessionUser> {
  const user = await new Promise<SessionUser>((resolve, reject) => {
    const authenticate = passport.authenticate('local', { session: false }, (error: unknown, found: SessionUser | false) => {
      if (error) reject(asError(error));
      else if (!found) reject(new Error('local strategy returned no user'));
      else resolve(found);
    }) as (req: Request, res: Response, next: (error?: unknown) => void) => void;
    authenticate(request, response, (error) => reject(asError(error)));
  });
  await openSession(request, user);
  return user;
}

/** Signs in on a new session id and starts the session's absolute lifetime (see session-lifetime.ts). */
export async function openSession(request: Request, user: SessionUser): Promise<void> {
  await new Promise<void>((resolve, reject) => request.logIn(user, (error) => (error ? reject(asError(error)) : resolve())));
  request.session.openedAt = Date.now();
}

export function closeSession(request: Request): Promise<void> {
  return new Promise((resolve, reject) => {
    request.logOut((error) => {
      if (error) return reject(asError(error));
      request.session.destroy((destroyError) => (destroyError ? reject(asError(destroyError)) : resolve()));
    });
  });
}
