import { HttpStatus } from '@nestjs/common';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { ImportFileException } from './import-errors';

/**
 * Rows read in the whole workbook: this many for any file, plus one per ROW_BYTES of the upload (a
 * row of the export takes about 50 bytes compressed: 16.3 MB for 330,000 rows at 10,000 activities),
 * at most MAX_ROWS (10,000 activities of 34 rows each, with a margin). A small file of very many
 * empty-looking rows is stopped early; the export's own workbook always fits.
 */
export const BASE_ROWS = 100_000;
const ROW_BYTES = 25;
export const MAX_ROWS = 500_000;

/** The rows a workbook of `fileBytes` may hold. */
export function rowLimitOf(fileBytes: number): number {
  return Math.min(MAX_ROWS, BASE_ROWS + Math.floor(fileBytes / ROW_BYTES));
}

export type Cell = string | number | boolean | Date | null | { formula: true };

export interface SheetRows {
  name: string;
  /** Header texts by column (1-based, index 0 unused). */
  header: string[];
  rows: { number: number; cells: Cell[] }[];
}

/** A cell's value as the mapper reads it; formulas are kept as a marker so they are reported. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return { formula: true };
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}

/** The parts of exceljs's streaming reader this module drives itself (see orderedWorksheets). */
interface ReaderParts {
  _parseRels(stream: Readable): Promise<void>;
  _parseWorkbook(stream: Readable): Promise<void>;
  _parseSharedStrings(stream: Readable): AsyncIterable<unknown>;
  _parseStyles(stream: Readable): Promise<void>;
  _parseWorksheet(stream: Readable, sheetNo: string): Iterable<{ eventType: string; value: ExcelJS.stream.xlsx.WorksheetReader }>;
  sharedStrings?: unknown[];
}

/**
 * The worksheets of the workbook, read with exceljs's own parsers but in an order chosen here:
 * relationships, workbook, shared strings and styles first, then each sheet streamed from the zip.
 * exceljs's reader, fed the zip in file order (sheets usually come before styles and shared strings),
 * copies each sheet to a temporary file and reads it back later; that path is not reliable (under load
 * a sheet came back truncated or unreadable, failing an import its dry run had accepted) and leaks a
 * file descriptor per sheet.
 */
async function* orderedWorksheets(content: Buffer): AsyncGenerator<{ id: string; worksheet: ExcelJS.stream.xlsx.WorksheetReader }> {
  const zip = await yauzl.fromBufferPromise(content, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  try {
    const entries = new Map<string, yauzl.Entry>();
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
    // One UTF-8 decoder per part: exceljs's parser decodes each chunk it is given on its own, so a
    // character cut by a chunk boundary became U+FFFD. With the encoding set on the stream, Node's
    // StringDecoder carries the incomplete bytes over to the next chunk and the parser gets text.
    const open = async (entry: yauzl.Entry) => (await zip.openReadStreamPromise(entry)).setEncoding('utf8');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' }) as unknown as ReaderParts;
    const part = (name: string) => entries.get(name);
    if (part('xl/_rels/workbook.xml.rels')) await reader._parseRels(await open(part('xl/_rels/workbook.xml.rels')!));
    if (part('xl/workbook.xml')) await reader._parseWorkbook(await open(part('xl/workbook.xml')!));
    if (part('xl/sharedStrings.xml')) for await (const _event of reader._parseSharedStrings(await open(part('xl/sharedStrings.xml')!)));
    if (part('xl/styles.xml')) await reader._parseStyles(await open(part('xl/styles.xml')!));
    reader.sharedStrings ??= [];
    const sheets = [...entries.keys()]
      .map((name) => /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1])
      .filter((number): number is string => number !== undefined)
      .sort((a, b) => Number(a) - Number(b));
    for (const number of sheets) {
      for (const event of reader._parseWorksheet(await open(entries.get(`xl/worksheets/sheet${number}.xml`)!), number)) yield { id: number, worksheet: event.value };
    }
  } finally {
    zip.close();
  }
}

/**
 * Reads a (guarded) workbook with exceljs's parsers, sheet by sheet, stopping as soon as the row
 * count passes the file's row limit (rowLimitOf). Styles are read first so dates come back as dates.
 */
export async function readWorkbook(content: Buffer, names: ReadonlyMap<string, string> = new Map()): Promise<SheetRows[]> {
  const sheets: SheetRows[] = [];
  const limit = rowLimitOf(content.length);
  let total = 0;
  try {
    for await (const { id: part, worksheet } of orderedWorksheets(content)) {
      const { name } = worksheet as unknown as { name?: string };
      // Without a name from workbook.xml, take the guard's (by part number).
      const sheet: SheetRows = { name: name ?? names.get(part) ?? `Sheet${part}`, header: [], rows: [] };
      sheets.push(sheet);
      for await (const row of worksheet) {
        total += 1;
        if (total > limit) throw new ImportFileException(HttpStatus.PAYLOAD_TOO_LARGE, 'too_many_rows', { limit });
        const values = (row.values as ExcelJS.CellValue[]).map(cellValue);
        if (row.number === 1) sheet.header = values.map((value) => (typeof value === 'string' ? value.trim() : ''));
        else if (values.some((value) => value !== null && value !== '')) sheet.rows.push({ number: row.number, cells: values });
      }
    }
  } catch (error) {
    if (error instanceof ImportFileException) throw error;
    throw new ImportFileException(HttpStatus.UNPROCESSABLE_ENTITY, 'corrupt');
  }
  return sheets;
}
