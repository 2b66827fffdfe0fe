import type { Worksheet } from 'exceljs';
import type { ActivityFacts } from '../catalogues/activity-catalogues';
import type { Locale } from '../common/i18n/i18n';
import { translate } from '../common/i18n/i18n';
import type { TransferFacts, ScopeConfirmation } from '../domain/transfers/transfer-status';
import type { ScreeningThresholds } from '../domain/activities/screening-criteria';
import type { CatalogueLabels } from './catalogue-labels';
import { CellValue, safeText } from './xlsx-cells';

/** What every sheet of one export shares: language, instant, filters, labels, facts, the data reader. */
export interface ExportContext {
  organizationId: string;
  locale: Locale;
  /** The instant the register is read at; null for now. */
  asOf: Date | null;
  statuses: string[] | null;
  labels: CatalogueLabels;
  facts: ActivityFacts;
  /** The transfer facts as adequacy decisions applied on the export's day (the as-of date, or today). */
  transferFacts: TransferFacts;
  /** The organisation's screening thresholds as they stood on the export's day (the as-of date, or now). */
  thresholds: ScreeningThresholds;
  /** Lower-case recipient → the DPO's partial-adequacy scope confirmations made by then. */
  scopeConfirmations: ReadonlyMap<string, readonly ScopeConfirmation[]>;
  /** Runs a read in the request's transaction. */
  query<T>(sql: string, params: unknown[]): Promise<T[]>;
  /** Blank template: headers, lists and drop-downs, no data. */
  template: boolean;
  /** Data read once per export and shared by sheets (the vendors by name…). */
  shared: Map<string, unknown>;
  /** The organisation and the person exporting, for the cover. */
  organization: Record<string, unknown> & { name: string };
  exportedBy: string | null;
  exportedAt: Date;
  /** The rights-request and breach registers the exporting member reads whole (their sheets are left out otherwise). */
  intakeRegisters: { rightsRequests: boolean; breaches: boolean };
}

/** Creates worksheets with the export's look (frozen bold header, filter, widths, wrapped text). */
export interface SheetFactory {
  addSheet(name: string, columns: ColumnSpec<never>[], ctx: ExportContext): Worksheet;
}

/**
 * One sheet of a workbook. The register export is a list of these (exports/register-sheets.ts), so a
 * module can add its own sheet (DPIAs) without touching the others.
 */
export interface SheetWriter {
  /** Stable key: the sheet name is translated from `exports.sheet_<key>`. */
  key: string;
  write(factory: SheetFactory, ctx: ExportContext): Promise<void>;
}

/** `dateTime`: an instant as the organisation's wall time (the header names the time zone). */
export type ColumnType = 'text' | 'longText' | 'date' | 'dateTime' | 'number' | 'code';

/** A column: its key (header `exports.col_<key>`), width, kind, and how a row gives its value. */
export interface ColumnSpec<Row> {
  key: string;
  type?: ColumnType;
  width?: number;
  value(row: Row, ctx: ExportContext): CellValue | undefined;
}

export const sheetName = (key: string, locale: Locale) => translate(locale, `exports.sheet_${key}`);
export const columnHeader = (key: string, locale: Locale) => translate(locale, `exports.col_${key}`);

/**
 * The cell values of one row, text made safe from formula injection. An empty value is `undefined`:
 * exceljs then creates no cell at all (a null would still be a cell, styled and written, for nothing).
 */
export function rowValues<Row>(columns: ColumnSpec<Row>[], row: Row, ctx: ExportContext): (CellValue | undefined)[] {
  return columns.map((column) => {
    const value = column.value(row, ctx);
    if (value === undefined || value === null || value === '') return undefined;
    return typeof value === 'string' ? safeText(value) : value;
  });
}
