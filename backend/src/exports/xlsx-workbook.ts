import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sheetsThroughFiles } from './sheet-files';
import { isActivitySheet, OpenActivitySheet, writeActivitySheets } from './sheets/activity-sheet';
import { columnHeader, ColumnSpec, ExportContext, SheetFactory, SheetWriter, sheetName } from './sheet-writer';

/** A handful of shared styles: the writer stores each distinct style once. */
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } },
  alignment: { vertical: 'top', wrapText: true },
};
/**
 * Only long text (wrapped) and dates (a date format) carry a style: exceljs registers the style of
 * every styled cell as it writes it, the main cost of a large sheet; other cells stay unstyled.
 */
const COLUMN_STYLES: Record<string, Partial<ExcelJS.Style> | undefined> = {
  longText: { alignment: { vertical: 'top', wrapText: true } },
  date: { numFmt: 'yyyy-mm-dd' },
  dateTime: { numFmt: 'yyyy-mm-dd hh:mm' },
};
const WIDTHS: Record<string, number> = { text: 22, code: 18, longText: 48, date: 12, dateTime: 17, number: 12 };

class StreamingSheets implements SheetFactory {
  constructor(private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter) {}

  addSheet(name: string, columns: ColumnSpec<never>[], ctx: ExportContext): ExcelJS.Worksheet {
    const sheet = this.workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((column) => {
      const type = column.type ?? 'text';
      const style = COLUMN_STYLES[type];
      return style ? { key: column.key, width: column.width ?? WIDTHS[type], style } : { key: column.key, width: column.width ?? WIDTHS[type] };
    });
    const header = sheet.addRow(columns.map((column) => columnHeader(column.key, ctx.locale)));
    header.eachCell((cell) => (cell.style = HEADER_STYLE));
    header.commit();
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    return sheet;
  }
}

type StyleModel = Partial<ExcelJS.Style> | undefined;
interface StyleRegistry {
  addStyleModel(model: StyleModel, cellType: number): number;
}

/**
 * exceljs registers the style of every cell it writes: it gives each cell a fresh merged style object
 * (so its own identity cache never hits) and then serialises that style to XML to find its id — the
 * main cost of writing a sheet, for a handful of distinct styles. Cells share the parts of their
 * column's style (the same alignment, font… objects), so the id is cached here by the identity of
 * those parts, the number format and the cell type: each distinct style is serialised once.
 */
function cacheStyleIds(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const styles = (workbook as unknown as { styles: StyleRegistry }).styles;
  const register = styles.addStyleModel.bind(styles);
  const partIds = new WeakMap<object, number>();
  let parts = 0;
  const idOf = (part: object | undefined) => {
    if (!part) return 0;
    let id = partIds.get(part);
    if (id === undefined) partIds.set(part, (id = ++parts));
    return id;
  };
  const cache = new Map<string, number>();
  styles.addStyleModel = (model, cellType) => {
    if (!model) return register(model, cellType);
    const key = `${cellType}|${model.numFmt ?? ''}|${idOf(model.font)}|${idOf(model.alignment)}|${idOf(model.fill)}|${idOf(model.border)}|${idOf(model.protection)}`;
    let id = cache.get(key);
    if (id === undefined) cache.set(key, (id = register(model, cellType)));
    return id;
  };
}

/**
 * Writes a workbook to `output` with exceljs's streaming writer. The activity sheets are filled
 * together from one read of the register (the other sheets read their own data in turn); each sheet
 * goes through a temporary file until it is committed, so memory does not grow with the register.
 * Shared strings are off (they would be held until the end).
 */
export async function writeWorkbook(output: Writable, sheets: SheetWriter[], ctx: ExportContext): Promise<void> {
  // Named after the process: a folder left behind says which one wrote it.
  const dir = await mkdtemp(join(tmpdir(), `registre-export-${process.pid}-`));
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
    workbook.creator = 'Registre';
    workbook.created = new Date();
    cacheStyleIds(workbook);
    sheetsThroughFiles(workbook, dir);
    const factory = new StreamingSheets(workbook);
    const activitySheets: OpenActivitySheet[] = [];
    // Sheets are created in the order given (their tab order); the activity sheets are filled after.
    for (const writer of sheets) {
      if (isActivitySheet(writer) && !ctx.template) activitySheets.push(writer.open(factory, ctx));
      else await writer.write(factory, ctx);
    }
    await writeActivitySheets(activitySheets, ctx);
    await workbook.commit();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export { sheetName };
