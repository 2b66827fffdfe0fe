import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Proof of e-mail and single-use account tokens (issue 15).
 *
 * - users.email_verified_at: set when the owner of the address followed the link we e-mailed. An
 *   account without it cannot sign in. Accounts that existed before this migration are marked proven
 *   (their owners signed up under the previous rules; forcing them through a proof they never
 *   received would lock out every existing user on upgrade).
 * - account_tokens: proof-of-address and password-reset tokens. Only the SHA-256 of a token is kept
 *   (the token itself travels in one e-mail), with its expiry and the instant it was used: a token
 *   works once. Tokens belong to a user, like users: global, not tenant-owned.
 */
export class AccountProof1764633600000 implements MigrationInterface {
  name = 'AccountProof1764633600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users ADD COLUMN email_verified_at timestamptz;
      UPDATE users SET email_verified_at = created_at;

      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('verify_email', 'password_reset')),
        -- hex SHA-256 of the token; the token itself is never stored.
        token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT account_tokens_hash_key UNIQUE (token_hash)
      );
      CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose);

      GRANT SELECT, INSERT, UPDATE, DELETE ON account_tokens TO registre_app;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE IF EXISTS account_tokens;
      ALTER TABLE users DROP COLUMN IF EXISTS email_verified_at;
    `);
  }
}
