import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../config/app.config';
import { AppException } from '../common/errors/app-exception';

/**
 * Counts failed sign-ins per account and per IP in PostgreSQL, so the limit holds across every API
 * process. A success clears the account's counter.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(email: string, ip: string): { account: string; ip: string } {
    return { account: `account:${email.toLowerCase()}`, ip: `ip:${ip}` };
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    const rows: { attempt_key: string; failures: string }[] = await this.dataSource.query(
      `SELECT attempt_key, count(*) AS failures FROM login_attempts
       WHERE attempt_key = ANY($1) AND attempted_at > now() - make_interval(mins => $2)
       GROUP BY attempt_key`,
      [[keys.account, keys.ip], this.config.loginWindowMinutes],
    );
    const failures = new Map(rows.map((row) => [row.attempt_key, Number(row.failures)]));
    if ((failures.get(keys.account) ?? 0) >= this.config.loginMaxAttemptsPerAccount || (failures.get(keys.ip) ?? 0) >= this.config.loginMaxAttemptsPerIp) {
      throw new AppException(HttpStatus.TOO_MANY_REQUESTS, 'too_many_attempts', { retryAfterMinutes: this.config.loginWindowMinutes }, { minutes: this.config.loginWindowMinutes });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    await this.dataSource.query(
      `WITH cleanup AS (DELETE FROM login_attempts WHERE attempted_at < now() - interval '1 day')
       INSERT INTO login_attempts (attempt_key) VALUES ($1), ($2)`,
      [keys.account, keys.ip],
    );
  }

  async recordSuccess(email: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_attempts WHERE attempt_key = $1', [this.keys(email, '').account]);
  }
}
