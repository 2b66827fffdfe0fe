import { asOwner, completeActivity } from '../activities/activities.test-helpers';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';

type Role = 'admin' | 'dpo' | 'contributor' | 'auditor';

/** A vendor in the interchange format (the sample register's shape). */
function vendor(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Paysage Paie',
    legalEntity: 'Paysage Paie SAS',
    service: 'Logiciel de paie en SaaS',
    role: 'processor',
    headquartersCountry: 'FR',
    parentCompany: null,
    parentCountry: null,
    dataLocations: ['FR'],
    dpa: { signed: true, signedOn: '2022-03-14' },
    certifications: ['ISO27001'],
    transferMechanism: null,
    nextReviewDate: '2027-03-14',
    ...overrides,
  };
}

describe('vendors: records, history, roles, sub-processors, transfers, review and termination (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Prestataires');
  });
  afterAll(() => api.close());

  const vendors = () => `/api/v1/organizations/${org.organizationId}/vendors`;
  const activities = () => `/api/v1/organizations/${org.organizationId}/activities`;
  const create = async (role: Role, body: Record<string, unknown>) => (await org.as[role].post(vendors()).send(body).expect(201)).body;
  const read = async (id: string) => (await org.as.auditor.get(`${vendors()}/${id}`).expect(200)).body;
  const listNames = async (query: string) => ((await org.as.auditor.get(`${vendors()}?${query}`).expect(200)).body.items as { name: string }[]).map((item) => item.name);

  it('creates a vendor in the interchange format, with its assessment, version 1 and an audit event', async () => {
    const created = await create('dpo', vendor({ status: 'approved' }));
    expect(created).toMatchObject({
      name: 'Paysage Paie',
      role: 'processor',
      status: 'approved',
      dataLocations: ['FR'],
      dpa: { signed: true, signedOn: '2022-03-14', documentId: null },
      tia: { date: null, conclusion: null, documentId: null },
      subProcessors: [],
      notes: null,
      version: 1,
      dpaMissing: false,
      reviewOverdue: false,
      activities: [],
      lastReview: null,
      assessment: { needsMechanism: false, exposed: false, dpfCertified: false, locations: [{ country: 'FR', status: 'eea', needsMechanism: false }] },
    });
    expect(await read(created.id)).toEqual(created);
    const rows = await asOwner(api, (client) =>
      client.query(
        `SELECT (SELECT count(*)::int FROM vendor_versions WHERE vendor_id = $1) AS versions,
                (SELECT count(*)::int FROM audit_events WHERE entity_type = 'Vendor' AND entity_id = $1 AND action = 'create') AS events`,
        [created.id],
      ),
    );
    expect(rows.rows[0]).toEqual({ versions: 1, events: 1 });
    const duplicate = await org.as.dpo.post(vendors()).send(vendor({ name: 'PAYSAGE paie' })).expect(409);
    expect(duplicate.body).toMatchObject({ code: 'vendor_name_taken', details: { name: 'PAYSAGE paie' } });
  });

  it('checks country and mechanism codes against the catalogues', async () => {
    const response = await org.as.dpo
      .post(vendors())
      .set('Accept-Language', 'fr')
      .send(vendor({ name: 'Codes', headquartersCountry: 'XX', dataLocations: ['fr', 'ZZ'], transferMechanism: 'handshake', dpa: { signed: false, documentId: '7b0c3f43-54c6-4a5f-a6e3-3c2cc8f0e6a1' } }))
      .expect(400);
    expect(response.body.details.fields.map((field: { path: string; code: string }) => `${field.path} ${field.code}`)).toEqual([
      'headquartersCountry catalogueCode',
      'dataLocations[1] catalogueCode',
      'transferMechanism catalogueCode',
      'dpa.documentId unknownDocument',
    ]);
    expect(response.body.details.fields[1].message).toContain('ZZ');
  });

  it('updates with optimistic concurrency: a stale version gets 409 and changes nothing; the status changes only by review', async () => {
    const created = await create('admin', vendor({ name: 'Concurrence' }));
    const updated = await org.as.dpo.patch(`${vendors()}/${created.id}`).send({ version: 1, notes: 'Relancé le 12/01', dataLocations: ['FR', 'BE'] }).expect(200);
    expect(updated.body).toMatchObject({ version: 2, notes: 'Relancé le 12/01', dataLocations: ['FR', 'BE'] });
    const stale = await org.as.admin.patch(`${vendors()}/${created.id}`).send({ version: 1, notes: 'écrasé ?' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    expect((await read(created.id)).notes).toBe('Relancé le 12/01');
    const byIfMatch = await org.as.dpo.patch(`${vendors()}/${created.id}`).set('If-Match', '"2"').send({ service: 'Paie' }).expect(200);
    expect(byIfMatch.body.version).toBe(3);
    const unchanged = await org.as.dpo.patch(`${vendors()}/${created.id}`).send({ version: 3, service: 'Paie' }).expect(200);
    expect(unchanged.body.version).toBe(3);
    const status = await org.as.dpo.patch(`${vendors()}/${created.id}`).send({ version: 3, status: 'approved' }).expect(400);
    expect(status.body.details.fields.map((field: { code: string }) => field.code)).toEqual(['statusViaReview']);

    const history = await org.as.auditor.get(`${vendors()}/${created.id}/versions`).expect(200);
    expect(history.body.items.map((item: { number: number; action: string }) => `${item.number} ${item.action}`)).toEqual(['3 update', '2 update', '1 create']);
    const first = await org.as.auditor.get(`${vendors()}/${created.id}/versions/1`).expect(200);
    expect(first.body.vendor).toMatchObject({ name: 'Concurrence', dataLocations: ['FR'], notes: null });
  });

  it('lets a contributor propose a vendor (under_review only) but not change, approve or terminate one; the auditor only reads', async () => {
    const proposal = await create('contributor', vendor({ name: 'Proposition', dpa: { signed: false } }));
    expect(proposal.status).toBe('under_review');
    await org.as.contributor.post(vendors()).send(vendor({ name: 'Proposition approuvée', status: 'approved' })).expect(403);
    await org.as.contributor.patch(`${vendors()}/${proposal.id}`).send({ version: 1, notes: 'x' }).expect(403);
    await org.as.contributor.post(`${vendors()}/${proposal.id}/review`).send({ version: 1, answers: {}, result: 'approved' }).expect(403);
    await org.as.contributor.post(`${vendors()}/${proposal.id}/terminate`).send({ version: 1 }).expect(403);
    await org.as.contributor.delete(`${vendors()}/${proposal.id}`).expect(403);
    await org.as.auditor.post(vendors()).send(vendor({ name: 'Auditeur' })).expect(403);
    await org.as.auditor.patch(`${vendors()}/${proposal.id}`).send({ version: 1, notes: 'x' }).expect(403);
    await org.as.auditor.post(`${vendors()}/${proposal.id}/terminate`).send({ version: 1 }).expect(403);
    await org.as.auditor.delete(`${vendors()}/${proposal.id}`).expect(403);
    expect((await read(proposal.id)).version).toBe(1);
    // The admin may approve, once a DPA is recorded.
    await org.as.admin.patch(`${vendors()}/${proposal.id}`).send({ version: 1, dpa: { signed: true, signedOn: '2026-01-05' } }).expect(200);
    const approved = await org.as.admin.post(`${vendors()}/${proposal.id}/review`).send({ version: 2, answers: {}, result: 'approved' }).expect(200);
    expect(approved.body.status).toBe('approved');
  });

  it('shows the sub-processor chain and refuses a chain that would loop', async () => {
    const hosting = await create('dpo', vendor({ name: 'Hébergeur', legalEntity: 'Hébergeur SAS' }));
    const backup = await create('dpo', vendor({ name: 'Sauvegarde', legalEntity: 'Backup Inc.', headquartersCountry: 'US', dataLocations: ['US'], transferMechanism: 'scc' }));
    const saas = await create('dpo', vendor({ name: 'Logiciel RH', subProcessors: ['hébergeur'] }));
    expect(saas.subProcessors).toEqual(['Hébergeur']);
    await org.as.dpo.patch(`${vendors()}/${hosting.id}`).send({ version: 1, subProcessors: ['Sauvegarde'] }).expect(200);

    const detail = await read(saas.id);
    expect(detail.subProcessorChain.map((node: { name: string; depth: number; parentId: string }) => `${node.depth} ${node.name}`)).toEqual(['1 Hébergeur', '2 Sauvegarde']);
    expect(detail.subProcessorChain[1]).toMatchObject({ parentId: hosting.id, exposed: true, needsMechanism: false });
    expect((await read(backup.id)).usedBy).toEqual([{ id: hosting.id, name: 'Hébergeur', status: 'under_review' }]);

    const loop = await org.as.dpo.patch(`${vendors()}/${backup.id}`).set('Accept-Language', 'en').send({ version: 1, subProcessors: ['Logiciel RH'] }).expect(400);
    expect(loop.body.details.fields).toEqual([expect.objectContaining({ path: 'subProcessors[0]', code: 'subProcessorCycle', message: expect.stringContaining('Logiciel RH') })]);
    const self = await org.as.dpo.patch(`${vendors()}/${backup.id}`).send({ version: 1, subProcessors: ['Sauvegarde', 'Inconnu'] }).expect(400);
    expect(self.body.details.fields.map((field: { path: string; code: string }) => `${field.path} ${field.code}`).sort()).toEqual(['subProcessors[0] subProcessorSelf', 'subProcessors[1] unknownVendor']);
    // Still used as a sub-processor: cannot be deleted.
    const inUse = await org.as.dpo.delete(`${vendors()}/${backup.id}`).expect(409);
    expect(inUse.body).toMatchObject({ code: 'vendor_in_use', details: { activities: [], vendors: [{ name: 'Hébergeur' }] } });
  });

  it('links activities to vendors by name (case-insensitive), refuses unknown names, and shows the computed status of each transfer', async () => {
    await create('dpo', vendor({ name: 'Envoi US', legalEntity: 'Mailer Inc.', headquartersCountry: 'US', dataLocations: ['US'], transferMechanism: null, dpa: { signed: true } }));
    await create('dpo', vendor({ name: 'Certifié DPF', legalEntity: 'Certified Inc.', headquartersCountry: 'US', dataLocations: ['US'], transferMechanism: 'dpf' }));

    const unknown = await org.as.contributor
      .post(activities())
      .set('Accept-Language', 'fr')
      .send(completeActivity({ processors: ['Paysage Paie', 'Inconnu SA'] }))
      .expect(400);
    expect(unknown.body.details.fields).toEqual([
      { path: 'processors[1]', code: 'unknownVendor', message: '« Sous-traitant 2 » : aucun prestataire de l’organisation ne s’appelle « Inconnu SA ». Créez-le d’abord dans les prestataires.' },
    ]);

    const created = await org.as.contributor
      .post(activities())
      .send(
        completeActivity({
          processors: ['paysage PAIE', 'Envoi US', 'Paysage Paie'],
          transfers: [
            { country: 'US', recipient: 'Mailer Inc.', mechanism: null },
            { country: 'US', recipient: 'certified inc.', mechanism: null },
            { country: 'GB', recipient: 'Support Ltd', mechanism: 'adequacy' },
            { country: 'IN', recipient: 'Offshore Pvt', mechanism: 'scc' },
            { country: 'MA', recipient: 'Centre d’appel', mechanism: 'art49_contract' },
          ],
        }),
      )
      .expect(201);
    expect(created.body.processors).toEqual(['Paysage Paie', 'Envoi US']);
    expect(created.body.vendors.map((linked: { name: string; needsMechanism: boolean; exposed: boolean }) => `${linked.name} ${linked.needsMechanism} ${linked.exposed}`)).toEqual([
      'Paysage Paie false false',
      'Envoi US true true',
    ]);
    expect(created.body.transferStatuses.map((transfer: { status: string; occasionalOnly: boolean; tiaRequired: boolean }) => [transfer.status, transfer.tiaRequired, transfer.occasionalOnly])).toEqual([
      ['needs_mechanism', false, false],
      ['adequate', false, false],
      ['adequate', false, false],
      ['safeguarded', true, false],
      ['derogation', false, true],
    ]);
    const read = await org.as.auditor.get(`${activities()}/${created.body.id}`).expect(200);
    expect(read.body).toEqual(created.body);

    const links = await asOwner(api, (client) => client.query('SELECT count(*)::int AS count FROM activity_processors WHERE activity_id = $1', [created.body.id]));
    expect(links.rows[0].count).toBe(2);
    const changed = await org.as.contributor.patch(`${activities()}/${created.body.id}`).send({ version: 1, processors: ['ENVOI us'] }).expect(200);
    expect(changed.body).toMatchObject({ version: 2, processors: ['Envoi US'] });
    expect(changed.body.vendors.map((linked: { name: string }) => linked.name)).toEqual(['Envoi US']);
    // Sent back as read, the computed parts are ignored.
    const { id: _id, version: _version, ...body } = changed.body;
    await org.as.contributor.patch(`${activities()}/${created.body.id}`).send({ ...body, version: 2 }).expect(200);
    // A copy uses the same vendors.
    const copy = await org.as.contributor.post(`${activities()}/${created.body.id}/duplicate`).send({}).expect(201);
    expect(copy.body.vendors.map((linked: { name: string }) => linked.name)).toEqual(['Envoi US']);

    // Renamed, the vendor stays linked; the activity sent back as read (old name) keeps its link.
    const envoi = (await org.as.auditor.get(`${vendors()}?q=envoi`).expect(200)).body.items[0];
    await org.as.dpo.patch(`${vendors()}/${envoi.id}`).send({ version: envoi.version, name: 'Envoi Monde' }).expect(200);
    const renamed = (await org.as.auditor.get(`${activities()}/${created.body.id}`).expect(200)).body;
    expect(renamed.processors).toEqual(['Envoi US']);
    expect(renamed.vendors.map((linked: { name: string }) => linked.name)).toEqual(['Envoi Monde']);
    const { id: _renamedId, version: renamedVersion, ...sentBack } = renamed;
    const kept = await org.as.contributor.patch(`${activities()}/${created.body.id}`).send({ ...sentBack, version: renamedVersion, name: 'Paie renommée' }).expect(200);
    expect(kept.body.vendors.map((linked: { name: string }) => linked.name)).toEqual(['Envoi Monde']);
    const switched = await org.as.contributor.patch(`${activities()}/${created.body.id}`).send({ version: kept.body.version, processors: ['envoi monde', 'Paysage Paie'] }).expect(200);
    expect(switched.body.processors).toEqual(['Envoi Monde', 'Paysage Paie']);
  });

  it('refuses a loop closed by two concurrent changes: one of them wins', async () => {
    const first = await create('dpo', vendor({ name: 'Course A' }));
    const second = await create('dpo', vendor({ name: 'Course B' }));
    const responses = await Promise.all([
      org.as.dpo.patch(`${vendors()}/${first.id}`).send({ version: 1, subProcessors: ['Course B'] }),
      org.as.admin.patch(`${vendors()}/${second.id}`).send({ version: 1, subProcessors: ['Course A'] }),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 400]);
    expect(responses.find((response) => response.status === 400)!.body.details.fields[0].code).toBe('subProcessorCycle');
  });

  it('terminates a vendor (DPO or admin only), listing every activity still using it; a vendor in use cannot be deleted', async () => {
    const mailer = await create('dpo', vendor({ name: 'Routeur', legalEntity: 'Routeur SAS' }));
    const newsletter = (await org.as.dpo.post(activities()).send(completeActivity({ name: 'Newsletter', processors: ['Routeur'] })).expect(201)).body;
    const alerts = (await org.as.dpo.post(activities()).send(completeActivity({ name: 'Alertes', processors: ['routeur'] })).expect(201)).body;
    const old = (await org.as.dpo.post(activities()).send(completeActivity({ name: 'Ancienne campagne', processors: ['Routeur'] })).expect(201)).body;
    for (const step of ['submit', 'validate', 'archive']) {
      const current = (await org.as.dpo.get(`${activities()}/${old.id}`).expect(200)).body;
      await org.as.dpo.post(`${activities()}/${old.id}/${step}`).send({ version: current.version }).expect(200);
    }

    const inUse = await org.as.dpo.delete(`${vendors()}/${mailer.id}`).expect(409);
    expect(inUse.body.details.activities.map((activity: { name: string }) => activity.name).sort()).toEqual(['Alertes', 'Ancienne campagne', 'Newsletter']);

    await org.as.contributor.post(`${vendors()}/${mailer.id}/terminate`).send({ version: 1 }).expect(403);
    await org.as.dpo.post(`${vendors()}/${mailer.id}/terminate`).send({ version: 7 }).expect(409);
    const terminated = await org.as.dpo.post(`${vendors()}/${mailer.id}/terminate`).send({ version: 1, comment: 'Contrat résilié' }).expect(200);
    expect(terminated.body).toMatchObject({ status: 'terminated', version: 2 });
    expect(terminated.body.activitiesStillUsing.map((activity: { id: string }) => activity.id).sort()).toEqual([newsletter.id, alerts.id].sort());
    expect(terminated.body.activities).toHaveLength(3);
    const again = await org.as.admin.post(`${vendors()}/${mailer.id}/terminate`).send({ version: 2 }).expect(409);
    expect(again.body).toMatchObject({ code: 'invalid_transition', details: { status: 'terminated' } });
    // The activity shows its vendor terminated.
    const activity = (await org.as.auditor.get(`${activities()}/${newsletter.id}`).expect(200)).body;
    expect(activity.vendors).toEqual([expect.objectContaining({ name: 'Routeur', status: 'terminated' })]);
    const history = await org.as.auditor.get(`${vendors()}/${mailer.id}/versions`).expect(200);
    expect(history.body.items[0]).toMatchObject({ action: 'terminate', status: 'terminated', comment: 'Contrat résilié' });

    // Unused, a vendor can be deleted, with its history.
    const unused = await create('dpo', vendor({ name: 'Jamais utilisé' }));
    await org.as.dpo.delete(`${vendors()}/${unused.id}`).expect(204);
    await org.as.auditor.get(`${vendors()}/${unused.id}`).expect(404);
  });

  it('reviews a vendor: answers kept with date and reviewer, concerns raised, approval refused while a DPA or a mechanism is missing', async () => {
    const offshore = await create('dpo', vendor({ name: 'Centre offshore', headquartersCountry: 'IN', dataLocations: ['IN'], dpa: { signed: false }, transferMechanism: null }));
    const answers = {
      certifications: ['ISO27001'],
      certificationsVerified: false,
      dataLocations: ['IN', 'SG'],
      subProcessorsListed: true,
      subProcessorChangeNotice: 'after_the_fact',
      breachNotificationCommitment: true,
      breachNotificationDelayHours: 96,
      endOfContract: 'none',
      auditRights: false,
      securityMeasures: 'Chiffrement au repos',
    };
    const refused = await org.as.dpo.post(`${vendors()}/${offshore.id}/review`).set('Accept-Language', 'en').send({ version: 1, answers, result: 'approved' }).expect(422);
    expect(refused.body).toMatchObject({ code: 'vendor_cannot_approve', message: 'This vendor cannot be approved: 2 points must be settled first.' });
    expect(refused.body.details.concerns.map((concern: { code: string }) => concern.code)).toEqual(['dpa_missing', 'transfer_needs_mechanism']);
    expect(refused.body.details.concerns[1].message).toBe('Needs a mechanism: data go to India without a transfer tool (adequacy, SCC, BCR…).');

    const restricted = await org.as.dpo.post(`${vendors()}/${offshore.id}/review`).send({ version: 1, answers, result: 'restricted', nextReviewDate: '2026-06-30', comment: 'Clauses à négocier' }).expect(200);
    expect(restricted.body).toMatchObject({ status: 'restricted', version: 2, nextReviewDate: '2026-06-30' });
    expect(restricted.body.lastReview).toMatchObject({
      previousStatus: 'under_review',
      result: 'restricted',
      comment: 'Clauses à négocier',
      reviewerId: org.userIds.dpo,
      reviewerName: 'Test dpo',
      answers: { ...answers, dataLocations: ['IN', 'SG'] },
    });
    expect(restricted.body.lastReview.concerns.map((concern: { code: string; blocking: boolean }) => `${concern.code}${concern.blocking ? '!' : ''}`)).toEqual([
      'dpa_missing!',
      'transfer_needs_mechanism!',
      'certifications_not_verified',
      'data_locations_differ',
      'sub_processor_changes_not_announced',
      'breach_delay_too_long',
      'no_deletion_or_return',
      'no_audit_rights',
    ]);

    await org.as.dpo.patch(`${vendors()}/${offshore.id}`).send({ version: 2, dpa: { signed: true, signedOn: '2026-02-01' }, transferMechanism: 'scc' }).expect(200);
    const approved = await org.as.dpo.post(`${vendors()}/${offshore.id}/review`).send({ version: 3, answers: { auditRights: true }, result: 'approved' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', assessment: { needsMechanism: false, tiaRequired: true, tiaMissing: true } });
    expect(approved.body.lastReview.concerns.map((concern: { code: string }) => concern.code)).toEqual(['tia_missing']);
    const reviews = await org.as.auditor.get(`${vendors()}/${offshore.id}/reviews`).expect(200);
    expect(reviews.body).toMatchObject({ total: 2, page: 1 });
    expect(reviews.body.items.map((review: { result: string }) => review.result)).toEqual(['approved', 'restricted']);
    // An approved vendor keeps its DPA: withdrawing it is refused until the vendor is restricted.
    const withdrawn = await org.as.dpo.patch(`${vendors()}/${offshore.id}`).send({ version: 4, dpa: { signed: false } }).expect(422);
    expect(withdrawn.body.code).toBe('vendor_cannot_approve');
    const events = await asOwner(api, (client) =>
      client.query("SELECT action FROM audit_events WHERE entity_type = 'Vendor' AND entity_id = $1 ORDER BY sequence", [offshore.id]),
    );
    expect(events.rows.map((row: { action: string }) => row.action)).toEqual(['create', 'review', 'update', 'review']);
  });

  it('filters the list (status, role, country, DPA missing, exposed, needs a mechanism, review overdue, search) and breaks data down by country', async () => {
    const other = await createOrganizationWithRoles(api.server, 'Filtres');
    const base = `/api/v1/organizations/${other.organizationId}/vendors`;
    const add = (body: Record<string, unknown>) => other.as.dpo.post(base).send(vendor(body)).expect(201);
    await add({ name: 'Courriel Express', parentCompany: 'CX Holdings Inc.', parentCountry: 'US', dataLocations: ['FR', 'DE'], nextReviewDate: '2020-01-01' });
    await add({ name: 'Sondages', headquartersCountry: 'US', dataLocations: ['US'], dpa: { signed: false } });
    await add({ name: 'FastEdge', headquartersCountry: 'US', dataLocations: ['US', 'FR'], transferMechanism: 'dpf', service: 'Réseau de diffusion (CDN)' });
    await add({ name: 'Éditeur', dataLocations: ['FR'], role: 'recipient', dpa: { signed: false } });
    await add({ name: 'Support', headquartersCountry: 'GB', dataLocations: ['GB', 'IE'] });
    const list = async (query: string) => ((await other.as.auditor.get(`${base}?${query}`).expect(200)).body.items as { name: string }[]).map((item) => item.name);

    expect(await list('')).toEqual(['Courriel Express', 'Éditeur', 'FastEdge', 'Sondages', 'Support']);
    expect(await list('exposed=true')).toEqual(['Courriel Express', 'FastEdge', 'Sondages']);
    expect(await list('needsMechanism=true')).toEqual(['Sondages']);
    expect(await list('dpaMissing=true')).toEqual(['Sondages']);
    expect(await list('reviewOverdue=true')).toEqual(['Courriel Express']);
    expect(await list('country=us')).toEqual(['FastEdge', 'Sondages']);
    expect(await list('role=recipient')).toEqual(['Éditeur']);
    expect(await list('q=cdn')).toEqual(['FastEdge']);
    expect(await list('q=editeur')).toEqual(['Éditeur']);
    expect(await list('q=100%25')).toEqual([]);
    expect(await list('status=under_review&exposed=false&sort=-name')).toEqual(['Support', 'Éditeur']);
    const page = await other.as.auditor.get(`${base}?exposed=true&pageSize=2&page=2`).expect(200);
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ name: 'Sondages', exposed: true, needsMechanism: true, dpaMissing: true, activityCount: 0 }] });
    await other.as.auditor.get(`${base}?status=lost`).expect(400);

    const fastEdge = (await other.as.auditor.get(`${base}?q=fastedge`).expect(200)).body.items[0];
    expect((await other.as.auditor.get(`${base}/${fastEdge.id}`).expect(200)).body.assessment).toMatchObject({
      dpfCertified: true,
      exposed: true,
      exposure: [{ code: 'headquarters_extraterritorial_access', params: { country: 'US' } }],
      locations: [
        { country: 'US', status: 'adequate', reasons: [{ code: 'dpf_certified' }] },
        { country: 'FR', status: 'eea' },
      ],
    });

    await other.as.dpo
      .post(`/api/v1/organizations/${other.organizationId}/activities`)
      .send(completeActivity({ transfers: [{ country: 'US', recipient: 'Sondages', mechanism: null }, { country: 'CN', recipient: 'Usine', mechanism: 'scc' }] }))
      .expect(201);
    const breakdown = (await other.as.auditor.get(`${base}/countries`).expect(200)).body;
    expect(breakdown.countries).toEqual([
      { country: 'FR', zone: 'eea', vendors: 3, activityTransfers: 0, needsMechanism: 0 },
      { country: 'DE', zone: 'eea', vendors: 1, activityTransfers: 0, needsMechanism: 0 },
      { country: 'IE', zone: 'eea', vendors: 1, activityTransfers: 0, needsMechanism: 0 },
      { country: 'GB', zone: 'adequate', vendors: 1, activityTransfers: 0, needsMechanism: 0 },
      { country: 'US', zone: 'needs_safeguards', vendors: 2, activityTransfers: 1, needsMechanism: 2 },
      { country: 'CN', zone: 'needs_safeguards', vendors: 0, activityTransfers: 1, needsMechanism: 0 },
    ]);
    expect(breakdown.zones).toEqual([
      { zone: 'eea', countries: 3, vendors: 5, activityTransfers: 0, needsMechanism: 0 },
      { zone: 'adequate', countries: 1, vendors: 1, activityTransfers: 0, needsMechanism: 0 },
      { zone: 'needs_safeguards', countries: 2, vendors: 2, activityTransfers: 2, needsMechanism: 2 },
    ]);
    expect(await listNames('q=Courriel')).toEqual([]);
  });

  it('keeps organisations apart: another organisation’s vendor is 404, and its names do not resolve', async () => {
    const other = await createOrganizationWithRoles(api.server, 'Étanche');
    const foreign = (await other.as.dpo.post(`/api/v1/organizations/${other.organizationId}/vendors`).send(vendor({ name: 'Secret' })).expect(201)).body;
    await org.as.dpo.get(`${vendors()}/${foreign.id}`).expect(404);
    await org.as.dpo.patch(`${vendors()}/${foreign.id}`).send({ version: 1, notes: 'x' }).expect(404);
    await org.as.dpo.post(`${vendors()}/${foreign.id}/terminate`).send({ version: 1 }).expect(404);
    await org.as.dpo.get(`${vendors()}/${foreign.id}/versions`).expect(404);
    await org.as.dpo.delete(`${vendors()}/${foreign.id}`).expect(404);
    await org.as.dpo.get(`/api/v1/organizations/${other.organizationId}/vendors/${foreign.id}`).expect(404);
    const response = await org.as.dpo.post(activities()).send(completeActivity({ processors: ['Secret'] })).expect(400);
    expect(response.body.details.fields[0]).toMatchObject({ path: 'processors[0]', code: 'unknownVendor' });
    await org.as.dpo.post(vendors()).send(vendor({ name: 'Relié', subProcessors: ['Secret'] })).expect(400);
    expect((await other.as.auditor.get(`/api/v1/organizations/${other.organizationId}/vendors/${foreign.id}`).expect(200)).body.version).toBe(1);
  });

  it('imports vendors in the interchange format, all or nothing, with sub-processors from the same file', async () => {
    const other = await createOrganizationWithRoles(api.server, 'Import prestataires');
    const base = `/api/v1/organizations/${other.organizationId}/vendors`;
    const wrong = await other.as.dpo
      .post(`${base}/import-json`)
      .send([
        vendor({ name: 'Un', subProcessors: ['Deux', 'Absent'] }),
        vendor({ name: 'un' }),
        vendor({ name: 'Trois', status: 'approved', dpa: { signed: false } }),
        { name: 'Quatre', colour: 'blue' },
      ])
      .expect(422);
    expect(wrong.body.code).toBe('vendor_import_invalid');
    expect(wrong.body.details.items.map((item: { fields: { path: string; code: string }[] }) => item.fields.map((field) => `${field.path} ${field.code}`))).toEqual([
      ['subProcessors[0] unknownVendor', 'subProcessors[1] unknownVendor'],
      ['name nameDuplicateInFile'],
      ['dpa.signed dpaRequiredToApprove'],
      ['colour whitelistValidation'],
    ]);
    expect((await other.as.auditor.get(base).expect(200)).body.total).toBe(0);

    const contributorFile = [vendor({ name: 'Proposé', status: 'approved' })];
    const refused = await other.as.contributor.post(`${base}/import-json`).send(contributorFile).expect(422);
    expect(refused.body.details.items[0].fields.map((field: { code: string }) => field.code)).toEqual(['vendorStatusNotAllowed']);

    const cycle = await other.as.dpo
      .post(`${base}/import-json`)
      .send([vendor({ name: 'A', subProcessors: ['B'] }), vendor({ name: 'B', subProcessors: ['A'] })])
      .expect(422);
    expect(cycle.body.details.items[1].fields.map((field: { code: string }) => field.code)).toEqual(['subProcessorCycle']);
    expect((await other.as.auditor.get(base).expect(200)).body.total).toBe(0);

    const imported = await other.as.dpo
      .post(`${base}/import-json`)
      .send([vendor({ name: 'Plateforme', subProcessors: ['Infogérant'] }), vendor({ name: 'Infogérant', status: 'approved' })])
      .expect(201);
    expect(imported.body).toMatchObject({ imported: 2, items: [{ name: 'Plateforme' }, { name: 'Infogérant' }] });
    const platform = (await other.as.auditor.get(`${base}/${imported.body.items[0].id}`).expect(200)).body;
    expect(platform).toMatchObject({ status: 'under_review', subProcessors: ['Infogérant'], subProcessorChain: [{ name: 'Infogérant', status: 'approved', depth: 1 }] });
    const history = await other.as.auditor.get(`${base}/${platform.id}/versions`).expect(200);
    expect(history.body.items).toEqual([expect.objectContaining({ number: 1, action: 'import' })]);
  });
});
