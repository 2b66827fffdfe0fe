import { randomUUID } from 'node:crypto';
import type { ClientBase } from 'pg';
import { toSnapshot } from '../../activities/activity-document';
import type { ActivitySnapshot } from '../../domain/activities/activity.types';
import { CURRENT_HASH_VERSION, hashEvent } from '../../audit/audit-hash';
import { diffFields, FieldChange, flattenFields } from '../../common/diff/field-diff';
import { toVendorSnapshot } from '../../vendors/vendor-record';
import type { Vendor } from '../../vendors/vendor.entity';
import type { ActivityFacts } from '../../catalogues/activity-catalogues';
import { storeActivityFindings } from '../../findings/activity-findings';
import { catalogueActivityFacts, catalogueTransferFacts, DEFAULT_SHAPE, DEPARTMENT_NAMES, historyOf, planActivity, planVendor, Random, ActivityShape } from './synthetic-content';

/**
 * Writes a synthetic register straight into PostgreSQL, in bulk (multi-row INSERTs), storing exactly
 * what the services would: activities with their document, their vendor links, every version
 * snapshot, and one audit event per version chained to the organisation's hash chain (taken under
 * the same advisory lock as AuditService, so the chain stays linear).
 *
 * Works with the owner role or the application role (the tenant is set on each transaction).
 */

export interface SyntheticOrganizationOptions {
  name?: string;
  /** Hash of the password every generated user signs in with (auth/password hashPassword). */
  passwordHash: string;
  /** Contributors owning activities, besides the admin, the DPO and the auditor. */
  contributors?: number;
}

export interface SyntheticUser {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'dpo' | 'contributor' | 'auditor';
}

export interface SyntheticOrganization {
  organizationId: string;
  users: SyntheticUser[];
}

export interface SyntheticRegisterOptions {
  organizationId: string;
  /** Activities to add (the register grows by this many). */
  activities: number;
  /** Vendors the organisation should have in all; the missing ones are created first. Default 500. */
  vendors?: number;
  shape?: ActivityShape;
  seed?: number;
  /** Activities written per transaction. */
  batchSize?: number;
  /** The first activity's creation; later ones follow every `spacingMinutes`. Default 2021-01-04. */
  start?: Date;
  spacingMinutes?: number;
  log?: (message: string) => void;
}

export interface SyntheticRegisterResult {
  activities: number;
  versions: number;
  vendorsCreated: number;
  auditEvents: number;
  milliseconds: number;
}

const DEFAULT_START = new Date('2021-01-04T08:00:00.000Z');
const DAY = 86_400_000;
/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMETERS = 60_000;

