import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { EntityManager } from 'typeorm';
import type { SessionUser } from '../authorization/request-auth';
import { AppException } from '../common/errors/app-exception';
import { requestIdOf } from '../common/http/request-id';
import { AccountDatabase } from '../database/account-database';
import { AppConfig, APP_CONFIG } from '../config/app.config';
import { toSessionUser, UsersService } from '../users/users.service';
import { clientAddress, endSessions } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { openSession } from './passport-session';
import { verifyPassword } from './password';
import { decryptSecret, encryptSecret, hashRecoveryCode, newRecoveryCodes, newTotpSecret, normaliseCode, otpauthUrl, verifyTotp } from './totp';

/** How long the code step of sign-in waits after the right password. */
export const MFA_PENDING_MAX_AGE_MS = 5 * 60 * 1000;

export type AccountSecurityAction = 'mfa_enabled' | 'mfa_disabled' | 'session_revoked';

/**
 * TypeORM answers an UPDATE or DELETE as [rows, count]; as a CTE read by a SELECT, the same
 * statement answers its RETURNING rows alone.
 */
export function returningRows(statement: string): string {
  return `WITH changed AS (${statement}) SELECT * FROM changed`;
}

/** Records an account security event in `manager`'s transaction: never a secret or a code, only who, what, from where. */
export async function recordAccountEvent(manager: EntityManager, userId: string, action: AccountSecurityAction, request: Request): Promise<void> {
  await manager.query('INSERT INTO account_security_events (user_id, action, ip_address, user_agent, request_id) VALUES ($1, $2, $3, $4, $5)', [
    userId,
    action,
    clientAddress(request),
    request.get('user-agent')?.slice(0, 512) ?? null,
    requestIdOf(request) || null,
  ]);
}

/**
 * TOTP two-factor sign-in (RFC 6238). The secret is stored encrypted and only counts once confirmed
 * with a code; each accepted code's time step is kept so a code works once; ten single-use recovery
 * codes (hashed) stand in for a lost phone. Wrong codes count as failed sign-ins (same throttle,
 * per account and address).
 */
