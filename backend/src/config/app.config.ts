import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Every setting of the API, validated once at start. The README's configuration table mirrors it. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Owner connection: runs migrations. Absent → embedded PostgreSQL. */
  databaseUrl?: string;
  /** Least-privileged application connection; when absent the API uses databaseUrl and SET ROLE registre_app. */
  databaseAppUrl?: string;
  /** Login of the account role (registre_auth); when absent the account code uses databaseUrl and SET ROLE registre_auth. */
  databaseAuthUrl?: string;
  dataDir: string;
  embeddedPostgresPort: number;
  sessionSecret: string;
  /**
   * Key material for the TOTP secrets stored encrypted (TOTP_ENCRYPTION_KEY, at least 32 characters);
   * defaults to SESSION_SECRET. Changing it makes every enrolled authenticator unreadable.
   */
  totpEncryptionKey: string;
  /** Idle timeout: the cookie's rolling lifetime. */
  sessionMaxAgeHours: number;
  /** Absolute lifetime from sign-in, however active the session. */
  sessionAbsoluteMaxAgeHours: number;
  signupEnabled: boolean;
  demoSeed: boolean;
  logLevel: string;
  bodyLimit: string;
  /**
   * Which hops may name the client address in X-Forwarded-For: `false` (none), `true` (exactly one
   * hop, whoever it is) or a list of addresses, CIDRs and express names (`loopback`, `linklocal`,
   * `uniquelocal`): only those peers are believed.
   */
  trustProxy: boolean | string[];
  loginMaxAttemptsPerAccount: number;
  loginMaxAttemptsPerIp: number;
  loginWindowMinutes: number;
  /** First delay after LOGIN_MAX_ATTEMPTS_PER_ACCOUNT failures of one account from one address; doubles with each further failure. */
  loginDelayBaseSeconds: number;
  /** Sign-up, e-mail proof and password reset requests accepted per client address and hour (each kind counted apart). */
  accountRequestsPerIpPerHour: number;
  databasePoolSize: number;
  /** Scheduled reminders and e-mails (pg-boss); off by default in tests, which turn it on when they need it. */
  jobsEnabled: boolean;
  /** Delay before the run a starting process asks for (lets the demo seed finish first). */
  jobsStartDelaySeconds: number;
  /** Absolute address of the web application, for links in e-mails. */
  publicUrl: string;
  /** SMTP server for e-mails; absent → e-mails are stored and shown to administrators instead. */
  smtp?: { host: string; port: number; secure: boolean; user?: string; password?: string };
  mailFrom: string;
  /**
   * Who may read the OpenAPI UI and document (/api/docs): `public`, `session` (signed-in users only)
   * or `off`. Default: `session` in production, `public` otherwise.
   */
  apiDocs: 'public' | 'session' | 'off';
  /**
   * The Ed25519 private key that signs audit checkpoints (PEM, created 0600 when missing). Never in
   * the database. Default: audit-signing-key.pem in the data folder.
   */
  auditSigningKeyFile: string;
  /** Hours between scheduled audit checkpoints (when JOBS_ENABLED). */
  auditCheckpointIntervalHours: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function parseBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}".`);
}

function parseInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number between ${min} and ${max}, got "${raw}".`);
  }
  return value;
}

const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** TRUST_PROXY: true/false as before, or a comma-separated list of addresses, CIDRs and express names. */
export function parseTrustProxy(env: Env): boolean | string[] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || ['true', '1', 'yes', 'on', 'false', '0', 'no', 'off'].includes(raw.toLowerCase())) return parseBoolean(env, 'TRUST_PROXY', false);
  const entries = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!(TRUST_PROXY_NAMES.includes(entry.toLowerCase()) || (family !== 0 && validBits && extra === undefined))) {
      throw new ConfigError(`TRUST_PROXY must be true, false or a list of addresses (loopback, 10.0.0.0/8, …), got "${entry}".`);
    }
  }
  return entries.map((entry) => (TRUST_PROXY_NAMES.includes(entry.toLowerCase()) ? entry.toLowerCase() : entry));
}

function parseDatabaseUrl(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL (expected postgres://user:password@host:5432/database).`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${name} must start with postgres:// or postgresql://.`);
  }
  if (url.pathname.length <= 1) throw new ConfigError(`${name} must name a database (…/registre).`);
  return raw;
}

