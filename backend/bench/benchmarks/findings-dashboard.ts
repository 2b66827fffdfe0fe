import type { BenchContext, Benchmark, ResultRow } from '../harness';
import { ms, skippedRow, timed } from '../harness';

/**
 * Findings and dashboard for the whole register (issue 8): each answer ≤ 300 ms, median of the runs.
 * Probed first: anything but 200 means the feature is not merged yet and the row says so.
 */

// TODO(issue 8): the routes as merged; the module measures them as soon as they answer.
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
    { key: 'median', header: 'median' },
    { key: 'runs', header: 'runs (ms)' },
  ],
  scales: (settings) => settings.scales,
  async run(context, scale) {
    const rows: ResultRow[] = [];
    for (const route of FINDINGS_ROUTES) {
      const path = route.path(context.session.organizationId);
      const status = await get(context, path);
      if (status !== 200) {
        rows.push(skippedRow(scale, route.label, `≤ ${TARGET_MS} ms`, `TODO: findings and dashboard (issue 8) not merged — ${route.path(':orgId')} answers ${status}`));
        continue;
      }
      const { median, timings } = await timed(context.settings.runs, () => get(context, path));
      rows.push({
        scale,
        label: route.label,
        cells: { median: ms(median), runs: timings.map((t) => Math.round(t)).join(', ') },
        headlineMs: median,
        target: `≤ ${TARGET_MS} ms`,
        pass: median <= TARGET_MS,
      });
    }
    return rows;
  },
};
