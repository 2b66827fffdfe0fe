import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppException } from '../common/errors/app-exception';
import { AccountDatabase } from '../database/account-database';
import { AppConfig, APP_CONFIG } from '../config/app.config';
import type { SessionView } from './dto/mfa.dto';
import { recordAccountEvent, returningRows } from './mfa.service';
import { describeUserAgent } from './user-agent';

/** A session's public id: the SHA-256 of its sid, so the list never hands out a cookie value. */
const PUBLIC_ID = "encode(sha256(convert_to(sid, 'UTF8')), 'hex')";
const OWNED_BY = "sess::jsonb -> 'passport' ->> 'user' = $1";

/** The signed-in user's open sessions (express-session rows in PostgreSQL, account role only), listed and revoked. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly accounts: AccountDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(userId: string, currentSid: string): Promise<SessionView[]> {
    // The store pushes `expire` forward to last activity + the idle timeout (rolling cookie, touched
    // at most once a minute), so last activity is expire minus that timeout.
    const rows = await this.accounts.query<{ id: string; current: boolean; sess: { openedAt?: number; ip?: string; userAgent?: string }; last_seen: Date }[]>(
      `SELECT ${PUBLIC_ID} AS id, sid = $2 AS current, sess::jsonb AS sess,
              expire::timestamptz - make_interval(hours => $3) AS last_seen
       FROM sessions WHERE ${OWNED_BY} AND expire > now()
       ORDER BY (sid = $2) DESC, expire DESC`,
      [userId, currentSid, this.config.sessionMaxAgeHours],
    );
    return rows.map((row) => {
      const device = describeUserAgent(row.sess.userAgent);
      return {
        id: row.id,
        current: row.current,
        createdAt: typeof row.sess.openedAt === 'number' ? new Date(row.sess.openedAt).toISOString() : null,
        lastSeenAt: new Date(row.last_seen).toISOString(),
        ipAddress: row.sess.ip ?? null,
        browser: device.browser,
        os: device.os,
      };
    });
  }

  /** Ends one of the user's sessions; another user's (or none) answers 404 alike. */
  async revoke(userId: string, id: string, request: Request): Promise<void> {
    if (!/^[0-9a-f]{64}$/.test(id)) throw AppException.notFound();
    await this.accounts.transaction(async (manager) => {
      const removed: unknown[] = await manager.query(returningRows(`DELETE FROM sessions WHERE ${OWNED_BY} AND ${PUBLIC_ID} = $2 RETURNING sid`), [userId, id]);
      if (removed.length === 0) throw AppException.notFound();
      await recordAccountEvent(manager, userId, 'session_revoked', request);
    });
  }
}
