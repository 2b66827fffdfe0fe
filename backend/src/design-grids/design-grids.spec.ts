import { asOwner } from '../activities/activities.test-helpers';
import { Agent, createOrganizationWithRoles, createTestApi, joinByInvitation, newAgent, signUp, TEST_PASSWORD, TestApi, TestOrganization } from '../../test/test-api';
import { carpoolAnswers } from './design-grid.test-helpers';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('design grids: autosave, resume, submit, review, accept and re-answer conflicts (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Ville numérique');
  });
  afterAll(() => api.close());

  const grids = () => `/api/v1/organizations/${org.organizationId}/design-grids`;
  const activities = () => `/api/v1/organizations/${org.organizationId}/activities`;
  const start = async (projectName = 'Application de covoiturage pour les agents'): Promise<Body> =>
    (await org.as.contributor.post(grids()).send({ projectName, pitch: 'Partager les trajets domicile-travail entre agents.' }).expect(201)).body;
  /** Answers every question, one autosave per step, as the wizard does. */
  const answerAll = async (grid: Body): Promise<Body> => {
    let current = grid;
    for (const [question, answer] of Object.entries(carpoolAnswers())) {
      current = (await org.as.contributor.patch(`${grids()}/${grid.id}`).send({ version: current.version, answers: { [question]: answer } }).expect(200)).body;
    }
    return current;
  };
  const events = (gridId: string) =>
    asOwner(api, async (client) => (await client.query<{ action: string }>("SELECT action FROM audit_events WHERE entity_type = 'DesignGrid' AND entity_id = $1 ORDER BY sequence", [gridId])).rows.map((row) => row.action));

  it('starts a grid, autosaves each step with the flags computed by the server, and resumes it from another session', async () => {
    const grid = await start();
    expect(grid).toMatchObject({ status: 'draft', version: 1, answers: {}, answered: [], flags: [], activityId: null, conflicts: [] });
    expect(grid.completeness.score).toBeLessThan(100);

    const step1 = await org.as.contributor.patch(`${grids()}/${grid.id}`).send({ version: 1, answers: { purposes: carpoolAnswers().purposes } }).expect(200);
    expect(step1.body).toMatchObject({ version: 2, answered: ['purposes'], flags: [] });
    const step3 = await org.as.contributor.patch(`${grids()}/${grid.id}`).send({ version: 2, answers: { data: carpoolAnswers().data } }).expect(200);
    expect(step3.body.answered).toEqual(['purposes', 'data']);
    expect(step3.body.flags.map((flag: Body) => flag.code)).toEqual(['dpia_required', 'transfer_without_safeguards']);
    // Employees' location: monitoring, highly personal data, vulnerable subjects (WP248 criteria 3, 4, 7).
    expect(step3.body.dpia).toEqual({
      criteria: [
        { code: 'systematic_monitoring', because: ['location'] },
        { code: 'sensitive_or_highly_personal_data', because: ['location'] },
        { code: 'vulnerable_data_subjects', because: ['employees'] },
      ],
      decision: 'required',
    });

    // Saving the same answers again changes nothing (no new version).
    const same = await org.as.contributor.patch(`${grids()}/${grid.id}`).send({ version: 3, answers: { data: carpoolAnswers().data } }).expect(200);
    expect(same.body.version).toBe(3);
    // Questions left through the step buttons, saved blank, are not answered: the list says the same.
    const blank = await org.as.contributor
      .patch(`${grids()}/${grid.id}`)
      .send({ version: 3, answers: { minimisation: { justifications: [] }, retention: { rules: [] }, information: { description: null } } })
      .expect(200);
    expect(blank.body.answered).toEqual(['purposes', 'data']);
    const listed = (await org.as.contributor.get(grids()).expect(200)).body.items.find((item: Body) => item.id === grid.id);
    expect(listed.answeredCount).toBe(2);
    await org.as.contributor.patch(`${grids()}/${grid.id}`).send({ version: 4, answers: { data: carpoolAnswers().data } }).expect(200);

    // Another device of the same person, later: the grid as it was left.
    const { agent: otherDevice } = await signIn(api, org, 'contributor');
    const resumed = await otherDevice.get(`${grids()}/${grid.id}`).expect(200);
    expect(resumed.body.answers).toMatchObject({ purposes: carpoolAnswers().purposes, data: carpoolAnswers().data });
    expect(resumed.body.version).toBe(4);

    // A save from a device holding an older version is refused and changes nothing.
    const stale = await otherDevice.patch(`${grids()}/${grid.id}`).send({ version: 2, answers: { rights: { description: 'écrasé ?' } } }).expect(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', details: { currentVersion: 4 } });
    expect((await org.as.auditor.get(`${grids()}/${grid.id}`).expect(200)).body.answers.rights).toBeUndefined();
    expect(await events(grid.id)).toEqual(['create', 'update', 'update', 'update']);
  });

  it('validates answers at the edge and against the catalogues, with the path of each field', async () => {
    const grid = await start('Codes');
    const unknownProperty = await org.as.contributor.patch(`${grids()}/${grid.id}`).send({ version: 1, answers: { rights: { description: 'x', hacked: true } } }).expect(400);
    expect(unknownProperty.body.details.fields.map((field: Body) => `${field.path} ${field.code}`)).toEqual(['answers.rights.hacked whitelistValidation']);
    const badShape = await org.as.contributor
      .patch(`${grids()}/${grid.id}`)
      .send({ version: 1, answers: { retention: { rules: [{ category: 'identity', activePeriod: 'five years' }] }, purposes: { purposes: [], practices: ['mind_reading'] } } })
      .expect(400);
    expect(badShape.body.details.fields.map((field: Body) => field.path).sort()).toEqual(['answers.purposes.practices', 'answers.retention.rules.0.activePeriod'].sort().map((path) => path.replace('.0.', '[0].')));
    const codes = await org.as.contributor
      .patch(`${grids()}/${grid.id}`)
      .send({ version: 1, answers: { data: { subjects: [{ category: 'martians' }], dataCategories: [], recipients: [], processors: [{ name: 'X', country: 'ZZ' }] } } })
      .expect(400);
    expect(codes.body.details.fields.map((field: Body) => `${field.path} ${field.code}`)).toEqual([
      'answers.data.subjects[0].category catalogueCode',
      'answers.data.processors[0].country catalogueCode',
    ]);
  });

  it('lets only the creator, the DPO and admins change a grid; the auditor reads; another organisation sees nothing', async () => {
    const grid = await start('Droits');
    await org.as.auditor.post(grids()).send({ projectName: 'Auditeur' }).expect(403);
    await org.as.auditor.patch(`${grids()}/${grid.id}`).send({ version: 1, pitch: 'x' }).expect(403);
    const colleague = await signUp(api.server, 'colleague');
    await joinByInvitation(api.server, org.admin, org.organizationId, colleague.agent, colleague.email, 'contributor');
    await colleague.agent.patch(`${grids()}/${grid.id}`).send({ version: 1, pitch: 'x' }).expect(403);
    const byDpo = await org.as.dpo.patch(`${grids()}/${grid.id}`).send({ version: 1, pitch: 'Précisé par le DPO' }).expect(200);
    expect(byDpo.body.pitch).toBe('Précisé par le DPO');
    await org.as.contributor.post(`${grids()}/${grid.id}/accept`).send({ version: 2 }).expect(403);
    // The DPO reviews only what was sent.
    const early = await org.as.dpo.post(`${grids()}/${grid.id}/accept`).send({ version: 2 }).expect(409);
    expect(early.body).toMatchObject({ code: 'design_grid_invalid_transition', details: { status: 'draft', transition: 'accept' } });
    expect(early.body.message).toContain('draft');
    await org.as.dpo.post(`${grids()}/${grid.id}/request-changes`).send({ version: 2, comments: { data: 'x' } }).expect(409);

    const other = await createOrganizationWithRoles(api.server, 'Autre ville');
    await other.as.dpo.get(`/api/v1/organizations/${other.organizationId}/design-grids/${grid.id}`).expect(404);
    const listed = await other.as.dpo.get(`/api/v1/organizations/${other.organizationId}/design-grids`).expect(200);
    expect(listed.body.total).toBe(0);
  });

  it('submits: the draft activity is created from the answers, the US provider proposed; the DPO requests a change, the team fixes it, the DPO accepts', async () => {
    const grid = await answerAll(await start());
    expect(grid.completeness).toMatchObject({ score: 100 });
    const submitted = await org.as.contributor.post(`${grids()}/${grid.id}/submit`).send({ version: grid.version }).expect(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', activityId: expect.any(String), activityReference: expect.stringMatching(/^T-\d{4}$/) });
    const activityId = submitted.body.activityId as string;

    const activity = (await org.as.auditor.get(`${activities()}/${activityId}`).expect(200)).body;
    expect(activity).toMatchObject({
      name: 'Application de covoiturage pour les agents',
      status: 'draft',
      ownerId: org.userIds.contributor,
      purposes: [{ legalBasis: 'consent', main: true }, { legalBasis: 'legitimate_interests' }],
      dataSubjects: [{ category: 'employees', estimatedCount: 1200, vulnerable: false }],
      processors: ['Cartographie Globale Inc.'],
      transfers: [{ country: 'US', recipient: 'Cartographie Globale Inc.', mechanism: null }],
      securityMeasures: ['authentication', 'encryption', 'backup', 'incident_management', 'other:Revue des accès chaque trimestre'],
      // The same decision as the grid's: the register derives the criteria from the draft's facts.
      dpiaScreening: { criteria: [], decision: 'required' },
    });
    expect(activity.dataCategories.map((category: Body) => [category.category, category.minimisationJustification !== null, category.retention?.activePeriod])).toEqual([
      ['identity', true, 'P0D'],
      ['location', true, 'P3M'],
    ]);
    expect(activity.completeness.score).toBe(100);
    expect(activity.vendors).toEqual([expect.objectContaining({ name: 'Cartographie Globale Inc.', status: 'under_review' })]);

    // Under review, the answers are locked; the DPO's list shows the grid.
    const locked = await org.as.contributor.patch(`${grids()}/${grid.id}`).send({ version: submitted.body.version, answers: { rights: { description: 'x' } } }).set('Accept-Language', 'fr').expect(409);
    expect(locked.body.code).toBe('design_grid_locked');
    expect(locked.body.message).toContain('en revue');
    const waiting = await org.as.dpo.get(`${grids()}?status=submitted`).expect(200);
    expect(waiting.body.items.map((item: Body) => item.id)).toContain(grid.id);

    await org.as.dpo.post(`${grids()}/${grid.id}/request-changes`).send({ version: submitted.body.version, comments: { retention: '  ' } }).expect(400);
    const sentBack = await org.as.dpo
      .post(`${grids()}/${grid.id}/request-changes`)
      .send({ version: submitted.body.version, comments: { retention: 'Les trajets : 1 mois suffit.' } })
      .expect(200);
    expect(sentBack.body).toMatchObject({ status: 'changes_requested', comments: { retention: { text: 'Les trajets : 1 mois suffit.', authorId: org.userIds.dpo } } });

    const retention = carpoolAnswers().retention;
    retention.rules[1].activePeriod = 'P1M';
    const fixed = await org.as.contributor.patch(`${grids()}/${grid.id}`).send({ version: sentBack.body.version, answers: { retention } }).expect(200);
    expect(fixed.body.conflicts).toEqual([]);
    // The draft follows the answer at once.
    const afterFix = (await org.as.auditor.get(`${activities()}/${activityId}`).expect(200)).body;
    expect(afterFix.dataCategories[1].retention.activePeriod).toBe('P1M');

    const resubmitted = await org.as.contributor.post(`${grids()}/${grid.id}/submit`).send({ version: fixed.body.version }).expect(200);
    const accepted = await org.as.dpo.post(`${grids()}/${grid.id}/accept`).send({ version: resubmitted.body.version }).expect(200);
    expect(accepted.body.status).toBe('accepted');
    expect((await org.as.auditor.get(`${activities()}/${activityId}`).expect(200)).body.status).toBe('in_review');

    // The activity finds its grid.
    const linked = await org.as.auditor.get(`${grids()}?activityId=${activityId}`).expect(200);
    expect(linked.body.items).toEqual([expect.objectContaining({ id: grid.id, status: 'accepted' })]);
    expect(await events(grid.id)).toEqual(['create', ...Array<string>(10).fill('update'), 'submit', 'request_changes', 'update', 'submit', 'accept']);
  });

  it('proposes each new provider with the country and mechanism the team gave: the vendor and the activity’s transfer say the same', async () => {
    const grid = await start('Plateforme d’inscription « Été jeunes »');
    const data = {
      ...carpoolAnswers().data,
      processors: [
        { name: 'Nuage Américain Corp.', country: 'US', mechanism: 'scc' },
        { name: 'Hébergeur Éireann Ltd', country: 'IE', mechanism: null },
        { name: 'Cartes Sans Garantie LLC', country: 'US', mechanism: null },
      ],
    };
    const saved = (await org.as.contributor.patch(`${grids()}/${grid.id}`).send({ version: grid.version, answers: { data } }).expect(200)).body;
    const answered = await (async () => {
      let current = saved;
      for (const [question, answer] of Object.entries(carpoolAnswers())) {
        if (question === 'data') continue;
        current = (await org.as.contributor.patch(`${grids()}/${grid.id}`).send({ version: current.version, answers: { [question]: answer } }).expect(200)).body;
      }
      return current;
    })();
    const submitted = (await org.as.contributor.post(`${grids()}/${grid.id}/submit`).send({ version: answered.version }).expect(200)).body;
    const activity = (await org.as.auditor.get(`${activities()}/${submitted.activityId}`).expect(200)).body;
    expect(activity.transferStatuses.map((status: Body) => [status.country, status.status])).toEqual([
      ['US', 'safeguarded'],
      ['US', 'needs_mechanism'],
    ]);

    const vendors = `/api/v1/organizations/${org.organizationId}/vendors`;
    const byName = async (name: string): Promise<Body> => {
      const page = (await org.as.auditor.get(vendors).query({ q: name }).expect(200)).body;
      const item = page.items.find((vendor: Body) => vendor.name === name);
      return (await org.as.auditor.get(`${vendors}/${item.id}`).expect(200)).body;
    };
    const american = await byName('Nuage Américain Corp.');
    expect(american).toMatchObject({ status: 'under_review', headquartersCountry: 'US', dataLocations: ['US'], transferMechanism: 'scc' });
    expect(american.assessment).toMatchObject({ needsMechanism: false, exposed: true, locations: [expect.objectContaining({ country: 'US', status: 'safeguarded' })] });
    const irish = await byName('Hébergeur Éireann Ltd');
    expect(irish).toMatchObject({ headquartersCountry: 'IE', dataLocations: ['IE'], transferMechanism: null });
    expect(irish.assessment).toMatchObject({ needsMechanism: false, exposed: false });
    // No mechanism given: the vendor needs one, as the activity's transfer does.
    const unsafe = await byName('Cartes Sans Garantie LLC');
    expect(unsafe).toMatchObject({ headquartersCountry: 'US', dataLocations: ['US'], transferMechanism: null });
    expect(unsafe.assessment.locations).toEqual([expect.objectContaining({ country: 'US', status: 'needs_mechanism' })]);
  });

  it('never overwrites what the DPO edited on the draft: the conflict is returned, the team chooses', async () => {
    const grid = await answerAll(await start('Conflits'));
    const submitted = (await org.as.contributor.post(`${grids()}/${grid.id}/submit`).send({ version: grid.version }).expect(200)).body;
    const activityId = submitted.activityId as string;
    const sentBack = (await org.as.dpo.post(`${grids()}/${grid.id}/request-changes`).send({ version: submitted.version, comments: { rights: 'Précisez le délai.' } }).expect(200)).body;

    // The DPO edits the draft directly.
    const draft = (await org.as.dpo.get(`${activities()}/${activityId}`).expect(200)).body;
    await org.as.dpo.patch(`${activities()}/${activityId}`).send({ version: draft.version, rightsProcedure: 'Texte du DPO : réponse sous un mois.' }).expect(200);

    // An answer the DPO did not touch still flows into the draft…
    const info = await org.as.contributor.patch(`${grids()}/${grid.id}`).send({ version: sentBack.version, answers: { information: { description: 'Notice et affiche.' } } }).expect(200);
    expect(info.body.conflicts).toEqual([]);
    // …but re-answering the edited field returns the conflict instead of overwriting it.
    const rights = await org.as.contributor.patch(`${grids()}/${grid.id}`).send({ version: info.body.version, answers: { rights: { description: 'Formulaire, réponse sous 15 jours.' } } }).expect(200);
    expect(rights.body.conflicts).toEqual([
      { field: 'rightsProcedure', questions: ['rights'], gridValue: 'Formulaire, réponse sous 15 jours.', activityValue: 'Texte du DPO : réponse sous un mois.' },
    ]);
    let current = (await org.as.auditor.get(`${activities()}/${activityId}`).expect(200)).body;
    expect(current.rightsProcedure).toBe('Texte du DPO : réponse sous un mois.');
    expect(current.dataSubjectInformation).toBe('Notice et affiche.');
    // Resuming shows it too, and it blocks sending.
    expect((await org.as.contributor.get(`${grids()}/${grid.id}`).expect(200)).body.conflicts).toHaveLength(1);
    const blocked = await org.as.contributor.post(`${grids()}/${grid.id}/submit`).send({ version: rights.body.version }).expect(409);
    expect(blocked.body).toMatchObject({ code: 'design_grid_conflicts', details: { conflicts: [expect.objectContaining({ field: 'rightsProcedure' })] } });

    // Keep the DPO's text: nothing written, the conflict is settled.
    const kept = await org.as.contributor.post(`${grids()}/${grid.id}/resolve`).send({ version: rights.body.version, field: 'rightsProcedure', keep: 'activity' }).expect(200);
    expect(kept.body.conflicts).toEqual([]);
    expect((await org.as.auditor.get(`${activities()}/${activityId}`).expect(200)).body.rightsProcedure).toBe('Texte du DPO : réponse sous un mois.');

    // A new answer meets the DPO's text again; this time the team's answer wins.
    const again = await org.as.contributor.patch(`${grids()}/${grid.id}`).send({ version: kept.body.version, answers: { rights: { description: 'Formulaire en ligne.' } } }).expect(200);
    expect(again.body.conflicts).toHaveLength(1);
    const overwritten = await org.as.contributor.post(`${grids()}/${grid.id}/resolve`).send({ version: again.body.version, field: 'rightsProcedure', keep: 'grid' }).expect(200);
    expect(overwritten.body.conflicts).toEqual([]);
    current = (await org.as.auditor.get(`${activities()}/${activityId}`).expect(200)).body;
    expect(current.rightsProcedure).toBe('Formulaire en ligne.');
    await org.as.contributor.post(`${grids()}/${grid.id}/submit`).send({ version: overwritten.body.version }).expect(200);
  });
});

/** A second signed-in session of a member (another device). */
async function signIn(api: TestApi, org: TestOrganization, role: 'contributor'): Promise<{ agent: Agent }> {
  const email = await asOwner(api, async (client) => (await client.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [org.userIds[role]])).rows[0].email);
  const agent = await newAgent(api.server);
  await agent.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
  return { agent };
}
