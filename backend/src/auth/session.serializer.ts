import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import passport from 'passport';
import type { SessionUser } from '../authorization/request-auth';
import { accountReadWithSession } from './session-account';
import { toSessionUser, UsersService } from '../users/users.service';

/**
 * The session stores only the user id; each request restores the account, so a deleted user is signed
 * out. The session store reads the account with the session row (session-account.ts); the account is
 * read apart only when the store did not (a session saved in this request).
 * Registered on passport directly, not through @nestjs/passport's PassportSerializer, whose
 * deserializer is not given the request.
 */
@Injectable()
export class SessionSerializer {
  constructor(private readonly users: UsersService) {
    passport.serializeUser((user: Express.User, done: (error: unknown, id?: string) => void) => done(null, user.id));
    // Three parameters: passport then passes the request first.
    passport.deserializeUser((request: Request, id: string, done: (error: unknown, user?: SessionUser | false) => void) => this.deserialize(request, id, done));
  }

  private deserialize(request: Request, id: string, done: (error: unknown, user?: SessionUser | false) => void): void {
    const known = accountReadWithSession((request.session as { passport?: unknown } | undefined)?.passport, id);
    if (known !== undefined) return done(null, known ?? false);
    this.users.findById(id).then(
      (user) => done(null, user ? toSessionUser(user) : false),
      (error: unknown) => done(error),
    );
  }
}
