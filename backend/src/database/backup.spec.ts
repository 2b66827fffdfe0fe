import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { hashEvent, storedEvent } from '../audit/audit.service';
import { encryptSecret } from '../auth/totp';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { createOrganizationWithRoles, createTestApi, newAgent, signUp, TestApi, uniqueEmail } from '../../test/test-api';
import { emptyContent } from '../domain/dpias/dpia-rules';
import type { DpiaContent } from '../domain/dpias/dpia.types';
import { pdfFile } from '../evidence/evidence.test-helpers';
import { download } from '../exports/exports.test-helpers';
import { NotificationsService } from '../notifications/notifications.service';
import { WeeklyDigestService } from '../notifications/weekly-digest.service';
import sampleRegister from './seeds/sample-register.json';
import { createTestDatabase, TestDatabase } from '../../test/test-database';
import { backupDatabase, restoreDatabase } from './backup';
import { DEMO_PASSWORD, DemoSeedService } from './seeds/demo-seed.service';

// activity_findings is derived: the restore computes it again (its rows name the new row versions).
const SKIPPED = "('sessions', 'login_attempts', 'catalogue_entries', 'schema_migrations', 'activity_findings')";

/** Every row of every backed-up table, all columns (as JSON), ordered by primary key. */
async function tableRows(url: string): Promise<Record<string, unknown[]>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string; key: string[] | null }>(
      `SELECT c.relname AS name,
              (SELECT array_agg(a.attname::text ORDER BY k.ordinality) FROM pg_index i
                 CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                WHERE i.indrelid = c.oid AND i.indisprimary) AS key
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT IN ${SKIPPED} ORDER BY 1`,
    );
    const rows: Record<string, unknown[]> = {};
    for (const { name, key } of tables.rows) {
      const order = key ? key.map((column) => `"${column}"`).join(', ') : 't::text';
      rows[name] = (await client.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM "${name}" t ORDER BY ${order}`)).rows.map((row) => row.row);
    }
    return rows;
  } finally {
    await client.end();
  }
}

/** Foreign keys that close a cycle between tables (or reference their own table), and whether they can be deferred. */
async function cycleForeignKeys(url: string, options: { immediateOnly?: boolean } = {}): Promise<{ name: string; child: string; parent: string; deferrable: boolean }[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const edges = (
      await client.query<{ name: string; child: string; parent: string; deferrable: boolean }>(
        `SELECT k.conname AS name, c.relname AS child, p.relname AS parent, k.condeferrable AS deferrable FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE k.contype = 'f' AND n.nspname = 'public' ORDER BY 1`,
      )
    ).rows.filter((edge) => !options.immediateOnly || !edge.deferrable);
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
      if (from === to) return true;
      seen.add(from);
      return edges.some((edge) => edge.child === from && !seen.has(edge.parent) && reaches(edge.parent, to, seen));
    };
    return edges.filter((edge) => reaches(edge.parent, edge.child));
  } finally {
    await client.end();
  }
}

async function asSuperuser<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function tableCounts(url: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT IN ('sessions', 'login_attempts', 'catalogue_entries', 'schema_migrations') ORDER BY 1",
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) counts[name] = (await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "${name}"`)).rows[0].count;
    return counts;
  } finally {
    await client.end();
  }
}

async function auditChainIsValid(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query(
      'SELECT * FROM audit_events ORDER BY organization_id, sequence',
    );
    const last = new Map<string, string | null>();
    return rows.rows.every((event: Record<string, never>) => {
      const previous = last.get(event.organization_id) ?? null;
      const hash = hashEvent(storedEvent(event));
      last.set(event.organization_id, event.hash);
      return event.previous_hash === previous && hash === event.hash;
    });
  } finally {
    await client.end();
  }
}

function ratedRisks(): DpiaContent['risks'] {
  const risks = emptyContent().risks;
  const rated = { riskSources: ['Attaquant externe'], threats: ['Vol de la base'], impacts: ['Usurpation d’identité'], existingMeasures: ['access_control'], plannedMeasures: ['encryption'] };
  risks.illegitimate_access = { ...rated, before: { severity: 4, likelihood: 3 }, after: { severity: 4, likelihood: 1 } };
  risks.unwanted_modification = { ...rated, before: { severity: 3, likelihood: 2 }, after: { severity: 3, likelihood: 1 } };
  risks.disappearance = { ...rated, before: { severity: 2, likelihood: 2 }, after: { severity: 2, likelihood: 1 } };
  return risks;
}

