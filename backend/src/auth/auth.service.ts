import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { AccountMailService, type AccountEmail } from '../account-mail/account-mail.service';
import { AppException } from '../common/errors/app-exception';
import { resolveLocale } from '../common/i18n/i18n';
import { PINO_LOGGER } from '../common/logging/logger';
import { AppConfig, APP_CONFIG } from '../config/app.config';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import type { SessionUser } from '../authorization/request-auth';
import { AccountDatabase } from '../database/account-database';
import { accountEmail } from './account-emails';
import { consumeAccountToken, issueAccountToken } from './account-tokens';
import type { RegisterDto } from './dto/auth.dto';
import { LoginThrottleService } from './login-throttle.service';
import { hashPassword, verifyPassword } from './password';
import { assertStrongPassword } from './password-policy';

export function clientAddress(request: Request): string {
  return request.ip ?? 'unknown';
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly throttle: LoginThrottleService,
    private readonly mail: AccountMailService,
    /** Account role: tokens, password hashes, sessions and sign-in attempts are out of the application role's reach. */
    private readonly accounts: AccountDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PINO_LOGGER) private readonly logger: Logger,
  ) {}

  private link(path: string, token?: string): string {
    return `${this.config.publicUrl}${path}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  }

  /**
   * Sends in the background: the answer neither waits for SMTP nor reveals, by its timing, whether an
   * account received an e-mail. A failure is logged.
   */
  private sendInBackground(email: AccountEmail): void {
    void this.sendQuietly(email);
  }

  /** Sends without letting a mail failure change the answer (which must not reveal accounts). */
  private async sendQuietly(email: AccountEmail): Promise<void> {
    try {
      await this.mail.send(email);
    } catch (error) {
      this.logger.error({ err: error, subject: email.subject }, 'account e-mail could not be sent');
    }
  }

  /**
   * Sign-up answers the same for a new and an existing address (202): a new account is created
   * unproven and receives the proof link; the owner of an existing one is told that someone tried.
   * The password is hashed in both cases so the response time does not tell them apart.
   */
  async register(input: RegisterDto, request: Request): Promise<void> {
    if (!this.config.signupEnabled) throw new AppException(HttpStatus.FORBIDDEN, 'signup_disabled');
    await this.throttle.consumeRequest('signup', clientAddress(request));
    assertStrongPassword(input.password, [input.email, input.name]);
    const passwordHash = await hashPassword(input.password);
    const existing = await this.users.findByEmail(input.email);
    if (existing) {
      await this.tellExistingOwner(existing);
      return;
    }
    const locale = resolveLocale(request);
    const name = input.name.trim();
    const token = await this.accounts.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO users (email, password_hash, name, locale) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [input.email, passwordHash, name, locale],
      );
      return inserted[0] ? issueAccountToken(manager, inserted[0].id, 'verify_email') : undefined;
    });
    if (!token) {
      // Created at the same instant by another request.
      const raced = await this.users.findByEmail(input.email);
      if (raced) await this.tellExistingOwner(raced);
      return;
    }
    await this.sendQuietly(accountEmail('verify', input.email, locale, { name, link: this.link('/verify-email', token) }));
  }

  private async tellExistingOwner(user: User): Promise<void> {
    await this.sendQuietly(
      accountEmail('existing', user.email, user.locale, { name: user.name, loginLink: this.link('/login'), resetLink: this.link('/forgot-password') }),
    );
  }

  /** Proves the address of the token's account (single use, 24 hours). */
  async verifyEmail(token: string): Promise<void> {
    await this.accounts.transaction(async (manager) => {
      const userId = await consumeAccountToken(manager, token, 'verify_email');
      await manager.query('UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = $1', [userId]);
    });
  }

  /** A new proof link for an unproven account; the same 202 whatever the address. */
  async resendVerification(email: string, request: Request): Promise<void> {
    await this.throttle.consumeRequest('verify_resend', clientAddress(request));
    const user = await this.users.findByEmail(email);
    if (!user || user.emailVerifiedAt) return;
    const token = await this.accounts.transaction((manager) => issueAccountToken(manager, user.id, 'verify_email'));
    await this.sendQuietly(accountEmail('verify', user.email, user.locale, { name: user.name, link: this.link('/verify-email', token) }));
  }

  /** A single-use reset link (30 minutes) for the address's account; the same 202 whatever the address. */
  async requestPasswordReset(email: string, request: Request): Promise<void> {
    await this.throttle.consumeRequest('password_reset', clientAddress(request));
    const user = await this.users.findByEmail(email);
    if (!user) return;
    const token = await this.accounts.transaction((manager) => issueAccountToken(manager, user.id, 'password_reset'));
    this.sendInBackground(accountEmail('reset', user.email, user.locale, { name: user.name, link: this.link('/reset-password', token) }));
  }

  /**
   * Sets a new password from a reset link: the token is used once, the link proves the address, every
   * session of the account ends and its sign-in delays are lifted. A refused password leaves the
   * token usable and changes nothing.
   */
  async confirmPasswordReset(token: string, password: string): Promise<void> {
    await this.accounts.transaction(async (manager) => {
      const userId = await consumeAccountToken(manager, token, 'password_reset');
      const [user] = await manager.query<{ email: string; name: string }[]>('SELECT email, name FROM users WHERE id = $1', [userId]);
      assertStrongPassword(password, [user.email, user.name]);
      await manager.query(
        'UPDATE users SET password_hash = $2, email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = $1',
        [userId, await hashPassword(password)],
      );
      await endSessions(manager, userId);
      await manager.query("DELETE FROM login_attempts WHERE attempt_key LIKE 'account-address:' || $1 || '|%'", [user.email]);
    });
  }

  /** Changes the signed-in user's password; the current one is required, and their other sessions end. */
  async changePassword(user: SessionUser, currentPassword: string, newPassword: string, request: Request): Promise<void> {
    const ip = clientAddress(request);
    await this.throttle.assertAllowed(user.email, ip);
    const credentials = await this.users.findCredentials(user.email);
    if (!credentials || !(await verifyPassword(credentials.passwordHash, currentPassword))) {
      await this.throttle.recordFailure(user.email, ip);
      throw new AppException(HttpStatus.BAD_REQUEST, 'current_password_wrong');
    }
    assertStrongPassword(newPassword, [user.email, user.name]);
    const passwordHash = await hashPassword(newPassword);
    await this.accounts.transaction(async (manager) => {
      await manager.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [user.id, passwordHash]);
      await endSessions(manager, user.id, request.sessionID);
    });
  }
}

/** Ends the user's sessions (all of them, or all but `keepSessionId`), on every API process; `manager` is the account role's. */
export async function endSessions(manager: EntityManager, userId: string, keepSessionId?: string): Promise<void> {
  await manager.query("DELETE FROM sessions WHERE sess::jsonb -> 'passport' ->> 'user' = $1 AND sid IS DISTINCT FROM $2", [userId, keepSessionId ?? null]);
}
