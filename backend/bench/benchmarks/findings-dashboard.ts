import type { BenchContext, Benchmark, ResultRow } from '../harness';
import { ms, skippedRow, timed } from '../harness';

/**
 * Findings and dashboard for the whole register (issue 8): each answer ≤ 300 ms, median of the runs.
 * The first request after the register grew is reported apart ("first"): a service that caches
 * computes there (cold), the runs after it read the cache (warm). The target holds for both.
 */

/** The routes as merged (findings.controller.ts, dashboard.controller.ts). */
export const FINDINGS_ROUTES = [
  { label: 'GET findings (whole register)', path: (organizationId: string) => `/api/v1/organizations/${organizationId}/findings` },
  { label: 'GET dashboard', path: (organizationId: string) => `/api/v1/organizations/${organizationId}/dashboard` },
];

const TARGET_MS = 300;

async function get(context: BenchContext, path: string): Promise<number> {
  const response = await fetch(`${context.session.baseUrl}${path}`, { headers: context.session.headers });
  await response.arrayBuffer();
  return response.status;
}

export const findingsDashboard: Benchmark = {
  id: 'findings',
  title: 'Findings and dashboard for the whole register',
  columns: [
    { key: 'first', header: 'first request (cold)' },
    { key: 'median', header: 'median after (warm)' },
    { key: 'runs', header: 'runs (ms)' },
  ],
  scales: (settings) => settings.scales,
  async run(context, scale) {
    const rows: ResultRow[] = [];
    for (const route of FINDINGS_ROUTES) {
      const path = route.path(context.session.organizationId);
      const started = performance.now();
      const status = await get(context, path);
      const first = performance.now() - started;
      if (status !== 200) {
        rows.push(skippedRow(scale, route.label, `≤ ${TARGET_MS} ms`, `${route.path(':orgId')} answers ${status}`));
        continue;
      }
      const { median, timings } = await timed(context.settings.runs, () => get(context, path), { warmup: false });
      rows.push({
        scale,
        label: route.label,
        cells: { first: ms(first), median: ms(median), runs: timings.map((t) => Math.round(t)).join(', ') },
        headlineMs: median,
        target: `≤ ${TARGET_MS} ms`,
        pass: median <= TARGET_MS && first <= TARGET_MS,
      });
    }
    return rows;
  },
};