@Injectable()
export class MfaService {
  constructor(
    /** Account role: TOTP secrets and recovery codes are out of the application role's reach. */
    private readonly accounts: AccountDatabase,
    private readonly users: UsersService,
    private readonly throttle: LoginThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async isEnabled(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.accounts.query('SELECT 1 FROM user_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL', [userId]);
    return rows.length > 0;
  }

  async status(userId: string): Promise<{ enabled: boolean; pending: boolean; recoveryCodesLeft: number }> {
    const [row] = await this.accounts.query<{ confirmed: boolean; left: string }[]>(
      `SELECT t.confirmed_at IS NOT NULL AS confirmed,
              (SELECT count(*) FROM user_recovery_codes c WHERE c.user_id = t.user_id AND c.used_at IS NULL) AS left
       FROM user_totp t WHERE t.user_id = $1`,
      [userId],
    );
    return { enabled: row?.confirmed ?? false, pending: row ? !row.confirmed : false, recoveryCodesLeft: row?.confirmed ? Number(row.left) : 0 };
  }

  /** A new secret, pending until confirmed; starting again replaces a pending one. */
  async startSetup(user: SessionUser): Promise<{ secret: string; otpauthUrl: string }> {
    const secret = newTotpSecret();
    const saved: unknown[] = await this.accounts.query(
      `INSERT INTO user_totp (user_id, secret_encrypted) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_encrypted = excluded.secret_encrypted, created_at = clock_timestamp(), last_used_step = NULL
         WHERE user_totp.confirmed_at IS NULL
       RETURNING user_id`,
      [user.id, encryptSecret(secret, this.config.totpEncryptionKey)],
    );
    if (saved.length === 0) throw new AppException(HttpStatus.CONFLICT, 'mfa_already_enabled');
    return { secret, otpauthUrl: otpauthUrl(secret, user.email) };
  }

  /**
   * Turns two-factor on with a first code; answers the recovery codes once and ends the other sessions.
   * The throttle and other reads run after the transaction: they need a connection of the same small
   * pool, and waiting for one while holding one could exhaust it under concurrent requests.
   */
  async confirm(user: SessionUser, code: string, request: Request): Promise<string[]> {
    const ip = clientAddress(request);
    await this.throttle.assertAllowed(user.email, ip);
    const outcome = await this.accounts.transaction(async (manager): Promise<{ codes?: string[]; refused?: 'not_pending' | 'wrong_code' }> => {
      const [row] = await manager.query<{ secret_encrypted: string }[]>(
        'SELECT secret_encrypted FROM user_totp WHERE user_id = $1 AND confirmed_at IS NULL FOR UPDATE',
        [user.id],
      );
      if (!row) return { refused: 'not_pending' };
      const step = verifyTotp(decryptSecret(row.secret_encrypted, this.config.totpEncryptionKey), code.trim(), null);
      if (step === undefined) return { refused: 'wrong_code' };
      await manager.query('UPDATE user_totp SET confirmed_at = clock_timestamp(), last_used_step = $2 WHERE user_id = $1', [user.id, step]);
      const codes = newRecoveryCodes();
      await manager.query('DELETE FROM user_recovery_codes WHERE user_id = $1', [user.id]);
      await manager.query('INSERT INTO user_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])', [user.id, codes.map(hashRecoveryCode)]);
      await recordAccountEvent(manager, user.id, 'mfa_enabled', request);
      await endSessions(manager, user.id, request.sessionID);
      return { codes };
    });
    if (outcome.refused === 'not_pending') throw new AppException(HttpStatus.CONFLICT, (await this.isEnabled(user.id)) ? 'mfa_already_enabled' : 'mfa_not_started');
    if (!outcome.codes) {
      await this.throttle.recordFailure(user.email, ip);
      throw new AppException(HttpStatus.BAD_REQUEST, 'mfa_code_wrong');
    }
    await this.throttle.recordSuccess(user.email, ip);
    return outcome.codes;
  }

  /** Turns two-factor off, proven by a code (app or recovery) or the password; ends the other sessions. */
  async disable(user: SessionUser, proof: { code?: string; password?: string }, request: Request): Promise<void> {
    if (!proof.code && !proof.password) throw new AppException(HttpStatus.BAD_REQUEST, 'mfa_proof_missing');
    const ip = clientAddress(request);
    await this.throttle.assertAllowed(user.email, ip);
    if (!(await this.isEnabled(user.id))) throw new AppException(HttpStatus.CONFLICT, 'mfa_not_enabled');
    let passwordProven = false;
    if (!proof.code && proof.password) {
      const credentials = await this.users.findCredentials(user.email);
      passwordProven = !!credentials && (await verifyPassword(credentials.passwordHash, proof.password));
    }
    const outcome = await this.accounts.transaction(async (manager): Promise<'done' | 'not_proven' | 'not_enabled'> => {
      const proven = proof.code ? await this.useSecondFactor(manager, user.id, proof.code) : passwordProven;
      if (!proven) return 'not_proven';
      await manager.query('DELETE FROM user_recovery_codes WHERE user_id = $1', [user.id]);
      const removed: unknown[] = await manager.query(returningRows('DELETE FROM user_totp WHERE user_id = $1 RETURNING user_id'), [user.id]);
      // Turned off at the same instant by another request.
      if (removed.length === 0) return 'not_enabled';
      await recordAccountEvent(manager, user.id, 'mfa_disabled', request);
      await endSessions(manager, user.id, request.sessionID);
      return 'done';
    });
    if (outcome === 'not_proven') {
      await this.throttle.recordFailure(user.email, ip);
      throw new AppException(HttpStatus.BAD_REQUEST, proof.code ? 'mfa_code_wrong' : 'current_password_wrong');
    }
    await this.throttle.recordSuccess(user.email, ip);
    if (outcome === 'not_enabled') throw new AppException(HttpStatus.CONFLICT, 'mfa_not_enabled');
  }

  /** The code step of sign-in: the pending state of the password step plus a code opens the session. */
  async completeLogin(request: Request, code: string): Promise<SessionUser> {
    const pending = request.session?.mfaPending;
    if (!pending || Date.now() - pending.at > MFA_PENDING_MAX_AGE_MS) throw new AppException(HttpStatus.UNAUTHORIZED, 'mfa_sign_in_expired');
    const user = await this.users.findById(pending.userId);
    if (!user) throw new AppException(HttpStatus.UNAUTHORIZED, 'mfa_sign_in_expired');
    const ip = clientAddress(request);
    await this.throttle.assertAllowed(user.email, ip);
    const proven = await this.accounts.transaction((manager) => this.useSecondFactor(manager, user.id, code));
    if (!proven) {
      await this.throttle.recordFailure(user.email, ip);
      throw new AppException(HttpStatus.UNAUTHORIZED, 'mfa_code_wrong');
    }
    await this.throttle.recordSuccess(user.email, ip);
    const sessionUser = toSessionUser(user);
    delete request.session.mfaPending;
    await openSession(request, sessionUser);
    return sessionUser;
  }

  /**
   * Accepts a current app code not used before, or an unused recovery code, and marks it used in
   * `manager`'s transaction. The conditional UPDATEs make two requests with the same code race
   * safely: the second waits for the first's row lock, then finds the code used.
   */
  private async useSecondFactor(manager: EntityManager, userId: string, rawCode: string): Promise<boolean> {
    const code = rawCode.trim();
    if (/^\d{6}$/.test(code)) {
      const [row] = await manager.query<{ secret_encrypted: string; last_used_step: string | null }[]>(
        'SELECT secret_encrypted, last_used_step FROM user_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL',
        [userId],
      );
      if (!row) return false;
      const step = verifyTotp(decryptSecret(row.secret_encrypted, this.config.totpEncryptionKey), code, row.last_used_step === null ? null : Number(row.last_used_step));
      if (step === undefined) return false;
      const used: unknown[] = await manager.query(
        returningRows('UPDATE user_totp SET last_used_step = $2 WHERE user_id = $1 AND (last_used_step IS NULL OR last_used_step < $2) RETURNING user_id'),
        [userId, step],
      );
      return used.length > 0;
    }
    if (normaliseCode(code).length !== 10) return false;
    const used: unknown[] = await manager.query(
      returningRows('UPDATE user_recovery_codes SET used_at = clock_timestamp() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id'),
      [userId, hashRecoveryCode(code)],
    );
    return used.length > 0;
  }
}
