import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pino from 'pino';
import { prepareApi } from './bootstrap';
import { ConfigError, loadConfig } from './config/app.config';
import { backupDatabase, restoreDatabase } from './database/backup';
import { createDataSource, runMigrations } from './database/data-source';
import { describeDatabaseFailure, openDatabase } from './database/database-connection';
import { DemoSeedService } from './database/seeds/demo-seed.service';

/**
 * Operator commands, run against the configured database (or the embedded one, which must not be
 * in use by a running API at the same time):
 *   migration-run                apply pending migrations
 *   migration-generate <Name>    write a migration with the difference between entities and schema
 *   seed-demo                    create the demo organisation and users if they do not exist
 *   backup [file]                write a logical backup (gzip JSON lines) of the database
 *   restore <file>               restore a backup into an empty database (migrated first)
 */
async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase(config, logger);
  try {
    switch (command) {
      case 'migration-run': {
        const applied = await runMigrations(database.ownerUrl);
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The schema is up to date.\n');
        break;
      }
      case 'migration-generate': {
        const name = args[0];
        if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new ConfigError('Give the migration a PascalCase name: npm run migration:generate -- AddVendors');
        const dataSource = createDataSource({ url: database.ownerUrl, poolSize: 1 });
        await dataSource.initialize();
        try {
          const sql = await dataSource.driver.createSchemaBuilder().log();
          if (sql.upQueries.length === 0) {
            process.stdout.write('No difference between the entities and the schema.\n');
            break;
          }
          const timestamp = Date.now();
          const file = join(__dirname, '..', 'src', 'database', 'migrations', `${timestamp}-${name.replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase())}.ts`);
          const statements = (queries: { query: string }[]) => queries.map((q) => `    await queryRunner.query(${JSON.stringify(q.query)});`).join('\n');
          writeFileSync(
            file,
            `import { MigrationInterface, QueryRunner } from 'typeorm';\n\n// Generated from the entities: review it (keys, RLS policies, grants) before committing.\nexport class ${name}${timestamp} implements MigrationInterface {\n  name = '${name}${timestamp}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${statements(sql.upQueries)}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${statements(sql.downQueries.reverse())}\n  }\n}\n`,
          );
          process.stdout.write(`Wrote ${file} — add it to src/database/migrations/index.ts.\n`);
        } finally {
          await dataSource.destroy();
        }
        break;
      }
      case 'seed-demo': {
        const api = await prepareApi({ ...config, demoSeed: true }, database, logger);
        try {
          const result = await api.app.get(DemoSeedService).seedIfEmpty();
          process.stdout.write(result.created ? 'Demo organisation "Démo" created.\n' : 'The database already has users: demo data left as it is.\n');
        } finally {
          await api.close();
        }
        break;
      }
      case 'backup': {
        const file = userPath(args[0] ?? join('backups', `registre-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.gz`));
        mkdirSync(dirname(file), { recursive: true });
        const counts = await backupDatabase(database.ownerUrl, file);
        process.stdout.write(`Backup written to ${file}: ${describeCounts(counts)}.\n`);
        break;
      }
      case 'restore': {
        if (!args[0]) throw new ConfigError('Name the backup file: npm run restore -- backups/registre-….jsonl.gz');
        await runMigrations(database.ownerUrl);
        const counts = await restoreDatabase(database.ownerUrl, userPath(args[0]));
        process.stdout.write(`Restored: ${describeCounts(counts)}.\n`);
        break;
      }
      default:
        throw new ConfigError(`Unknown command "${command ?? ''}". Commands: migration-run, migration-generate <Name>, seed-demo, backup [file], restore <file>.`);
    }
  } catch (error) {
    const known = error instanceof ConfigError || (error instanceof Error && /backup|restore|migrat|table/i.test(error.message));
    process.stderr.write(`${known && error instanceof Error ? error.message : describeDatabaseFailure(error, database.ownerUrl)}\n`);
    process.exitCode = 1;
  } finally {
    await database.stop();
  }
}

/** Paths are relative to where the command was typed (npm runs workspace scripts in their folder). */
function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

function describeCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([table, rows]) => `${table} ${rows}`)
    .join(', ');
}

void main();
