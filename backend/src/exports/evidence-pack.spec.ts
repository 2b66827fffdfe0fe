import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { asOwner, completeActivity } from '../activities/activities.test-helpers';
import { pdfFile } from '../evidence/evidence.test-helpers';
import yauzl from 'yauzl';
import { download, openWorkbook, rowsOf, sha256, unzip } from './exports.test-helpers';

/** Every entry name of a zip, in order, duplicates included (a Map would hide them). */
async function entryNames(content: Buffer): Promise<string[]> {
  const zip = await yauzl.fromBufferPromise(content, { lazyEntries: true });
  const names: string[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      names.push(entry.fileName);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return names;
}

describe('Evidence pack and import template (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let activityId: string;
  const base = () => `/api/v1/organizations/${org.organizationId}`;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Preuves');
    activityId = (await org.as.dpo.post(`${base()}/activities`).send(completeActivity()).expect(201)).body.id;
    await org.as.dpo.post(`${base()}/activities/${activityId}/documents`).field('kind', 'policy').attach('file', pdfFile('Politique'), 'Politique RH.pdf').expect(201);
  });
  afterAll(() => api.close());

  it('streams a zip whose manifest holds the SHA-256 of every file and the audit chain verification', async () => {
    const response = await download(org.as.auditor, `${base()}/exports/evidence.zip?lang=fr`);
    expect(response.headers['content-type']).toBe('application/zip');
    const files = await unzip(response.body);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({ format: 'registre-evidence-pack/1', organization: { id: org.organizationId, name: 'Preuves' }, asOf: null });
    const names = manifest.files.map((file: { name: string }) => file.name);
    expect(names).toEqual([
      'register.xlsx',
      'audit-trail.xlsx',
      'vendors.xlsx',
      expect.stringMatching(/^documents\/activities\/T-0001\/[0-9a-f]{8}-Politique RH\.pdf$/),
      'pdf/register.pdf',
      // The audit proof (src/audit/audit-chain.spec.ts runs its verifier).
      'audit/events.jsonl',
      'audit/checkpoints.json',
      'audit/signing-keys.json',
      'verify-evidence.mjs',
      'README.txt',
    ]);
    expect(files.get('pdf/register.pdf')!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect([...files.keys()].sort()).toEqual([...names, 'manifest.json', 'manifest.signature.json'].sort());
    for (const file of manifest.files as { name: string; sha256: string; bytes: number }[]) {
      expect({ name: file.name, sha256: sha256(files.get(file.name)!), bytes: files.get(file.name)!.length }).toEqual(file);
    }
    const events = await asOwner(api, async (client) => (await client.query('SELECT id, hash FROM audit_events WHERE organization_id = $1 ORDER BY sequence', [org.organizationId])).rows);
    expect(manifest.auditChain).toMatchObject({ valid: true, checked: events.length, firstInvalidEventId: null, reason: null, checkpointsChecked: 1 });
    // The audit trail workbook carries each event with its hash, in chain order.
    const trail = rowsOf((await openWorkbook(files.get('audit-trail.xlsx')!)).getWorksheet('Journal d’audit')!);
    expect(trail.map((row) => [row['Identifiant de l’événement'], row['Empreinte (SHA-256)']])).toEqual(events.map((event) => [event.id, event.hash]));
    expect(files.get(names[3])!.equals(pdfFile('Politique'))).toBe(true);
  });

  it('reports a broken chain in the manifest, and leaves out documents added after the as-of date', async () => {
    const asOf = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await org.as.dpo.post(`${base()}/activities/${activityId}/documents`).field('kind', 'other').attach('file', pdfFile('Plus tard'), 'Plus tard.pdf').expect(201);
    const [first] = (await asOwner(api, (client) => client.query('SELECT id FROM audit_events WHERE organization_id = $1 ORDER BY sequence LIMIT 1', [org.organizationId]))).rows;
    await asOwner(api, (client) => client.query("UPDATE audit_events SET entity_label = 'falsifié' WHERE id = $1", [first.id]));
    const files = await unzip((await download(org.as.dpo, `${base()}/exports/evidence.zip?asOf=${encodeURIComponent(asOf)}`)).body);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.asOf).toBe(asOf);
    expect(manifest.files.filter((file: { name: string }) => file.name.startsWith('documents/'))).toHaveLength(1);
    // Every stored field is hashed (scheme 2), the label included: the chain is broken at that event.
    expect(manifest.auditChain).toMatchObject({ valid: false, reason: 'event_altered', firstInvalidEventId: first.id });
  });

  // References are free text: RH/01 and RH_01 both became dpias/RH_01-r1.html, and unzipping kept one
  // report. Names differing only by case collide too on the file systems of Windows and macOS.
  it('gives every file its own entry name whatever the references (RH/01, RH_01, rh_01, RH:01)', async () => {
    const other = await createOrganizationWithRoles(api.server, 'Références');
    const path = `/api/v1/organizations/${other.organizationId}`;
    const references = ['RH/01', 'RH_01', 'rh_01', 'RH:01'];
    for (const reference of references) {
      const activity = completeActivity({ reference, name: `Activité ${reference}`, dpiaScreening: { criteria: ['evaluation_scoring', 'sensitive_or_highly_personal_data'], decision: 'required' } });
      const id = (await other.as.dpo.post(`${path}/activities`).send(activity).expect(201)).body.id;
      await other.as.dpo.post(`${path}/dpias`).send({ activityId: id }).expect(201);
      await other.as.dpo.post(`${path}/activities/${id}/documents`).field('kind', 'policy').attach('file', pdfFile(reference), 'Politique.pdf').expect(201);
    }
    const content = (await download(other.as.auditor, `${path}/exports/evidence.zip`)).body;
    const entries = await entryNames(content);
    const manifest = JSON.parse((await unzip(content)).get('manifest.json')!.toString('utf8'));
    const names = manifest.files.map((file: { name: string }) => file.name) as string[];
    expect(entries).toEqual([...names, 'manifest.json', 'manifest.signature.json']);
    expect(new Set(entries.map((name) => name.normalize('NFC').toLowerCase())).size).toBe(entries.length);
    // Each DPIA report is there, and each is its own activity's.
    const files = await unzip(content);
    const reports = names.filter((name) => name.startsWith('dpias/'));
    expect(reports).toHaveLength(references.length);
    const titled = reports.map((name) => references.find((reference) => files.get(name)!.toString('utf8').includes(`Activité ${reference}<`)));
    expect(titled.sort()).toEqual([...references].sort());
    // Retention in words in the reports, never an ISO duration.
    for (const name of reports) expect(files.get(name)!.toString('utf8')).toContain('Identity and civil status — 5 years<');
    const documents = names.filter((name) => name.startsWith('documents/'));
    expect(documents).toHaveLength(references.length);
    // The same reports as PDF, one per DPIA, beside the register's.
    expect(names.filter((name) => name.startsWith('pdf/dpias/'))).toHaveLength(references.length);
    expect(documents.map((name) => files.get(name)!.toString('latin1')).every((pdf, index, all) => all.indexOf(pdf) === index)).toBe(true);
  });

  it('gives a template with the import sheets and drop-downs that imports once filled in', async () => {
    const content = (await download(org.as.contributor, `${base()}/exports/template.xlsx?lang=en`)).body;
    const workbook = await openWorkbook(content);
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ['Register', 'visible'], ['Joint and client controllers', 'visible'], ['Purposes', 'visible'], ['Data and retention', 'visible'], ['Data subjects', 'visible'],
      ['Recipients', 'visible'], ['Processors', 'visible'], ['Transfers', 'visible'], ['Security measures', 'visible'], ['DPIA screening', 'visible'], ['Lists', 'hidden'],
    ]);
    const purposes = workbook.getWorksheet('Purposes')!;
    const legalBasis = (purposes.getRow(1).values as string[]).indexOf('Legal basis');
    const validation = purposes.getRow(2).getCell(legalBasis).dataValidation;
    expect(validation).toMatchObject({ type: 'list' });
    expect(validation.formulae[0]).toMatch(/^'Lists'!\$[A-Z]+\$2:\$[A-Z]+\$7$/);
    const lists = workbook.getWorksheet('Lists')!;
    const listColumn = validation.formulae[0].match(/\$([A-Z]+)\$2/)![1];
    expect([2, 3, 4, 5, 6, 7].map((row) => lists.getCell(`${listColumn}${row}`).value)).toContain('Contract');

    // Filled in as a person would: labels picked from the lists, no codes.
    const header = (name: string) => (workbook.getWorksheet(name)!.getRow(1).values as string[]).slice(1);
    const fill = (name: string, values: Record<string, string | number | Date>) => workbook.getWorksheet(name)!.addRow(header(name).map((column) => values[column] ?? null));
    fill('Register', { Reference: 'TPL-1', Name: 'Newsletter', 'Our role': 'Controller', Status: 'Draft', 'Next review': new Date(Date.UTC(2027, 0, 15)) });
    fill('Purposes', { Reference: 'TPL-1', Purpose: 'Send the newsletter', Main: 'Yes', 'Legal basis': 'Consent' });
    fill('Data subjects', { Reference: 'TPL-1', 'Data subject category': 'Prospects', 'Estimated number': 1200 });
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await org.as.contributor.post(`${base()}/imports?dryRun=true`).attach('file', filled, 'template.xlsx').expect(200);
    expect(report.body).toMatchObject({ valid: true, errors: [], created: [{ reference: 'TPL-1', name: 'Newsletter' }] });
    await org.as.contributor.post(`${base()}/imports`).attach('file', filled, 'template.xlsx').expect(200);
    const list = await org.as.auditor.get(`${base()}/activities?q=Newsletter`).expect(200);
    const detail = (await org.as.auditor.get(`${base()}/activities/${list.body.items[0].id}`).expect(200)).body;
    expect(detail).toMatchObject({ reference: 'TPL-1', status: 'draft', nextReviewDate: '2027-01-15', purposes: [{ legalBasis: 'consent', main: true }], dataSubjects: [{ category: 'prospects', estimatedCount: 1200 }] });
  });
});
