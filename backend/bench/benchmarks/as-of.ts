import type { Benchmark, BenchContext, ResultRow } from '../harness';
import { ms, timed } from '../harness';

const TARGET_MS = 500;

/** One GET through the API; fails loudly on anything but 200 (a timing of an error is no timing). */
async function get(context: BenchContext, path: string): Promise<unknown> {
  const response = await fetch(`${context.session.baseUrl}${path}`, { headers: context.session.headers });
  const body = (await response.json()) as { total?: number };
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/**
 * The register as it stood at an instant: each activity's last version written before it, read from
 * the snapshots (activity_versions), through the API as the register page asks for it. The instant
 * is the end of the generated history, so every activity and every one of its versions is in play.
 */
export const asOfRegister: Benchmark = {
  id: 'as-of',
  title: 'As-of register (the register at a past instant, from the version snapshots)',
  columns: [
    { key: 'median', header: 'median' },
    { key: 'runs', header: 'runs (ms)' },
    { key: 'total', header: 'activities found' },
  ],
  scales: (settings) => settings.scales,
  async run(context, scale) {
    const base = `/api/v1/organizations/${context.session.organizationId}/activities`;
    const asOf = encodeURIComponent(new Date(context.register.historyEnd.getTime() + 1000).toISOString());
    const cases: { label: string; path: string }[] = [
      { label: 'GET register as of an instant (page of 20, by reference)', path: `${base}?asOf=${asOf}&page=1&pageSize=20` },
      { label: 'GET register as of an instant, filter + search', path: `${base}?asOf=${asOf}&q=paie&status=validated&page=1&pageSize=20` },
    ];
    const rows: ResultRow[] = [];
    for (const { label, path } of cases) {
      const first = (await get(context, path)) as { total: number };
      const { median, timings } = await timed(context.settings.runs, () => get(context, path));
      rows.push({
        scale,
        label,
        cells: { median: ms(median), runs: timings.map((t) => Math.round(t)).join(', '), total: String(first.total) },
        headlineMs: median,
        target: `≤ ${TARGET_MS} ms`,
        pass: median <= TARGET_MS,
      });
    }
    return rows;
  },
};
