import { Client } from 'pg';
import { download, openWorkbook, rowsOf } from '../exports/exports.test-helpers';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';

const DPO = { role: 'Délégué à la protection des données', name: 'Hélène Lefèvre-d’Aubigné', email: 'dpo@paysage-paie.fr', phone: '+33 1 23 45 67 89' };
const SECURITY = { role: 'Contact « sécurité » et incidents', name: 'Jérôme Bâtard', email: 'securite@paysage-paie.fr', phone: null };

function vendor(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Paysage Paie',
    legalEntity: 'Paysage Paie SAS',
    service: 'Logiciel de paie en SaaS',
    role: 'processor',
    headquartersCountry: 'FR',
    dataLocations: ['FR'],
    dpa: { signed: true, signedOn: '2022-03-14' },
    ...overrides,
  };
}

interface FieldMessage {
  path: string;
  code: string;
  message: string;
}

describe('vendor contacts: stored with the vendor, validated, versioned, audited, exported (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let other: TestOrganization;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Contacts des prestataires');
    other = await createOrganizationWithRoles(api.server, 'Autre société');
  });
  afterAll(() => api.close());

  const vendors = (o = org) => `/api/v1/organizations/${o.organizationId}/vendors`;
  const read = async (id: string) => (await org.as.auditor.get(`${vendors()}/${id}`).expect(200)).body;

  it('creates a vendor with its contacts, trimmed, a missing e-mail or telephone as null, in version 1', async () => {
    const created = (
      await org.as.dpo
        .post(vendors())
        .send(vendor({ name: 'Créé avec contacts', contacts: [{ ...DPO, name: `  ${DPO.name} ` }, { role: SECURITY.role, name: SECURITY.name, email: SECURITY.email }] }))
        .expect(201)
    ).body;
    expect(created.contacts).toEqual([DPO, SECURITY]);
    expect((await read(created.id)).contacts).toEqual([DPO, SECURITY]);
    const version = await org.as.auditor.get(`${vendors()}/${created.id}/versions/1`).expect(200);
    expect(version.body.vendor.contacts).toEqual([DPO, SECURITY]);
    // Without contacts, a vendor has none (never null).
    const bare = (await org.as.dpo.post(vendors()).send(vendor({ name: 'Sans contact' })).expect(201)).body;
    expect(bare.contacts).toEqual([]);
  });

  it('edits the contacts under the vendor’s version: a new version, an audit event naming each changed field, a stale version is 409', async () => {
    const created = (await org.as.dpo.post(vendors()).send(vendor({ name: 'Modifié', contacts: [DPO] })).expect(201)).body;
    const changed = { ...DPO, email: 'protection.donnees@paysage-paie.fr', phone: '01.23.45.67.00' };
    const updated = await org.as.dpo.patch(`${vendors()}/${created.id}`).send({ version: 1, contacts: [changed, SECURITY] }).expect(200);
    expect(updated.body).toMatchObject({ version: 2, contacts: [changed, SECURITY] });

    const trail = await org.as.auditor.get(`/api/v1/organizations/${org.organizationId}/audit-events?entityId=${created.id}&action=update`).expect(200);
    expect(trail.body.total).toBe(1);
    expect(trail.body.items[0].changes).toEqual({
      'contacts[0].email': { before: DPO.email, after: changed.email },
      'contacts[0].phone': { before: DPO.phone, after: changed.phone },
      'contacts[1].role': { before: null, after: SECURITY.role },
      'contacts[1].name': { before: null, after: SECURITY.name },
      'contacts[1].email': { before: null, after: SECURITY.email },
    });

    // Someone who read version 1 cannot overwrite what was saved since.
    const stale = await org.as.admin.patch(`${vendors()}/${created.id}`).send({ version: 1, contacts: [] }).expect(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    expect((await read(created.id)).contacts).toEqual([changed, SECURITY]);

    // Sending the same list again is no change: no new version.
    expect((await org.as.dpo.patch(`${vendors()}/${created.id}`).send({ version: 2, contacts: [changed, SECURITY] }).expect(200)).body.version).toBe(2);
    // An empty list removes them all.
    const emptied = await org.as.dpo.patch(`${vendors()}/${created.id}`).send({ version: 2, contacts: [] }).expect(200);
    expect(emptied.body).toMatchObject({ version: 3, contacts: [] });
    const history = await org.as.auditor.get(`${vendors()}/${created.id}/versions/2`).expect(200);
    expect(history.body.vendor.contacts).toEqual([changed, SECURITY]);
  });

  it('refuses a bad e-mail, a bad telephone and a contact without role or name, in French words, and changes nothing', async () => {
    const created = (await org.as.dpo.post(vendors()).send(vendor({ name: 'Validé', contacts: [DPO] })).expect(201)).body;
    const response = await org.as.dpo
      .patch(`${vendors()}/${created.id}`)
      .set('Accept-Language', 'fr')
      .send({
        version: 1,
        contacts: [
          { ...DPO, email: 'hélène(at)paysage', phone: 'appelez le standard' },
          { role: '   ', name: '', email: null, phone: '+33 9' },
        ],
      })
      .expect(400);
    expect(response.body.code).toBe('validation_failed');
    const fields = response.body.details.fields as FieldMessage[];
    expect(fields.map((field) => `${field.path} ${field.code}`).sort()).toEqual(
      ['contacts[0].email isEmail', 'contacts[0].phone phone', 'contacts[1].role isNotEmpty', 'contacts[1].name isNotEmpty', 'contacts[1].phone phone'].sort(),
    );
    const message = (path: string) => fields.find((field) => field.path === path)?.message;
    expect(message('contacts[0].email')).toBe('« Contact 1 › Adresse e-mail » doit être une adresse e-mail valide.');
    expect(message('contacts[0].phone')).toBe('« Contact 1 › Téléphone » doit être un numéro de téléphone (chiffres, espaces, points, tirets, un « + » au début).');
    expect(message('contacts[1].role')).toMatch(/^« Contact 2 › Rôle » /);
    for (const field of fields) expect(field.message).not.toMatch(/contacts\[|isEmail|isNotEmpty/);

    // Too many contacts, and a contact that is not an object.
    const many = Array.from({ length: 21 }, (_, index) => ({ role: `Rôle ${String(index + 1)}`, name: `Personne ${String(index + 1)}` }));
    const tooMany = await org.as.dpo.patch(`${vendors()}/${created.id}`).set('Accept-Language', 'fr').send({ version: 1, contacts: many }).expect(400);
    expect((tooMany.body.details.fields as FieldMessage[]).map((field) => `${field.path} ${field.code}`)).toEqual(['contacts arrayMaxSize']);
    await org.as.dpo.patch(`${vendors()}/${created.id}`).send({ version: 1, contacts: ['Hélène'] }).expect(400);
    await org.as.dpo.patch(`${vendors()}/${created.id}`).send({ version: 1, contacts: [{ ...DPO, fax: '01 02 03 04 05' }] }).expect(400);

    const after = await read(created.id);
    expect(after).toMatchObject({ version: 1, contacts: [DPO] });
  });

  it('lets only those who manage vendors change contacts, and keeps organisations apart', async () => {
    const created = (await org.as.dpo.post(vendors()).send(vendor({ name: 'Protégé', contacts: [DPO] })).expect(201)).body;
    await org.as.auditor.patch(`${vendors()}/${created.id}`).send({ version: 1, contacts: [] }).expect(403);
    await org.as.contributor.patch(`${vendors()}/${created.id}`).send({ version: 1, contacts: [] }).expect(403);

    // Another organisation neither reads nor changes them, even knowing the id.
    await other.as.dpo.get(`${vendors(other)}/${created.id}`).expect(404);
    await other.as.dpo.patch(`${vendors(other)}/${created.id}`).send({ version: 1, contacts: [SECURITY] }).expect(404);
    await other.as.dpo.get(`${vendors()}/${created.id}`).expect(404);
    const foreignList = await other.as.auditor.get(`${vendors(other)}?pageSize=100`).expect(200);
    expect(foreignList.body.items.map((item: { id: string }) => item.id)).not.toContain(created.id);
    // Row-level security: in the other organisation's transaction the row does not exist.
    const app = new Client({ connectionString: api.database.appUrl });
    await app.connect();
    const seen = async (organizationId: string) => {
      await app.query('BEGIN');
      try {
        await app.query("SELECT set_config('app.organization_id', $1, true)", [organizationId]);
        return (await app.query('SELECT contacts FROM vendors WHERE id = $1', [created.id])).rows.length;
      } finally {
        await app.query('ROLLBACK');
      }
    };
    try {
      expect({ own: await seen(org.organizationId), other: await seen(other.organizationId) }).toEqual({ own: 1, other: 0 });
    } finally {
      await app.end();
    }
    expect((await read(created.id)).contacts).toEqual([DPO]);
  });

  it('writes the contacts in words in the vendors sheet, and the register as it stood before them has none', async () => {
    const created = (await org.as.dpo.post(vendors()).send(vendor({ name: 'Exporté' })).expect(201)).body;
    const before = new Date(Date.now() + 1).toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await org.as.dpo.patch(`${vendors()}/${created.id}`).send({ version: 1, contacts: [DPO, SECURITY] }).expect(200);

    const row = async (query: string) => {
      const workbook = await openWorkbook((await download(org.as.auditor, `${vendors().replace('/vendors', '')}/exports/vendors.xlsx?${query}`)).body);
      return rowsOf(workbook.worksheets[1]).find((item) => item[query.includes('lang=en') ? 'Vendor' : 'Fournisseur'] === 'Exporté')!;
    };
    expect((await row('lang=fr')).Contacts).toBe(
      'Délégué à la protection des données : Hélène Lefèvre-d’Aubigné, dpo@paysage-paie.fr, +33 1 23 45 67 89\nContact « sécurité » et incidents : Jérôme Bâtard, securite@paysage-paie.fr',
    );
    expect((await row('lang=en')).Contacts).toBe(
      'Délégué à la protection des données: Hélène Lefèvre-d’Aubigné, dpo@paysage-paie.fr, +33 1 23 45 67 89\nContact « sécurité » et incidents: Jérôme Bâtard, securite@paysage-paie.fr',
    );
    expect((await row(`lang=fr&asOf=${encodeURIComponent(before)}`)).Contacts ?? null).toBeNull();
  });

  it('imports contacts in the interchange format: what a vendor reads back imports unchanged into another organisation', async () => {
    const source = (await org.as.dpo.post(vendors()).send(vendor({ name: 'Aller-retour', contacts: [DPO, SECURITY] })).expect(201)).body;
    // The vendor as read, less its version (the import creates version 1).
    const exported = await read(source.id);
    delete exported.version;
    const imported = await other.as.dpo.post(`${vendors(other)}/import-json`).send([exported]).expect(201);
    const copy = (await other.as.auditor.get(`${vendors(other)}/${imported.body.items[0].id}`).expect(200)).body;
    expect(copy.contacts).toEqual(exported.contacts);
    const refused = await other.as.dpo
      .post(`${vendors(other)}/import-json`)
      .set('Accept-Language', 'fr')
      .send([{ ...exported, name: 'Mauvais contact', contacts: [{ ...DPO, email: 'pas une adresse' }] }])
      .expect(422);
    expect(JSON.stringify(refused.body.details)).toContain('contacts[0].email');
  });
});
