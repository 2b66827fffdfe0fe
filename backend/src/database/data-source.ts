import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';

export interface DataSourceOptions {
  url: string;
  /** Switch every connection to the application role (used when no separate app login is configured). */
  assumeAppRole?: boolean;
  /** Switch every connection to this role instead (the account role, from the owner's login). */
  assumeRole?: string;
  poolSize?: number;
  applicationName?: string;
}

/** One factory for the API (application role) and for migrations (owner role). Never `synchronize`. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: false,
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'registre',
      connectionTimeoutMillis: 5000,
      // Setting the role at connection start is equivalent to SET ROLE for the whole session.
      ...(options.assumeRole ? { options: `-c role=${options.assumeRole}` } : options.assumeAppRole ? { options: '-c role=registre_app' } : {}),
    },
  });
}

/** Key of the session-level advisory lock that serialises schema changes across API processes. */
export const SCHEMA_LOCK_KEY = 7_261_001;

/**
 * Runs `work` while holding the schema lock, so replicas starting together migrate (and seed) one
 * after the other instead of racing: TypeORM itself takes no lock.
 */
export async function withSchemaLock<T>(ownerUrl: string, work: () => Promise<T>): Promise<T> {
  const lock = new Client({ connectionString: ownerUrl, application_name: 'registre-schema-lock' });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
    return await work();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}

/** Applies pending migrations with the owner connection, then closes it. Returns the names applied. */
export async function runMigrations(ownerUrl: string): Promise<string[]> {
  return withSchemaLock(ownerUrl, async () => {
    const dataSource = createDataSource({ url: ownerUrl, poolSize: 1, applicationName: 'registre-migrations' });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  });
}
