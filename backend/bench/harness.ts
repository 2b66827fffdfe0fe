/**
 * What a benchmark is and what it reports. Each benchmark is a module in benchmarks/index.ts; the
 * runner grows the synthetic register to each scale in turn and runs the modules that apply there.
 */

export interface BenchSettings {
  /** Seconds per load test (autocannon). BENCH_DURATION, default 30. */
  duration: number;
  /** Concurrent connections per load test. BENCH_CONNECTIONS, default 32. */
  connections: number;
  /** Timed runs of each non-load measurement; the median is reported. BENCH_RUNS, default 5 (at least 5 counts). */
  runs: number;
  /** Register sizes, ascending. BENCH_SCALES, default 1000,10000. */
  scales: number[];
  /** Only these benchmark ids (BENCH_ONLY=api-latency,as-of), all when empty. */
  only: string[];
  /** Further sizes for the export alone (BENCH_EXPORT_SCALES, e.g. 50000; none until the export is merged). */
  exportScales: number[];
}

/** One line of a benchmark's table. */
export interface ResultRow {
  /** The benchmark's id (set by the runner). */
  benchmark?: string;
  scale: number;
  /** What was measured ("GET register list, filter + search"). */
  label: string;
  /** The figures, by column key of the benchmark. */
  cells: Record<string, string>;
  /** The figure the target is about, in ms, for the growth table (absent when not timed). */
  headlineMs?: number;
  target: string;
  /** true: meets the target; false: misses it; null: nothing to hold against a target. */
  pass: boolean | null;
  /** A skip reason, shown instead of figures. */
  skipped?: string;
  note?: string;
}

export interface ApiSession {
  baseUrl: string;
  organizationId: string;
  /** Cookie and CSRF headers of the signed-in DPO (with X-Forwarded-Proto: the API runs behind a TLS proxy). */
  headers: Record<string, string>;
}

export interface RegisterFacts {
  /** Activities of the organisation now. */
  activities: number;
  /** The last instant of the generated history (as-of queries at it see every activity). */
  historyEnd: Date;
}

/** A server process the load benchmarks can aim at: its address and its own CPU and memory. */
export interface ServerUnderLoad {
  baseUrl: string;
  cpuMs(): number;
  resetPeakRss(): boolean;
  peakRssMb(): number;
}

export interface BenchContext {
  settings: BenchSettings;
  session: ApiSession;
  register: RegisterFacts;
  /** Owner connection string (reads ids and versions; never bypasses what is measured). */
  ownerUrl: string;
  /** A folder of this run (files written by baselines). */
  workDir: string;
  /** Resets the API process's peak RSS; `peakRssMb()` then reads the peak since. */
  resetPeakRss(): void;
  peakRssMb(): number;
  /** CPU time the API process has used so far (user + system), in ms. */
  apiCpuMs(): number;
  /** The minimal node:http + pg server doing the same work (bench/floor/floor-server.ts). */
  floor: ServerUnderLoad;
  /** A new, empty organisation with its DPO signed in (the import's commit creates everything there). */
  freshOrganization(): Promise<ApiSession>;
  /** Results of benchmarks already run (e.g. the export baseline for the import). */
  results: ResultRow[];
  log(message: string): void;
}

export interface Benchmark {
  id: string;
  title: string;
  /** What the table's figure columns are, by key. */
  columns: { key: string; header: string }[];
  /** Register sizes it runs at (a subset of the run's scales). */
  scales(settings: BenchSettings): number[];
  run(context: BenchContext, scale: number): Promise<ResultRow[]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile (p in 0–100) of unsorted values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : Math.round(value).toString()} ms` : '—');
export const mb = (value: number) => `${Math.round(value)} MB`;
export const count = (value: number) => Math.round(value).toLocaleString('en-US');

/** Runs `work` once to warm up (unless told not to), then `runs` times; the median and every timing (ms). */
export async function timed(runs: number, work: () => Promise<unknown>, options: { warmup?: boolean } = {}): Promise<{ median: number; timings: number[] }> {
  if (options.warmup !== false) await work();
  const timings: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    timings.push(performance.now() - started);
  }
  return { median: median(timings), timings };
}

/** A row saying why a part was not measured (a feature not merged yet, a scale not asked for). */
export function skippedRow(scale: number, label: string, target: string, reason: string): ResultRow {
  return { scale, label, cells: {}, target, pass: null, skipped: reason };
}
