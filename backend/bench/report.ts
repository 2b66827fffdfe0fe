import { cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import type { Benchmark, BenchSettings, ResultRow } from './harness';
import { count } from './harness';

export interface RunInfo {
  date: Date;
  settings: BenchSettings;
  versions: Record<string, string>;
  generation: { scale: number; seconds: number }[];
  totalSeconds: number;
  loadAverage: number[];
  notes: string[];
}

export function machine(): { cpu: string; cores: number; ramGb: number; os: string } {
  let os = `${process.platform} ${process.arch}`;
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    os = /^PRETTY_NAME="?([^"\n]+)/m.exec(release)?.[1] ?? os;
  } catch {
    /* not Linux: platform and arch */
  }
  return { cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: cpus().length, ramGb: Math.round(totalmem() / 1024 ** 3), os };
}

const verdict = (row: ResultRow) => (row.skipped ? 'skipped' : row.pass === null ? '—' : row.pass ? '✅ pass' : '❌ miss');
const escape = (text: string) => text.replace(/\|/g, '\\|');

function table(benchmark: Benchmark, rows: ResultRow[]): string {
  const headers = ['activities', 'measured', ...benchmark.columns.map((column) => column.header), 'target', 'result'];
  const lines = [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`];
  for (const row of rows) {
    const figures = row.skipped ? [`${escape(row.skipped)}`, ...benchmark.columns.slice(1).map(() => '')] : benchmark.columns.map((column) => escape(row.cells[column.key] ?? ''));
    lines.push(`| ${count(row.scale)} | ${escape(row.label)} | ${figures.join(' | ')} | ${escape(row.target)} | ${verdict(row)} |`);
  }
  const notes = rows.filter((row) => row.note).map((row) => `- ${count(row.scale)} — ${row.label}: ${row.note}`);
  return [lines.join('\n'), notes.length ? `\n${notes.join('\n')}` : ''].join('\n');
}

/** Same measurement at each scale: how its cost grows with the register. */
function growth(results: ResultRow[], measured: number[]): string {
  const scales = [...new Set([...measured, ...results.map((row) => row.scale)])].sort((a, b) => a - b);
  if (scales.length < 2) return 'One scale only in this run: no growth to show (BENCH_SCALES).';
  const labels = [...new Set(results.filter((row) => row.headlineMs !== undefined).map((row) => row.label))];
  const headers = ['measured', ...scales.map((scale) => count(scale)), 'cost ×', 'register ×'];
  const lines = [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`];
  for (const label of labels) {
    const byScale = scales.map((scale) => results.find((row) => row.label === label && row.scale === scale)?.headlineMs);
    // From the smallest to the largest size this figure was measured at.
    const measuredAt = scales.filter((_, index) => byScale[index] !== undefined);
    const values = byScale.filter((value): value is number => value !== undefined);
    const grown = values.length >= 2 ? [(values.at(-1)! / values[0]).toFixed(1), (measuredAt.at(-1)! / measuredAt[0]).toFixed(0)] : ['—', '—'];
    lines.push(`| ${escape(label)} | ${byScale.map((value) => (value === undefined ? '—' : `${Math.round(value)} ms`)).join(' | ')} | ${grown.join(' | ')} |`);
  }
  return lines.join('\n');
}

