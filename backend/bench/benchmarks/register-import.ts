import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMPORT_ACTIVITY_LIMIT } from '../../src/activities/activity-import.service';
import { XLSX_LIMITS } from '../../src/imports/xlsx-guard';
import type { ApiSession, Benchmark, ResultRow } from '../harness';
import { count, mb, median, ms, skippedRow, timed } from '../harness';
import { baselineFiles, ESTIMATED_SHAPE, exportFiles, readShape, writeBaseline } from './register-export';

/**
 * Import of the exported register: the dry run against the organisation it came from (every
 * reference already exists, so it reads, maps and checks everything and writes nothing), and the
 * commit into a new organisation without activities or vendors, whose members are the exported
 * register's owners (it creates every activity and vendor).
 * Target: at most 2× the time exceljs's streaming reader alone needs to read the same file, measured
 * in the same run, and the API's peak RSS at most RSS_TARGET_MB (issue #20: an import's memory is
 * bounded — a figure, so the verdict can fail on it).
 *
 * The import accepts at most IMPORT_ACTIVITY_LIMIT activities and XLSX_LIMITS.fileBytes per upload
 * (imports/): a larger register is imported in parts, so the import is measured at the sizes it
 * accepts and the rows of larger sizes say why they are not.
 */

const RATIO_TARGET = 2;
const RSS_TARGET_MB = 400;

const IMPORT_ROUTE = (organizationId: string, dryRun: boolean) => `/api/v1/organizations/${organizationId}/imports?dryRun=${dryRun}`;

/** Uploads the workbook like the exports page does (multipart, field "file"); the status and the report. */
async function upload(session: ApiSession, content: Buffer, dryRun: boolean): Promise<{ status: number; body: { valid?: boolean; activities?: number; created?: unknown[]; code?: string } }> {
  const form = new FormData();
  form.append('file', new Blob([content], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'registre.xlsx');
  const response = await fetch(`${session.baseUrl}${IMPORT_ROUTE(session.organizationId, dryRun)}`, { method: 'POST', headers: session.headers, body: form });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as { valid?: boolean; activities?: number; created?: unknown[]; code?: string } };
}

export const registerImport: Benchmark = {
  id: 'import',
  title: 'Register import from xlsx, against exceljs’s streaming reader alone',
  columns: [
    { key: 'median', header: 'median' },
    { key: 'shape', header: 'rows read' },
    { key: 'ratio', header: 'ratio to baseline' },
    { key: 'rss', header: 'API peak RSS' },
  ],
  scales: (settings) => settings.scales,
  async run(context, scale) {
    // The export's own file when it ran; otherwise the writer baseline's (same rows × cells).
    let file: { path: string; fromExport: boolean; bytes?: number };
    const exported = exportFiles.get(scale);
    if (exported) file = { path: exported.path, fromExport: true, bytes: exported.bytes };
    else {
      const written = baselineFiles.get(scale);
      const path = written?.path ?? join(context.workDir, `baseline-${scale}.xlsx`);
      if (!written) await writeBaseline(path, { rows: scale * ESTIMATED_SHAPE.rowsPerActivity, cells: ESTIMATED_SHAPE.cellsPerRow });
      file = { path, fromExport: false };
    }
    const path = file.path;
    let rowsRead = 0;
    const baseline = await timed(
      context.settings.runs,
      async () => {
        rowsRead = (await readShape(path)).rows;
      },
      { warmup: false },
    );
    const rows: ResultRow[] = [
      {
        scale,
        label: 'Baseline: exceljs streaming reader alone',
        cells: { median: ms(baseline.median), shape: count(rowsRead), ratio: '1.00', rss: '—' },
        headlineMs: baseline.median,
        target: 'reference',
        pass: null,
        note: file.fromExport ? 'reads the file the export wrote' : 'reads the writer baseline’s file (the export did not run)',
      },
    ];
    const target = `≤ ${RATIO_TARGET}× baseline, API peak RSS ≤ ${RSS_TARGET_MB} MB`;
    if (!file.fromExport) {
      rows.push(skippedRow(scale, 'Import dry run (xlsx)', target, 'the export did not run at this size (BENCH_ONLY): nothing to import'));
      rows.push(skippedRow(scale, 'Import commit (xlsx)', target, 'the export did not run at this size (BENCH_ONLY): nothing to import'));
      return rows;
    }
    const bytes = file.bytes ?? 0;
    if (scale > IMPORT_ACTIVITY_LIMIT || bytes > XLSX_LIMITS.fileBytes) {
      const reason = `above the import's caps (${count(IMPORT_ACTIVITY_LIMIT)} activities, ${mb(XLSX_LIMITS.fileBytes / (1024 * 1024))} per upload; this file: ${count(scale)} activities, ${(bytes / (1024 * 1024)).toFixed(1)} MB) — imported in parts; measured at the largest size accepted`;
      rows.push(skippedRow(scale, 'Import dry run (xlsx)', target, reason));
      rows.push(skippedRow(scale, 'Import commit (xlsx)', target, reason));
      return rows;
    }
    const content = readFileSync(path);
    const row = (label: string, timing: number, rss: number, note: string): ResultRow => {
      const ratio = timing / baseline.median;
      return {
        scale,
        label,
        cells: { median: ms(timing), shape: count(rowsRead), ratio: ratio.toFixed(2), rss: mb(rss) },
        headlineMs: timing,
        target,
        pass: ratio <= RATIO_TARGET && rss <= RSS_TARGET_MB,
        note,
      };
    };

    // Dry run against the organisation the file came from: 200 with the report (valid or not).
    context.resetPeakRss();
    let dryReport = { status: 0, body: {} as { valid?: boolean; activities?: number } };
    const dry = await timed(context.settings.runs, async () => {
      dryReport = await upload(context.session, content, true);
      if (dryReport.status !== 200) throw new Error(`import dry run answered ${dryReport.status}: ${JSON.stringify(dryReport.body).slice(0, 300)}`);
    });
    rows.push(row('Import dry run (xlsx), against the organisation exported', dry.median, context.peakRssMb(), `${count(dryReport.body.activities ?? 0)} activities read, every reference reported as existing (valid: ${String(dryReport.body.valid)})`));

    // Commit: each run into a new empty organisation (created and signed in outside the timing).
    context.resetPeakRss();
    const timings: number[] = [];
    let created = 0;
    for (let run = 0; run < context.settings.runs; run++) {
      const session = await context.freshOrganization();
      const started = performance.now();
      const answer = await upload(session, content, false);
      timings.push(performance.now() - started);
      if (answer.status !== 200 || answer.body.valid !== true) throw new Error(`import commit answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
      created = answer.body.created?.length ?? 0;
    }
    rows.push(row('Import commit (xlsx), into a new organisation without activities', median(timings), context.peakRssMb(), `${count(created)} activities created per run; runs ${timings.map((t) => Math.round(t)).join(', ')} ms (no warm-up: each run a new organisation)`));
    return rows;
  },
};
