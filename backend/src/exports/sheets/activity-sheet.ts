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

/** A detail sheet with one row per item of each activity, read in keyset batches. */
export function activitySheet<Row extends ActivityRowBase, Item>(spec: ActivitySheetSpec<Row, Item>): SheetWriter & { spec: ActivitySheetSpec<Row, Item> } {
  return {
    key: spec.key,
    spec,
    async write(factory: SheetFactory, ctx: ExportContext): Promise<void> {
      const columns = spec.columns as ColumnSpec<never>[];
      const sheet = factory.addSheet(sheetName(spec.key, ctx.locale), columns, ctx);
      if (ctx.template) {
        const dropdownHook = ctx.shared.get('dropdowns') as DropdownHook | undefined;
        if (spec.dropdowns && dropdownHook) dropdownHook(sheet, columns, spec.dropdowns, ctx);
      } else {
        await spec.prepare?.(ctx);
        for await (const rows of activityBatches<Row>(ctx, spec.select)) {
          await spec.enrich?.(rows, ctx);
          for (const row of rows) for (const item of spec.items(row, ctx)) sheet.addRow(rowValues(spec.columns, item, ctx)).commit();
        }
      }
      sheet.commit();
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
