import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client as PgClient, type Client } from 'pg';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { asOwner, completeActivity } from '../activities/activities.test-helpers';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { download, sha256, unzip } from '../exports/exports.test-helpers';
import { hashEvent, hashPayload, storedEvent } from './audit-hash';
import { CHECKPOINT_SIGNER, FileCheckpointSigner } from './checkpoint-signer';
import { CheckpointService } from './checkpoint.service';

/** The columns of audit_events the hash does not cover: the hash itself and the database's numbering. */
const NOT_HASHED = ['hash', 'sequence'];

describe('Audit chain that proves itself: every field hashed, signed checkpoints, offline verifier (real PostgreSQL, real zip)', () => {
  let api: TestApi;
  const base = (org: TestOrganization) => `/api/v1/organizations/${org.organizationId}`;

  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  /** An organisation with a register history: two activities created, one renamed twice. */
  async function organizationWithHistory(name: string): Promise<TestOrganization> {
    const org = await createOrganizationWithRoles(api.server, name);
    const id = (await org.as.dpo.post(`${base(org)}/activities`).send(completeActivity({ name: 'Gestion de la paie' })).expect(201)).body.id;
    await org.as.dpo.patch(`${base(org)}/activities/${id}`).send({ version: 1, name: 'Paie et primes « cadres »' }).expect(200);
    await org.as.dpo.patch(`${base(org)}/activities/${id}`).send({ version: 2, name: 'Paie, primes et notes de frais' }).expect(200);
    await org.as.contributor.post(`${base(org)}/activities`).send(completeActivity({ name: 'Accueil des visiteurs à l’hôtel de ville' })).expect(201);
    return org;
  }

  /** Downloads the pack and unzips it into a folder of its own, as an auditor would. */
  async function pack(org: TestOrganization, lang: 'fr' | 'en' = 'fr'): Promise<{ dir: string; files: Map<string, Buffer> }> {
    const files = await unzip((await download(org.as.auditor, `${base(org)}/exports/evidence.zip?lang=${lang}`)).body);
    const dir = mkdtempSync(join(tmpdir(), 'registre-pack-'));
    for (const [name, content] of files) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    return { dir, files };
  }

  /** Runs the pack's own verifier with node, nothing else on its path. */
  function verifier(dir: string): { status: number | null; output: string } {
    const run = spawnSync(process.execPath, [join(dir, 'verify-evidence.mjs')], { cwd: tmpdir(), encoding: 'utf8', env: { PATH: process.env.PATH } });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  }

  const verify = async (org: TestOrganization) => (await org.as.auditor.get(`${base(org)}/audit-events/verify?lang=fr`).expect(200)).body;

  const chainOf = (org: TestOrganization) =>
    asOwner(api, async (client) => (await client.query<Record<string, unknown>>('SELECT * FROM audit_events WHERE organization_id = $1 ORDER BY sequence', [org.organizationId])).rows);

  /** What an attacker holding the database does: rewrites hashes and links from `from` on, so the chain is self-consistent again. */
  async function rechain(client: Client, org: TestOrganization, from: number): Promise<void> {
    const rows = (await client.query<Record<string, unknown>>('SELECT * FROM audit_events WHERE organization_id = $1 ORDER BY sequence', [org.organizationId])).rows;
    let previous = from > 0 ? (rows[from - 1].hash as string) : null;
    for (const row of rows.slice(from)) {
      const hash = hashEvent({ ...storedEvent(row), previousHash: previous });
      await client.query('UPDATE audit_events SET previous_hash = $1, hash = $2 WHERE organization_id = $3 AND id = $4', [previous, hash, org.organizationId, row.id]);
      previous = hash;
    }
  }

  it('ships every event with every stored field, signed checkpoints and a verifier that passes on an untouched pack', async () => {
    const org = await organizationWithHistory('Mairie de Saint-Étienne');
    const { dir, files } = await pack(org);
    const chain = await chainOf(org);

    // Every column the table has is in the exported events (the hash covers all but hash and sequence).
    const lines = files.get('audit/events.jsonl')!.toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.id)).toEqual(chain.map((row) => row.id));
    const camel = (column: string) => column.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());
    expect(Object.keys(lines[0]).sort()).toEqual(Object.keys(chain[0]).map(camel).sort());
    expect(lines.every((line) => line.hashVersion === 2)).toBe(true);
    expect(lines.some((line) => line.actorName && line.entityLabel && line.requestId)).toBe(true);
    for (const line of lines) expect(hashEvent(line as never)).toBe(line.hash);
    // The v2 hash covers every column of the table but its hash and sequence: a new column fails here until it is hashed.
    const hashed = Object.keys(JSON.parse(hashPayload(storedEvent(chain[0])))).sort();
    expect(hashed).toEqual(Object.keys(chain[0]).filter((column) => !NOT_HASHED.includes(column)).map(camel).sort());
    for (const row of chain) expect(hashEvent(storedEvent(row))).toBe(row.hash);

    const checkpoints = JSON.parse(files.get('audit/checkpoints.json')!.toString('utf8'));
    expect(checkpoints).toEqual([expect.objectContaining({ lastEventId: chain.at(-1)!.id, eventCount: chain.length, occasion: 'export', lastHash: chain.at(-1)!.hash })]);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.files.map((file: { name: string }) => file.name)).toEqual(expect.arrayContaining(['audit/events.jsonl', 'audit/checkpoints.json', 'audit/signing-keys.json', 'verify-evidence.mjs', 'README.txt']));
    expect(manifest.auditChain).toMatchObject({ valid: true, reason: null, checkpointsChecked: 1, latestCheckpoint: { eventCount: chain.length } });
    expect(files.get('README.txt')!.toString('utf8')).toContain('node verify-evidence.mjs');
    expect(files.get('README.txt')!.toString('utf8')).toContain('Mairie de Saint-Étienne');

    const run = verifier(dir);
    expect(run.output).toContain('RÉSULTAT : dossier vérifié.');
    expect(run.output).toContain(`${chain.length} événements recalculés`);
    expect(run.status).toBe(0);

    const verified = await verify(org);
    expect(verified).toMatchObject({ valid: true, checked: chain.length, reason: null, checkpointsChecked: 1, latestCheckpoint: { lastEventId: chain.at(-1)!.id } });
    expect(verified.message).toBe(`Chaîne d’audit intacte : ${chain.length} événements vérifiés, 1 point de contrôle signé confirmé.`);

    // The English pack speaks English, README and verifier alike.
    const english = await pack(org, 'en');
    expect(english.files.get('README.txt')!.toString('utf8')).toContain('Verifying the pack offline');
    expect(verifier(english.dir).output).toContain('RESULT: pack verified.');
  });

  it('detects an event rewritten and every following hash recomputed in SQL (API and offline verifier)', async () => {
    const org = await organizationWithHistory('Clinique Sainte-Anne');
    await pack(org);
    const chain = await chainOf(org);
    const target = chain.findIndex((row) => row.action === 'update');
    await asOwner(api, async (client) => {
      await client.query(`UPDATE audit_events SET changes = '{"name": {"before": "Gestion de la paie", "after": "Paie (falsifiée)"}}' WHERE organization_id = $1 AND id = $2`, [org.organizationId, chain[target].id]);
      await rechain(client, org, target);
    });
    // The chain alone is self-consistent again: only the signed checkpoint can tell.
    const rewritten = await chainOf(org);
    expect(rewritten.every((row, index) => hashEvent(storedEvent(row)) === row.hash && row.previous_hash === (index ? rewritten[index - 1].hash : null))).toBe(true);

    const verified = await verify(org);
    expect(verified).toMatchObject({ valid: false, reason: 'checkpoint_mismatch', firstInvalidEventId: chain.at(-1)!.id, latestCheckpoint: null });
    expect(verified.message).toContain('Chaîne d’audit réécrite');
    expect(verified.message).not.toMatch(/\d{4}-\d{2}-\d{2}T/);

    const { dir, files } = await pack(org);
    expect(JSON.parse(files.get('manifest.json')!.toString('utf8')).auditChain).toMatchObject({ valid: false, reason: 'checkpoint_mismatch' });
    const run = verifier(dir);
    expect(run.output).toContain('chaîne réécrite');
    expect(run.output).toContain('RÉSULTAT : dossier NON vérifié.');
    expect(run.status).toBe(1);
  });

  it('detects the newest events deleted after a checkpoint (API and offline verifier)', async () => {
    const org = await organizationWithHistory('Association « Les Amis du Vieux-Lyon »');
    await pack(org);
    const chain = await chainOf(org);
    await asOwner(api, (client) => client.query('DELETE FROM audit_events WHERE organization_id = $1 AND id = ANY($2::uuid[])', [org.organizationId, chain.slice(-2).map((row) => row.id)]));

    const verified = await verify(org);
    expect(verified).toMatchObject({ valid: false, reason: 'truncated', checked: chain.length - 2, firstInvalidEventId: null });
    expect(verified.message).toContain(`comptait ${chain.length} événements, il n’en reste que ${chain.length - 2}`);

    // The new pack signs the shortened head, but still carries the checkpoint that counted more.
    const { dir } = await pack(org);
    const run = verifier(dir);
    expect(run.output).toContain('chaîne tronquée');
    expect(run.status).toBe(1);
  });

  it('detects a forged field the first hash scheme did not cover: the actor’s name (API and offline verifier)', async () => {
    const org = await organizationWithHistory('Société Générale d’Études');
    const chain = await chainOf(org);
    const target = chain.findIndex((row) => row.actor_name);
    await asOwner(api, (client) => client.query("UPDATE audit_events SET actor_name = 'Hélène Faussaire' WHERE organization_id = $1 AND id = $2", [org.organizationId, chain[target].id]));

    expect(await verify(org)).toMatchObject({ valid: false, reason: 'event_altered', firstInvalidEventId: chain[target].id, checked: target + 1 });
    const { dir } = await pack(org);
    const run = verifier(dir);
    expect(run.output).toContain(`Événement modifié (son empreinte ne correspond plus) : n° ${target + 1}`);
    expect(run.status).toBe(1);
  });

  it('still verifies v1 events written before every field was hashed, and refuses an event set back to v1', async () => {
    const org = await organizationWithHistory('Crèche Les Petits Loups');
    // An event as written before the migration: scheme 1, hashing fewer fields.
    const chain = await chainOf(org);
    await asOwner(api, async (client) => {
      const first = storedEvent(chain[0]);
      await client.query('UPDATE audit_events SET hash_version = 1, hash = $1 WHERE organization_id = $2 AND id = $3', [hashEvent({ ...first, hashVersion: 1 }), org.organizationId, first.id]);
      await rechain(client, org, 1);
    });
    expect(await verify(org)).toMatchObject({ valid: true, reason: null });
    expect(verifier((await pack(org)).dir).status).toBe(0);
    // Now a later event set back to v1 (to forge its label unseen) is refused, even re-chained.
    const rows = await chainOf(org);
    await asOwner(api, async (client) => {
      const forged = { ...storedEvent(rows[3]), entityLabel: 'Libellé falsifié', hashVersion: 1 };
      await client.query("UPDATE audit_events SET hash_version = 1, entity_label = 'Libellé falsifié', hash = $1 WHERE organization_id = $2 AND id = $3", [hashEvent(forged), org.organizationId, forged.id]);
      await rechain(client, org, 4);
    });
    expect(await verify(org)).toMatchObject({ valid: false, reason: 'event_altered', firstInvalidEventId: rows[3].id });
  });

  it('detects a pack edited after it was produced: a changed file, or files and manifest rewritten together', async () => {
    const org = await organizationWithHistory('Cabinet Dupré & Associés');
    const { dir, files } = await pack(org);
    const events = files.get('audit/events.jsonl')!.toString('utf8');
    writeFileSync(join(dir, 'audit/events.jsonl'), events.replace('Gestion de la paie', 'Gestion de la paye'));
    const changed = verifier(dir);
    expect(changed.output).toContain('Fichier modifié depuis la production du dossier : audit/events.jsonl');
    expect(changed.status).toBe(1);

    // A forger who also drops the checkpoints and fixes the manifest's hashes cannot sign the manifest.
    writeFileSync(join(dir, 'audit/events.jsonl'), events);
    writeFileSync(join(dir, 'audit/checkpoints.json'), '[]');
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    for (const file of manifest.files) if (file.name === 'audit/checkpoints.json') Object.assign(file, { sha256: sha256(Buffer.from('[]')), bytes: 2 });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    const resigned = verifier(dir);
    expect(resigned.output).toContain('La signature du manifeste est absente ou invalide');
    expect(resigned.status).toBe(1);
  });

  it('keeps the signing key out of the database in a 0600 file, and old checkpoints verify after a rotation', async () => {
    const config = api.app.get<AppConfig>(APP_CONFIG);
    const signer = api.app.get<FileCheckpointSigner>(CHECKPOINT_SIGNER);
    expect(statSync(config.auditSigningKeyFile).mode & 0o777).toBe(0o600);
    const pem = readFileSync(config.auditSigningKeyFile, 'utf8');
    expect(pem).toContain('BEGIN PRIVATE KEY');
    const stored = await asOwner(api, async (client) => JSON.stringify((await client.query('SELECT * FROM audit_signing_keys')).rows));
    expect(stored).not.toContain(pem.split('\n')[1]);

    const org = await organizationWithHistory('Hôpital Saint-Louis');
    await pack(org);
    const oldKey = signer.currentKey().keyId;
    const newKey = signer.rotate().keyId;
    expect(newKey).not.toBe(oldKey);
    expect(existsSync(`${config.auditSigningKeyFile}.${oldKey.slice(0, 16)}.retired`)).toBe(true);
    expect(statSync(config.auditSigningKeyFile).mode & 0o777).toBe(0o600);

    await org.as.dpo.post(`${base(org)}/activities`).send(completeActivity({ name: 'Vidéoprotection du parking' })).expect(201);
    expect(await api.app.get(CheckpointService).signAll()).toBeGreaterThanOrEqual(1);
    const verified = await verify(org);
    expect(verified).toMatchObject({ valid: true, checkpointsChecked: 2, latestCheckpoint: { keyId: newKey } });
    const { dir, files } = await pack(org);
    const checkpoints = JSON.parse(files.get('audit/checkpoints.json')!.toString('utf8')) as { keyId: string; occasion: string }[];
    expect(checkpoints.map((checkpoint) => [checkpoint.keyId, checkpoint.occasion])).toEqual([
      [oldKey, 'export'],
      [newKey, 'scheduled'],
      [newKey, 'export'],
    ]);
    expect(JSON.parse(files.get('audit/signing-keys.json')!.toString('utf8')).map((key: { keyId: string }) => key.keyId)).toEqual([oldKey, newKey]);
    const run = verifier(dir);
    expect(run.output).toContain(oldKey);
    expect(run.status).toBe(0);

    // Checkpoints are append-only for the application role, and each organisation sees only its own.
    const app = new PgClient({ connectionString: api.database.appUrl });
    await app.connect();
    try {
      const other = await createOrganizationWithRoles(api.server, 'Autre mairie');
      await app.query('BEGIN');
      await app.query("SELECT set_config('app.organization_id', $1, true)", [other.organizationId]);
      expect((await app.query('SELECT count(*)::int AS count FROM audit_checkpoints')).rows[0].count).toBe(0);
      await app.query('ROLLBACK');
      for (const statement of ['UPDATE audit_checkpoints SET event_count = 1', 'DELETE FROM audit_checkpoints', 'DELETE FROM audit_signing_keys']) {
        await app.query('BEGIN');
        await app.query("SELECT set_config('app.organization_id', $1, true)", [org.organizationId]);
        await expect(app.query(statement)).rejects.toMatchObject({ code: '42501' });
        await app.query('ROLLBACK');
      }
    } finally {
      await app.end();
    }

    // A checkpoint whose signature does not verify is reported as forged.
    await asOwner(api, (client) => client.query("UPDATE audit_checkpoints SET event_count = event_count + 1 WHERE organization_id = $1 AND occasion = 'scheduled'", [org.organizationId]));
    expect(await verify(org)).toMatchObject({ valid: false, reason: 'checkpoint_signature_invalid' });
  });
});
