import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from './app.factory';
import type { AppConfig } from './config/app.config';
import { syncCatalogues } from './catalogues/catalogue-sync';
import type { CatalogueSource } from './catalogues/catalogue-sources';
import { createDataSource, runMigrations } from './database/data-source';
import { AccountDatabase, ACCOUNT_ROLE } from './database/account-database';
import { createSessionPool, DatabaseConnection } from './database/database-connection';

export interface RunningApi {
  app: NestExpressApplication;
  dataSource: DataSource;
  /** The account role's connection (password hashes, sessions, sign-in links). */
  accounts: AccountDatabase;
  sessionPool: Pool;
  close(): Promise<void>;
}

/** Migrates with the owner role, then builds the API on the application role. Used by main and tests. */
export async function prepareApi(
  config: AppConfig,
  database: DatabaseConnection,
  logger: Logger,
  /** The catalogues to load (default: the shipped ones); a test passes a new version to see what it changes. */
  catalogueSources?: readonly CatalogueSource[],
): Promise<RunningApi> {
  const applied = await runMigrations(database.ownerUrl);
  if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
  const synced = await syncCatalogues(database.ownerUrl, catalogueSources);
  // The DPOs concerned are told by the next daily run (notifications/jobs.service.ts).
  if (synced.adequacyChanges.length > 0) logger.info({ adequacyChanges: synced.adequacyChanges }, 'adequacy decisions changed in the catalogue');
  const dataSource = createDataSource({ url: database.appUrl, assumeAppRole: database.assumeAppRole, poolSize: config.databasePoolSize });
  await dataSource.initialize();
  const accounts = new AccountDatabase(
    createDataSource({ url: database.authUrl ?? database.ownerUrl, assumeRole: database.authUrl ? undefined : ACCOUNT_ROLE, poolSize: 4, applicationName: 'registre-accounts' }),
  );
  await accounts.dataSource.initialize();
  const sessionPool = createSessionPool(database, logger);
  const app = await createApp({ config, dataSource, accounts, sessionPool, logger });
  return {
    app,
    dataSource,
    accounts,
    sessionPool,
    close: async () => {
      await app.close();
      await sessionPool.end();
      if (accounts.dataSource.isInitialized) await accounts.dataSource.destroy();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}
