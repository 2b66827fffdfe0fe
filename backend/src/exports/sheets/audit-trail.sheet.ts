import { ColumnSpec, ExportContext, rowValues, SheetFactory, SheetWriter, sheetName } from '../sheet-writer';

interface EventRow {
  sequence: string;
  id: string;
  occurred_at: Date;
  actor_name: string | null;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  entity_label: string | null;
  changes: unknown;
  previous_hash: string | null;
  hash: string;
}

/** Excel keeps at most 32,767 characters in a cell. */
const CELL_LIMIT = 32_000;
const BATCH = 1000;

const COLUMNS: ColumnSpec<EventRow>[] = [
  { key: 'sequence', type: 'number', width: 10, value: (row) => Number(row.sequence) },
  { key: 'occurred_at', type: 'date', width: 20, value: (row) => row.occurred_at },
  { key: 'actor', width: 24, value: (row) => row.actor_name },
  { key: 'action', width: 14, value: (row) => row.action },
  { key: 'entity_type', width: 16, value: (row) => row.entity_type },
  { key: 'entity_label', width: 32, value: (row) => row.entity_label },
  { key: 'changes', type: 'longText', width: 80, value: (row) => JSON.stringify(row.changes).slice(0, CELL_LIMIT) },
  { key: 'event_id', type: 'code', width: 38, value: (row) => row.id },
  { key: 'entity_id', type: 'code', width: 38, value: (row) => row.entity_id },
  { key: 'actor_id', type: 'code', width: 38, value: (row) => row.actor_user_id },
  { key: 'previous_hash', type: 'code', width: 66, value: (row) => row.previous_hash },
  { key: 'hash', type: 'code', width: 66, value: (row) => row.hash },
];

/** The audit trail in chain order, with each event's hash and the previous one, up to the as-of instant. */
export const auditTrailSheet: SheetWriter = {
  key: 'audit_trail',
  async write(factory: SheetFactory, ctx: ExportContext): Promise<void> {
    const sheet = factory.addSheet(sheetName('audit_trail', ctx.locale), COLUMNS, ctx);
    let after = '0';
    for (;;) {
      const rows = await ctx.query<EventRow>(
        `SELECT sequence::text AS sequence, id, occurred_at, actor_name, actor_user_id, action, entity_type, entity_id, entity_label, changes, previous_hash, hash
         FROM audit_events WHERE organization_id = $1 AND sequence > $2::bigint AND ($3::timestamptz IS NULL OR occurred_at <= $3::timestamptz)
         ORDER BY audit_events.sequence LIMIT ${BATCH}`,
        [ctx.organizationId, after, ctx.asOf?.toISOString() ?? null],
      );
      for (const row of rows) {
        const written = sheet.addRow(rowValues(COLUMNS, row, ctx));
        written.getCell(2).numFmt = 'yyyy-mm-dd hh:mm:ss';
        written.commit();
      }
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1].sequence;
    }
    sheet.commit();
  },
};
