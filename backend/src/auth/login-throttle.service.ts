import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AccountDatabase } from '../database/account-database';
import { AppConfig, APP_CONFIG } from '../config/app.config';
import { AppException } from '../common/errors/app-exception';

/** Requests other than sign-in that anyone may send, counted per client address. */
export type AccountRequestKind = 'signup' | 'verify_resend' | 'password_reset';

export interface ThrottlePolicy {
  /** Failures of one account from one address before a delay applies. */
  maxPerAccountAddress: number;
  /** Failures from one address, whatever the accounts, before it waits for the window to pass. */
  maxPerAddress: number;
  windowSeconds: number;
  /** First delay; each further failure doubles it, up to the window. */
  delayBaseSeconds: number;
}

export interface FailureCount {
  failures: number;
  /** Seconds since the latest failure. */
  sinceLast: number;
  /** Seconds since the oldest failure still in the window. */
  sinceFirst: number;
}

/**
 * How long a sign-in must wait, in seconds (0: allowed). Pure, so the policy reads as a table.
 *
 * - per (account, address): from the `maxPerAccountAddress`-th failure, wait `base × 2^(extra failures)`
 *   after the latest one (growing delays, capped at the window). Another address is not affected, so
 *   nobody can lock the owner out of their account from elsewhere.
 * - per address: past `maxPerAddress` failures (any accounts), the address waits until its oldest
 *   failure leaves the window (password spraying from one address).
 */
export function signInDelaySeconds(policy: ThrottlePolicy, pair: FailureCount | undefined, address: FailureCount | undefined): number {
  let wait = 0;
  if (pair && pair.failures >= policy.maxPerAccountAddress) {
    const delay = Math.min(policy.windowSeconds, policy.delayBaseSeconds * 2 ** (pair.failures - policy.maxPerAccountAddress));
    wait = Math.max(wait, delay - pair.sinceLast);
  }
  if (address && address.failures >= policy.maxPerAddress) wait = Math.max(wait, policy.windowSeconds - address.sinceFirst);
  return Math.max(0, Math.ceil(wait));
}

/**
 * Counts failed sign-ins in PostgreSQL, so the limits hold across every API process. Failures are
 * counted per (account, client address) and per client address; never per account alone, which would
 * let anyone lock an account for everyone. A success clears the (account, address) counter.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly accounts: AccountDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(email: string, ip: string): { pair: string; ip: string } {
    return { pair: `account-address:${email.toLowerCase()}|${ip}`, ip: `ip:${ip}` };
  }

  private get policy(): ThrottlePolicy {
    return {
      maxPerAccountAddress: this.config.loginMaxAttemptsPerAccount,
      maxPerAddress: this.config.loginMaxAttemptsPerIp,
      windowSeconds: this.config.loginWindowMinutes * 60,
      delayBaseSeconds: this.config.loginDelayBaseSeconds,
    };
  }

  private async counts(keys: string[], windowSeconds: number): Promise<Map<string, FailureCount>> {
    const rows: { attempt_key: string; failures: string; since_last: string; since_first: string }[] = await this.accounts.query(
      `SELECT attempt_key, count(*) AS failures,
              extract(epoch FROM now() - max(attempted_at)) AS since_last,
              extract(epoch FROM now() - min(attempted_at)) AS since_first
       FROM login_attempts
       WHERE attempt_key = ANY($1) AND attempted_at > now() - make_interval(secs => $2)
       GROUP BY attempt_key`,
      [keys, windowSeconds],
    );
    return new Map(rows.map((row) => [row.attempt_key, { failures: Number(row.failures), sinceLast: Number(row.since_last), sinceFirst: Number(row.since_first) }]));
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    const policy = this.policy;
    const counts = await this.counts([keys.pair, keys.ip], policy.windowSeconds);
    const wait = signInDelaySeconds(policy, counts.get(keys.pair), counts.get(keys.ip));
    if (wait > 0) {
      throw new AppException(HttpStatus.TOO_MANY_REQUESTS, 'too_many_attempts', { retryAfterSeconds: wait }, { minutes: Math.ceil(wait / 60) });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    await this.accounts.query(
      `WITH cleanup AS (DELETE FROM login_attempts WHERE attempted_at < now() - interval '1 day')
       INSERT INTO login_attempts (attempt_key) VALUES ($1), ($2)`,
      [keys.pair, keys.ip],
    );
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.accounts.query('DELETE FROM login_attempts WHERE attempt_key = $1', [this.keys(email, ip).pair]);
  }

  /**
   * Sign-up, proof resend and password reset requests: at most ACCOUNT_REQUESTS_PER_IP_PER_HOUR per
   * client address and kind. Counts the request, or answers 429 without counting it.
   */
  async consumeRequest(kind: AccountRequestKind, ip: string): Promise<void> {
    const key = `${kind}:${ip}`;
    const counts = await this.counts([key], 3600);
    const count = counts.get(key);
    if (count && count.failures >= this.config.accountRequestsPerIpPerHour) {
      const wait = Math.max(1, Math.ceil(3600 - count.sinceFirst));
      throw new AppException(HttpStatus.TOO_MANY_REQUESTS, 'too_many_requests', { retryAfterSeconds: wait }, { minutes: Math.ceil(wait / 60) });
    }
    await this.accounts.query(
      `WITH cleanup AS (DELETE FROM login_attempts WHERE attempted_at < now() - interval '1 day')
       INSERT INTO login_attempts (attempt_key) VALUES ($1)`,
      [key],
    );
  }
}
