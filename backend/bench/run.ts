import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { hashPassword } from '../src/auth/password';
import { runMigrations } from '../src/database/data-source';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { createSyntheticOrganization, generateSyntheticRegister } from '../src/database/synthetic/synthetic-register';
import { BENCHMARKS } from './benchmarks';
import { ApiProcess, freePort, signIn } from './environment';
import type { BenchContext, BenchSettings, ResultRow } from './harness';
import { renderReport } from './report';

/**
 * npm run bench: a throwaway PostgreSQL, the synthetic register at each scale, the API in its own
 * process, every benchmark of benchmarks/index.ts, and docs/benchmarks.md written from the results.
 * Runs from the compiled tree (dist/bench): bench/ and src/ compiled together, main.js included.
 */

const PASSWORD = 'bench password of the synthetic DPO';
const backendDir = resolve(__dirname, '..', '..', '..');
const repositoryDir = resolve(backendDir, '..');

function integer(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return value;
}

const sizes = (text: string) =>
  text
    .split(',')
    .map((value) => Number(value.trim()))
    .filter((value) => Number.isInteger(value) && value > 0)
    .sort((a, b) => a - b);

function settingsFromEnv(): BenchSettings {
  const scales = sizes(process.env.BENCH_SCALES ?? '1000,10000');
  if (scales.length === 0) throw new Error('BENCH_SCALES must list register sizes, e.g. 1000,10000');
  return {
    duration: integer('BENCH_DURATION', 30, 1),
    connections: integer('BENCH_CONNECTIONS', 32, 1),
    runs: integer('BENCH_RUNS', 5, 1),
    scales,
    only: (process.env.BENCH_ONLY ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    // The issue asks for the export's growth at 50,000 activities too.
    exportScales: sizes(process.env.BENCH_EXPORT_SCALES ?? '50000'),
  };
}

/** The installed version (read from node_modules: some packages do not export their package.json). */
function packageVersion(name: string): string {
  for (const dir of [backendDir, repositoryDir]) {
    try {
      return (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      /* not installed here: try the workspace root */
    }
  }
  return 'unknown';
}

const log = (message: string) => process.stdout.write(`${message}\n`);

/**
 * What follows the marker in the existing report: figures measured apart from this run (the PDF's memory, a
 * profile), which a rerun would otherwise erase. They carry their own dates and commands.
 */
const KEPT_MARKER = '<!-- Measured separately: npm run bench keeps what follows this line. -->';
function keptSections(output: string): string {
  let existing: string;
  try {
    existing = readFileSync(output, 'utf8');
  } catch {
    return '';
  }
  const at = existing.indexOf(KEPT_MARKER);
  return at < 0 ? '' : `\n${existing.slice(at)}`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = loadavg()[0];
  const settings = settingsFromEnv();
  const benchmarks = BENCHMARKS.filter((benchmark) => settings.only.length === 0 || settings.only.includes(benchmark.id));
  const workDir = mkdtempSync(join(tmpdir(), 'registre-bench-'));
  log(`Benchmarks: ${benchmarks.map((b) => b.id).join(', ')} at ${settings.scales.join(', ')} activities; work folder ${workDir}`);

  // The data folder is the work folder itself: as root, PostgreSQL runs as "postgres" and must reach it.
  const postgres = await startEmbeddedPostgres({ dataDir: workDir, port: await freePort() });
  let api: ApiProcess | undefined;
  let floor: ApiProcess | undefined;
  const client = new Client({ connectionString: postgres.superuserUrl.replace(/\/postgres$/, '/registre') });
  try {
    await runMigrations(postgres.ownerUrl);
    await client.connect();
    const [{ server_version: postgresVersion }] = (await client.query<{ server_version: string }>('SHOW server_version')).rows;
    const passwordHash = await hashPassword(PASSWORD);
    const organization = await createSyntheticOrganization(client, { name: 'Groupe Banc d’essai', passwordHash });
    let freshOrganizations = 0;
    const dpo = organization.users.find((user) => user.role === 'dpo')!;

    const sessionSecret = randomBytes(32).toString('base64url');
    const server = { workDir, ownerUrl: postgres.ownerUrl, appUrl: postgres.appUrl, logLevel: process.env.BENCH_API_LOG_LEVEL ?? 'info', sessionSecret };
    api = await ApiProcess.start({ ...server, mainJs: join(backendDir, 'dist', 'bench', 'src', 'main.js') });
    // The floor (bench/floor/floor-server.ts) answers the same session, in the same run, on the same data.
    floor = await ApiProcess.start({ ...server, mainJs: join(backendDir, 'dist', 'bench', 'bench', 'floor', 'floor-server.js'), logName: 'floor.log' });
    const session = await signIn(api.baseUrl, organization.organizationId, dpo.email, PASSWORD);
    const peakResets = api.resetPeakRss();
    const results: ResultRow[] = [];
    const generation: { scale: number; seconds: number }[] = [];
    let activities = 0;

    // Every size a benchmark asks for, ascending: the register grows from one to the next.
    const allScales = [...new Set(benchmarks.flatMap((benchmark) => benchmark.scales(settings)))].sort((a, b) => a - b);
    for (const scale of allScales) {
      const due = benchmarks.filter((benchmark) => benchmark.scales(settings).includes(scale));
      if (due.length === 0) continue;
      log(`\n— ${scale.toLocaleString('en-US')} activities —`);
      const added = scale - activities;
      const result = await generateSyntheticRegister(client, { organizationId: organization.organizationId, activities: added, log: (message) => log(`  ${message}`) });
      activities = scale;
      generation.push({ scale, seconds: result.milliseconds / 1000 });
      log(`  generated ${added.toLocaleString('en-US')} activities in ${(result.milliseconds / 1000).toFixed(1)} s`);
      // Fresh statistics and visibility map, as autovacuum would leave them on a register of this size.
      await client.query('VACUUM ANALYZE');
      const [{ history_end: historyEnd }] = (
        await client.query<{ history_end: Date }>('SELECT max(created_at) AS history_end FROM activity_versions WHERE organization_id = $1', [organization.organizationId])
      ).rows;

      const context: BenchContext = {
        settings,
        session,
        register: { activities, historyEnd },
        ownerUrl: postgres.ownerUrl,
        workDir,
        resetPeakRss: () => api!.resetPeakRss(),
        freshOrganization: async () => {
          freshOrganizations += 1;
          const fresh = await createSyntheticOrganization(client, { name: `Groupe vide ${freshOrganizations}`, passwordHash });
          // The workbook names its owners by e-mail: they must be members here too (no department).
          await client.query(
            `INSERT INTO memberships (organization_id, id, user_id, roles, created_at, updated_at)
             SELECT $1, gen_random_uuid(), user_id, roles, now(), now() FROM memberships WHERE organization_id = $2`,
            [fresh.organizationId, organization.organizationId],
          );
          const freshDpo = fresh.users.find((user) => user.role === 'dpo')!;
          return signIn(api!.baseUrl, fresh.organizationId, freshDpo.email, PASSWORD);
        },
        peakRssMb: () => api!.peakRssMb(),
        apiCpuMs: () => api!.cpuMs(),
        floor,
        results,
        log,
      };
      for (const benchmark of due) {
        log(` ${benchmark.title}`);
        const rows = await benchmark.run(context, scale);
        for (const row of rows) {
          results.push({ ...row, benchmark: benchmark.id });
          log(`   ${row.label}: ${row.skipped ?? Object.values(row.cells).join(' · ')} → ${row.skipped ? 'skipped' : row.pass === null ? '—' : row.pass ? 'pass' : 'MISS'}`);
        }
      }
    }

    const notes = [
      `The API ran with \`LOG_LEVEL=${process.env.BENCH_API_LOG_LEVEL ?? 'info'}\` (production default: one JSON line per request, here to a file).`,
      peakResets ? '' : 'The kernel refused to reset the peak RSS mark: API peak RSS figures are since the API started.',
      'autocannon, PostgreSQL and the API share the machine: load figures include their contention.',
    ].filter(Boolean);
    const output = process.env.BENCH_OUTPUT ? resolve(process.env.INIT_CWD ?? process.cwd(), process.env.BENCH_OUTPUT) : join(repositoryDir, 'docs', 'benchmarks.md');
    const report = renderReport(
      {
        date: new Date(),
        settings,
        versions: {
          Node: process.version,
          PostgreSQL: `${postgresVersion} (embedded-postgres ${packageVersion('embedded-postgres')})`,
          NestJS: packageVersion('@nestjs/core'),
          TypeORM: packageVersion('typeorm'),
          pg: packageVersion('pg'),
          exceljs: packageVersion('exceljs'),
          autocannon: packageVersion('autocannon'),
        },
        generation,
        totalSeconds: (Date.now() - started) / 1000,
        loadAverage: [loadAtStart, loadavg()[0]],
        notes,
      },
      benchmarks,
      results,
    );
    writeFileSync(output, report + keptSections(output));
    log(`\nWrote ${output}`);
    const misses = results.filter((row) => row.pass === false);
    if (misses.length) log(`Targets missed: ${misses.map((row) => `${row.label} at ${row.scale}`).join('; ')}`);
  } finally {
    await api?.stop().catch(() => undefined);
    await floor?.stop().catch(() => undefined);
    await client.end().catch(() => undefined);
    await postgres.stop().catch(() => undefined);
    if (process.env.BENCH_KEEP === '1') log(`Kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`npm run bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

