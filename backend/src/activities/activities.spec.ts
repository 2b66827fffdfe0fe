import request from 'supertest';
import { createOrganizationWithRoles, createTestApi, signUp, TestApi, TestOrganization } from '../../test/test-api';
import { asOwner, completeActivity, countRows } from './activities.test-helpers';

type Role = 'admin' | 'dpo' | 'contributor' | 'auditor';

describe('processing activities: content, rules, workflow, roles and concurrency (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let hr: string;
  let finance: string;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Atelier');
    hr = (await org.admin.post(`/api/v1/organizations/${org.organizationId}/departments`).send({ name: 'Ressources humaines' }).expect(201)).body.id;
    finance = (await org.admin.post(`/api/v1/organizations/${org.organizationId}/departments`).send({ name: 'Finance' }).expect(201)).body.id;
    // The contributor belongs to the HR department.
    const members = await org.admin.get(`/api/v1/organizations/${org.organizationId}/members`).expect(200);
    const contributor = members.body.items.find((member: { roles: string[] }) => member.roles.includes('contributor'));
    await org.admin.patch(`/api/v1/organizations/${org.organizationId}/members/${contributor.id}`).send({ departmentId: hr }).expect(200);
  });
  afterAll(() => api.close());

  const activities = () => `/api/v1/organizations/${org.organizationId}/activities`;
  const create = async (role: Role, body: Record<string, unknown> = completeActivity()) => (await org.as[role].post(activities()).send(body).expect(201)).body;
  const read = async (id: string) => (await org.as.auditor.get(`${activities()}/${id}`).expect(200)).body;
  const step = (role: Role, id: string, transition: string, version: number) => org.as[role].post(`${activities()}/${id}/${transition}`).send({ version });

  it('creates a draft in the interchange format: generated reference, caller as owner, version 1, defaults, completeness', async () => {
    const created = await create('contributor', completeActivity({ department: 'ressources HUMAINES' }));
    expect(created).toMatchObject({
      reference: expect.stringMatching(/^T-\d{4}$/),
      name: 'Gestion de la paie',
      status: 'draft',
      role: 'controller',
      department: 'Ressources humaines',
      departmentId: hr,
      ownerId: org.userIds.contributor,
      owner: expect.stringMatching(/^contributor-.*@example\.test$/),
      version: 1,
      completeness: { score: 100, missing: [], problems: [] },
      flags: { specialData: false, criminalData: false, nationalIdentifier: false },
      nextReviewDate: '2027-05-25',
      validatedAt: null,
      validatedBy: null,
    });
    // Every optional field is present with its default.
    expect(created.dataSubjects).toEqual([{ category: 'employees', estimatedCount: 240, vulnerable: false }]);
    expect(created.dataCategories[0]).toMatchObject({ art9Condition: null, sourceDetail: null, retention: { archivePeriod: null, unlimitedJustification: null, endAction: 'delete' } });
    expect(created.purposes[0]).toMatchObject({ legitimateInterestAssessment: null });
    expect(created.dpiaScreening).toEqual({
      criteria: ['sensitive_or_highly_personal_data'],
      onCnilRequiredList: null,
      onCnilExemptList: null,
      decision: 'not_required',
      justification: null,
      dismissed: [{ criterion: 'vulnerable_data_subjects', reason: 'Paie : ni surveillance ni évaluation des salariés, calcul prévu par la loi' }],
    });
    expect(created.jointControllers).toEqual([]);

    const fetched = await read(created.id);
    expect(fetched).toEqual(created);
    expect(await countRows(api, created.id)).toEqual({ versions: 1, events: 1 });

    const next = await create('dpo', completeActivity({ name: 'Suivi des absences' }));
    expect(Number(next.reference.slice(2))).toBe(Number(created.reference.slice(2)) + 1);
    expect(next.ownerId).toBe(org.userIds.dpo);
  });

  it('defaults the vulnerable flag from the catalogue and flags sensitive data', async () => {
    const created = await create(
      'dpo',
      completeActivity({
        dataSubjects: [{ category: 'minors' }, { category: 'patients', vulnerable: false }],
        dataCategories: [
          { category: 'health', art9Condition: 'art9_2_h', retention: { activePeriod: 'P20Y' } },
          { category: 'national_identifier', retention: { activePeriod: 'P5Y' } },
          { category: 'criminal_convictions', retention: { activePeriod: 'P1Y' } },
        ],
      }),
    );
    expect(created.dataSubjects.map((subject: { vulnerable: boolean }) => subject.vulnerable)).toEqual([true, false]);
    expect(created.flags).toEqual({ specialData: true, criminalData: true, nationalIdentifier: true });
  });

  it('numbers references race-free: concurrent creations get distinct consecutive numbers', async () => {
    const created = await Promise.all(Array.from({ length: 6 }, (_, i) => org.as.dpo.post(activities()).send(completeActivity({ name: `Parallèle ${i}` })).expect(201)));
    const numbers = created.map((response) => Number(response.body.reference.slice(2))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(6);
    expect(numbers.at(-1)! - numbers[0]).toBe(5);
  });

  it('continues numbering after a reference given by hand, and refuses a reference already used', async () => {
    const chosen = await create('dpo', completeActivity({ reference: 'T-0500' }));
    expect(chosen.reference).toBe('T-0500');
    const after = await create('dpo');
    expect(after.reference).toBe('T-0501');
    const taken = await org.as.dpo.post(activities()).send(completeActivity({ reference: 'T-0500' })).expect(409);
    expect(taken.body).toMatchObject({ code: 'activity_reference_taken', details: { reference: 'T-0500' } });
  });

  it('refuses malformed bodies with the path of each field', async () => {
    const body = completeActivity({
      purposes: [{ description: 'Paie', legalBasis: 'whim', colour: 'blue' }],
      dataCategories: [{ category: 'identity', retention: { activePeriod: '5 years' } }],
      nextReviewDate: '2027-02-30',
      transfers: [{ country: 'USA' }],
    });
    const response = await org.as.dpo.post(activities()).send(body).expect(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.details.fields.map((field: { path: string; code: string }) => `${field.path} ${field.code}`).sort()).toEqual([
      'dataCategories[0].retention.activePeriod isIsoDuration',
      'nextReviewDate isIsoDate',
      'purposes[0].colour whitelistValidation',
      'purposes[0].legalBasis isIn',
      'transfers[0].country matches',
    ]);
    const noName = await org.as.dpo.post(activities()).send({ role: 'controller' }).expect(400);
    expect([...new Set(noName.body.details.fields.map((field: { path: string }) => field.path))]).toEqual(['name']);
  });

  it('checks every code against its catalogue, accepting the organisation’s own entries', async () => {
    const response = await org.as.dpo
      .post(activities())
      .set('Accept-Language', 'fr')
      .send(
        completeActivity({
          dataSubjects: [{ category: 'martians' }],
          dataCategories: [{ category: 'loyalty_card_number', art9Condition: 'art9_2_z', retention: { activePeriod: 'P1Y' } }],
          recipients: [{ category: 'astrologer' }],
          securityMeasures: ['access_control', 'laser_moat', 'other:'],
          transfers: [{ country: 'ZZ', mechanism: 'handshake' }],
          dpiaScreening: { criteria: ['large_scale', 'vibes'], onCnilRequiredList: 'nope', decision: 'to_assess' },
        }),
      )
      .expect(400);
    const fields = response.body.details.fields as { path: string; code: string; message: string }[];
    expect(fields.map((field) => field.path).sort()).toEqual(
      [
        'dataSubjects[0].category',
        'dataCategories[0].category',
        'dataCategories[0].art9Condition',
        'recipients[0].category',
        'securityMeasures[1]',
        'securityMeasures[2]',
        'transfers[0].country',
        'transfers[0].mechanism',
        'dpiaScreening.criteria[1]',
        'dpiaScreening.onCnilRequiredList',
      ].sort(),
    );
    expect(fields.find((field) => field.path === 'recipients[0].category')?.message).toBe(
      '« Destinataire 1 › Catégorie de destinataire » : « astrologer » n’est pas une valeur connue de cette liste ni une entrée propre à l’organisation.',
    );

    await org.as.dpo.post(`/api/v1/organizations/${org.organizationId}/catalogues/data-categories/entries`).send({ code: 'loyalty_card_number', fr: 'Carte de fidélité', en: 'Loyalty card' }).expect(201);
    const own = await create('dpo', completeActivity({ dataCategories: [{ category: 'loyalty_card_number', retention: { activePeriod: 'P3Y' } }] }));
    expect(own.dataCategories[0].category).toBe('loyalty_card_number');
  });

  it('resolves the department and the owner, refusing unknown ones and a status outside the workflow', async () => {
    const response = await org.as.dpo
      .post(activities())
      .send(completeActivity({ department: 'Inconnue', owner: 'nobody@example.test', status: 'validated' }))
      .expect(400);
    expect(response.body.details.fields.map((field: { path: string; code: string }) => `${field.path} ${field.code}`).sort()).toEqual([
      'department unknownDepartment',
      'owner unknownMember',
      'status statusViaWorkflow',
    ]);
    const mismatch = await org.as.dpo.post(activities()).send(completeActivity({ department: 'Finance', departmentId: hr })).expect(400);
    expect(mismatch.body.details.fields[0]).toMatchObject({ path: 'department', code: 'mismatch' });
    const unowned = await create('dpo', completeActivity({ owner: null, departmentId: finance }));
    expect(unowned).toMatchObject({ ownerId: null, owner: null, department: 'Finance' });
  });

  it('refuses to validate an incomplete activity, listing every rule broken with its path and a translated message (422)', async () => {
    const incomplete = completeActivity({
      role: 'processor',
      purposes: [
        { description: 'Verser les salaires', legalBasis: null },
        { description: 'Déclarer à l’URSSAF', legalBasis: 'legal_obligation' },
        { description: 'Prévenir la fraude', legalBasis: 'legitimate_interests', legitimateInterestAssessment: { purpose: 'Fraude', necessity: null, balancing: '  ' } },
      ],
      dataCategories: [
        { category: 'health', retention: { activePeriod: 'P5Y' } },
        { category: 'identity', retention: null },
        { category: 'connection', retention: { activePeriod: null } },
        { category: 'professional_life', retention: { activePeriod: null, unlimitedJustification: 'Archives historiques' } },
      ],
      dataSubjectInformation: '',
      rightsProcedure: null,
    });
    const created = await create('dpo', incomplete);
    const expected = [
      'purposes[0].legalBasis legal_basis_missing',
      'purposes[1].legalReference legal_reference_missing',
      'purposes[2].legitimateInterestAssessment.necessity legitimate_interest_necessity_missing',
      'purposes[2].legitimateInterestAssessment.balancing legitimate_interest_balancing_missing',
      'dataCategories[0].art9Condition art9_condition_missing',
      'dataCategories[1].retention retention_missing',
      'dataCategories[2].retention.activePeriod retention_unlimited_unjustified',
      'dataSubjectInformation information_missing',
      'rightsProcedure rights_procedure_missing',
      'clientControllers client_controllers_missing',
    ];
    expect(created.completeness.problems.map((problem: { path: string; code: string }) => `${problem.path} ${problem.code}`)).toEqual(expected);
    expect(created.completeness.score).toBeLessThan(100);

    const submitted = (await step('dpo', created.id, 'submit', 1).expect(200)).body;
    const refused = await org.as.dpo.post(`${activities()}/${created.id}/validate`).set('Accept-Language', 'fr').send({ version: submitted.version }).expect(422);
    expect(refused.body.code).toBe('activity_incomplete');
    expect(refused.body.message).toBe('Ce traitement ne peut pas être validé : 10 points manquent ou sont à corriger.');
    expect(refused.body.details.fields.map((field: { path: string; code: string }) => `${field.path} ${field.code}`)).toEqual(expected);
    expect(refused.body.details.fields[0].message).toBe("La finalité « Verser les salaires » n’a pas de base légale.");
    expect(refused.body.details.completeness.missing).toEqual(expected.map((line) => line.split(' ')[0]));
    const english = await step('dpo', created.id, 'validate', submitted.version).expect(422);
    expect(english.body.details.fields[4].message).toBe('The special-category data "Health data" need an Article 9(2) condition.');
    expect(await read(created.id)).toMatchObject({ status: 'in_review', version: submitted.version });

    // An empty draft misses the basics too.
    const empty = await create('dpo', { name: 'Idée de traitement', role: 'controller' });
    expect(empty.completeness.missing).toEqual(['purposes', 'dataSubjects', 'dataCategories', 'dataSubjectInformation', 'rightsProcedure']);
    expect(empty.completeness.score).toBe(0);

    // Completed, it validates.
    const fixed = await org.as.dpo
      .patch(`${activities()}/${created.id}`)
      .send({ ...completeActivity({ clientControllers: [{ name: 'Agence cliente', contact: 'contrats@agence.example' }] }), role: 'processor', version: submitted.version })
      .expect(200);
    expect(fixed.body.completeness.score).toBe(100);
    const validated = await step('dpo', created.id, 'validate', fixed.body.version).expect(200);
    expect(validated.body).toMatchObject({ status: 'validated', validatedBy: org.userIds.dpo, validatedAt: expect.any(String) });
  });

  it('runs the workflow draft → in_review → validated → archived → draft, each step for the roles allowed', async () => {
    const activity = await create('contributor', completeActivity({ department: 'Finance' }));
    let version = 1;
    // Submit: the owner (or admin, DPO); never the auditor.
    await step('auditor', activity.id, 'submit', version).expect(403);
    await step('dpo', activity.id, 'validate', version).expect(409);
    const submitted = await step('contributor', activity.id, 'submit', version).expect(200);
    expect(submitted.body).toMatchObject({ status: 'in_review', version: 2 });
    version = 2;
    await step('contributor', activity.id, 'submit', version).expect(403);
    const twice = await step('dpo', activity.id, 'submit', version).expect(409);
    expect(twice.body).toMatchObject({ code: 'invalid_transition', details: { status: 'in_review', transition: 'submit' } });
    // Validate: the DPO only.
    for (const role of ['admin', 'contributor', 'auditor'] as const) await step(role, activity.id, 'validate', version).expect(403);
    await step('dpo', activity.id, 'archive', version).expect(409);
    version = (await step('dpo', activity.id, 'validate', version).expect(200)).body.version;
    // Archive: the DPO only.
    for (const role of ['admin', 'contributor', 'auditor'] as const) await step(role, activity.id, 'archive', version).expect(403);
    const archived = await step('dpo', activity.id, 'archive', version).expect(200);
    expect(archived.body).toMatchObject({ status: 'archived', version: 4 });
    version = 4;
    // Reopening an archived or validated activity undoes the DPO's decision: the DPO's.
    for (const role of ['admin', 'contributor', 'auditor'] as const) await step(role, activity.id, 'reopen', version).expect(403);
    const reopened = await org.as.dpo.post(`${activities()}/${activity.id}/reopen`).set('If-Match', `"${version}"`).send({ comment: 'Nouvelle finalité à ajouter' }).expect(200);
    expect(reopened.body).toMatchObject({ status: 'draft', version: 5, validatedAt: null, validatedBy: null });
    await step('dpo', activity.id, 'reopen', 5).expect(409);

    const history = await org.as.auditor.get(`${activities()}/${activity.id}/versions`).expect(200);
    expect(history.body.items.map((item: { number: number; action: string; status: string }) => `${item.number} ${item.action} ${item.status}`)).toEqual([
      '5 reopen draft',
      '4 archive archived',
      '3 validate validated',
      '2 submit in_review',
      '1 create draft',
    ]);
    expect(history.body.items[0]).toMatchObject({ comment: 'Nouvelle finalité à ajouter', authorId: org.userIds.dpo, authorName: 'Test dpo' });
  });

  it('lets a contributor submit and pull back their own activity, not another’s', async () => {
    const theirs = await create('dpo', completeActivity({ departmentId: hr }));
    // Same department: the contributor may edit, but only the owner submits.
    await step('contributor', theirs.id, 'submit', 1).expect(403);
    const own = await create('contributor');
    await step('contributor', own.id, 'submit', 1).expect(200);
    const pulledBack = await step('contributor', own.id, 'reopen', 2).expect(200);
    expect(pulledBack.body.status).toBe('draft');
    // The auditor reads everything and changes nothing.
    await org.as.auditor.post(activities()).send(completeActivity()).expect(403);
    await org.as.auditor.patch(`${activities()}/${own.id}`).send({ name: 'x', version: 3 }).expect(403);
    await org.as.auditor.delete(`${activities()}/${own.id}`).expect(403);
    await org.as.auditor.post(`${activities()}/${own.id}/duplicate`).send({}).expect(403);
    await org.as.auditor.post(`${activities()}/import-json`).send([]).expect(403);
    await org.as.auditor.get(`${activities()}/${own.id}/versions`).expect(200);
  });

  it('lets a contributor edit own or own-department activities only while draft or in review', async () => {
    const patch = (role: Role, id: string, body: Record<string, unknown>) => org.as[role].patch(`${activities()}/${id}`).send(body);
    const otherDepartment = await create('dpo', completeActivity({ departmentId: finance }));
    await patch('contributor', otherDepartment.id, { name: 'Pas à moi', version: 1 }).expect(403);
    const ownDepartment = await create('dpo', completeActivity({ departmentId: hr }));
    expect((await patch('contributor', ownDepartment.id, { name: 'Paie (RH)', version: 1 }).expect(200)).body.name).toBe('Paie (RH)');

    const own = await create('contributor', completeActivity({ departmentId: finance }));
    await patch('contributor', own.id, { description: 'Brouillon', version: 1 }).expect(200);
    await step('contributor', own.id, 'submit', 2).expect(200);
    await patch('contributor', own.id, { description: 'En revue', version: 3 }).expect(200);
    // A contributor may not hand the activity out of their own reach.
    await patch('contributor', own.id, { ownerId: org.userIds.dpo, version: 4 }).expect(403);
    await step('dpo', own.id, 'validate', 4).expect(200);
    await patch('contributor', own.id, { description: 'Validé', version: 5 }).expect(403);

    // The DPO may amend a validated activity, which must stay complete.
    const amended = await patch('dpo', own.id, { nextReviewDate: '2028-01-31', version: 5 }).expect(200);
    expect(amended.body).toMatchObject({ status: 'validated', version: 6, nextReviewDate: '2028-01-31' });
    const broken = await patch('dpo', own.id, { rightsProcedure: null, version: 6 }).expect(422);
    expect(broken.body.details.fields.map((field: { path: string }) => field.path)).toEqual(['rightsProcedure']);
    await step('dpo', own.id, 'archive', 6).expect(200);
    const archived = await patch('dpo', own.id, { description: 'Archivé', version: 7 }).expect(409);
    expect(archived.body.code).toBe('activity_archived');
  });

  it('updates with the version last read; a stale one gets 409 with the current version and changes nothing', async () => {
    const activity = await create('dpo');
    const updated = await org.as.dpo
      .patch(`${activities()}/${activity.id}`)
      .send({
        name: 'Paie et notes de frais',
        purposes: [{ ...(completeActivity().purposes as object[])[0], legalReference: 'Code du travail, art. L3243-1' }],
        version: 1,
        comment: 'Périmètre élargi',
      })
      .expect(200);
    expect(updated.body).toMatchObject({ name: 'Paie et notes de frais', version: 2 });
    expect(updated.body.purposes).toHaveLength(1);
    // Parts not sent are kept.
    expect(updated.body.dataCategories).toEqual(activity.dataCategories);

    const before = await countRows(api, activity.id);
    const stale = await org.as.dpo.patch(`${activities()}/${activity.id}`).set('Accept-Language', 'fr').send({ name: 'Écrasé', version: 1 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    await org.as.dpo.patch(`${activities()}/${activity.id}`).set('If-Match', '"1"').send({ name: 'Écrasé' }).expect(409);
    await org.as.dpo.patch(`${activities()}/${activity.id}`).send({ name: 'Sans version' }).expect(400);
    expect(await read(activity.id)).toMatchObject({ name: 'Paie et notes de frais', version: 2 });
    expect(await countRows(api, activity.id)).toEqual(before);

    // Sending back what was read changes nothing: no new version, no event.
    const same = await org.as.dpo.patch(`${activities()}/${activity.id}`).set('If-Match', 'W/"2"').send(await read(activity.id)).expect(200);
    expect(same.body.version).toBe(2);
    expect(await countRows(api, activity.id)).toEqual(before);

    // The audit event names each field that changed.
    const events = await asOwner(api, (client) =>
      client.query<{ action: string; changes: Record<string, { before: unknown; after: unknown }> }>(
        "SELECT action, changes FROM audit_events WHERE entity_type = 'Activity' AND entity_id = $1 ORDER BY sequence",
        [activity.id],
      ),
    );
    expect(events.rows.map((row) => row.action)).toEqual(['create', 'update']);
    expect(events.rows[1].changes).toEqual({
      name: { before: 'Gestion de la paie', after: 'Paie et notes de frais' },
      'purposes[0].legalReference': { before: 'Code du travail, art. L3243-2', after: 'Code du travail, art. L3243-1' },
      'purposes[1].description': { before: 'Détecter les anomalies de paie', after: null },
      'purposes[1].legalBasis': { before: 'legitimate_interests', after: null },
      'purposes[1].legitimateInterestAssessment.balancing': { before: 'Aucun impact défavorable attendu', after: null },
      'purposes[1].legitimateInterestAssessment.necessity': { before: 'Contrôles limités aux écarts', after: null },
      'purposes[1].legitimateInterestAssessment.purpose': { before: 'Éviter les erreurs de versement', after: null },
      'purposes[1].main': { before: false, after: null },
    });
  });

  it('writes the change, its version and its audit event in one transaction: a failed update leaves none of them', async () => {
    const activity = await create('dpo');
    // Make the audit write (the last step of an update) fail for this label.
    await asOwner(api, (client) =>
      client.query(`
        CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.entity_label LIKE '%en panne%' THEN RAISE EXCEPTION 'audit store unavailable'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_refuse_audit();`),
    );
    try {
      const before = await countRows(api, activity.id);
      const failed = await org.as.dpo.patch(`${activities()}/${activity.id}`).send({ name: 'Traitement en panne', version: 1 }).expect(500);
      expect(failed.body.code).toBe('internal_error');
      expect(await read(activity.id)).toMatchObject({ name: 'Gestion de la paie', version: 1 });
      expect(await countRows(api, activity.id)).toEqual(before);
      const stored = await asOwner(api, (client) => client.query('SELECT name, version FROM processing_activities WHERE id = $1', [activity.id]));
      expect(stored.rows[0]).toEqual({ name: 'Gestion de la paie', version: 1 });
    } finally {
      await asOwner(api, (client) => client.query('DROP TRIGGER test_refuse_audit ON audit_events; DROP FUNCTION test_refuse_audit();'));
    }
    await org.as.dpo.patch(`${activities()}/${activity.id}`).send({ name: 'Traitement réparé', version: 1 }).expect(200);
    expect(await countRows(api, activity.id)).toEqual({ versions: 2, events: 2 });
  });

  it('deletes drafts only, taking their history with them; the audit trail keeps the deletion', async () => {
    const submitted = await create('contributor');
    await step('contributor', submitted.id, 'submit', 1).expect(200);
    const notDraft = await org.as.dpo.delete(`${activities()}/${submitted.id}`).expect(409);
    expect(notDraft.body.code).toBe('activity_not_draft');

    const othersDraft = await create('dpo', completeActivity({ departmentId: hr }));
    await org.as.contributor.delete(`${activities()}/${othersDraft.id}`).expect(403);
    const ownDraft = await create('contributor');
    await org.as.contributor.delete(`${activities()}/${ownDraft.id}`).expect(204);
    await org.as.dpo.get(`${activities()}/${ownDraft.id}`).expect(404);
    expect(await countRows(api, ownDraft.id)).toEqual({ versions: 0, events: 2 });
    const deletion = await asOwner(api, (client) =>
      client.query("SELECT changes FROM audit_events WHERE entity_id = $1 AND action = 'delete'", [ownDraft.id]),
    );
    expect(deletion.rows[0].changes.name).toEqual({ before: 'Gestion de la paie', after: null });
  });

  it('duplicates an activity into a new draft owned by the caller', async () => {
    const source = await create('dpo', completeActivity({ departmentId: hr }));
    await step('dpo', source.id, 'submit', 1).expect(200);
    await step('dpo', source.id, 'validate', 2).expect(200);
    const copy = await org.as.contributor.post(`${activities()}/${source.id}/duplicate`).send({}).expect(201);
    expect(copy.body).toMatchObject({ name: 'Gestion de la paie (copy)', status: 'draft', ownerId: org.userIds.contributor, departmentId: hr, version: 1 });
    expect(copy.body.reference).not.toBe(source.reference);
    expect(copy.body.purposes).toEqual(source.purposes);
    const named = await org.as.dpo.post(`${activities()}/${source.id}/duplicate`).set('Accept-Language', 'fr').send({ name: 'Paie filiale' }).expect(201);
    expect(named.body.name).toBe('Paie filiale');
    const history = await org.as.dpo.get(`${activities()}/${named.body.id}/versions`).expect(200);
    expect(history.body.items[0]).toMatchObject({ action: 'duplicate', comment: `Copie de ${source.reference}` });
  });

  it('keeps other organisations out: 404 on every activity route', async () => {
    const activity = await create('dpo');
    const outsider = await signUp(api.server, 'outsider');
    const own = await outsider.agent.post('/api/v1/organizations').send({ name: 'Concurrent' }).expect(201);
    const routes: ['get' | 'post' | 'patch' | 'delete', string][] = [
      ['get', ''],
      ['post', ''],
      ['post', '/import-json'],
      ['get', `/${activity.id}`],
      ['patch', `/${activity.id}`],
      ['delete', `/${activity.id}`],
      ['post', `/${activity.id}/submit`],
      ['post', `/${activity.id}/duplicate`],
      ['get', `/${activity.id}/versions`],
      ['get', `/${activity.id}/versions/1`],
      ['get', `/${activity.id}/versions/1/diff/1`],
    ];
    for (const [method, suffix] of routes) {
      const response = await outsider.agent[method](`${activities()}${suffix}`).send({ version: 1 });
      expect({ route: `${method} ${suffix}`, status: response.status }).toEqual({ route: `${method} ${suffix}`, status: 404 });
    }
    // Their own organisation does not hold this activity either.
    const theirs = `/api/v1/organizations/${own.body.id}/activities/${activity.id}`;
    await outsider.agent.get(theirs).expect(404);
    await outsider.agent.patch(theirs).send({ name: 'Volé', version: 1 }).expect(404);
    await outsider.agent.post(`${theirs}/duplicate`).send({}).expect(404);
    expect((await outsider.agent.get(`/api/v1/organizations/${own.body.id}/activities`).expect(200)).body.total).toBe(0);
    await request(api.server).get(activities()).expect(401);
  });
});
