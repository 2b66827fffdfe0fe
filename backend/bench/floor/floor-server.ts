import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool, type PoolClient } from 'pg';
import { CURRENT_HASH_VERSION, hashEvent } from '../../src/audit/audit-hash';
import { isValidCsrfPair } from '../../src/auth/csrf';

/**
 * The floor of the stack: node:http and pg, no framework, doing exactly the work of each request the
 * API benchmark measures — the signed session cookie and its row, the user still existing, the
 * membership (app_membership, the same SECURITY DEFINER function), the tenant transaction with its two
 * settings, the register's queries (row-level security applies: the application role), and for PATCH
 * the CSRF pair, the row lock, the version row and the hash-chained audit event. No logging, no
 * validation framework, no ORM: what a hand-written server would need and nothing else. The benchmark
 * runs the same load against it and against the API in the same run and reports the ratio.
 *
 * Environment: PORT, DATABASE_APP_URL, DATABASE_URL (the owner's, for the sessions), SESSION_SECRET,
 * DB_POOL_MAX (the API's pool size).
 */

const secret = process.env.SESSION_SECRET ?? '';
const pool = new Pool({ connectionString: process.env.DATABASE_APP_URL, max: Number(process.env.DB_POOL_MAX ?? 10) });
// Sessions belong to the account role (the application role cannot read them): a small pool of the
// owner's login switched to registre_auth, as the API's session store does.
const sessionPool = new Pool({ connectionString: process.env.DATABASE_URL, max: 4, options: '-c role=registre_auth' });

const ACTIVITY_PATH = /^\/api\/v1\/organizations\/([0-9a-f-]{36})\/activities(?:\/([0-9a-f-]{36}))?$/;

function cookies(request: IncomingMessage): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) jar.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
  }
  return jar;
}

