import 'reflect-metadata';
import type { Logger } from 'pino';
import { prepareApi } from './bootstrap';
import { ConfigError, loadConfig } from './config/app.config';
import { describeDatabaseFailure, openDatabase } from './database/database-connection';
import { DEMO_ORGANIZATION_NAME, DEMO_PASSWORD, DEMO_USERS, DemoSeedService } from './database/seeds/demo-seed.service';
import { createLogger } from './common/logging/logger';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`Registre cannot start: ${error.message}`);
    throw error;
  }
  const logger: Logger = createLogger(config.logLevel);

  const database = await openDatabase(config, logger).catch((error: unknown) =>
    fail(`Registre cannot start the embedded PostgreSQL in ${config.dataDir}: ${error instanceof Error ? error.message : String(error)}`),
  );
  const api = await prepareApi(config, database, logger).catch(async (error: unknown) => {
    await database.stop().catch(() => undefined);
    fail(describeDatabaseFailure(error, database.ownerUrl));
  });

  if (config.demoSeed) {
    const seeded = await api.app.get(DemoSeedService).seedIfEmpty();
    if (seeded.created) logger.info({ organization: DEMO_ORGANIZATION_NAME }, 'demo data loaded');
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await api.close().catch((error: unknown) => logger.error({ err: error }, 'error while closing the API'));
    await database.stop().catch((error: unknown) => logger.error({ err: error }, 'error while stopping PostgreSQL'));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await api.app.listen(config.port, config.host);
  logger.info(
    {
      url: `http://localhost:${config.port}/api`,
      docs: `http://localhost:${config.port}/api/docs`,
      embeddedDatabase: database.embedded,
      demoLogins: config.demoSeed ? DEMO_USERS.map((user) => `${user.email} / ${DEMO_PASSWORD} (${user.role})`) : [],
    },
    'Registre API listening',
  );
}

void main();
