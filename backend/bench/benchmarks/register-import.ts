import { join } from 'node:path';
import type { Benchmark, ResultRow } from '../harness';
import { count, ms, skippedRow, timed } from '../harness';
import { baselineFiles, ESTIMATED_SHAPE, readShape, writeBaseline } from './register-export';

/**
 * Import of the exported register (dry run, then commit): at most 2× the time exceljs's streaming
 * reader alone needs to read the same file, measured in the same run; memory bounded.
 *
 * The reader baseline is measured now, on the file the export baseline wrote (the export itself once
 * merged). TODO(import): measure the import's dry run and commit (upload the file, time to the
 * answer, peak RSS of the API) and hold them against 2× the reader.
 */

const RATIO_TARGET = 2;

export const registerImport: Benchmark = {
  id: 'import',
  title: 'Register import from xlsx, against exceljs’s streaming reader alone',
  columns: [
    { key: 'median', header: 'median' },
    { key: 'shape', header: 'rows read' },
    { key: 'ratio', header: 'ratio to baseline' },
  ],
  scales: (settings) => settings.scales,
  async run(context, scale) {
    let file = baselineFiles.get(scale);
    if (!file) {
      // The export benchmark did not run (BENCH_ONLY): write the same file here.
      const path = join(context.workDir, `baseline-${scale}.xlsx`);
      const shape = { rows: scale * ESTIMATED_SHAPE.rowsPerActivity, cells: ESTIMATED_SHAPE.cellsPerRow };
      await writeBaseline(path, shape);
      file = { path, shape: { rows: shape.rows, cells: shape.rows * shape.cells } };
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
        cells: { median: ms(baseline.median), shape: count(rowsRead), ratio: '1.00' },
        headlineMs: baseline.median,
        target: 'reference',
        pass: null,
      },
    ];
    const target = `≤ ${RATIO_TARGET}× baseline, memory bounded`;
    rows.push(skippedRow(scale, 'Import dry run (xlsx)', target, 'TODO: xlsx import not merged yet'));
    rows.push(skippedRow(scale, 'Import commit (xlsx)', target, 'TODO: xlsx import not merged yet'));
    return rows;
  },
};
