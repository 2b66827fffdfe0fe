import { Pool } from 'pg';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app.config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { join } from 'node:path';
import { ACCOUNT_ROLE } from './account-database';

export interface DatabaseConnection {
  ownerUrl: string;
  appUrl: string;
  /** The app URL is the owner's: switch to registre_app on each connection. */
  assumeAppRole: boolean;
  /** A login of the account role; absent: the owner's connection switched to registre_auth. */
  authUrl?: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The configured PostgreSQL, or the embedded one when DATABASE_URL is not set. */
export async function openDatabase(config: AppConfig, logger: Logger): Promise<DatabaseConnection> {
  if (config.databaseUrl) {
    return {
      ownerUrl: config.databaseUrl,
      appUrl: config.databaseAppUrl ?? config.databaseUrl,
      assumeAppRole: !config.databaseAppUrl,
      authUrl: config.databaseAuthUrl,
      embedded: false,
      stop: () => Promise.resolve(),
    };
  }
  logger.info({ dataDir: config.dataDir, port: config.embeddedPostgresPort }, 'starting embedded PostgreSQL');
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPostgresPort,
    log: (message) => logger.debug({ component: 'postgres' }, message),
  });
  logger.info({ dataDir: join(config.dataDir, 'postgres') }, 'embedded PostgreSQL ready');
  return { ownerUrl: embedded.ownerUrl, appUrl: embedded.appUrl, assumeAppRole: false, embedded: true, stop: () => embedded.stop() };
}

/**
 * The session store's pool. It runs as the account role (the owner's login switched to
 * registre_auth): the application role cannot read or write sessions.
 */
export function createSessionPool(connection: Pick<DatabaseConnection, 'ownerUrl' | 'authUrl'>, logger: Logger): Pool {
  const pool = new Pool({
    connectionString: connection.authUrl ?? connection.ownerUrl,
    max: 4,
    connectionTimeoutMillis: 5000,
    application_name: 'registre-sessions',
    ...(connection.authUrl ? {} : { options: `-c role=${ACCOUNT_ROLE}` }),
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process.
  pool.on('error', (error) => logger.warn({ err: error }, 'session store connection lost'));
  return pool;
}

/** One sentence for the operator, instead of a stack trace, when the database cannot be used. */
export function describeDatabaseFailure(error: unknown, url: string): string {
  let where = 'the database';
  try {
    const parsed = new URL(url);
    where = `PostgreSQL at ${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    /* keep the generic wording */
  }
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return `Registre cannot use ${where}: ${detail}.`;
}
