import autocannon from 'autocannon';
import { Client } from 'pg';
import type { BenchContext, Benchmark, ResultRow, ServerUnderLoad } from '../harness';
import { count, mb, ms, percentile } from '../harness';

/**
 * API latency under load: autocannon against the API process, `connections` concurrent clients for
 * `duration` seconds, all on one signed-in DPO session. Every response's latency is kept, so p50,
 * p95 and p99 cover every status (autocannon's own histogram keeps 2xx only and has no p95).
 * The same load then runs against the floor (bench/floor/floor-server.ts: node:http and pg doing the
 * same work, no framework) in the same run: the API is judged by its share of the floor's throughput
 * and by its own CPU per request, which contention on a shared machine inflates far less than latency.
 */

const READ_SHARE = 0.6;
const WRITE_SHARE = 0.5;
const READ_CPU_MS = 1.2;
const WRITE_CPU_MS = 2.5;

/** Searches and filters a DPO types into the register (every word a prefix, one filter each). */
const LIST_QUERIES = [
  'q=paie&status=validated',
  'q=recrutement&status=validated',
  'q=clients&legalBasis=consent',
  'q=fraude&status=in_review',
  'q=vid%C3%A9oprotection&dpiaDecision=not_required',
  'q=comptabilit%C3%A9&status=validated',
  'q=gestion&reviewOverdue=false',
  'q=lyon&status=draft',
];

interface LoadFigures {
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
  requests: number;
  errors: number;
  conflicts: number;
  statuses: Record<string, number>;
  peakRss: number;
  /** API CPU time per answered request, ms. */
  cpuPerRequest: number;
}

