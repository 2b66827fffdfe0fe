import type { DataValidation, Worksheet } from 'exceljs';
import { TEMPLATE_SHEETS } from './register-sheets';
import { ColumnSpec, ExportContext, SheetFactory, SheetWriter, sheetName } from './sheet-writer';
import type { ActivitySheetSpec, DropdownHook, Dropdowns } from './sheets/activity-sheet';
import { enumLabel, ENUMS } from './sheets/enum-labels';

/** Rows of the template that carry drop-downs (the import refuses more activities anyway). */
const TEMPLATE_ROWS = 2000;

/** Every list the template's drop-downs use, in a fixed order (its column in the Lists sheet). */
function listNames(): string[] {
  const names = new Set<string>();
  for (const writer of TEMPLATE_SHEETS) {
    const dropdowns = (writer as SheetWriter & { spec?: ActivitySheetSpec<never, never> }).spec?.dropdowns;
    for (const list of Object.values(dropdowns ?? {})) names.add(list);
  }
  return [...names];
}

/** The labels a list offers, in the export's language. */
function listValues(list: string, ctx: ExportContext): string[] {
  if (list.startsWith('enum:')) {
    const kind = list.slice('enum:'.length);
    return ENUMS[kind].map((code) => (kind === 'yes_no' ? enumLabel(ctx, 'yes_no', code) : enumLabel(ctx, kind, code)) ?? code);
  }
  return ctx.labels.entries(list).map(([, pair]) => pair[ctx.locale]);
}

function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

interface StreamedValidations {
  dataValidations: { add(address: string, validation: DataValidation): void };
}

/** Drop-down lists on the template's coded columns, pointing at the hidden Lists sheet. */
const addDropdowns: DropdownHook = (sheet: Worksheet, columns: ColumnSpec<never>[], dropdowns: Dropdowns, ctx: ExportContext) => {
  const names = listNames();
  const listsName = quoted(sheetName('lists', ctx.locale));
  for (const [key, list] of Object.entries(dropdowns)) {
    const column = columns.findIndex((candidate) => candidate.key === key);
    const at = names.indexOf(list);
    if (column < 0 || at < 0) continue;
    const count = Math.max(1, listValues(list, ctx).length);
    const letter = columnLetter(at);
    (sheet as unknown as StreamedValidations).dataValidations.add(`${columnLetter(column)}2:${columnLetter(column)}${TEMPLATE_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`${listsName}!$${letter}$2:$${letter}$${count + 1}`],
    });
  }
};

/** The hidden sheet of list values, one column per list; also installs the drop-down hook. */
export const listsSheet: SheetWriter = {
  key: 'lists',
  write(factory: SheetFactory, ctx: ExportContext): Promise<void> {
    const names = listNames();
    const columns: ColumnSpec<never>[] = names.map(() => ({ key: 'list', width: 30, value: () => null }));
    const sheet = factory.addSheet(sheetName('lists', ctx.locale), columns, ctx);
    sheet.state = 'hidden';
    const values = names.map((name) => listValues(name, ctx));
    const longest = Math.max(0, ...values.map((list) => list.length));
    for (let row = 0; row < longest; row += 1) sheet.addRow(values.map((list) => list[row] ?? null)).commit();
    sheet.commit();
    return Promise.resolve();
  },
};

/** Puts the drop-down hook in the context (the template's sheets read it). */
export function templateContext(ctx: ExportContext): ExportContext {
  ctx.shared.set('dropdowns', addDropdowns);
  return ctx;
}