export function renderReport(info: RunInfo, benchmarks: Benchmark[], results: ResultRow[]): string {
  const host = machine();
  const misses = results.filter((row) => row.pass === false);
  const skipped = results.filter((row) => row.skipped);
  const sections = benchmarks
    .map((benchmark) => {
      const rows = results.filter((row) => row.benchmark === benchmark.id);
      return rows.length ? `### ${benchmark.title}\n\n${table(benchmark, rows)}` : '';
    })
    .filter(Boolean);
  const settings = info.settings;
  return `# Benchmarks

Written by \`npm run bench\` on ${info.date.toISOString().slice(0, 16).replace('T', ' ')} UTC. Performance is measured here, never by
timed tests. Every figure below comes from the run described in this file; rerun the command to refresh it.

## Reproduce

\`\`\`sh
npm ci
npm run bench            # BENCH_DURATION=5 BENCH_SCALES=1000 npm run bench for a quick look
\`\`\`

The command builds the backend, starts its own embedded PostgreSQL (throwaway folder, free port), migrates,
generates the synthetic register (\`backend/src/database/synthetic\`: one organisation, 500 vendors, activities
with 3 purposes, 8 data categories with retention, 3 subject categories, 3 recipients, 2 processors, 1 transfer,
12 measures and 5 versions each), starts the API as production runs it (\`node main.js\`, \`NODE_ENV=production\`,
behind a TLS proxy as far as cookies go), signs a DPO in, and runs the benchmarks at each register size, growing
the same organisation from one size to the next. Timed (non-load) figures are the median of ${settings.runs} runs after a warm-up;
load figures come from autocannon (${settings.connections} connections, ${settings.duration} s per endpoint) on one signed-in session.

The synthetic register alone, into the configured database (\`DATABASE_URL\`) or the embedded one (\`DATA_DIR\`):
\`npm run build -w backend && npm run synthetic -w backend -- --organizations 1 --activities 10000 --vendors 500\`.

Settings: \`BENCH_DURATION\` (${settings.duration}), \`BENCH_CONNECTIONS\` (${settings.connections}), \`BENCH_RUNS\` (${settings.runs}),
\`BENCH_SCALES\` (${settings.scales.join(',')}), \`BENCH_EXPORT_SCALES\` (${settings.exportScales.join(',') || 'none'}), \`BENCH_ONLY\` (${settings.only.length ? settings.only.join(',') : 'all'}), \`BENCH_API_LOG_LEVEL\`, \`BENCH_KEEP=1\` keeps the data folder.

## Machine and versions

| | |
| --- | --- |
| CPU | ${host.cpu} |
| cores | ${host.cores} |
| RAM | ${host.ramGb} GB |
| OS | ${host.os} |
| load average at start / end | ${info.loadAverage.map((value) => value.toFixed(2)).join(' / ')} |
${Object.entries(info.versions)
  .map(([name, version]) => `| ${name} | ${version} |`)
  .join('\n')}

Register generation: ${info.generation.map((step) => `${count(step.scale)} activities in ${step.seconds.toFixed(1)} s`).join(', ')} (cumulative sizes). Whole run: ${Math.round(info.totalSeconds)} s.

## Summary

${misses.length === 0 ? 'Every measured target holds.' : `Targets missed: ${misses.map((row) => `${row.label} at ${count(row.scale)} (${row.target})`).join('; ')}.`}
${skipped.length ? `Not measured: ${skipped.map((row) => `${row.label} at ${count(row.scale)}`).join('; ')} — each row says why.` : ''}
${info.notes.map((note) => `\n${note}`).join('\n')}

## Results

${sections.join('\n\n')}

## Growth

The figure each target is about (p95 under load, median otherwise), by register size. On a machine shared
with other work the load average above moves between sizes: compare sizes within one quiet run only.

${growth(results, settings.scales)}

## Reading these figures

- **Latency under load is closed-loop.** ${settings.connections} connections each send a request as soon as the
  previous one is answered, so the mean latency is ${settings.connections} ÷ throughput (Little's law): p95 ≤ 50 ms at
  ${settings.connections} connections needs roughly ${Math.round((settings.connections / 50) * 1000 * 1.3)} requests/s or more. A read costs the API one
  session read (the account comes with it), the membership check and a tenant transaction of four to six queries
  (its start and its tenant settings in one round trip); API, PostgreSQL and
  autocannon share the same cores, so on a small machine the CPU, not a query plan, sets the throughput.
- **The floor.** \`bench/floor/floor-server.ts\` is what a hand-written server needs for the same three requests:
  node:http and pg, the signed session cookie and its row, the user, \`app_membership\`, the tenant transaction with
  its two settings, the register's queries as the application role (row-level security applies), and for PATCH the
  CSRF pair, the row lock, the update, the version row and the hash-chained audit event. It runs in its own process
  with the API's pool size, on the same data, right after the API, with the same requests: the API is judged by its
  share of the floor's throughput and by its own CPU per request, two figures a busy machine distorts far less than
  latency.
- **Writes queue on the organisation's audit lock.** Every change appends to the organisation's hash-chained
  audit trail under a transaction-scoped advisory lock, held until commit (a commit is a WAL flush). Writes of one
  organisation are therefore serial: the PATCH benchmark, with every connection writing to the same organisation,
  measures that queue. Throughput is 1 ÷ (the locked part + commit); the answer is now built before the lock is taken.
- **The as-of register reads one snapshot per activity.** Each activity's version at the instant is found on narrow
  columns (no snapshot read); its snapshot is then decompressed once (\`jsonb_to_record\`) to filter and sort. A
  search also computes the search vector of every candidate snapshot. Making that search as cheap as the live one
  would take stored columns (or an expression index) on \`activity_versions\`, which every write would pay for.
- **Fixed after reading the plans** (EXPLAIN ANALYZE): the register page read seven parts of each matching
  activity's document before cutting the page (a decompression per part and per match: 200–400 ms for a search at
  10,000); the page is now cut on narrow columns first and carries the number of matches (one filter per request).
  The as-of source decompressed each snapshot once per field (5 s at 10,000); it now reads each once, and counts
  without reading them when nothing filters. Sessions were touched (UPDATE + commit) on every response, which the
  response waited for; they are now touched at most once a minute per session.
- **Fixed after profiling** (\`BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=…"\`, summary below): on this machine a
  round trip to PostgreSQL is the largest cost in the API's own CPU (the socket write alone was a fifth of its busy
  time), so round trips were removed: the account is read with the session row (was a second query, through the
  ORM); the transaction's start and its tenant settings go in one statement; GET of an activity reads the row with its
  department and owner in one plain query; PATCH reads the department and owner once (was four times).
`;
}
