import { Writable } from 'node:stream';
import { it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { TransactionalConnection } from '../../src/common/request-context/transactional-connection';
import { withSyntheticRegister } from './synthetic-api';
import { ExportsService } from '../../src/exports/exports.service';
import { REGISTER_SHEETS } from '../../src/exports/register-sheets';
import type { SheetFactory, SheetWriter } from '../../src/exports/sheet-writer';
import { writeWorkbook } from '../../src/exports/xlsx-workbook';

/**
 * Profiles the register export in-process: a synthetic register of PROFILE_ACTIVITIES activities
 * (3 purposes, 8 data categories, 3 subjects, 3 recipients, 2 processors, 1 transfer, 12 measures
 * each), the export written to a discarding stream with each sheet timed, then exceljs's streaming
 * writer alone writing the same rows × cells from memory (the benchmark's baseline).
 *
 *   PROFILE_ACTIVITIES=10000 npx jest --testMatch '<rootDir>/bench/profiling/*.profile.ts' --testTimeout 3600000
 */

const ACTIVITIES = Number(process.env.PROFILE_ACTIVITIES ?? 2000);
const RUNS = Number(process.env.PROFILE_RUNS ?? 3);

const SAMPLE_CELLS = ['T-0421', 'Gestion de la paie — site de Lyon', 'Établir les bulletins de paie et verser les salaires', 'legal_obligation', 'Code du travail, art. L3243-2', 'identity', 'P5Y', 'end_of_employment', 'Service paie', 'Nuvola Cloud', 'US', 'scc', 'access_control', 'Données limitées au strict nécessaire'];

const discard = () =>
  new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });

async function baseline(rows: number, cells: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: discard(), useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Registre');
  const templates = Array.from({ length: 997 }, (_, index) => Array.from({ length: cells }, (_, cell) => SAMPLE_CELLS[(index * 7 + cell * 3) % SAMPLE_CELLS.length]));
  for (let index = 0; index < rows; index++) sheet.addRow(templates[index % templates.length]).commit();
  sheet.commit();
  await workbook.commit();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

it(`profiles the register export of ${ACTIVITIES} activities`, async () => {
  await withSyntheticRegister(ACTIVITIES, async ({ api, organizationId }) => {

    const connection = api.app.get(TransactionalConnection);
    const exportsService = api.app.get(ExportsService);
    const totals: number[] = [];
    let perSheet = new Map<string, number>();
    let shape = { rows: 0, cells: 0 };
    for (let run = 0; run < RUNS; run++) {
      const timings = new Map<string, number>();
      const counted = { rows: 0, cells: 0 };
      const started = performance.now();
      await connection.withTenant({ organizationId }, async () => {
        const ctx = await exportsService.context(organizationId, { locale: 'fr', asOf: null });
        // Each sheet timed; rows and cells counted as they are added.
        const timed: SheetWriter[] = REGISTER_SHEETS.map((writer) => ({
          key: writer.key,
          async write(factory: SheetFactory, context) {
            const counting: SheetFactory = {
              addSheet(name, columns, c) {
                const sheet = factory.addSheet(name, columns, c);
                const addRow = sheet.addRow.bind(sheet);
                sheet.addRow = ((values: unknown[]) => {
                  counted.rows += 1;
                  counted.cells += values.filter((value) => value !== null && value !== undefined).length;
                  return addRow(values);
                }) as typeof sheet.addRow;
                return sheet;
              },
            };
            const t0 = performance.now();
            await writer.write(counting, context);
            timings.set(writer.key, performance.now() - t0);
          },
        }));
        await writeWorkbook(discard(), timed, ctx);
      });
      totals.push(performance.now() - started);
      perSheet = timings;
      shape = counted;
    }
    const exportMedian = median(totals);
    const cellsPerRow = Math.max(1, Math.round(shape.cells / shape.rows));
    const baselines: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      await baseline(shape.rows, cellsPerRow);
      baselines.push(performance.now() - t0);
    }
    const baselineMedian = median(baselines);
    const lines = [
      `register export, ${ACTIVITIES} activities: ${shape.rows} rows, ${shape.cells} non-empty cells (${cellsPerRow} per row)`,
      ...[...perSheet.entries()].map(([key, time]) => `  ${key.padEnd(20)} ${time.toFixed(0).padStart(7)} ms`),
      `export median ${exportMedian.toFixed(0)} ms (runs: ${totals.map((t) => t.toFixed(0)).join(', ')})`,
      `baseline median ${baselineMedian.toFixed(0)} ms (runs: ${baselines.map((t) => t.toFixed(0)).join(', ')})`,
      `ratio ${(exportMedian / baselineMedian).toFixed(2)}; RSS now ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}, 3_600_000);
