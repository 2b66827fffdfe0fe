import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import { migrations } from './migrations';
import { storeActivityFindings } from '../findings/activity-findings';
import { catalogueActivityFacts } from './synthetic/synthetic-content';

/**
 * Logical backup of the whole database as gzip-compressed JSON lines: a header (format, migrations
 * applied), then the rows of every table in foreign-key order, in batches. It needs no pg_dump (the
 * embedded PostgreSQL ships none) and restores into any PostgreSQL ≥ 14 migrated to the same schema.
 * Sessions, login attempts and the shipped catalogues (reloaded at start) are not part of it, nor
 * activity_findings: derived from the activities, its rows name row versions (xmin/ctid) that a
 * restore does not keep — the restore computes them again.
 */
const SKIPPED_TABLES = new Set(['sessions', 'login_attempts', 'catalogue_entries', 'schema_migrations', 'activity_findings']);
const BATCH = 1000;
export const BACKUP_FORMAT = 'registre-backup';

interface TableShape {
  name: string;
  /** Columns written on restore (generated columns are recomputed by PostgreSQL). */
  columns: string[];
  identityColumns: string[];
}

interface Header {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: string[];
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Tenant tables and their parents, ordered so that every parent comes before its children. Deferrable
 * foreign keys (those closing a cycle, such as vendors → their DPA document) are left out of the
 * order: the restore checks them at commit.
 */
async function tablesInDependencyOrder(client: Client): Promise<TableShape[]> {
  const tables = await client.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1",
  );
  const edges = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT c.relname AS child, p.relname AS parent FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname AND NOT k.condeferrable`,
  );
  const columns = await client.query<{ table: string; column: string; identity: string; generated: string }>(
    `SELECT c.relname AS table, a.attname AS column, a.attidentity AS identity, a.attgenerated AS generated
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
  );
  const names = tables.rows.map((row) => row.name).filter((name) => !SKIPPED_TABLES.has(name));
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name) || path.includes(name)) return;
    for (const edge of edges.rows.filter((candidate) => candidate.child === name)) {
      if (names.includes(edge.parent)) visit(edge.parent, [...path, name]);
    }
    ordered.push(name);
  };
  names.forEach((name) => visit(name, []));
  return ordered.map((name) => {
    const own = columns.rows.filter((column) => column.table === name);
    return {
      name,
      columns: own.filter((column) => column.generated === '').map((column) => column.column),
      identityColumns: own.filter((column) => column.identity !== '').map((column) => column.column),
    };
  });
}

/** Writes a consistent snapshot (one REPEATABLE READ transaction) of the database to `file`. */
export async function backupDatabase(ownerUrl: string, file: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: ownerUrl, application_name: 'registre-backup' });
  await client.connect();
  const gzip = createGzip();
  const output = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(output);
  const write = async (line: unknown) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await tablesInDependencyOrder(client);
    const applied = await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY id');
    const header: Header = { format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), migrations: applied.rows.map((row) => row.name), tables: tables.map((table) => table.name) };
    await write(header);
    for (const table of tables) {
      counts[table.name] = 0;
      const list = table.columns.map(quote).join(', ');
      await client.query(`DECLARE backup_cursor NO SCROLL CURSOR FOR SELECT jsonb_build_array(${list}) AS row FROM ${quote(table.name)}`);
      for (;;) {
        const batch = await client.query<{ row: unknown[] }>(`FETCH ${BATCH} FROM backup_cursor`);
        if (batch.rows.length === 0) break;
        counts[table.name] += batch.rows.length;
        await write({ table: table.name, columns: table.columns, rows: batch.rows.map((row) => row.row) });
      }
      await client.query('CLOSE backup_cursor');
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
    gzip.end();
    await once(output, 'close');
  }
  return counts;
}

