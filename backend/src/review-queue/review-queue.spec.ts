import { completeActivity } from '../activities/activities.test-helpers';
import { carpoolAnswers } from '../design-grids/design-grid.test-helpers';
import { emptyContent } from '../domain/dpias/dpia-rules';
import type { DpiaContent } from '../domain/dpias/dpia.types';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The three feared events rated before and after measures: what a DPIA needs to be submitted. */
function ratedRisks(): DpiaContent['risks'] {
  const risks = emptyContent().risks;
  const rated = { riskSources: ['Attaquant externe'], threats: ['Vol'], impacts: ['Usurpation'], existingMeasures: ['access_control'], plannedMeasures: ['encryption'] };
  risks.illegitimate_access = { ...rated, before: { severity: 4, likelihood: 3 }, after: { severity: 4, likelihood: 1 } };
  risks.unwanted_modification = { ...rated, before: { severity: 3, likelihood: 2 }, after: { severity: 3, likelihood: 1 } };
  risks.disappearance = { ...rated, before: { severity: 2, likelihood: 2 }, after: { severity: 2, likelihood: 1 } };
  return risks;
}

const vendor = (name: string, overrides: Record<string, unknown> = {}) => ({
  name,
  legalEntity: `${name} SAS`,
  service: 'Logiciel en SaaS',
  role: 'processor',
  headquartersCountry: 'FR',
  parentCompany: null,
  parentCountry: null,
  dataLocations: ['FR'],
  dpa: { signed: true, signedOn: '2022-03-14' },
  certifications: [],
  transferMechanism: null,
  nextReviewDate: '2027-03-14',
  ...overrides,
});