/** express-session's signed cookie: `s:<sid>.<base64 HMAC-SHA256(secret, sid)>`. */
function sessionId(signed: string | undefined): string | null {
  if (!signed?.startsWith('s:')) return null;
  const value = signed.slice(2);
  const dot = value.lastIndexOf('.');
  if (dot < 0) return null;
  const sid = value.slice(0, dot);
  const expected = Buffer.from(createHmac('sha256', secret).update(sid).digest('base64').replace(/=+$/, ''));
  const given = Buffer.from(value.slice(dot + 1));
  return expected.length === given.length && timingSafeEqual(expected, given) ? sid : null;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

interface Caller {
  userId: string;
  userName: string;
  roles: string[];
}

/** The session row, the user it names (a deleted user is signed out) and the membership. */
async function authenticate(client: PoolClient, request: IncomingMessage, organizationId: string): Promise<Caller | null> {
  const sid = sessionId(cookies(request).get('registre.sid'));
  if (!sid) return null;
  const session = await sessionPool.query<{ sess: { passport?: { user?: string } } }>('SELECT sess FROM sessions WHERE sid = $1 AND expire >= now()', [sid]);
  const userId = session.rows[0]?.sess.passport?.user;
  if (!userId) return null;
  const user = await client.query<{ name: string }>('SELECT name FROM users WHERE id = $1', [userId]);
  if (!user.rows[0]) return null;
  const membership = await client.query<{ roles: string[] }>('SELECT m.roles, m.department_id, app_mfa_missing($1, $2) AS mfa_missing FROM app_membership($1, $2) m', [organizationId, userId]);
  if (!membership.rows[0]) return null;
  return { userId, userName: user.rows[0].name, roles: membership.rows[0].roles };
}

// The API's own list query (activities/activity-list-query.ts): the page is cut on narrow columns first,
// then only the page's rows read the parts of their document the list shows.
const LIST_SQL = `
  SELECT p.id, p.reference, p.name, p.status, p.role, p.department_id, p.department, p.owner_id, p.owner, p.owner_name,
         to_char(p.next_review_date, 'YYYY-MM-DD') AS next_review_date, p.version, p.updated_at,
         p.document -> 'purposes' AS purposes, p.document -> 'dataSubjects' AS data_subjects,
         p.document -> 'dataCategories' AS data_categories, p.document -> 'dataSubjectInformation' AS data_subject_information,
         p.document -> 'rightsProcedure' AS rights_procedure, p.document -> 'jointControllers' AS joint_controllers,
         p.document -> 'clientControllers' AS client_controllers, p.total
  FROM (
    SELECT r.*, CASE WHEN $2::text IS NULL THEN NULL ELSE ts_rank(r.search, activity_search_query($2)) END AS rank, count(*) OVER ()::int AS total
    FROM (
      SELECT a.id, a.reference, a.name, a.description, a.status, a.role, a.department_id, d.name AS department, a.owner_id,
             u.email AS owner, u.name AS owner_name, a.next_review_date, a.version, a.updated_at, a.document, a.search
      FROM processing_activities a
      LEFT JOIN departments d ON d.organization_id = a.organization_id AND d.id = a.department_id
      LEFT JOIN users u ON u.id = a.owner_id
      WHERE a.organization_id = $1) r
    WHERE ($2::text IS NULL OR r.search @@ activity_search_query($2)) AND ($3::text[] IS NULL OR r.status = ANY($3::text[]))
    ORDER BY rank DESC NULLS LAST, r.reference, r.id
    LIMIT $4 OFFSET $5
  ) p
  ORDER BY p.rank DESC NULLS LAST, p.reference, p.id`;

const DETAIL_SQL = `
  SELECT a.id, a.reference, a.name, a.description, a.status, a.role, a.department_id, d.name AS department, a.owner_id,
         u.email AS owner, u.name AS owner_name, to_char(a.next_review_date, 'YYYY-MM-DD') AS next_review_date,
         a.document, a.version, a.created_at, a.updated_at, a.validated_at
  FROM processing_activities a
  LEFT JOIN departments d ON d.organization_id = a.organization_id AND d.id = a.department_id
  LEFT JOIN users u ON u.id = a.owner_id
  WHERE a.organization_id = $1 AND a.id = $2`;

const PROCESSORS_SQL = `
  SELECT v.id, v.name, v.legal_entity, v.service, v.role, v.headquarters_country, v.parent_company, v.parent_country,
         v.data_locations, v.certifications, v.dpa_signed, v.transfer_mechanism, v.status, v.version
  FROM activity_processors ap JOIN vendors v ON v.organization_id = ap.organization_id AND v.id = ap.vendor_id
  WHERE ap.organization_id = $1 AND ap.activity_id = $2 ORDER BY ap.position, lower(v.name)`;

async function detail(client: PoolClient, organizationId: string, id: string, lock = false) {
  const row = (await client.query<Record<string, unknown>>(lock ? `${DETAIL_SQL} FOR UPDATE OF a` : DETAIL_SQL, [organizationId, id])).rows[0];
  if (!row) return null;
  const processors = (await client.query(PROCESSORS_SQL, [organizationId, id])).rows;
  return { ...row, processors };
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://floor');
  if (url.pathname === '/api/health') return send(response, 200, { status: 'ok' });
  const match = ACTIVITY_PATH.exec(url.pathname);
  if (!match) return send(response, 404, { code: 'not_found' });
  const [, organizationId, activityId] = match;
  const body = request.method === 'PATCH' ? await readBody(request) : '';
  const client = await pool.connect();
  try {
    const caller = await authenticate(client, request, organizationId);
    if (!caller) return send(response, 401, { code: 'unauthenticated' });
    if (request.method === 'PATCH' && !isValidCsrfPair(secret, cookies(request).get('registre.csrf'), request.headers['x-csrf-token'])) {
      return send(response, 403, { code: 'csrf_invalid' });
    }
    await client.query('BEGIN');
    try {
      await client.query("SELECT set_config('app.organization_id', $1, true), set_config('app.user_id', $2, true)", [organizationId, caller.userId]);
      let status = 200;
      let result: unknown;
      if (request.method === 'GET' && !activityId) {
        const q = url.searchParams.get('q');
        const statuses = url.searchParams.getAll('status');
        const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
        const page = Number(url.searchParams.get('page') ?? 1);
        const rows = (await client.query<{ total: number }>(LIST_SQL, [organizationId, q || null, statuses.length ? statuses : null, pageSize, (page - 1) * pageSize])).rows;
        result = { items: rows, total: rows[0]?.total ?? 0, page, pageSize };
      } else if (request.method === 'GET') {
        result = await detail(client, organizationId, activityId);
        if (!result) status = 404;
      } else if (request.method === 'PATCH' && activityId) {
        ({ status, result } = await patch(client, organizationId, activityId, caller, request, body));
      } else {
        status = 405;
      }
      await client.query(status < 300 ? 'COMMIT' : 'ROLLBACK');
      send(response, status, result ?? { code: 'not_found' });
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    client.release();
  }
}

/** If-Match, the row lock, the update, the version snapshot and the audit event, as the API does them. */
async function patch(client: PoolClient, organizationId: string, id: string, caller: Caller, request: IncomingMessage, body: string) {
  const expected = Number(String(request.headers['if-match'] ?? '').replace(/"/g, ''));
  const input = JSON.parse(body) as { description?: string };
  const current = (await detail(client, organizationId, id, true)) as (Record<string, unknown> & { version: number; document: Record<string, unknown> }) | null;
  if (!current) return { status: 404, result: { code: 'not_found' } };
  if (current.version !== expected) return { status: 409, result: { code: 'version_conflict', details: { currentVersion: current.version } } };
  if (current.status === 'archived') return { status: 409, result: { code: 'activity_archived' } };
  const before = current.description;
  const description = input.description ?? before;
  const version = current.version + 1;
  const document = { ...current.document, description };
  const updated = (
    await client.query<{ updated_at: Date }>(
      `UPDATE processing_activities SET description = $3, document = $4, version = $5, updated_at = clock_timestamp()
       WHERE organization_id = $1 AND id = $2 RETURNING updated_at`,
      [organizationId, id, description, document, version],
    )
  ).rows[0];
  const snapshot = { ...document, reference: current.reference, name: current.name, status: current.status, role: current.role, department: current.department, owner: current.owner, ownerId: current.owner_id, processors: (current.processors as { name: string }[]).map((p) => p.name) };
  await client.query(
    `INSERT INTO activity_versions (organization_id, activity_id, number, action, snapshot, author_id, author_name, comment, created_at)
     VALUES ($1, $2, $3, 'update', $4, $5, $6, NULL, $7)`,
    [organizationId, id, version, snapshot, caller.userId, caller.userName, updated.updated_at],
  );
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [organizationId]);
  const previousHash = (await client.query<{ hash: string }>('SELECT hash FROM audit_events WHERE organization_id = $1 ORDER BY sequence DESC LIMIT 1', [organizationId])).rows[0]?.hash ?? null;
  const event = {
    id: randomUUID(),
    organizationId,
    occurredAt: new Date(),
    actorUserId: caller.userId,
    actorName: caller.userName,
    action: 'update',
    entityType: 'Activity',
    entityId: id,
    entityLabel: `${String(current.reference)} ${String(current.name)}`,
    changes: { description: { before, after: description } },
    requestId: randomUUID(),
    previousHash,
    hashVersion: CURRENT_HASH_VERSION,
  };
  await client.query(
    `INSERT INTO audit_events (organization_id, id, occurred_at, actor_user_id, actor_name, action, entity_type, entity_id, entity_label, changes, request_id, previous_hash, hash, hash_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [organizationId, event.id, event.occurredAt, event.actorUserId, event.actorName, event.action, event.entityType, event.entityId, event.entityLabel, event.changes, event.requestId, previousHash, hashEvent(event), event.hashVersion],
  );
  return { status: 200, result: { ...current, description, document, version, updatedAt: updated.updated_at } };
}

const server = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    if (!response.headersSent) send(response, 500, { code: 'internal_error' });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write(`floor listening on ${process.env.PORT}\n`));
process.on('SIGTERM', () => server.close(() => void Promise.all([pool.end(), sessionPool.end()]).then(() => process.exit(0))));
