import type { Worksheet } from 'exceljs';
import { activityBatches, ActivityRowBase } from '../activity-batches';
import { ColumnSpec, ExportContext, rowValues, SheetFactory, SheetWriter, sheetName } from '../sheet-writer';

/** Template drop-downs: column key → catalogue whose labels the cell offers. */
export type Dropdowns = Record<string, string>;

export interface ActivitySheetSpec<Row extends ActivityRowBase, Item> {
  key: string;
  /** Expressions of the register source this sheet reads (see activityBatches). */
  select: string[];
  columns: ColumnSpec<Item>[];
  /** The sheet's rows for one activity (one per purpose, per data category…). */
  items(row: Row, ctx: ExportContext): Item[];
  /** Before the first batch (e.g. reading vendors once). */
  prepare?(ctx: ExportContext): Promise<void>;
  /** Per batch, before its rows are written: one query for the whole batch, never one per activity. */
  enrich?(rows: Row[], ctx: ExportContext): Promise<void>;
  dropdowns?: Dropdowns;
}

/** Given by the template (ctx.shared 'dropdowns'): adds the drop-down lists of a sheet. */
export type DropdownHook = (sheet: Worksheet, columns: ColumnSpec<never>[], dropdowns: Dropdowns, ctx: ExportContext) => void;

/** An activity sheet whose worksheet is created, waiting for the register pass to fill it. */
export interface OpenActivitySheet {
  spec: ActivitySheetSpec<ActivityRowBase, unknown>;
  sheet: Worksheet;
}

export type ActivitySheetWriter = SheetWriter & {
  spec: ActivitySheetSpec<ActivityRowBase, unknown>;
  /** Creates the worksheet (in the workbook's sheet order) without writing its rows. */
  open(factory: SheetFactory, ctx: ExportContext): OpenActivitySheet;
};

export function isActivitySheet(writer: SheetWriter): writer is ActivitySheetWriter {
  return 'spec' in writer && 'open' in writer;
}

/**
 * Fills several activity sheets in one read of the register: each batch of activities is enriched
 * and written to every sheet before the next is read, so the documents are read once per export
 * rather than once per sheet. The workbook must let sheets be written side by side (xlsx-workbook.ts).
 */
export async function writeActivitySheets(open: OpenActivitySheet[], ctx: ExportContext): Promise<void> {
  if (open.length > 0) {
    for (const { spec } of open) await spec.prepare?.(ctx);
    const select = [...new Set(open.flatMap(({ spec }) => spec.select))];
    for await (const rows of activityBatches(ctx, select)) {
      for (const { spec, sheet } of open) {
        await spec.enrich?.(rows, ctx);
        for (const row of rows) for (const item of spec.items(row, ctx)) sheet.addRow(rowValues(spec.columns, item, ctx)).commit();
      }
    }
  }
  for (const { sheet } of open) sheet.commit();
}

/** A detail sheet with one row per item of each activity, read in keyset batches. */
export function activitySheet<Row extends ActivityRowBase, Item>(spec: ActivitySheetSpec<Row, Item>): ActivitySheetWriter {
  const open = (factory: SheetFactory, ctx: ExportContext): OpenActivitySheet => {
    const columns = spec.columns as ColumnSpec<never>[];
    const sheet = factory.addSheet(sheetName(spec.key, ctx.locale), columns, ctx);
    if (ctx.template) {
      const dropdownHook = ctx.shared.get('dropdowns') as DropdownHook | undefined;
      if (spec.dropdowns && dropdownHook) dropdownHook(sheet, columns, spec.dropdowns, ctx);
    }
    return { spec: spec, sheet };
  };
  return {
    key: spec.key,
    spec: spec,
    open,
    /** Alone (a workbook of one activity sheet, the template): its own pass. */
    async write(factory: SheetFactory, ctx: ExportContext): Promise<void> {
      const opened = open(factory, ctx);
      if (ctx.template) opened.sheet.commit();
      else await writeActivitySheets([opened], ctx);
    },
  };
}

/** Each item with the reference of its activity (the first column of every detail sheet). */
export interface WithReference<T> {
  reference: string;
  item: T;
  position: number;
}

export function withReference<T>(reference: string, list: T[] | null | undefined): WithReference<T>[] {
  return (list ?? []).map((item, position) => ({ reference, item, position }));
}

export const referenceColumn = <T>(): ColumnSpec<WithReference<T>> => ({ key: 'reference', width: 12, value: (row) => row.reference });
