import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from '@jest/globals';
import { Client } from 'pg';
import type { Agent } from 'supertest';
import { createOrganizationWithRoles, createTestApi, type TestOrganization } from '../../test/test-api';
import { generateSyntheticRegister } from '../../src/database/synthetic/synthetic-register';
import { CatalogueLabels } from '../../src/exports/catalogue-labels';
import { mapWorkbook } from '../../src/imports/register-mapper';
import { readWorkbook } from '../../src/imports/workbook-rows';
import { guardXlsx } from '../../src/imports/xlsx-guard';
import { readShape } from '../benchmarks/register-export';

/**
 * Profiles the register import in-process, the twin of register-export.profile.ts: a synthetic
 * register of PROFILE_ACTIVITIES activities exported by the API, then the stages the import runs
 * before any database work (guard, streaming read, mapping) timed on their own, the whole dry run
 * (against the organisation exported: every row an unchanged update) and the commit (into a new
 * organisation), beside exceljs's streaming reader alone on the same file (the benchmark's baseline).
 * Run under `node --cpu-prof` to see where the remaining time goes:
 *
 *   PROFILE_ACTIVITIES=1000 node --cpu-prof --cpu-prof-dir=/tmp/import-prof ../node_modules/.bin/jest --runInBand \
 *     --testMatch '<rootDir>/bench/profiling/register-import.profile.ts' --testTimeout 3600000
 */

const ACTIVITIES = Number(process.env.PROFILE_ACTIVITIES ?? 1000);
const RUNS = Number(process.env.PROFILE_RUNS ?? 3);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timedRuns(work: () => Promise<unknown>): Promise<number[]> {
  const timings: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await work();
    timings.push(performance.now() - started);
  }
  return timings;
}

const upload = (agent: Agent, org: TestOrganization, content: Buffer, dryRun: boolean) =>
  agent.post(`/api/v1/organizations/${org.organizationId}/imports?dryRun=${dryRun}`).attach('file', content, 'registre.xlsx');

it(`profiles the register import of ${ACTIVITIES} activities`, async () => {
  const api = await createTestApi();
  const client = new Client({ connectionString: api.database.ownerUrl });
  await client.connect();
  try {
    const source = await createOrganizationWithRoles(api.server, 'Profil import');
    const generated = await generateSyntheticRegister(client, { organizationId: source.organizationId, activities: ACTIVITIES, vendors: 500 });
    process.stdout.write(`generated ${generated.activities} activities in ${(generated.milliseconds / 1000).toFixed(1)} s\n`);
    await client.query('VACUUM ANALYZE');
    const exported = await source.as.dpo
      .get(`/api/v1/organizations/${source.organizationId}/exports/register.xlsx`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const content = exported.body as Buffer;
    const path = join(tmpdir(), `registre-import-profile-${process.pid}.xlsx`);
    writeFileSync(path, content);

    let rows = 0;
    const baseline = await timedRuns(async () => (rows = (await readShape(path)).rows));
    const guard = await timedRuns(() => guardXlsx(content));
    const names = await guardXlsx(content);
    const read = await timedRuns(() => readWorkbook(content, names));
    const sheets = await readWorkbook(content, names);
    const map = await timedRuns(() => Promise.resolve(mapWorkbook(sheets, new CatalogueLabels([]))));
    const dry = await timedRuns(async () => {
      const answer = await upload(source.as.dpo, source, content, true);
      if (answer.status !== 200 || (answer.body as { valid?: boolean }).valid !== true) throw new Error(`dry run: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    });
    const commits: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const target = await createOrganizationWithRoles(api.server, `Profil import ${run + 1}`);
      const started = performance.now();
      const answer = await upload(target.as.dpo, target, content, false);
      commits.push(performance.now() - started);
      if (answer.status !== 200 || (answer.body as { valid?: boolean }).valid !== true) throw new Error(`commit: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    }
    const b = median(baseline);
    const line = (label: string, timings: number[]) =>
      `  ${label.padEnd(34)} ${median(timings).toFixed(0).padStart(7)} ms  ${(median(timings) / b).toFixed(2)}×  (runs: ${timings.map((t) => t.toFixed(0)).join(', ')})`;
    process.stdout.write(
      [
        `register import, ${ACTIVITIES} activities: ${(content.length / 1048576).toFixed(1)} MB, ${rows} rows`,
        line('exceljs streaming reader alone', baseline),
        line('guard (zip directory, XML scan)', guard),
        line('streaming read (workbook-rows)', read),
        line('mapping (register-mapper)', map),
        line('dry run over HTTP (all unchanged)', dry),
        line('commit over HTTP (new organisation)', commits),
        `  RSS now ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`,
      ].join('\n') + '\n',
    );
  } finally {
    await client.end();
    await api.close();
  }
}, 3_600_000);
