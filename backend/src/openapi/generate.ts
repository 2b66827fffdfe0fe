/**
 * Writes the API's OpenAPI document without a database: the application's modules are resolved in
 * Nest's preview mode (no provider is instantiated, so nothing connects), which is all the Swagger
 * scanner needs. `npm run openapi` writes `backend/openapi.json`; `--out <file>` writes elsewhere
 * (the drift gate, `backend/scripts/contract.mjs --check`). Runs from source: `node -r ./scripts/swc-register.cjs`.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app.config';
import { AccountDatabase } from '../database/account-database';
import { createOpenApiDocument, serializeOpenApiDocument } from './openapi-document';

export const OPENAPI_FILE = resolve(__dirname, '..', '..', 'openapi.json');

/** The committed document's text, built from the same modules `createApp` serves. */
export async function generateOpenApiJson(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'registre-openapi-'));
  try {
    // Fixed values: the document must not depend on the environment it is generated in.
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SESSION_SECRET: 'openapi-generation-only-'.padEnd(32, '-') });
    // Never initialised: in preview mode no provider runs, so no connection is attempted.
    const dataSource = new DataSource({ type: 'postgres' });
    const app = await NestFactory.create(AppModule.register(config, dataSource, new AccountDatabase(dataSource), pino({ level: 'silent' })), { preview: true, logger: false, abortOnError: false });
    app.setGlobalPrefix('api');
    const json = serializeOpenApiDocument(createOpenApiDocument(app));
    await app.close();
    return json;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const index = process.argv.indexOf('--out');
  const file = index === -1 ? OPENAPI_FILE : resolve(process.argv[index + 1] ?? '');
  writeFileSync(file, await generateOpenApiJson());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`OpenAPI generation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