/** In development the session secret is generated once and kept in the data folder, so sessions survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${nodeEnvRaw}".`);
  }
  const nodeEnv = nodeEnvRaw as AppConfig['nodeEnv'];
  // npm runs workspace scripts in their folder; INIT_CWD is where the command was typed.
  const dataDir = resolve(env.DATA_DIR ?? join(env.INIT_CWD ?? process.cwd(), '.data'));
  const databaseUrl = parseDatabaseUrl(env, 'DATABASE_URL');
  const databaseAppUrl = parseDatabaseUrl(env, 'DATABASE_APP_URL');
  if (databaseAppUrl && !databaseUrl) {
    throw new ConfigError('DATABASE_APP_URL needs DATABASE_URL (the owner connection that runs migrations).');
  }
  const databaseAuthUrl = parseDatabaseUrl(env, 'DATABASE_AUTH_URL');
  if (databaseAuthUrl && !databaseUrl) {
    throw new ConfigError('DATABASE_AUTH_URL needs DATABASE_URL (the owner connection that runs migrations).');
  }
  let sessionSecret = env.SESSION_SECRET ?? '';
  if (sessionSecret === '') {
    if (nodeEnv === 'production') throw new ConfigError('SESSION_SECRET is required in production (at least 32 characters).');
    sessionSecret = developmentSecret(dataDir);
  } else if (sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET must be at least 32 characters long.');
  }
  const totpEncryptionKey = env.TOTP_ENCRYPTION_KEY || sessionSecret;
  if (totpEncryptionKey.length < 32) throw new ConfigError('TOTP_ENCRYPTION_KEY must be at least 32 characters long.');
  const logLevel = env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "${logLevel}".`);
  }
  const bodyLimit = env.BODY_LIMIT ?? '1mb';
  if (!/^\d+(kb|mb)$/.test(bodyLimit)) throw new ConfigError(`BODY_LIMIT must look like 512kb or 1mb, got "${bodyLimit}".`);
  const smtpHost = env.SMTP_HOST ?? '';
  const smtpUser = env.SMTP_USER ?? '';
  if (!smtpHost && (smtpUser || env.SMTP_PASSWORD)) throw new ConfigError('SMTP_USER and SMTP_PASSWORD need SMTP_HOST.');
  if (smtpUser && !env.SMTP_PASSWORD) throw new ConfigError('SMTP_USER needs SMTP_PASSWORD.');
  const mailFrom = env.MAIL_FROM ?? 'Registre <no-reply@registre.invalid>';
  if (!/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(mailFrom)) throw new ConfigError(`MAIL_FROM must be an e-mail address (Name <address@example.com>), got "${mailFrom}".`);
  const publicUrl = (env.PUBLIC_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(publicUrl)) throw new ConfigError(`PUBLIC_URL must be an http(s) address, got "${publicUrl}".`);
  const apiDocs = (env.API_DOCS || (nodeEnv === 'production' ? 'session' : 'public')) as AppConfig['apiDocs'];
  if (!['public', 'session', 'off'].includes(apiDocs)) throw new ConfigError(`API_DOCS must be public, session or off, got "${apiDocs}".`);
  return {
    nodeEnv,
    port: parseInteger(env, 'PORT', 3001, 1, 65535),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    databaseAppUrl,
    databaseAuthUrl,
    dataDir,
    embeddedPostgresPort: parseInteger(env, 'EMBEDDED_POSTGRES_PORT', 54329, 1, 65535),
    sessionSecret,
    totpEncryptionKey,
    sessionMaxAgeHours: parseInteger(env, 'SESSION_MAX_AGE_HOURS', 12, 1, 24 * 30),
    sessionAbsoluteMaxAgeHours: parseInteger(env, 'SESSION_ABSOLUTE_MAX_AGE_HOURS', 24 * 7, 1, 24 * 90),
    signupEnabled: parseBoolean(env, 'SIGNUP', true),
    // Known demo passwords have no place in production unless asked for.
    demoSeed: parseBoolean(env, 'DEMO_SEED', nodeEnv !== 'production'),
    logLevel,
    bodyLimit,
    trustProxy: parseTrustProxy(env),
    loginMaxAttemptsPerAccount: parseInteger(env, 'LOGIN_MAX_ATTEMPTS_PER_ACCOUNT', 5, 1, 1000),
    loginMaxAttemptsPerIp: parseInteger(env, 'LOGIN_MAX_ATTEMPTS_PER_IP', 30, 1, 100000),
    loginWindowMinutes: parseInteger(env, 'LOGIN_WINDOW_MINUTES', 15, 1, 1440),
    loginDelayBaseSeconds: parseInteger(env, 'LOGIN_DELAY_BASE_SECONDS', 60, 1, 3600),
    accountRequestsPerIpPerHour: parseInteger(env, 'ACCOUNT_REQUESTS_PER_IP_PER_HOUR', 10, 1, 100000),
    databasePoolSize: parseInteger(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    jobsEnabled: parseBoolean(env, 'JOBS_ENABLED', nodeEnv !== 'test'),
    jobsStartDelaySeconds: parseInteger(env, 'JOBS_START_DELAY_SECONDS', 60, 0, 3600),
    publicUrl,
    smtp: smtpHost
      ? {
          host: smtpHost,
          port: parseInteger(env, 'SMTP_PORT', 587, 1, 65535),
          secure: parseBoolean(env, 'SMTP_SECURE', false),
          ...(smtpUser ? { user: smtpUser, password: env.SMTP_PASSWORD } : {}),
        }
      : undefined,
    mailFrom,
    apiDocs,
    auditSigningKeyFile: resolve(env.AUDIT_SIGNING_KEY_FILE || join(dataDir, 'audit-signing-key.pem')),
    auditCheckpointIntervalHours: parseInteger(env, 'AUDIT_CHECKPOINT_INTERVAL_HOURS', 24, 1, 24),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
