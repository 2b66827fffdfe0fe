import type { SessionData, Store } from 'express-session';
import type { Pool } from 'pg';
import type { SessionUser } from '../authorization/request-auth';

/**
 * The account each loaded session names, as read with the session row: the user still existing is
 * checked in the same query, so a request costs one round trip for both (not one for the session and
 * another through the ORM for the user). Keyed by the session's `passport` object, which express-session
 * hands on to passport as is; null: the user no longer exists (passport then signs the session out).
 */
const accounts = new WeakMap<object, SessionUser | null>();

/** What the session store read for this session's user, or undefined when it read nothing for it. */
export function accountReadWithSession(passportData: unknown, userId: string): SessionUser | null | undefined {
  if (typeof passportData !== 'object' || passportData === null) return undefined;
  const account = accounts.get(passportData);
  if (account === undefined) return undefined;
  return account === null || account.id === userId ? account : undefined;
}

interface SessionRow {
  sess: SessionData | string;
  id: string | null;
  email: string;
  name: string;
  locale: SessionUser['locale'];
}

// The user id is written by the API (passport.user); the pattern keeps a malformed one from failing the cast.
const GET_SQL = `
  SELECT s.sess, u.id, u.email, u.name, u.locale
  FROM sessions s
  LEFT JOIN users u ON u.id = CASE WHEN s.sess #>> '{passport,user}' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                                   THEN (s.sess #>> '{passport,user}')::uuid END
  WHERE s.sid = $1 AND s.expire >= to_timestamp($2)`;

/**
 * Replaces the store's `get` (connect-pg-simple: the session row alone) by one query that also reads
 * the account the session names, on the same pool of the account role (which may read users).
 * Expiry, revocation (a deleted row) and a deleted user behave as before.
 */
export function readAccountWithSession<S extends Store>(store: S, pool: Pool): S {
  store.get = (sid: string, callback: (error: unknown, session?: SessionData | null) => void) => {
    // The expiry against the API's clock, in whole seconds, as connect-pg-simple compares it.
    pool.query<SessionRow>(GET_SQL, [sid, Math.ceil(Date.now() / 1000)]).then(
      ({ rows: [row] }) => {
        if (!row) return callback(null, null);
        let session: SessionData;
        try {
          session = typeof row.sess === 'string' ? (JSON.parse(row.sess) as SessionData) : row.sess;
        } catch {
          // As connect-pg-simple does with a row it cannot read: drop it.
          return store.destroy(sid, (error?: unknown) => callback(error ?? null, null));
        }
        const passportData = (session as { passport?: { user?: string } }).passport;
        if (typeof passportData === 'object' && passportData !== null && passportData.user) {
          accounts.set(passportData, row.id ? { id: row.id, email: row.email, name: row.name, locale: row.locale } : null);
        }
        callback(null, session);
      },
      (error: unknown) => callback(error),
    );
  };
  return store;
}
