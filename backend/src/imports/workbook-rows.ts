import { HttpStatus } from '@nestjs/common';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ImportFileException } from './import-errors';

/** Rows read in the whole workbook: 1,000 activities with their details fit many times over. */
export const MAX_ROWS = 100_000;

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

/**
 * Reads a (guarded) workbook with exceljs's streaming reader, sheet by sheet, stopping as soon as
 * the row count passes MAX_ROWS. Styles are read so dates come back as dates.
 */
export async function readWorkbook(content: Buffer, names: ReadonlyMap<string, string> = new Map()): Promise<SheetRows[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const sheets: SheetRows[] = [];
  let total = 0;
  try {
    for await (const worksheet of reader) {
      const { id, name } = worksheet as unknown as { id: number | string; name: string };
      // A default name means exceljs could not match the part to workbook.xml: take the guard's.
      const sheet: SheetRows = { name: name === `Sheet${id}` ? (names.get(String(id)) ?? name) : name, header: [], rows: [] };
      sheets.push(sheet);
      for await (const row of worksheet) {
        total += 1;
        if (total > MAX_ROWS) throw new ImportFileException(HttpStatus.PAYLOAD_TOO_LARGE, 'too_many_rows', { limit: MAX_ROWS });
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