async function load(context: BenchContext, server: ServerUnderLoad, request: autocannon.Request, isConflict: (status: number) => boolean = () => false): Promise<LoadFigures> {
  const { session, settings } = context;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  server.resetPeakRss();
  const cpuBefore = server.cpuMs();
  const instance = autocannon({
    url: server.baseUrl,
    connections: settings.connections,
    duration: settings.duration,
    timeout: 30,
    headers: session.headers,
    requests: [request],
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  const cpuPerRequest = (server.cpuMs() - cpuBefore) / Math.max(1, latencies.length);
  const conflicts = Object.entries(statuses)
    .filter(([status]) => isConflict(Number(status)))
    .reduce((sum, [, n]) => sum + n, 0);
  const failed = Object.entries(statuses)
    .filter(([status]) => Number(status) >= 300 && !isConflict(Number(status)))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    throughput: latencies.length / (result.duration || settings.duration),
    requests: latencies.length,
    errors: failed + result.errors + result.timeouts,
    conflicts,
    statuses,
    peakRss: server.peakRssMb(),
    cpuPerRequest,
  };
}

function row(scale: number, label: string, figures: LoadFigures, floor: LoadFigures, targets: { share: number; cpuMs: number }, notes: string[] = []): ResultRow {
  const share = figures.throughput / Math.max(1e-9, floor.throughput);
  // A floor that fails its requests is no floor (a schema change it missed answers 500 fast): no share then.
  const floorFailed = Object.entries(floor.statuses).some(([status, n]) => n > 0 && !/^2\d\d$|^409$/.test(status));
  const pass = !floorFailed && share >= targets.share && figures.cpuPerRequest <= targets.cpuMs && figures.errors === 0 && floor.errors === 0;
  const statusList = Object.entries(figures.statuses)
    .map(([status, n]) => `${status}×${n}`)
    .join(', ');
  return {
    scale,
    label,
    cells: {
      p50: ms(figures.p50),
      p95: ms(figures.p95),
      p99: ms(figures.p99),
      throughput: `${count(figures.throughput)}/s`,
      requests: count(figures.requests),
      errors: count(figures.errors),
      conflicts: count(figures.conflicts),
      rss: mb(figures.peakRss),
      cpu: ms(figures.cpuPerRequest),
      floor: `${count(floor.throughput)}/s`,
      floorP95: ms(floor.p95),
      floorCpu: ms(floor.cpuPerRequest),
      share: floorFailed ? 'none: the floor failed' : `${Math.round(share * 100)} %`,
    },
    headlineMs: figures.p95,
    target: `≥ ${Math.round(targets.share * 100)} % of the floor's throughput, API CPU ≤ ${targets.cpuMs} ms per request, 0 errors`,
    pass,
    note: [`statuses: ${statusList}`, `floor statuses: ${Object.entries(floor.statuses).map(([status, n]) => `${status}×${n}`).join(', ')}`, ...notes].join('; '),
  };
}

export const apiLatency: Benchmark = {
  id: 'api-latency',
  title: 'API latency under load (autocannon)',
  columns: [
    { key: 'p50', header: 'p50' },
    { key: 'p95', header: 'p95' },
    { key: 'p99', header: 'p99' },
    { key: 'throughput', header: 'throughput' },
    { key: 'requests', header: 'requests' },
    { key: 'errors', header: 'errors' },
    { key: 'conflicts', header: '409' },
    { key: 'rss', header: 'API peak RSS' },
    { key: 'cpu', header: 'API CPU per request' },
    { key: 'floor', header: 'floor throughput' },
    { key: 'floorP95', header: 'floor p95' },
    { key: 'floorCpu', header: 'floor CPU per request' },
    { key: 'share', header: 'share of the floor' },
  ],
  scales: (settings) => settings.scales,
  async run(context, scale) {
    const base = `/api/v1/organizations/${context.session.organizationId}/activities`;
    const client = new Client({ connectionString: context.ownerUrl });
    await client.connect();
    let activities: { id: string; version: number; status: string }[];
    try {
      activities = (
        await client.query<{ id: string; version: number; status: string }>(
          'SELECT id, version, status FROM processing_activities WHERE organization_id = $1 ORDER BY reference',
          [context.session.organizationId],
        )
      ).rows;
    } finally {
      await client.end();
    }
    const rows: ResultRow[] = [];

    const api: ServerUnderLoad = { baseUrl: context.session.baseUrl, cpuMs: () => context.apiCpuMs(), resetPeakRss: () => (context.resetPeakRss(), true), peakRssMb: () => context.peakRssMb() };
    // The API first, then the floor with the same requests (the floor's pass continues the same lists).
    const both = async (make: () => autocannon.Request, isConflict?: (status: number) => boolean) => ({
      api: await load(context, api, make(), isConflict),
      floor: await load(context, context.floor, make(), isConflict),
    });

    let listIndex = 0;
    context.log(`  register list (filter + search), ${context.settings.connections} connections × ${context.settings.duration} s, API then floor`);
    const list = await both(() => ({
      method: 'GET',
      setupRequest: (request) => ({ ...request, path: `${base}?${LIST_QUERIES[listIndex++ % LIST_QUERIES.length]}&page=1&pageSize=20` }),
    }));
    rows.push(row(scale, 'GET register list, filter + search (page of 20)', list.api, list.floor, { share: READ_SHARE, cpuMs: READ_CPU_MS }, [`${LIST_QUERIES.length} queries in turn`]));

    let readIndex = 0;
    context.log('  one activity by id, API then floor');
    const read = await both(() => ({
      method: 'GET',
      setupRequest: (request) => ({ ...request, path: `${base}/${activities[(readIndex += 7919) % activities.length].id}` }),
    }));
    rows.push(row(scale, 'GET one activity by id', read.api, read.floor, { share: READ_SHARE, cpuMs: READ_CPU_MS }, ['ids spread over the whole register']));

    // Updates: each request takes the next activity of the pool with the version it last saw, so a
    // request never races another on the same activity (the pool is far larger than the connections).
    // Archived activities answer 409 activity_archived by design: they are not in the pool.
    const pool = activities.filter((activity) => activity.status !== 'archived').map(({ id, version }) => ({ id, version }));
    let writeIndex = 0;
    let edits = 0;
    context.log('  update (PATCH with If-Match), API then floor');
    const update = await both(
      () => ({
        method: 'PATCH',
        setupRequest: (request, ctx) => {
          const target = pool[writeIndex++ % pool.length];
          ctx.target = target;
          edits += 1;
          return {
            ...request,
            path: `${base}/${target.id}`,
            headers: { ...request.headers, 'content-type': 'application/json', 'if-match': `"${target.version}"` },
            body: JSON.stringify({ description: `Description revue lors du banc d’essai (${edits}).` }),
          };
        },
        onResponse: (status, body, ctx) => {
          const target = ctx.target as { version: number };
          if (status === 200) target.version += 1;
          else if (status === 409) {
            const current = (JSON.parse(body) as { details?: { currentVersion?: number } }).details?.currentVersion;
            if (current) target.version = current;
          }
        },
      }),
      (status) => status === 409,
    );
    rows.push(
      row(scale, 'PATCH one activity (If-Match, new version + audit event)', update.api, update.floor, { share: WRITE_SHARE, cpuMs: WRITE_CPU_MS }, [
        `pool of ${count(pool.length)} activities, 409 counted apart`,
      ]),
    );
    return rows;
  },
};
