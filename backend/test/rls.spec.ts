import { Client } from 'pg';
import { pdfFile } from '../src/evidence/evidence.test-helpers';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from './test-api';

/** Proves that isolation does not depend on the application remembering its WHERE clauses. */
describe('row-level security with the application role', () => {
  let api: TestApi;
  let first: TestOrganization;
  let second: TestOrganization;
  let app: Client;

  beforeAll(async () => {
    api = await createTestApi();
    first = await createOrganizationWithRoles(api.server, 'Première');
    second = await createOrganizationWithRoles(api.server, 'Seconde');
    await first.admin.post(`/api/v1/organizations/${first.organizationId}/departments`).send({ name: 'RH' }).expect(201);
    await second.admin.post(`/api/v1/organizations/${second.organizationId}/departments`).send({ name: 'RH' }).expect(201);
    for (const organization of [first, second]) {
      const base = `/api/v1/organizations/${organization.organizationId}`;
      // A vendor with a sub-processor, a review and a document; an activity using the vendor, with a document.
      await organization.admin.post(`${base}/vendors`).send({ name: 'Hébergeur' }).expect(201);
      const vendor = (await organization.admin.post(`${base}/vendors`).send({ name: 'Paie SaaS', subProcessors: ['Hébergeur'] }).expect(201)).body;
      await organization.admin.post(`${base}/vendors/${vendor.id}/review`).send({ version: 1, answers: {}, result: 'restricted' }).expect(200);
      await organization.admin.post(`${base}/vendors/${vendor.id}/documents`).attach('file', pdfFile(), 'dpa.pdf').expect(201);
      const activity = (
        await organization.admin.post(`${base}/activities`).send({ name: 'Paie', role: 'controller', department: 'RH', processors: ['Paie SaaS'] }).expect(201)
      ).body;
      await organization.admin.post(`${base}/activities/${activity.id}/documents`).attach('file', pdfFile(), 'notice.pdf').expect(201);
      await organization.admin.post(`${base}/activity-templates`).send({ activityId: activity.id, name: 'Paie « maison »' }).expect(201);
    }
    app = new Client({ connectionString: api.database.appUrl });
    await app.connect();
  });
  afterAll(async () => {
    await app.end();
    await api.close();
  });

  async function inOrganization<T>(organizationId: string, work: () => Promise<T>): Promise<T> {
    await app.query('BEGIN');
    try {
      await app.query("SELECT set_config('app.organization_id', $1, true)", [organizationId]);
      return await work();
    } finally {
      await app.query('ROLLBACK');
    }
  }

  const TENANT_TABLES = [
    'organizations',
    'memberships',
    'departments',
    'audit_events',
    'processing_activities',
    'activity_versions',
    'activity_reference_counters',
    'vendors',
    'vendor_versions',
    'vendor_sub_processors',
    'vendor_reviews',
    'activity_processors',
    'evidence_documents',
    'evidence_document_contents',
    'activity_templates',
    'activity_findings',
  ];

  it('shows only the current organisation to a query without any organisation filter', async () => {
    for (const table of TENANT_TABLES) {
      const column = table === 'organizations' ? 'id' : 'organization_id';
      const seen = await inOrganization(first.organizationId, () => app.query(`SELECT DISTINCT ${column} AS organization FROM ${table}`));
      expect({ table, organizations: seen.rows.map((row: { organization: string }) => row.organization) }).toEqual({ table, organizations: [first.organizationId] });
    }
  });

  it('shows nothing at all outside a request transaction', async () => {
    for (const table of TENANT_TABLES) {
      const result = await app.query(`SELECT count(*)::int AS count FROM ${table}`);
      expect({ table, count: result.rows[0].count }).toEqual({ table, count: 0 });
    }
  });

  it('refuses to write a row into another organisation', async () => {
    await expect(
      inOrganization(first.organizationId, () =>
        app.query("INSERT INTO departments (organization_id, name) VALUES ($1, 'Intrus')", [second.organizationId]),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    const moved = await inOrganization(first.organizationId, () =>
      app.query('UPDATE departments SET name = name WHERE organization_id = $1', [second.organizationId]),
    );
    expect(moved.rowCount).toBe(0);
  });

  it('runs as a role that is not superuser, has no BYPASSRLS and cannot switch security off', async () => {
    const role = await app.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user');
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    await expect(app.query('ALTER TABLE memberships DISABLE ROW LEVEL SECURITY')).rejects.toMatchObject({ code: '42501' });
    await app.query('SET row_security = off');
    await expect(app.query('SELECT count(*) FROM memberships')).rejects.toMatchObject({ code: '42501' });
    await app.query('RESET row_security');
  });

  it('keeps the audit trail append-only for the application', async () => {
    await expect(inOrganization(first.organizationId, () => app.query('UPDATE audit_events SET action = action'))).rejects.toMatchObject({ code: '42501' });
    await expect(inOrganization(first.organizationId, () => app.query('DELETE FROM audit_events'))).rejects.toMatchObject({ code: '42501' });
  });

  it('keeps the history of activities append-only for the application', async () => {
    await expect(inOrganization(first.organizationId, () => app.query('UPDATE activity_versions SET comment = $1', ['réécrit']))).rejects.toMatchObject({ code: '42501' });
    await expect(inOrganization(first.organizationId, () => app.query('DELETE FROM activity_versions'))).rejects.toMatchObject({ code: '42501' });
    await expect(
      inOrganization(first.organizationId, () =>
        app.query("INSERT INTO processing_activities (organization_id, reference, name, role, document) VALUES ($1, 'T-9999', 'Intrus', 'controller', '{}')", [
          second.organizationId,
        ]),
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('keeps the history and reviews of vendors append-only, and documents unchangeable, for the application', async () => {
    for (const statement of ['UPDATE vendor_versions SET comment = comment', 'DELETE FROM vendor_versions', 'UPDATE vendor_reviews SET comment = comment', 'DELETE FROM vendor_reviews']) {
      await expect(inOrganization(first.organizationId, () => app.query(statement))).rejects.toMatchObject({ code: '42501' });
    }
    for (const statement of ['UPDATE evidence_documents SET file_name = file_name', "UPDATE evidence_document_contents SET content = ''"]) {
      await expect(inOrganization(first.organizationId, () => app.query(statement))).rejects.toMatchObject({ code: '42501' });
    }
    await expect(
      inOrganization(first.organizationId, () => app.query("INSERT INTO vendors (organization_id, name, role) VALUES ($1, 'Intrus', 'processor')", [second.organizationId])),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('cannot link a vendor, a sub-processor, an activity or a document across organisations, even as superuser', async () => {
    const owner = new Client({ connectionString: api.database.superuserUrl });
    await owner.connect();
    try {
      const one = async (sql: string, organizationId: string) => (await owner.query(sql, [organizationId])).rows[0].id as string;
      const firstVendor = await one("SELECT id FROM vendors WHERE organization_id = $1 AND name = 'Paie SaaS'", first.organizationId);
      const secondVendor = await one("SELECT id FROM vendors WHERE organization_id = $1 AND name = 'Hébergeur'", second.organizationId);
      const firstActivity = await one('SELECT id FROM processing_activities WHERE organization_id = $1 LIMIT 1', first.organizationId);
      const secondDocument = await one('SELECT id FROM evidence_documents WHERE organization_id = $1 LIMIT 1', second.organizationId);
      const refused = (sql: string, params: unknown[]) => expect(owner.query(sql, params)).rejects.toMatchObject({ code: '23503' });
      await refused('INSERT INTO vendor_sub_processors (organization_id, vendor_id, sub_processor_id) VALUES ($1, $2, $3)', [first.organizationId, firstVendor, secondVendor]);
      await refused('INSERT INTO activity_processors (organization_id, activity_id, vendor_id) VALUES ($1, $2, $3)', [first.organizationId, firstActivity, secondVendor]);
      await refused('UPDATE vendors SET dpa_document_id = $2 WHERE organization_id = $1 AND id = $3', [first.organizationId, secondDocument, firstVendor]);
      await refused("INSERT INTO evidence_documents (organization_id, vendor_id, kind, file_name, content_type, size_bytes, sha256) VALUES ($1, $2, 'dpa', 'x.pdf', 'application/pdf', 1, repeat('0', 64))", [
        first.organizationId,
        secondVendor,
      ]);
      await refused("INSERT INTO evidence_document_contents (organization_id, document_id, content) VALUES ($1, $2, '')", [first.organizationId, secondDocument]);
      await expect(
        owner.query('INSERT INTO vendor_sub_processors (organization_id, vendor_id, sub_processor_id) VALUES ($1, $2, $2)', [first.organizationId, firstVendor]),
      ).rejects.toMatchObject({ code: '23514' });
    } finally {
      await owner.end();
    }
  });

  it('cannot link a row to a parent of another organisation, even as superuser (composite foreign keys)', async () => {
    const owner = new Client({ connectionString: api.database.superuserUrl });
    await owner.connect();
    try {
      const foreignDepartment = await owner.query('SELECT id FROM departments WHERE organization_id = $1 LIMIT 1', [second.organizationId]);
      await expect(
        owner.query('UPDATE memberships SET department_id = $1 WHERE organization_id = $2', [foreignDepartment.rows[0].id, first.organizationId]),
      ).rejects.toMatchObject({ code: '23503' });
      await expect(
        owner.query('UPDATE processing_activities SET department_id = $1 WHERE organization_id = $2', [foreignDepartment.rows[0].id, first.organizationId]),
      ).rejects.toMatchObject({ code: '23503' });
      const foreignActivity = await owner.query('SELECT id FROM processing_activities WHERE organization_id = $1 LIMIT 1', [second.organizationId]);
      await expect(
        owner.query("INSERT INTO activity_versions (organization_id, activity_id, number, action, snapshot) VALUES ($1, $2, 2, 'update', '{}')", [
          first.organizationId,
          foreignActivity.rows[0].id,
        ]),
      ).rejects.toMatchObject({ code: '23503' });
    } finally {
      await owner.end();
    }
  });
});
