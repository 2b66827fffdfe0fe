import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { BenchContext, Benchmark, ResultRow } from '../harness';
import { count, mb, ms, skippedRow, timed } from '../harness';

/**
 * Register export to xlsx (issue 7) against a baseline measured in the same run: exceljs's streaming
 * writer alone, writing the same number of rows × cells from memory. Targets: the export takes at
 * most 1.3× the baseline, the API's peak RSS stays ≤ 400 MB and flat as the register grows.
 *
 * The baseline is measured now. The export itself is measured once its route answers (it is probed
 * first: a 404 means the feature is not merged yet and the row says so).
 */

/** The register export as merged (exports.controller.ts), labels in French like the file. */
export const EXPORT_ROUTE = (organizationId: string) => `/api/v1/organizations/${organizationId}/exports/register.xlsx?lang=fr`;

const RATIO_TARGET = 1.3;
const RSS_TARGET_MB = 400;

/**
 * The export's shape until the real file tells it: one row per activity and one per item of each of
 * its lists (3 purposes + 8 data categories + 3 subjects + 3 recipients + 2 processors + 1 transfer +
 * 12 measures = 33 rows), 6 cells each — 330,000 rows at 10,000 activities.
 */
export const ESTIMATED_SHAPE = { rowsPerActivity: 33, cellsPerRow: 6 };

export interface SheetShape {
  rows: number;
  cells: number;
}

/** Files the baseline wrote, by scale: the import benchmark reads them. */
export const baselineFiles = new Map<number, { path: string; shape: SheetShape }>();

/** Files the export wrote, by scale: the import benchmark uploads them and reads them for its baseline. */
export const exportFiles = new Map<number, { path: string; bytes: number }>();

/** Text like a register's: references, names, codes, durations, sentences. */
const SAMPLE_CELLS = [
  'T-0421',
  'Gestion de la paie — site de Lyon',
  'Établir les bulletins de paie et verser les salaires',
  'legal_obligation',
  'Code du travail, art. L3243-2',
  'identity',
  'P5Y',
  'end_of_employment',
  'Service paie',
  'Nuvola Cloud',
  'US',
  'scc',
  'access_control',
  'Données limitées au strict nécessaire',
];

/** exceljs's streaming writer alone: `shape.rows` rows of `shape.cells` cells, from memory. */
export async function writeBaseline(path: string, shape: SheetShape): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Registre');
  const templates = Array.from({ length: 997 }, (_, index) => Array.from({ length: shape.cells }, (_, cell) => SAMPLE_CELLS[(index * 7 + cell * 3) % SAMPLE_CELLS.length]));
  for (let index = 0; index < shape.rows; index++) sheet.addRow(templates[index % templates.length]).commit();
  sheet.commit();
  await workbook.commit();
}

/** Rows and cells of an xlsx file, read with exceljs's streaming reader. */
export async function readShape(path: string): Promise<SheetShape> {
  let rows = 0;
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { entries: 'emit', sharedStrings: 'cache', worksheets: 'emit', styles: 'ignore', hyperlinks: 'ignore' });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      rows += 1;
      cells += (row).cellCount;
    }
  }
  return { rows, cells };
}

/** Downloads to `file`; the status (anything but 200 leaves the file alone). */
async function download(context: BenchContext, path: string, file: string): Promise<number> {
  const response = await fetch(`${context.session.baseUrl}${path}`, { headers: context.session.headers });
  if (!response.ok || !response.body) {
    await response.arrayBuffer().catch(() => undefined);
    return response.status;
  }
  await pipeline(Readable.fromWeb(response.body), createWriteStream(file));
  return response.status;
}