/**
 * Restores a backup into a database migrated to the same schema and holding no data yet, in one
 * transaction with the deferrable foreign keys deferred: it all goes in, or nothing does, and a
 * failure is thrown (the CLI then exits 1 with the reason on stderr).
 */
export async function restoreDatabase(ownerUrl: string, file: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: ownerUrl, application_name: 'registre-restore' });
  await client.connect();
  const counts: Record<string, number> = {};
  try {
    let header: Header | undefined;
    let shapes = new Map<string, TableShape>();
    await client.query('BEGIN');
    // Vendors and their DPA/TIA documents reference each other: the foreign keys that close such a
    // cycle are DEFERRABLE (migration DeferrableCycles), checked here once every row is in.
    await client.query('SET CONSTRAINTS ALL DEFERRED');
    // Created right before reading: lines emitted before iteration starts would be lost.
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      if (!header) {
        header = JSON.parse(line) as Header;
        if (header.format !== BACKUP_FORMAT || header.version !== 1) throw new Error('This file is not a Registre backup.');
        const known = migrations.map((migration) => new migration().name);
        const applied = (await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY id')).rows.map((row) => row.name);
        if (JSON.stringify(applied) !== JSON.stringify(header.migrations) || header.migrations.some((name) => !known.includes(name))) {
          throw new Error(`The backup was made with migrations [${header.migrations.join(', ')}], the database has [${applied.join(', ')}]: migrate it to the same version first.`);
        }
        shapes = new Map((await tablesInDependencyOrder(client)).map((shape) => [shape.name, shape]));
        for (const table of header.tables) {
          const rows = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS any`);
          if (rows.rows[0].any) throw new Error(`The table ${table} already holds data: restore into an empty database.`);
        }
        continue;
      }
      const batch = JSON.parse(line) as { table: string; columns: string[]; rows: unknown[][] };
      const shape = shapes.get(batch.table);
      if (!shape || batch.columns.some((column) => !shape.columns.includes(column))) throw new Error(`Unknown table or column in the backup: ${batch.table}.`);
      const list = batch.columns.map(quote).join(', ');
      const records = batch.rows.map((row) => Object.fromEntries(batch.columns.map((column, index) => [column, row[index]])));
      // jsonb_populate_recordset gives every value the type of its column.
      await client.query(
        `INSERT INTO ${quote(batch.table)} (${list}) ${shape.identityColumns.length ? 'OVERRIDING SYSTEM VALUE' : ''}
         SELECT ${list} FROM jsonb_populate_recordset(NULL::${quote(batch.table)}, $1::jsonb)`,
        [JSON.stringify(records)],
      );
      counts[batch.table] = (counts[batch.table] ?? 0) + batch.rows.length;
    }
    if (!header) throw new Error('The backup file is empty.');
    // Identity sequences continue after the restored values.
    for (const shape of shapes.values()) {
      for (const column of shape.identityColumns) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), GREATEST((SELECT max(${quote(column)}) FROM ${quote(shape.name)}), 1), (SELECT max(${quote(column)}) FROM ${quote(shape.name)}) IS NOT NULL)`,
          [shape.name, column],
        );
      }
    }
    // Each activity's own findings (activity_findings, derived: not in the backup), computed again
    // from the restored rows with the shipped catalogue's facts, as the product's writes store them.
    const facts = catalogueActivityFacts();
    const activities = await client.query<{ organization_id: string; ids: string[] }>('SELECT organization_id, array_agg(id) AS ids FROM processing_activities GROUP BY organization_id');
    for (const { organization_id, ids } of activities.rows) await storeActivityFindings(async (sql, params) => (await client.query(sql, params)).rows as unknown[], organization_id, ids, facts);
    // Deferred foreign keys are checked now, while a failure can still be reported and rolled back.
    await client.query('SET CONSTRAINTS ALL IMMEDIATE');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The restore failed and nothing was restored: ${reason}`, { cause: error });
  } finally {
    await client.end();
  }
  return counts;
}