describe('the DPO’s review queue (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let other: TestOrganization;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'File de revue');
    other = await createOrganizationWithRoles(api.server, 'Autre organisme');
  });
  afterAll(() => api.close());

  const base = (organization = org) => `/api/v1/organizations/${organization.organizationId}`;
  const queue = async (organization = org): Promise<Body[]> => (await organization.as.dpo.get(`${base(organization)}/review-queue`).expect(200)).body.items;
  const ids: Record<string, string> = {};

  it('lists submitted activities, proposed vendors, DPIAs awaiting an opinion and grids sent, oldest first, and nothing else', async () => {
    const { contributor, dpo } = org.as;
    // Not waiting for the DPO: a draft activity, an approved vendor, a DPIA in progress, a grid in draft.
    const draft = (await contributor.post(`${base()}/activities`).send(completeActivity({ name: 'Brouillon' })).expect(201)).body;
    await dpo.post(`${base()}/vendors`).send(vendor('Approuvé', { status: 'approved' })).expect(201);
    await contributor.post(`${base()}/design-grids`).send({ projectName: 'Grille en brouillon' }).expect(201);

    // 1. An activity submitted.
    const activity = (await contributor.post(`${base()}/activities`).send(completeActivity({ name: 'Paie des agents' })).expect(201)).body;
    const submitted = (await contributor.post(`${base()}/activities/${activity.id}/submit`).send({ version: activity.version }).expect(200)).body;
    expect(submitted.status).toBe('in_review');
    ids.activity = activity.id;
    // 2. A vendor proposed by a contributor.
    ids.vendor = (await contributor.post(`${base()}/vendors`).send(vendor('Proposé')).expect(201)).body.id;
    // 3. A DPIA submitted for the DPO's opinion (a DPIA still in progress does not wait for the DPO).
    const inProgress = (await contributor.post(`${base()}/dpias`).send({ activityId: draft.id }).expect(201)).body;
    await contributor.patch(`${base()}/dpias/${inProgress.id}`).send({ version: 1, risks: ratedRisks() }).expect(200);
    const dpiaActivity = (await contributor.post(`${base()}/activities`).send(completeActivity({ name: 'Vidéoprotection' })).expect(201)).body;
    const dpia = (await contributor.post(`${base()}/dpias`).send({ activityId: dpiaActivity.id }).expect(201)).body;
    await contributor.patch(`${base()}/dpias/${dpia.id}`).send({ version: 1, risks: ratedRisks() }).expect(200);
    expect((await contributor.post(`${base()}/dpias/${dpia.id}/submit`).send({ version: 2 }).expect(200)).body.status).toBe('awaiting_dpo_opinion');
    ids.dpia = dpia.id;
    // 4. A design grid sent to the DPO (it also proposes its US provider as a vendor).
    let grid = (await contributor.post(`${base()}/design-grids`).send({ projectName: 'Covoiturage' }).expect(201)).body;
    for (const [question, answer] of Object.entries(carpoolAnswers())) {
      grid = (await contributor.patch(`${base()}/design-grids/${grid.id}`).send({ version: grid.version, answers: { [question]: answer } }).expect(200)).body;
    }
    grid = (await contributor.post(`${base()}/design-grids/${grid.id}/submit`).send({ version: grid.version }).expect(200)).body;
    ids.grid = grid.id;

    const items = await queue();
    // Oldest first, `since` an ISO instant.
    for (const item of items) expect(new Date(item.since).toISOString()).toBe(item.since);
    expect(items.map((item) => item.since)).toEqual([...items.map((item) => item.since)].sort());
    const known = items.filter((item) => Object.values(ids).includes(item.recordId));
    expect(known).toEqual([
      { kind: 'activity', recordId: ids.activity, reference: activity.reference, title: 'Paie des agents', since: expect.any(String), owner: 'Test contributor' },
      { kind: 'vendor', recordId: ids.vendor, reference: 'Proposé', title: 'Proposé', since: expect.any(String), owner: 'Test contributor' },
      { kind: 'dpia', recordId: ids.dpia, reference: dpiaActivity.reference, title: 'Vidéoprotection', since: expect.any(String), owner: 'Test contributor' },
      { kind: 'design_grid', recordId: ids.grid, reference: grid.activityReference, title: 'Covoiturage', since: expect.any(String), owner: 'Test contributor' },
    ]);
    // Besides those, only the vendors the grid proposed (under review).
    const rest = items.filter((item) => !Object.values(ids).includes(item.recordId));
    expect(rest.length).toBeGreaterThan(0);
    for (const item of rest) expect(item.kind).toBe('vendor');
  });

  it('dates an item from when it entered the waiting state: an activity reopened and submitted again moves to the end', async () => {
    const { contributor } = org.as;
    const current = (await contributor.get(`${base()}/activities/${ids.activity}`).expect(200)).body;
    const reopened = (await contributor.post(`${base()}/activities/${ids.activity}/reopen`).send({ version: current.version }).expect(200)).body;
    expect((await queue()).some((item) => item.recordId === ids.activity)).toBe(false);
    await contributor.post(`${base()}/activities/${ids.activity}/submit`).send({ version: reopened.version }).expect(200);
    const items = await queue();
    expect(items[items.length - 1]).toMatchObject({ kind: 'activity', recordId: ids.activity });
  });

  it('leaves the queue once the DPO acts: a validated activity and an approved vendor are gone', async () => {
    const activity = (await org.as.dpo.get(`${base()}/activities/${ids.activity}`).expect(200)).body;
    await org.as.dpo.post(`${base()}/activities/${ids.activity}/validate`).send({ version: activity.version }).expect(200);
    const proposed = (await org.as.dpo.get(`${base()}/vendors/${ids.vendor}`).expect(200)).body;
    await org.as.dpo.post(`${base()}/vendors/${ids.vendor}/review`).send({ version: proposed.version, answers: {}, result: 'approved' }).expect(200);
    const left = (await queue()).map((item) => item.recordId);
    expect(left).not.toContain(ids.activity);
    expect(left).not.toContain(ids.vendor);
    expect(left).toEqual(expect.arrayContaining([ids.dpia, ids.grid]));
  });

  it('is read by the DPO and admins only', async () => {
    const admin = (await org.as.admin.get(`${base()}/review-queue`).expect(200)).body.items;
    expect(admin).toEqual(await queue());
    await org.as.contributor.get(`${base()}/review-queue`).expect(403);
    await org.as.auditor.get(`${base()}/review-queue`).expect(403);
  });

  it('is declared in the OpenAPI document with its response schema', async () => {
    const document = (await org.as.dpo.get('/api/docs/openapi.json').expect(200)).body;
    expect(document.paths['/api/v1/organizations/{orgId}/review-queue'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ReviewQueueView' });
    // The document's keys are sorted (stable text for the drift gate).
    expect(Object.keys(document.components.schemas.ReviewQueueItemView.properties)).toEqual(['kind', 'owner', 'recordId', 'reference', 'since', 'title']);
  });

  it('never shows another organisation’s records, nor lets its members in', async () => {
    await other.as.dpo.get(`${base()}/review-queue`).expect(404);
    await other.as.admin.get(`${base()}/review-queue`).expect(404);
    await other.as.contributor.post(`${base(other)}/vendors`).send(vendor('Proposé ailleurs')).expect(201);
    const theirs = await queue(other);
    expect(theirs).toEqual([expect.objectContaining({ kind: 'vendor', title: 'Proposé ailleurs' })]);
    const ours = (await queue()).map((item) => item.title);
    expect(ours).not.toContain('Proposé ailleurs');
  });
});