/**
 * Every kind of record the product holds, through the API, in an organisation of its own (the demo
 * organisation is seeded beside it): the sample register, a sub-processor chain, a vendor whose DPA
 * is one of its documents (a real upload), a DPIA with two revisions, a design grid, a rights request,
 * a breach, an open invitation, one of the organisation's own activity templates, the reminders'
 * notifications and the weekly digests sent.
 */
async function seedEverything(api: TestApi): Promise<void> {
  const org = await createOrganizationWithRoles(api.server, 'Sauvegarde « intégrale »');
  const base = `/api/v1/organizations/${org.organizationId}`;
  const { dpo } = org.as;
  await dpo.post(`${base}/vendors/import-json`).send(sampleRegister.vendors).expect(201);
  const imported = await dpo.post(`${base}/activities/import-json`).send(sampleRegister.activities).expect(201);
  const ids: Record<string, string> = {};
  for (const item of imported.body.items as { id: string; reference: string }[]) ids[item.reference] = item.id;

  // A sub-processor chain: the hosting company is a sub-processor of the HR software vendor.
  const hosting = (await dpo.post(`${base}/vendors`).send({ name: 'Hébergeur Émeraude' }).expect(201)).body as { id: string };
  // A partial adequacy decision (Canada): the DPO confirms the recipient is in scope.
  const maple = (await dpo.post(`${base}/vendors`).send({ name: 'Érable Hébergement', role: 'processor', dataLocations: ['CA'] }).expect(201)).body as { id: string };
  await dpo.post(`${base}/vendors/${maple.id}/adequacy-confirmations`).send({ country: 'CA', reason: 'Société commerciale soumise à la LPRPDE, vérifié le 3 décembre' }).expect(201);
  const saas = (await dpo.post(`${base}/vendors`).send({ name: 'Logiciel RH', subProcessors: ['Hébergeur Émeraude'] }).expect(201)).body as { id: string; version: number };
  const dpa = await dpo.post(`${base}/vendors/${saas.id}/documents`).field('kind', 'dpa').attach('file', pdfFile('DPA Logiciel RH'), 'DPA Logiciel RH.pdf').expect(201);
  const tia = await dpo.post(`${base}/vendors/${saas.id}/documents`).field('kind', 'tia').attach('file', pdfFile('TIA Logiciel RH'), 'TIA.pdf').expect(201);
  await dpo.patch(`${base}/vendors/${saas.id}`).send({ version: saas.version, dpa: { signed: true, signedOn: '2026-11-20', documentId: dpa.body.id }, comment: 'DPA reçu' }).expect(200);
  expect(tia.body.id).toBeDefined();
  const answers = {
    certifications: [],
    certificationsVerified: true,
    dataLocations: ['FR'],
    subProcessorsListed: true,
    subProcessorChangeNotice: 'prior_notice_with_objection',
    breachNotificationCommitment: true,
    breachNotificationDelayHours: 24,
    endOfContract: 'return_then_delete',
    auditRights: true,
    securityMeasures: 'Chiffrement, journalisation',
  };
  await dpo.post(`${base}/vendors/${saas.id}/review`).send({ version: saas.version + 1, answers, result: 'approved', nextReviewDate: '2027-11-20' }).expect(200);
  await dpo.post(`${base}/catalogues/data-categories/entries`).send({ code: 'loyalty_card_number', fr: 'Carte de fidélité', en: 'Loyalty card' }).expect(201);
  await org.as.contributor
    .put('/api/v1/me/notification-preferences')
    .send({ emailFrequency: 'weekly', kinds: [{ kind: 'activity_validated', inApp: true, email: false }] })
    .expect(200);
  await dpo.post(`${base}/activities/${ids['T-0001']}/documents`).field('kind', 'policy').attach('file', pdfFile('Politique'), 'Politique.pdf').expect(201);

  // A DPIA decided, then a second revision opened.
  const dpias = `${base}/dpias`;
  const dpia = (await dpo.post(dpias).send({ activityId: ids['T-0009'] }).expect(201)).body as { id: string };
  await dpo.patch(`${dpias}/${dpia.id}`).send({ version: 1, risks: ratedRisks() }).expect(200);
  await dpo.post(`${dpias}/${dpia.id}/submit`).send({ version: 2 }).expect(200);
  await dpo.post(`${dpias}/${dpia.id}/opinion`).send({ version: 3, status: 'could_be_implemented', opinion: 'Acceptable' }).expect(200);
  await dpo.post(`${dpias}/${dpia.id}/decision`).send({ version: 4, decision: 'validated' }).expect(200);
  await dpo.post(`${dpias}/${dpia.id}/revisions`).send({ version: 5 }).expect(201);

  await dpo.post(`${base}/activity-templates`).send({ activityId: ids['T-0001'], name: 'Paie « modèle de l’organisme »' }).expect(201);
  await org.as.contributor.post(`${base}/design-grids`).send({ projectName: 'Covoiturage', pitch: 'Partager les trajets domicile-travail.' }).expect(201);
  const request = (
    await dpo
      .post(`${base}/rights-requests`)
      .send({ receivedAt: '2026-01-31T10:00:00+01:00', channel: 'email', type: 'access', description: 'Copie de mes données', requesterName: 'Hélène Lefèvre', requesterContact: 'helene@exemple.fr', identityCheckStatus: 'pending', activityIds: [ids['T-0001']] })
      .expect(201)
  ).body as { id: string; version: number; tasks: { processors: { vendorId: string }[] } };
  // Its tasks: who extracts for the activity, when its vendor (Paysage Paie) was asked and confirmed.
  const [vendorAsked] = request.tasks.processors;
  await dpo
    .put(`${base}/rights-requests/${request.id}/tasks`)
    .send({ version: request.version, activities: [{ activityId: ids['T-0001'], extractedBy: org.userIds.dpo, note: 'Export du logiciel de paie' }], processors: [{ vendorId: vendorAsked.vendorId, askedOn: '2026-02-02', confirmedOn: '2026-02-05' }] })
    .expect(200);
  await dpo
    .post(`${base}/breaches`)
    .send({ summary: 'Perte d’un ordinateur portable', awareAt: '2026-03-27T11:00:00+01:00', occurredAt: '2026-03-26T18:30:00+01:00', discovery: 'Signalé à l’accueil', natures: ['confidentiality'], dataCategories: ['identity'], subjectCategories: ['members'], approxPersons: 10, approxRecords: 30, activityIds: [ids['T-0001']], vendorIds: [hosting.id] })
    .expect(201);
  await org.admin.post(`${base}/invitations`).send({ email: uniqueEmail('pending'), roles: ['auditor'] }).expect(201);
  // Two-factor sign-in: the secret (encrypted), the recovery codes (hashed) and the account's event.
  const totp = await org.as.auditor.post('/api/v1/me/mfa/totp').expect(200);
  await org.as.auditor
    .post('/api/v1/me/mfa/totp/confirm')
    .send({ code: generateSync({ secret: totp.body.secret as string }) })
    .expect(200);
  // Single sign-on settings: saving them through the API first reads the provider's discovery
  // document (src/auth/sso tests do, against a provider they start), so the row is written here as
  // the API stores it, the client secret encrypted by the same function.
  const owner = new Client({ connectionString: api.database.ownerUrl });
  await owner.connect();
  try {
    await owner.query(
      `INSERT INTO organization_sso (organization_id, issuer, client_id, client_secret_encrypted, default_role, require_sso)
       VALUES ($1, 'https://idp.exemple.fr', 'registre', $2, 'contributor', false)`,
      [org.organizationId, encryptSecret('secret du fournisseur', api.app.get<AppConfig>(APP_CONFIG).totpEncryptionKey, 'sso-client-secret-v1')],
    );
    await owner.query(`INSERT INTO organization_sso_domains (domain, organization_id) VALUES ('exemple.fr', $1)`, [org.organizationId]);
    // A catalogue update that moved Canada's validity, as the catalogue sync records it: the reminders
    // below tell the DPOs (the notice and its notifications are rows of their own).
    await owner.query(
      `INSERT INTO catalogue_changes (catalogue, code, kind, decision, scope, effective_on, catalogue_version)
       VALUES ('countries', 'CA', 'valid_until_changed', 'Decision 2002/2/EC', 'partial', '2031-12-31', 'sauvegarde')`,
    );
  } finally {
    await owner.end();
  }
  await api.app.get(NotificationsService).runReminders();
  await api.app.get(WeeklyDigestService).run();
}

