import { Client } from 'pg';
import { catalogueReferences } from '../../catalogues/activity-catalogues';
import type { ActivityContent, ActivitySnapshot } from '../../domain/activities/activity.types';
import { hashEvent, storedEvent } from '../../audit/audit.service';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../../test/test-api';
import { hashPassword } from '../../auth/password';
import { createSyntheticOrganization, generateSyntheticRegister } from './synthetic-register';
import { SECURITY_MEASURES, USED_CODES } from './synthetic-content';

/** The generator writes what the services would: the API reads it back, the audit chain holds. */
describe('synthetic register', () => {
  let api: TestApi;
  let org: TestOrganization;
  let owner: Client;
  const ACTIVITIES = 12;
  const VENDORS = 30;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server);
    owner = new Client({ connectionString: api.database.ownerUrl });
    await owner.connect();
    const result = await generateSyntheticRegister(owner, { organizationId: org.organizationId, activities: ACTIVITIES, vendors: VENDORS, batchSize: 5, seed: 3 });
    expect(result).toMatchObject({ activities: ACTIVITIES, versions: ACTIVITIES * 5, vendorsCreated: VENDORS });
  });
  afterAll(async () => {
    await owner.end();
    await api.close();
  });

  const base = () => `/api/v1/organizations/${org.organizationId}/activities`;
  const rows = async <T>(sql: string): Promise<T[]> => (await owner.query(sql, [org.organizationId])).rows as T[];

  it('writes the issue’s shape: 3 purposes, 8 data categories with retention, 3 subjects, 3 recipients, 2 processors, 1 transfer, 12 measures, 5 versions', async () => {
    const activities = await rows<{ id: string; version: number; document: ActivityContent }>('SELECT id, version, document FROM processing_activities WHERE organization_id = $1');
    expect(activities).toHaveLength(ACTIVITIES);
    for (const { version, document } of activities) {
      expect(version).toBe(5);
      expect({
        purposes: document.purposes.length,
        dataCategories: document.dataCategories.length,
        withRetention: document.dataCategories.filter((category) => category.retention !== null).length,
        dataSubjects: document.dataSubjects.length,
        recipients: document.recipients.length,
        processors: document.processors.length,
        transfers: document.transfers.length,
        securityMeasures: new Set(document.securityMeasures).size,
      }).toEqual({ purposes: 3, dataCategories: 8, withRetention: 8, dataSubjects: 3, recipients: 3, processors: 2, transfers: 1, securityMeasures: 12 });
    }
    const versions = await rows<{ activity_id: string; numbers: number[] }>(
      'SELECT activity_id, array_agg(number ORDER BY created_at) AS numbers FROM activity_versions WHERE organization_id = $1 GROUP BY activity_id',
    );
    expect(versions).toHaveLength(ACTIVITIES);
    for (const { numbers } of versions) expect(numbers).toEqual([1, 2, 3, 4, 5]);
    const [counts] = await rows<{ vendors: number; vendor_versions: number; links: number }>(
      `SELECT (SELECT count(*)::int FROM vendors WHERE organization_id = $1) AS vendors,
              (SELECT count(*)::int FROM vendor_versions WHERE organization_id = $1) AS vendor_versions,
              (SELECT count(*)::int FROM activity_processors WHERE organization_id = $1) AS links`,
    );
    expect(counts).toEqual({ vendors: VENDORS, vendor_versions: VENDORS, links: ACTIVITIES * 2 });
  });

  it('uses only codes of the shipped catalogues', async () => {
    const known = new Set((await owner.query<{ key: string }>("SELECT catalogue || ':' || code AS key FROM catalogue_entries")).rows.map((row) => row.key));
    const activities = await rows<{ document: ActivityContent }>('SELECT document FROM processing_activities WHERE organization_id = $1');
    const references = activities.flatMap(({ document }) => catalogueReferences(document));
    expect(references.length).toBeGreaterThanOrEqual(ACTIVITIES * 28);
    expect(references.filter((reference) => !known.has(`${reference.catalogue}:${reference.code}`))).toEqual([]);
    // Codes the generator may use but this seed did not draw.
    const everyCode = [
      ...SECURITY_MEASURES.map((code) => `security-measures:${code}`),
      ...USED_CODES.countries.map((code) => `countries:${code}`),
      ...USED_CODES.mechanisms.map((code) => `transfer-mechanisms:${code}`),
      ...USED_CODES.recipientCategories.map((code) => `recipient-categories:${code}`),
      ...USED_CODES.dpiaCriteria.map((code) => `dpia-criteria:${code}`),
    ];
    expect(everyCode.filter((key) => !known.has(key))).toEqual([]);
  });

  it('serves every activity through the API, with its completeness, as its last version records it', async () => {
    const list = await org.as.dpo.get(`${base()}?pageSize=100`).expect(200);
    expect(list.body.total).toBe(ACTIVITIES);
    const items = list.body.items as { id: string; status: string; completeness: { score: number } }[];
    for (const item of items) {
      const detail = (await org.as.auditor.get(`${base()}/${item.id}`).expect(200)).body as ActivitySnapshot & { version: number; completeness: { score: number }; vendors: unknown[] };
      expect(detail.completeness).toEqual(item.completeness);
      // Validated and archived activities passed validation; drafts still miss their rights procedure.
      if (item.status === 'validated' || item.status === 'archived') expect(detail.completeness.score).toBe(100);
      if (item.status === 'draft') expect(detail.completeness.score).toBeLessThan(100);
      expect(detail.vendors).toHaveLength(2);
      const last = (await org.as.auditor.get(`${base()}/${item.id}/versions/5`).expect(200)).body as { activity: Record<string, unknown> };
      for (const [key, value] of Object.entries(last.activity)) expect({ key, value: detail[key as keyof ActivitySnapshot] }).toEqual({ key, value });
    }
    // Pages carry the number of matches; a page past the end still tells it.
    const second = await org.as.dpo.get(`${base()}?status=validated&page=2&pageSize=2`).expect(200);
    const past = await org.as.dpo.get(`${base()}?status=validated&page=99&pageSize=2`).expect(200);
    expect({ total: past.body.total, items: past.body.items }).toEqual({ total: second.body.total, items: [] });
    expect(second.body.total).toBe(items.filter((item) => item.status === 'validated').length);
    const diff = await org.as.auditor.get(`${base()}/${items[0].id}/versions/1/diff/5`).expect(200);
    expect(Object.keys(diff.body.changes).length).toBeGreaterThan(0);
  });

  it('lets the application go on from the generated register: an update, then a valid audit chain', async () => {
    const list = await org.as.dpo.get(`${base()}?status=validated&pageSize=1`).expect(200);
    const target = list.body.items[0] as { id: string; version: number };
    await org.as.dpo.patch(`${base()}/${target.id}`).set('If-Match', `"${target.version}"`).send({ description: 'Modifiée après génération' }).expect(200);

    const events = await rows<{ organization_id: string; occurred_at: Date; actor_user_id: string | null; action: string; entity_type: string; entity_id: string | null; changes: Record<string, { before: unknown; after: unknown }>; previous_hash: string | null; hash: string }>(
      `SELECT * FROM audit_events WHERE organization_id = $1 ORDER BY sequence`,
    );
    // Organisation and members (API), departments, vendors, five events per activity, the update.
    expect(events.filter((event) => event.entity_type === 'Activity')).toHaveLength(ACTIVITIES * 5 + 1);
    let previous: string | null = null;
    for (const event of events) {
      expect(event.previous_hash).toBe(previous);
      const recomputed = hashEvent(storedEvent(event));
      expect(recomputed).toBe(event.hash);
      previous = event.hash;
    }
  });

  it('grows an organisation it created itself, continuing references', async () => {
    const created = await createSyntheticOrganization(owner, { passwordHash: await hashPassword('synthetic password'), contributors: 2 });
    await generateSyntheticRegister(owner, { organizationId: created.organizationId, activities: 3, vendors: 5 });
    await generateSyntheticRegister(owner, { organizationId: created.organizationId, activities: 2, vendors: 5 });
    const references = (
      await owner.query<{ reference: string }>('SELECT reference FROM processing_activities WHERE organization_id = $1 ORDER BY reference', [created.organizationId])
    ).rows.map((row) => row.reference);
    expect(references).toEqual(['T-0001', 'T-0002', 'T-0003', 'T-0004', 'T-0005']);
    expect(created.users.map((user) => user.role)).toEqual(['admin', 'dpo', 'auditor', 'contributor', 'contributor']);
  });
});
