import { createHash } from 'node:crypto';
import { asOwner, completeActivity } from '../activities/activities.test-helpers';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { docxFile, exeFile, pdfFile, pngFile, xlsxFile, zipFile } from './evidence.test-helpers';
import { MAX_DOCUMENT_BYTES } from './upload';

describe('evidence documents of vendors and activities (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let vendorId: string;
  let ownActivity: string;
  let validatedActivity: string;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Preuves');
    vendorId = (await org.as.dpo.post(`/api/v1/organizations/${org.organizationId}/vendors`).send({ name: 'Vérif Identité', dataLocations: ['FR'] }).expect(201)).body.id;
    ownActivity = (await org.as.contributor.post(`/api/v1/organizations/${org.organizationId}/activities`).send(completeActivity({ name: 'Brouillon' })).expect(201)).body.id;
    const validated = (await org.as.dpo.post(`/api/v1/organizations/${org.organizationId}/activities`).send(completeActivity({ name: 'Validé' })).expect(201)).body;
    await org.as.dpo.post(`/api/v1/organizations/${org.organizationId}/activities/${validated.id}/submit`).send({ version: 1 }).expect(200);
    await org.as.dpo.post(`/api/v1/organizations/${org.organizationId}/activities/${validated.id}/validate`).send({ version: 2 }).expect(200);
    validatedActivity = validated.id;
  });
  afterAll(() => api.close());

  const vendorDocuments = (id = vendorId) => `/api/v1/organizations/${org.organizationId}/vendors/${id}/documents`;
  const activityDocuments = (id: string) => `/api/v1/organizations/${org.organizationId}/activities/${id}/documents`;

  it('stores an upload with its detected type, SHA-256, safe name, uploader and date, and serves it back as an attachment', async () => {
    const content = pdfFile();
    const uploaded = await org.as.dpo
      .post(vendorDocuments())
      .field('kind', 'dpa')
      .field('description', 'DPA signé')
      .attach('file', content, { filename: 'Contrat signé "final".pdf', contentType: 'application/octet-stream' })
      .expect(201);
    expect(uploaded.body).toMatchObject({
      kind: 'dpa',
      fileName: 'Contrat signé _final_.pdf',
      contentType: 'application/pdf',
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      description: 'DPA signé',
      vendorId,
      activityId: null,
      uploadedBy: org.userIds.dpo,
      uploadedByName: 'Test dpo',
    });
    expect(new Date(uploaded.body.uploadedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const listed = await org.as.auditor.get(vendorDocuments()).expect(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: uploaded.body.id, sha256: uploaded.body.sha256 }] });

    const downloaded = await org.as.auditor.get(`${vendorDocuments()}/${uploaded.body.id}`).responseType('blob').expect(200);
    expect(downloaded.headers['content-type']).toBe('application/pdf');
    expect(downloaded.headers['content-disposition']).toBe(`attachment; filename="Contrat signe _final_.pdf"; filename*=UTF-8''Contrat%20sign%C3%A9%20_final_.pdf`);
    expect(downloaded.headers['x-content-type-options']).toBe('nosniff');
    expect(downloaded.headers['cache-control']).toBe('private, no-store');
    expect(Buffer.compare(downloaded.body as Buffer, content)).toBe(0);

    const events = await asOwner(api, (client) => client.query("SELECT action, entity_label FROM audit_events WHERE entity_type = 'Evidence' AND entity_id = $1", [uploaded.body.id]));
    expect(events.rows).toEqual([{ action: 'upload', entity_label: 'Vérif Identité — Contrat signé _final_.pdf' }]);
  });

  it('accepts PNG, DOCX and XLSX by their content, and refuses a renamed executable or a plain zip (415)', async () => {
    for (const [file, name, type] of [
      [pngFile(), 'scan.png', 'image/png'],
      [docxFile(), 'questionnaire.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [xlsxFile(), 'registre.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const response = await org.as.dpo.post(vendorDocuments()).attach('file', file, name).expect(201);
      expect(response.body).toMatchObject({ fileName: name, contentType: type });
    }
    const before = (await org.as.auditor.get(vendorDocuments()).expect(200)).body.total;
    const renamed = await org.as.dpo
      .post(vendorDocuments())
      .set('Accept-Language', 'fr')
      .attach('file', exeFile(), { filename: 'contrat.pdf', contentType: 'application/pdf' })
      .expect(415);
    expect(renamed.body).toMatchObject({ code: 'document_type_not_allowed', message: expect.stringContaining('PDF, PNG, JPEG') });
    await org.as.dpo.post(vendorDocuments()).attach('file', zipFile(['setup.exe']), 'archive.docx').expect(415);
    await org.as.dpo.post(vendorDocuments()).attach('file', Buffer.from('<script>alert(1)</script>'), { filename: 'page.png', contentType: 'image/png' }).expect(415);
    expect((await org.as.auditor.get(vendorDocuments()).expect(200)).body.total).toBe(before);
  });

  it('refuses a file above the limit with a structured 413, and a request without a file with a 400', async () => {
    const tooLarge = Buffer.concat([pdfFile(), Buffer.alloc(MAX_DOCUMENT_BYTES, 0x20)]);
    const response = await org.as.dpo.post(vendorDocuments()).set('Accept-Language', 'en').attach('file', tooLarge, 'huge.pdf').expect(413);
    expect(response.body).toEqual({ code: 'document_too_large', message: 'The file is too large (limit: 10 MB).', details: { limit: MAX_DOCUMENT_BYTES } });
    const missing = await org.as.dpo.post(vendorDocuments()).field('kind', 'dpa').expect(400);
    expect(missing.body.details.fields).toEqual([expect.objectContaining({ path: 'file', code: 'isDefined' })]);
    const badKind = await org.as.dpo.post(vendorDocuments()).field('kind', 'selfie').attach('file', pdfFile(), 'a.pdf').expect(400);
    expect(badKind.body.details.fields).toEqual([expect.objectContaining({ path: 'kind', code: 'isIn' })]);
  });

  it('applies the roles: the auditor reads only; a contributor attaches to what they may edit and removes only their own uploads', async () => {
    await org.as.auditor.post(vendorDocuments()).attach('file', pdfFile(), 'a.pdf').expect(403);
    await org.as.auditor.post(activityDocuments(ownActivity)).attach('file', pdfFile(), 'a.pdf').expect(403);
    // A contributor may not change vendors, nor a validated activity.
    await org.as.contributor.post(vendorDocuments()).attach('file', pdfFile(), 'a.pdf').expect(403);
    await org.as.contributor.post(activityDocuments(validatedActivity)).attach('file', pdfFile(), 'a.pdf').expect(403);
    const own = await org.as.contributor.post(activityDocuments(ownActivity)).field('kind', 'policy').attach('file', pdfFile('notice'), 'notice.pdf').expect(201);
    expect(own.body).toMatchObject({ activityId: ownActivity, vendorId: null, uploadedBy: org.userIds.contributor });
    const byDpo = await org.as.dpo.post(activityDocuments(ownActivity)).attach('file', pngFile(), 'schema.png').expect(201);
    expect((await org.as.auditor.get(activityDocuments(ownActivity)).expect(200)).body.total).toBe(2);

    await org.as.contributor.delete(`${activityDocuments(ownActivity)}/${byDpo.body.id}`).expect(403);
    await org.as.auditor.delete(`${activityDocuments(ownActivity)}/${own.body.id}`).expect(403);
    await org.as.contributor.delete(`${activityDocuments(ownActivity)}/${own.body.id}`).expect(204);
    await org.as.auditor.get(`${activityDocuments(ownActivity)}/${own.body.id}`).expect(404);
    await org.as.dpo.delete(`${activityDocuments(ownActivity)}/${byDpo.body.id}`).expect(204);
    const left = await asOwner(api, (client) =>
      client.query('SELECT count(*)::int AS count FROM evidence_document_contents WHERE document_id = ANY($1::uuid[])', [[own.body.id, byDpo.body.id]]),
    );
    expect(left.rows[0].count).toBe(0);
    const events = await asOwner(api, (client) => client.query("SELECT action FROM audit_events WHERE entity_type = 'Evidence' AND entity_id = $1 ORDER BY sequence", [own.body.id]));
    expect(events.rows.map((row: { action: string }) => row.action)).toEqual(['upload', 'delete']);
  });

  it('records a document as the vendor’s DPA, and refuses to delete it while it is', async () => {
    const dpa = await org.as.dpo.post(vendorDocuments()).field('kind', 'dpa').attach('file', pdfFile('DPA'), 'dpa.pdf').expect(201);
    const current = (await org.as.dpo.get(`/api/v1/organizations/${org.organizationId}/vendors/${vendorId}`).expect(200)).body;
    const otherVendor = (await org.as.dpo.post(`/api/v1/organizations/${org.organizationId}/vendors`).send({ name: 'Autre' }).expect(201)).body;
    const wrongVendor = await org.as.dpo
      .patch(`/api/v1/organizations/${org.organizationId}/vendors/${otherVendor.id}`)
      .send({ version: 1, dpa: { signed: true, documentId: dpa.body.id } })
      .expect(400);
    expect(wrongVendor.body.details.fields).toEqual([expect.objectContaining({ path: 'dpa.documentId', code: 'unknownDocument' })]);
    const updated = await org.as.dpo
      .patch(`/api/v1/organizations/${org.organizationId}/vendors/${vendorId}`)
      .send({ version: current.version, dpa: { signed: true, signedOn: '2026-03-01', documentId: dpa.body.id } })
      .expect(200);
    expect(updated.body.dpa).toEqual({ signed: true, signedOn: '2026-03-01', documentId: dpa.body.id });
    const refused = await org.as.dpo.delete(`${vendorDocuments()}/${dpa.body.id}`).expect(409);
    expect(refused.body).toMatchObject({ code: 'document_in_use', details: { vendorId, usage: 'dpa' } });
  });

  it('keeps organisations apart: documents of another organisation are 404 and cannot be reached through one’s own records', async () => {
    const other = await createOrganizationWithRoles(api.server, 'Autre org');
    const foreignVendor = (await other.as.dpo.post(`/api/v1/organizations/${other.organizationId}/vendors`).send({ name: 'Étranger' }).expect(201)).body.id;
    const foreign = await other.as.dpo.post(`/api/v1/organizations/${other.organizationId}/vendors/${foreignVendor}/documents`).attach('file', pdfFile('secret'), 'secret.pdf').expect(201);
    await org.as.dpo.get(vendorDocuments(foreignVendor)).expect(404);
    await org.as.dpo.post(vendorDocuments(foreignVendor)).attach('file', pdfFile(), 'a.pdf').expect(404);
    await org.as.dpo.get(`${vendorDocuments()}/${foreign.body.id}`).expect(404);
    await org.as.dpo.delete(`${vendorDocuments()}/${foreign.body.id}`).expect(404);
    await org.as.dpo.get(`/api/v1/organizations/${other.organizationId}/vendors/${foreignVendor}/documents/${foreign.body.id}`).expect(404);
    // A document of one vendor is not reachable through another vendor of the same organisation either.
    const mine = (await org.as.auditor.get(vendorDocuments()).expect(200)).body.items[0];
    const sibling = (await org.as.dpo.post(`/api/v1/organizations/${org.organizationId}/vendors`).send({ name: 'Voisin' }).expect(201)).body.id;
    await org.as.auditor.get(`${vendorDocuments(sibling)}/${mine.id}`).expect(404);
  });

  it('deletes the documents of a deleted draft activity or vendor, content included', async () => {
    const draft = (await org.as.dpo.post(`/api/v1/organizations/${org.organizationId}/activities`).send(completeActivity({ name: 'Éphémère' })).expect(201)).body.id;
    const attached = await org.as.dpo.post(activityDocuments(draft)).attach('file', pdfFile(), 'a.pdf').expect(201);
    await org.as.dpo.delete(`/api/v1/organizations/${org.organizationId}/activities/${draft}`).expect(204);
    const vendor = (await org.as.dpo.post(`/api/v1/organizations/${org.organizationId}/vendors`).send({ name: 'Passager' }).expect(201)).body.id;
    const vendorDocument = await org.as.dpo.post(vendorDocuments(vendor)).attach('file', pdfFile(), 'b.pdf').expect(201);
    await org.as.dpo.delete(`/api/v1/organizations/${org.organizationId}/vendors/${vendor}`).expect(204);
    const left = await asOwner(api, (client) =>
      client.query(
        `SELECT (SELECT count(*)::int FROM evidence_documents WHERE id = ANY($1::uuid[])) AS documents,
                (SELECT count(*)::int FROM evidence_document_contents WHERE document_id = ANY($1::uuid[])) AS contents`,
        [[attached.body.id, vendorDocument.body.id]],
      ),
    );
    expect(left.rows[0]).toEqual({ documents: 0, contents: 0 });
  });
});
