import { createHash, randomBytes } from 'node:crypto';
import { HttpStatus } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppException } from '../common/errors/app-exception';

export type AccountTokenPurpose = 'verify_email' | 'password_reset';

/** How long each kind of link works. */
export const TOKEN_LIFETIME_MINUTES: Record<AccountTokenPurpose, number> = {
  verify_email: 24 * 60,
  password_reset: 30,
};

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Issues a single-use token for `userId`: 32 random bytes (base64url) sent in one e-mail; only its
 * SHA-256 is stored. Earlier unused tokens of the same purpose stop working, so only the latest link
 * is valid.
 */
export async function issueAccountToken(manager: EntityManager, userId: string, purpose: AccountTokenPurpose): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await manager.query('UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL', [userId, purpose]);
  await manager.query(
    `INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
    [userId, purpose, hashToken(token), TOKEN_LIFETIME_MINUTES[purpose]],
  );
  return token;
}

/**
 * Uses a token once, in the caller's transaction: the row is locked, checked and marked used. An
 * unknown, used or other-purpose token is 400 `token_invalid`; an expired one 400 `token_expired`.
 * Nothing changes when it is refused.
 */
export async function consumeAccountToken(manager: EntityManager, token: string, purpose: AccountTokenPurpose): Promise<string> {
  const rows: { id: string; user_id: string; expired: boolean; used: boolean }[] = await manager.query(
    `SELECT id, user_id, expires_at <= now() AS expired, used_at IS NOT NULL AS used
     FROM account_tokens WHERE token_hash = $1 AND purpose = $2 FOR UPDATE`,
    [hashToken(token), purpose],
  );
  const row = rows[0];
  if (!row || row.used) throw new AppException(HttpStatus.BAD_REQUEST, 'token_invalid');
  if (row.expired) throw new AppException(HttpStatus.BAD_REQUEST, 'token_expired');
  await manager.query('UPDATE account_tokens SET used_at = now() WHERE id = $1', [row.id]);
  return row.user_id;
}
