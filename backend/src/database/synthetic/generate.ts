import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import pino from 'pino';
import { hashPassword } from '../../auth/password';
import { ConfigError, loadConfig } from '../../config/app.config';
import { runMigrations } from '../data-source';
import { openDatabase } from '../database-connection';
import { createSyntheticOrganization, generateSyntheticRegister } from './synthetic-register';

/** Password of every generated user (synthetic data only: never run this against production). */
export const SYNTHETIC_PASSWORD = 'registre-synthetic';

const USAGE = `Writes a synthetic register into the configured database (or the embedded one).
  npm run synthetic -- [--organizations N] [--activities M] [--vendors V] [--organization <id>] [--seed S]
Defaults: 1 organisation × 10,000 activities (5 versions each), 500 vendors. With --organization,
the activities are added to that existing organisation. Users sign in with "${SYNTHETIC_PASSWORD}".`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      organizations: { type: 'string', default: '1' },
      activities: { type: 'string', default: '10000' },
      vendors: { type: 'string', default: '500' },
      organization: { type: 'string' },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const count = (name: string, text: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) throw new ConfigError(`--${name} takes a whole number, got "${text}".\n${USAGE}`);
    return value;
  };
  const organizations = count('organizations', values.organizations);
  const activities = count('activities', values.activities);
  const vendors = count('vendors', values.vendors);
  const seed = count('seed', values.seed);

  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase(config, logger);
  const client = new Client({ connectionString: database.ownerUrl, application_name: 'registre-synthetic' });
  try {
    await runMigrations(database.ownerUrl);
    await client.connect();
    const targets: string[] = [];
    if (values.organization) targets.push(values.organization);
    else {
      const passwordHash = await hashPassword(SYNTHETIC_PASSWORD);
      for (let index = 0; index < organizations; index++) {
        const organization = await createSyntheticOrganization(client, { passwordHash });
        targets.push(organization.organizationId);
        process.stdout.write(`Organisation ${organization.organizationId}: sign in as ${organization.users.find((user) => user.role === 'dpo')!.email} / ${SYNTHETIC_PASSWORD}\n`);
      }
    }
    for (const [index, organizationId] of targets.entries()) {
      const result = await generateSyntheticRegister(client, {
        organizationId,
        activities,
        vendors,
        seed: seed + index,
        log: (message) => process.stdout.write(`  ${message}\n`),
      });
      process.stdout.write(
        `Organisation ${organizationId}: ${result.activities} activities, ${result.versions} versions, ${result.vendorsCreated} vendors, ${result.auditEvents} audit events in ${(result.milliseconds / 1000).toFixed(1)} s\n`,
      );
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await client.end().catch(() => undefined);
    await database.stop();
  }
}

void main();