describe('backup and restore round trip (real PostgreSQL)', () => {
  let source: TestApi;
  let target: TestDatabase;
  let restoredApi: TestApi | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'registre-backup-'));

  beforeAll(async () => {
    source = await createTestApi();
    await source.app.get(DemoSeedService).seed();
    await seedEverything(source);
    target = await createTestDatabase();
  });
  afterAll(async () => {
    await restoredApi?.close();
    await source.close();
  });

  it('makes every foreign key that closes a cycle deferrable, so that the restore can defer it', async () => {
    const cycles = await cycleForeignKeys(source.database.superuserUrl);
    // Today: vendors ↔ evidence_documents (the DPA and the TIA are documents of their vendor).
    expect(cycles.map((edge) => `${edge.child} → ${edge.parent}`)).toEqual(expect.arrayContaining(['vendors → evidence_documents', 'evidence_documents → vendors']));
    // The restore orders tables by the foreign keys that cannot be deferred: they must not form a cycle.
    expect(await cycleForeignKeys(source.database.superuserUrl, { immediateOnly: true })).toEqual([]);
    expect(cycles.filter((edge) => edge.deferrable).map((edge) => edge.name)).toEqual(['vendors_dpa_document_fk', 'vendors_tia_document_fk']);
  });

  it('restores every row of every table exactly (a vendor whose DPA is one of its documents included), and serves it', async () => {
    const dpo = await newAgent(source.server);
    await dpo.post('/api/v1/auth/login').send({ email: 'dpo@example.com', password: DEMO_PASSWORD }).expect(200);
    const me = await dpo.get('/api/v1/me').expect(200);
    const base = `/api/v1/organizations/${me.body.memberships[0].organizationId as string}`;
    const vendor = (await dpo.get(`${base}/vendors?pageSize=1`).expect(200)).body.items[0] as { id: string; version: number };
    const dpa = await dpo.post(`${base}/vendors/${vendor.id}/documents`).field('kind', 'dpa').attach('file', pdfFile('DPA signé'), 'DPA signé.pdf').expect(201);
    await dpo.patch(`${base}/vendors/${vendor.id}`).send({ version: vendor.version, dpa: { signed: true, signedOn: '2026-11-20', documentId: dpa.body.id }, comment: 'DPA reçu' }).expect(200);

    // An evidence pack signs a checkpoint of the audit chain (audit_checkpoints, audit_signing_keys).
    await download(dpo, `${base}/exports/evidence.zip`);
    const file = join(dir, 'registre.jsonl.gz');
    const written = await backupDatabase(source.database.ownerUrl, file);
    // Every table the product writes holds rows, so that every one is compared.
    expect(Object.entries(written).filter(([, rows]) => rows === 0).map(([table]) => table)).toEqual([]);
    expect(written.audit_events).toBeGreaterThan(12);
    expect(written.evidence_document_contents).toBe(4);
    expect(written.dpia_revisions).toBeGreaterThanOrEqual(1);

    const restored = await restoreDatabase(target.ownerUrl, file);
    expect(restored).toEqual(Object.fromEntries(Object.entries(written).filter(([, rows]) => rows > 0)));
    const before = await tableRows(source.database.superuserUrl);
    expect(await tableRows(target.superuserUrl)).toEqual(before);
    expect(before.vendors).toContainEqual(expect.objectContaining({ id: vendor.id, dpa_document_id: dpa.body.id }));
    process.stdout.write(`backup round trip: ${Object.keys(before).length} tables, ${Object.values(before).reduce((sum, rows) => sum + rows.length, 0)} rows compared\n`);
    expect(await auditChainIsValid(target.superuserUrl)).toBe(true);
    // Each restored activity's own findings were computed again, for the row version it has now.
    const derived = await asSuperuser(target.superuserUrl, (client) =>
      client.query<{ activities: number; stored: number }>(
        `SELECT (SELECT count(*)::int FROM processing_activities) AS activities,
                (SELECT count(*)::int FROM activity_findings f JOIN processing_activities a ON a.id = f.activity_id AND f.tuple = a.xmin::text || '/' || a.ctid::text) AS stored`,
      ),
    );
    expect(derived.rows[0].stored).toBe(derived.rows[0].activities);
    expect(derived.rows[0].activities).toBeGreaterThan(0);

    // The restored database serves the same register to the same users.
    restoredApi = await createTestApi({}, { sharedDatabase: target });
    const { default: request } = await import('supertest');
    const readRegister = async (api: TestApi) => {
      const agent = request.agent(api.server);
      const csrf = await agent.get('/api/v1/auth/csrf');
      agent.set('X-CSRF-Token', csrf.body.token as string);
      await agent.post('/api/v1/auth/login').send({ email: 'dpo@example.com', password: 'registre-demo' }).expect(200);
      const me = await agent.get('/api/v1/me').expect(200);
      const register = await agent.get(`/api/v1/organizations/${me.body.memberships[0].organizationId}/activities?pageSize=100&sort=reference`).expect(200);
      return register.body.items.map((item: { reference: string; name: string; status: string; version: number }) => [item.reference, item.name, item.status, item.version]);
    };
    const register = await readRegister(source);
    expect(register).toHaveLength(12);
    expect(await readRegister(restoredApi)).toEqual(register);
  });

  it('refuses to restore over data, or a file that is not a backup, changing nothing', async () => {
    const file = join(dir, 'again.jsonl.gz');
    await backupDatabase(source.database.ownerUrl, file);
    const countsBefore = await tableCounts(target.superuserUrl);
    await expect(restoreDatabase(target.ownerUrl, file)).rejects.toThrow(/already holds data/);
    const bogus = join(dir, 'bogus.jsonl.gz');
    writeFileSync(bogus, gzipSync('{"format":"something-else"}\n'));
    const empty = await createTestDatabase();
    try {
      await expect(restoreDatabase(empty.ownerUrl, bogus)).rejects.toThrow(/not a Registre backup/);
    } finally {
      await empty.drop();
    }
    expect(await tableCounts(target.superuserUrl)).toEqual(countsBefore);
    // The restored database still takes new accounts. (Passport's strategies are process-wide: sign-in
    // goes through the most recently created API, so the account is made there.)
    await signUp((restoredApi ?? source).server, 'after-backup');
  });
  it('rolls back a restore that cannot complete: the CLI exits 1 with the reason on stderr and restores nothing', async () => {
    // A backup whose documents were lost: the vendor's DPA points to nothing. Only the deferred check at commit can see it.
    const lines = gunzipSync(readFileSync(join(dir, 'registre.jsonl.gz'))).toString('utf8').split('\n');
    const corrupt = join(dir, 'corrupt.jsonl.gz');
    writeFileSync(corrupt, gzipSync(lines.filter((line) => !line.startsWith('{"table":"evidence_document')).join('\n')));
    const empty = await createTestDatabase();
    try {
      const countsBefore = await tableCounts(empty.superuserUrl);
      const run = promisify(execFile)(process.execPath, ['-r', './scripts/swc-register.cjs', 'src/cli.ts', 'restore', corrupt], {
        cwd: join(__dirname, '..', '..'),
        env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: empty.ownerUrl, DATABASE_APP_URL: empty.appUrl, SESSION_SECRET: 'test-secret-that-is-at-least-32-characters-long', DATA_DIR: mkdtempSync(join(tmpdir(), 'registre-cli-')), LOG_LEVEL: 'silent' },
      });
      const failure = (await run.then(
        () => undefined,
        (error: unknown) => error,
      )) as { code: number; stderr: string; stdout: string } | undefined;
      expect(failure).toBeDefined();
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toMatch(/restore failed and nothing was restored: .*violates foreign key constraint "vendors_dpa_document_fk"/);
      expect(failure?.stdout).not.toMatch(/Restored/);
      expect(await tableCounts(empty.superuserUrl)).toEqual(countsBefore);

      // A truncated file fails too, with nothing restored.
      const truncated = join(dir, 'truncated.jsonl.gz');
      const whole = readFileSync(join(dir, 'registre.jsonl.gz'));
      writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
      await expect(restoreDatabase(empty.ownerUrl, truncated)).rejects.toThrow(/restore failed and nothing was restored/);
      expect(await tableCounts(empty.superuserUrl)).toEqual(countsBefore);
    } finally {
      await empty.drop();
    }
  }, 120000);
});