export const registerExport: Benchmark = {
  id: 'export',
  title: 'Register export to xlsx, against exceljs’s streaming writer alone',
  columns: [
    { key: 'median', header: 'median' },
    { key: 'shape', header: 'rows × cells' },
    { key: 'ratio', header: 'ratio to baseline' },
    { key: 'rss', header: 'API peak RSS' },
  ],
  // 50,000 activities (the issue: "and 50,000 for export") through BENCH_EXPORT_SCALES: the register is
  // grown to it for this benchmark alone, worth its minutes once the export itself is measured.
  scales: (settings) => [...new Set([...settings.scales, ...settings.exportScales])],
  async run(context, scale) {
    const rows: ResultRow[] = [];
    // Above the run's main sizes (the 50,000 growth point) one timed run of each: each takes minutes.
    const runs = context.settings.scales.includes(scale) ? context.settings.runs : 1;
    const file = join(context.workDir, `export-${scale}.xlsx`);
    const route = EXPORT_ROUTE(context.session.organizationId);
    // The first download is the probe and the warm-up (a HEAD would build the whole file too).
    context.resetPeakRss();
    const probe = { status: await download(context, route, file) };
    const exportMerged = probe.status === 200;

    let shape: SheetShape = { rows: scale * ESTIMATED_SHAPE.rowsPerActivity, cells: scale * ESTIMATED_SHAPE.rowsPerActivity * ESTIMATED_SHAPE.cellsPerRow };
    let exportFigures: { median: number; rss: number } | null = null;
    if (exportMerged) {
      const { median } = await timed(
        runs,
        async () => {
          const status = await download(context, route, file);
          if (status !== 200) throw new Error(`GET ${route} answered ${status}`);
        },
        { warmup: false },
      );
      exportFigures = { median, rss: context.peakRssMb() };
      exportFiles.set(scale, { path: file, bytes: statSync(file).size });
      // The baseline writes exactly what the export wrote.
      shape = await readShape(file);
    }

    const baselinePath = join(context.workDir, `baseline-${scale}.xlsx`);
    const cellsPerRow = Math.max(1, Math.round(shape.cells / Math.max(1, shape.rows)));
    const baselineShape = { rows: shape.rows, cells: cellsPerRow };
    context.log(`  baseline: exceljs streaming writer, ${count(shape.rows)} rows × ${cellsPerRow} cells`);
    const baseline = await timed(runs, () => writeBaseline(baselinePath, baselineShape), { warmup: false });
    baselineFiles.set(scale, { path: baselinePath, shape: { rows: shape.rows, cells: shape.rows * cellsPerRow } });
    rows.push({
      scale,
      label: 'Baseline: exceljs streaming writer alone, from memory',
      cells: { median: ms(baseline.median), shape: `${count(shape.rows)} × ${cellsPerRow}`, ratio: '1.00', rss: '—' },
      headlineMs: baseline.median,
      target: 'reference',
      pass: null,
      note: exportMerged ? 'shape read from the export' : `shape estimated (${ESTIMATED_SHAPE.rowsPerActivity} rows per activity × ${ESTIMATED_SHAPE.cellsPerRow} cells)`,
    });

    const target = `≤ ${RATIO_TARGET}× baseline, API peak RSS ≤ ${RSS_TARGET_MB} MB`;
    if (!exportFigures) {
      rows.push(skippedRow(scale, 'GET register export (xlsx)', target, `TODO: register export (issue 7) not merged — ${EXPORT_ROUTE(':orgId')} answers ${probe.status}`));
      return rows;
    }
    const ratio = exportFigures.median / baseline.median;
    rows.push({
      scale,
      label: 'GET register export (xlsx), to the last byte',
      cells: { median: ms(exportFigures.median), shape: `${count(shape.rows)} × ${cellsPerRow}`, ratio: ratio.toFixed(2), rss: mb(exportFigures.rss) },
      note: `${(statSync(file).size / (1024 * 1024)).toFixed(1)} MB file${runs === 1 ? '; growth point: one timed run after the warm-up, baseline one run' : ''}`,
      headlineMs: exportFigures.median,
      target,
      pass: ratio <= RATIO_TARGET && exportFigures.rss <= RSS_TARGET_MB,
    });
    return rows;
  },
};