/** INSERT … VALUES in as few statements as the parameter limit allows, rows in the order given. */
async function insertRows(client: ClientBase, table: string, columns: string[], rows: unknown[][], casts: Record<string, string> = {}): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const values = chunk.map((row) => {
      const placeholders = row.map((value, index) => {
        params.push(value);
        const cast = casts[columns[index]];
        return `$${params.length}${cast ? `::${cast}` : ''}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, params);
  }
}

async function inTenant<T>(client: ClientBase, organizationId: string, userId: string, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query("SELECT set_config('app.organization_id', $1, true), set_config('app.user_id', $2, true)", [organizationId, userId]);
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

interface PendingEvent {
  occurredAt: Date;
  actor: Pick<SyntheticUser, 'id' | 'name'>;
  action: string;
  entityType: string;
  entityId: string;
  entityLabel: string;
  /** What AuditService.record computes: diffFields(before, after, noise). */
  changes: Record<string, FieldChange>;
}

/** Fields AuditService leaves out of every diff. */
const NOISE = ['version', 'updatedAt', 'createdAt'];

const changesOf = (before: Record<string, unknown> | null, after: Record<string, unknown> | null) => diffFields(before, after, NOISE);

/**
 * diffFields(flatten(before), flatten(after)) of two snapshots, flattening only the top-level parts
 * that are not the very same value (versions built from one another share their unchanged parts):
 * the same result, several times faster on a register of thousands.
 */
function snapshotChanges(before: ActivitySnapshot | null, after: ActivitySnapshot): Record<string, FieldChange> {
  const a = before as unknown as Record<string, unknown> | null;
  const b = after as unknown as Record<string, unknown>;
  if (!a) return changesOf(null, flattenFields(b));
  const changed = Object.keys(b).filter((key) => a[key] !== b[key]);
  const part = (record: Record<string, unknown>) => flattenFields(Object.fromEntries(changed.map((key) => [key, record[key]])));
  return changesOf(part(a), part(b));
}

/** Chains audit events, in time order, after the organisation's last one, and writes them. */
class AuditChain {
  private count = 0;
  private previousHash: string | null = null;

  constructor(
    private readonly client: ClientBase,
    private readonly organizationId: string,
  ) {}

  get written(): number {
    return this.count;
  }

  /**
   * Takes the lock AuditService takes (until the transaction ends: no request can add an event
   * meanwhile) and reads the last hash. Once per transaction, before `rows`.
   */
  async start(): Promise<void> {
    await this.client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [this.organizationId]);
    const { rows } = await this.client.query<{ hash: string }>('SELECT hash FROM audit_events WHERE organization_id = $1 ORDER BY sequence DESC LIMIT 1', [
      this.organizationId,
    ]);
    this.previousHash = rows[0]?.hash ?? null;
  }

  /** The rows of `events`, each hashing the one before (in memory: batches may be prepared ahead). */
  rows(events: PendingEvent[]): unknown[][] {
    const ordered = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    return ordered.map((pending) => {
      const event = {
        id: randomUUID(),
        organizationId: this.organizationId,
        occurredAt: pending.occurredAt,
        actorUserId: pending.actor.id,
        actorName: pending.actor.name,
        action: pending.action,
        entityType: pending.entityType,
        entityId: pending.entityId,
        entityLabel: pending.entityLabel,
        changes: pending.changes,
        requestId: null,
        previousHash: this.previousHash,
        hashVersion: CURRENT_HASH_VERSION,
      };
      const hash = hashEvent(event);
      this.previousHash = hash;
      return [
        this.organizationId,
        event.id,
        event.occurredAt,
        event.actorUserId,
        event.actorName,
        event.action,
        event.entityType,
        event.entityId,
        event.entityLabel,
        JSON.stringify(event.changes),
        event.previousHash,
        hash,
        event.hashVersion,
      ];
    });
  }

  /** Rows in chain order: the sequence (identity) follows the order of insertion. */
  async insert(rows: unknown[][]): Promise<void> {
    await insertRows(
      this.client,
      'audit_events',
      ['organization_id', 'id', 'occurred_at', 'actor_user_id', 'actor_name', 'action', 'entity_type', 'entity_id', 'entity_label', 'changes', 'previous_hash', 'hash', 'hash_version'],
      rows,
      { changes: 'jsonb' },
    );
    this.count += rows.length;
  }

  async write(events: PendingEvent[]): Promise<void> {
    await this.start();
    await this.insert(this.rows(events));
  }
}

/**
 * An organisation with its admin, DPO, auditor and contributors (one password for all) and its
 * departments, as the organisation, members and departments services would record them.
 */
export async function createSyntheticOrganization(client: ClientBase, options: SyntheticOrganizationOptions): Promise<SyntheticOrganization> {
  const organizationId = randomUUID();
  const tag = organizationId.slice(0, 8);
  const name = options.name ?? `Groupe synthétique ${tag}`;
  const users: SyntheticUser[] = [
    { id: randomUUID(), email: `admin-${tag}@synthetic.example`, name: 'Alice Admin', role: 'admin' },
    { id: randomUUID(), email: `dpo-${tag}@synthetic.example`, name: 'Denis Délégué', role: 'dpo' },
    { id: randomUUID(), email: `auditor-${tag}@synthetic.example`, name: 'Aurélien Auditeur', role: 'auditor' },
    ...Array.from({ length: options.contributors ?? 20 }, (_, index) => ({
      id: randomUUID(),
      email: `contributor-${index + 1}-${tag}@synthetic.example`,
      name: `Contributeur ${index + 1}`,
      role: 'contributor' as const,
    })),
  ];
  const admin = users[0];
  await inTenant(client, organizationId, admin.id, async () => {
    const { rows } = await client.query<{ now: Date }>("SELECT date_trunc('milliseconds', clock_timestamp()) AS now");
    const now = rows[0].now;
    await insertRows(
      client,
      'users',
      // Generated accounts sign in at once (benchmarks): their addresses count as proven.
      ['id', 'email', 'password_hash', 'name', 'locale', 'email_verified_at'],
      users.map((user) => [user.id, user.email, options.passwordHash, user.name, 'fr', now]),
    );
    await client.query('INSERT INTO organizations (id, name, created_at, updated_at) VALUES ($1, $2, $3, $3)', [organizationId, name, now]);
    const memberships = users.map((user) => ({ id: randomUUID(), user }));
    await insertRows(
      client,
      'memberships',
      ['organization_id', 'id', 'user_id', 'roles', 'created_at', 'updated_at'],
      memberships.map(({ id, user }) => [organizationId, id, user.id, [user.role], now, now]),
    );
    const departments = DEPARTMENT_NAMES.map((department) => ({ id: randomUUID(), name: department }));
    await insertRows(
      client,
      'departments',
      ['organization_id', 'id', 'name', 'created_at', 'updated_at'],
      departments.map((department) => [organizationId, department.id, department.name, now, now]),
    );
    const organization = {
      id: organizationId,
      name,
      ...Object.fromEntries(
        ['legalName', 'registrationNumber', 'address', 'country', 'legalRepresentative', 'dpoName', 'dpoEmail', 'dpoPhone', 'euRepresentativeName', 'euRepresentativeAddress', 'euRepresentativeEmail'].map(
          (key) => [key, null],
        ),
      ),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const at = (offset: number) => new Date(now.getTime() + offset);
    const events: PendingEvent[] = [
      { occurredAt: at(0), actor: admin, action: 'create', entityType: 'Organization', entityId: organizationId, entityLabel: name, changes: changesOf(null, organization) },
      ...memberships.map(({ id, user }, index) => ({
        occurredAt: at(1 + index),
        actor: admin,
        action: 'create',
        entityType: 'Membership',
        entityId: id,
        entityLabel: index === 0 ? user.id : user.email,
        changes: changesOf(null, index === 0 ? { userId: user.id, roles: [user.role] } : { email: user.email, roles: [user.role], departmentId: null }),
      })),
      ...departments.map((department, index) => ({
        occurredAt: at(1 + memberships.length + index),
        actor: admin,
        action: 'create',
        entityType: 'Department',
        entityId: department.id,
        entityLabel: department.name,
        changes: changesOf(null, { id: department.id, name: department.name, description: null, version: 1, createdAt: now, updatedAt: now }),
      })),
    ];
    await new AuditChain(client, organizationId).write(events);
  });
  return { organizationId, users };
}

interface Member extends Omit<SyntheticUser, 'role'> {
  roles: SyntheticUser['role'][];
  departmentId: string | null;
}

/**
 * Adds `activities` activities (each with its five versions) to an organisation, after creating the
 * vendors it lacks. Owners are its contributors (or any member), the author of validations its DPO
 * (or an admin); departments are matched by name and created when missing.
 */
export async function generateSyntheticRegister(client: ClientBase, options: SyntheticRegisterOptions): Promise<SyntheticRegisterResult> {
  const started = Date.now();
  const { organizationId } = options;
  const shape = options.shape ?? DEFAULT_SHAPE;
  const batchSize = options.batchSize ?? 1000;
  const spacing = (options.spacingMinutes ?? 45) * 60_000;
  const start = options.start ?? DEFAULT_START;
  const log = options.log ?? (() => undefined);
  const activityFacts = catalogueActivityFacts();
  const transferFacts = catalogueTransferFacts();

  const members = (
    await client.query<Member>(
      `SELECT u.id, u.email, u.name, m.roles, m.department_id AS "departmentId" FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.organization_id = $1 ORDER BY u.email`,
      [organizationId],
    )
  ).rows;
  const dpo = members.find((member) => member.roles.includes('dpo')) ?? members.find((member) => member.roles.includes('admin'));
  if (!dpo) throw new Error(`Organisation ${organizationId} has no DPO or admin to author the register`);
  const owners = members.filter((member) => member.roles.includes('contributor'));
  if (owners.length === 0) owners.push(...members.filter((member) => member.roles.some((role) => role !== 'auditor')));
  const chain = new AuditChain(client, organizationId);

  // Departments by name, created when missing.
  const departmentIds = await inTenant(client, organizationId, dpo.id, async () => {
    const existing = (await client.query<{ id: string; name: string }>('SELECT id, name FROM departments WHERE organization_id = $1', [organizationId])).rows;
    const byName = new Map(existing.map((row) => [row.name.toLowerCase(), row.id]));
    const missing = DEPARTMENT_NAMES.filter((name) => !byName.has(name.toLowerCase())).map((name) => ({ id: randomUUID(), name }));
    if (missing.length) {
      const now = new Date(start.getTime() - 30 * DAY);
      await insertRows(client, 'departments', ['organization_id', 'id', 'name', 'created_at', 'updated_at'], missing.map((d) => [organizationId, d.id, d.name, now, now]));
      await chain.write(
        missing.map((d, index) => ({
          occurredAt: new Date(now.getTime() + index),
          actor: dpo,
          action: 'create',
          entityType: 'Department',
          entityId: d.id,
          entityLabel: d.name,
          changes: changesOf(null, { id: d.id, name: d.name, description: null, version: 1, createdAt: now, updatedAt: now }),
        })),
      );
      for (const d of missing) byName.set(d.name.toLowerCase(), d.id);
    }
    return byName;
  });

  // Vendors: the missing ones, all in one transaction (sub-processors point at vendors created before them).
  const wantedVendors = options.vendors ?? 500;
  const vendorsCreated = await inTenant(client, organizationId, dpo.id, async () => {
    const existing = (await client.query<{ count: number }>('SELECT count(*)::int AS count FROM vendors WHERE organization_id = $1', [organizationId])).rows[0].count;
    if (existing >= wantedVendors) return 0;
    const random = new Random((options.seed ?? 1) * 7919 + existing);
    const created: { row: Vendor; subs: { id: string; name: string }[] }[] = [];
    const subProcessorPool: { id: string; name: string }[] = [];
    const vendorStart = new Date(start.getTime() - 20 * DAY);
    for (let number = existing; number < wantedVendors; number++) {
      const plan = planVendor(random, number, transferFacts);
      const at = new Date(vendorStart.getTime() + (number - existing) * 60_000);
      const row: Vendor = { organizationId, id: randomUUID(), ...plan, contacts: [], dpaDocumentId: null, tiaDocumentId: null, version: 1, createdAt: at, updatedAt: at };
      const subs = plan.role === 'processor' && subProcessorPool.length > 0 && random.chance(0.3) ? random.sample(subProcessorPool, random.int(1, 2)) : [];
      if (plan.role === 'sub_processor') subProcessorPool.push({ id: row.id, name: row.name });
      created.push({ row, subs });
    }
    await insertRows(
      client,
      'vendors',
      [
        'organization_id', 'id', 'name', 'legal_entity', 'service', 'role', 'headquarters_country', 'parent_company', 'parent_country', 'data_locations', 'certifications',
        'dpa_signed', 'dpa_signed_on', 'transfer_mechanism', 'tia_date', 'tia_conclusion', 'status', 'next_review_date', 'notes', 'version', 'created_at', 'updated_at',
      ],
      created.map(({ row: v }) => [
        organizationId, v.id, v.name, v.legalEntity, v.service, v.role, v.headquartersCountry, v.parentCompany, v.parentCountry, v.dataLocations, v.certifications,
        v.dpaSigned, v.dpaSignedOn, v.transferMechanism, v.tiaDate, v.tiaConclusion, v.status, v.nextReviewDate, v.notes, 1, v.createdAt, v.updatedAt,
      ]),
      { data_locations: 'text[]', certifications: 'text[]', dpa_signed_on: 'date', tia_date: 'date', next_review_date: 'date' },
    );
    await insertRows(
      client,
      'vendor_sub_processors',
      ['organization_id', 'vendor_id', 'sub_processor_id', 'position'],
      created.flatMap(({ row, subs }) => subs.map((sub, position) => [organizationId, row.id, sub.id, position])),
    );
    const snapshots = created.map(({ row, subs }) => ({ row, snapshot: toVendorSnapshot(row, subs.map((sub) => sub.name)) }));
    await insertRows(
      client,
      'vendor_versions',
      ['organization_id', 'vendor_id', 'number', 'action', 'snapshot', 'author_id', 'author_name', 'created_at'],
      snapshots.map(({ row, snapshot }) => [organizationId, row.id, 1, 'create', JSON.stringify(snapshot), dpo.id, dpo.name, row.createdAt]),
      { snapshot: 'jsonb' },
    );
    await chain.write(
      snapshots.map(({ row, snapshot }) => ({
        occurredAt: row.createdAt,
        actor: dpo,
        action: 'create',
        entityType: 'Vendor',
        entityId: row.id,
        entityLabel: row.name,
        changes: changesOf(null, flattenFields(snapshot as unknown as Record<string, unknown>)),
      })),
    );
    return created.length;
  });
  if (vendorsCreated) log(`vendors: ${vendorsCreated} created`);

  // Activities use processors and sub-processors still in service.
  const vendorRows = (
    await client.query<{ id: string; name: string }>(
      "SELECT id, name FROM vendors WHERE organization_id = $1 AND role IN ('processor', 'sub_processor') AND status <> 'terminated' ORDER BY name",
      [organizationId],
    )
  ).rows;
  const vendorIds = new Map(vendorRows.map((row) => [row.name, row.id]));
  const vendorNames = vendorRows.map((row) => row.name);

  // One transaction for the activities: the next batch is prepared while PostgreSQL writes the last.
  const versions = await inTenant(client, organizationId, dpo.id, async () => {
    await chain.start();
    // References continue the organisation's numbers (the counter row stays locked until commit).
    const { rows } = await client.query<{ last_number: number }>(
      `INSERT INTO activity_reference_counters (organization_id, last_number) VALUES ($1, $2)
       ON CONFLICT (organization_id) DO UPDATE SET last_number = activity_reference_counters.last_number + EXCLUDED.last_number
       RETURNING last_number`,
      [organizationId, options.activities],
    );
    const firstNumber = rows[0].last_number - options.activities + 1;
    let written = 0;
    let writing: Promise<void> = Promise.resolve();
    for (let done = 0; done < options.activities; done += batchSize) {
      const count = Math.min(batchSize, options.activities - done);
      const batch = await prepareActivities(chain, { organizationId, first: firstNumber + done, count, shape, seed: options.seed ?? 1, start, spacing, dpo, owners, departmentIds, vendorNames, vendorIds, activityFacts });
      await writing;
      writing = writeActivities(client, chain, batch, activityFacts).then(() => log(`activities: ${done + count}/${options.activities}`));
      // Awaited at the next turn; a failure meanwhile must not count as unhandled.
      writing.catch(() => undefined);
      written += batch.versions.length;
    }
    await writing;
    return written;
  });
  return { activities: options.activities, versions, vendorsCreated, auditEvents: chain.written, milliseconds: Date.now() - started };
}

interface ActivityBatch {
  organizationId: string;
  first: number;
  count: number;
  shape: ActivityShape;
  seed: number;
  start: Date;
  spacing: number;
  dpo: Member;
  owners: Member[];
  departmentIds: Map<string, string>;
  vendorNames: string[];
  vendorIds: Map<string, string>;
  activityFacts: ReturnType<typeof catalogueActivityFacts>;
}

interface PreparedActivities {
  activities: unknown[][];
  links: unknown[][];
  versions: unknown[][];
  events: unknown[][];
}

/** The rows of a batch; yields to the event loop now and then so the previous batch's writes go on. */
async function prepareActivities(chain: AuditChain, batch: ActivityBatch): Promise<PreparedActivities> {
  const { organizationId, dpo } = batch;
  const activities: unknown[][] = [];
  const links: unknown[][] = [];
  const versions: unknown[][] = [];
  const events: PendingEvent[] = [];
  for (let number = batch.first; number < batch.first + batch.count; number++) {
    // One generator per activity: the same seed and number always give the same activity.
    const random = new Random(batch.seed * 1_000_003 + number);
    const plan = planActivity(random, number, batch.vendorNames, batch.shape);
    const history = historyOf(plan, batch.activityFacts);
    const owner = batch.owners[number % batch.owners.length];
    const id = randomUUID();
    const reference = `T-${String(number).padStart(4, '0')}`;
    const departmentId = batch.departmentIds.get(plan.department.toLowerCase()) ?? null;
    const labels = { department: plan.department, owner: owner.email };
    let at = batch.start.getTime() + (number - 1) * batch.spacing;
    const created = new Date(at);
    let validatedAt: Date | null = null;
    let validatedBy: string | null = null;
    let before: ActivitySnapshot | null = null;
    let updatedAt = created;
    for (const [index, step] of history.entries()) {
      if (index > 0) at += random.int(1, 20) * DAY + random.int(0, 8 * 3_600_000);
      const when = new Date(at);
      if (step.action === 'validate') {
        validatedAt = when;
        validatedBy = dpo.id;
      } else if (step.status === 'draft') {
        validatedAt = null;
        validatedBy = null;
      }
      const author = step.by === 'dpo' ? dpo : owner;
      const snapshot = toSnapshot(
        { reference, name: plan.name, description: step.description, departmentId, ownerId: owner.id, role: plan.role, status: step.status, nextReviewDate: step.nextReviewDate, document: step.content },
        labels,
      );
      versions.push([organizationId, id, index + 1, step.action, JSON.stringify(snapshot), author.id, author.name, null, when]);
      events.push({
        occurredAt: when,
        actor: author,
        action: step.action,
        entityType: 'Activity',
        entityId: id,
        entityLabel: `${reference} ${plan.name}`,
        changes: snapshotChanges(before, snapshot),
      });
      before = snapshot;
      updatedAt = when;
    }
    const final = history[history.length - 1];
    activities.push([
      organizationId, id, reference, plan.name, final.description, departmentId, owner.id, plan.role, final.status, final.nextReviewDate,
      JSON.stringify(final.content), history.length, created, updatedAt, validatedAt, validatedBy,
    ]);
    final.content.processors.forEach((name, position) => links.push([organizationId, id, batch.vendorIds.get(name), position]));
    if (number % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return { activities, links, versions, events: chain.rows(events) };
}

async function writeActivities(client: ClientBase, chain: AuditChain, { activities, links, versions, events }: PreparedActivities, facts: ActivityFacts): Promise<void> {
  await insertRows(
    client,
    'processing_activities',
    ['organization_id', 'id', 'reference', 'name', 'description', 'department_id', 'owner_id', 'role', 'status', 'next_review_date', 'document', 'version', 'created_at', 'updated_at', 'validated_at', 'validated_by'],
    activities,
    { document: 'jsonb', next_review_date: 'date' },
  );
  await insertRows(client, 'activity_processors', ['organization_id', 'activity_id', 'vendor_id', 'position'], links);
  await insertRows(client, 'activity_versions', ['organization_id', 'activity_id', 'number', 'action', 'snapshot', 'author_id', 'author_name', 'comment', 'created_at'], versions, {
    snapshot: 'jsonb',
  });
  await chain.insert(events);
  // Their own findings, as the product's writes store them (ActivityStore).
  const organizationId = activities[0]?.[0] as string | undefined;
  if (organizationId) await storeActivityFindings(async (sql, params) => (await client.query(sql, params)).rows as unknown[], organizationId, activities.map((row) => row[1] as string), facts);
}
