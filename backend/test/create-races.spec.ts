import type { Response } from 'supertest';
import { asOwner, completeActivity } from '../src/activities/activities.test-helpers';
import { pdfFile } from '../src/evidence/evidence.test-helpers';
import { download } from '../src/exports/exports.test-helpers';
import { createOrganizationWithRoles, createTestApi, joinByInvitation, newAgent, signUp, TEST_PASSWORD, TestApi, TestOrganization, uniqueEmail } from './test-api';

const CONCURRENCY = 8;
const ROUNDS = 3;
/** The audit actions that bring a record into existence. */
const CREATION_ACTIONS = ['create', 'duplicate', 'import', 'upload', 'dpia_create'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface CreatedEvent {
  entity_type: string;
  entity_id: string | null;
  entity_label: string | null;
}

/** `count` identical (or numbered) requests let go at once. */
function race(count: number, send: (index: number) => PromiseLike<Response>): Promise<Response[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => send(index)));
}

const summary = (responses: Response[]) => {
  const counts = new Map<string, number>();
  for (const response of responses) {
    const key = response.status >= 400 ? `${response.status} ${response.body.code}` : String(response.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort());
};

/**
 * Every create route raced by CONCURRENCY simultaneous requests, ROUNDS times: a unique key taken by
 * two requests at once used to surface as a PostgreSQL unique violation (23505) and a 500, and a
 * catalogue code added twice could be silently overwritten with two "created" audit events. Now:
 * only 2xx and 409 (translated `{ code, message, details }`), exactly one winner per unique key, and
 * exactly one "create" audit event per record created.
 */
describe('racing creations never answer 5xx (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  const base = () => `/api/v1/organizations/${org.organizationId}`;
  const outcomes: string[] = [];

  const createdEvents = (organizationId = org.organizationId) =>
    asOwner(api, async (client) => (await client.query<CreatedEvent>(`SELECT entity_type, entity_id, entity_label FROM audit_events WHERE organization_id = $1 AND action = ANY($2)`, [organizationId, CREATION_ACTIONS])).rows);

  /** Races `send`; checks the statuses and that the audit trail got one "create" event per 2xx of `entityType`. */
  async function raceCreate(name: string, entityType: string, send: (index: number) => PromiseLike<Response>, expected: 'one winner' | 'all succeed', refusals = [409]) {
    const success = 201;
    const before = (await createdEvents()).filter((event) => event.entity_type === entityType).length;
    const responses = await race(CONCURRENCY, send);
    outcomes.push(`${name}: ${JSON.stringify(summary(responses))}`);
    const wins = responses.filter((response) => response.status === success);
    const losses = responses.filter((response) => response.status !== success);
    for (const loss of losses) {
      expect({ route: name, status: refusals.includes(loss.status) ? 'refused' : loss.status }).toEqual({ route: name, status: 'refused' });
      expect(loss.body).toEqual({ code: expect.any(String), message: expect.any(String), details: expect.any(Object) });
      expect(loss.body.message).not.toMatch(/duplicate key|violates|constraint/i);
    }
    expect({ route: name, wins: wins.length }).toEqual({ route: name, wins: expected === 'one winner' ? 1 : CONCURRENCY });
    const after = (await createdEvents()).filter((event) => event.entity_type === entityType).length;
    expect({ route: name, events: after - before }).toEqual({ route: name, events: wins.length });
    return wins;
  }

  beforeAll(async () => {
    api = await createTestApi({ LOGIN_MAX_ATTEMPTS_PER_IP: '1000' });
    org = await createOrganizationWithRoles(api.server, 'Courses');
  });
  afterAll(async () => {
    process.stdout.write(`create races (${CONCURRENCY} at once):\n  ${outcomes.join('\n  ')}\n`);
    await api.close();
  });

  it('members: one address invited by 8 admins at once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { email } = await signUp(api.server, 'racer');
      const before = (await createdEvents()).filter((event) => event.entity_type === 'Invitation').length;
      const responses = await race(CONCURRENCY, () => org.admin.post(`${base()}/members`).send({ email, roles: ['contributor'] }));
      outcomes.push(`invite a member: ${JSON.stringify(summary(responses))}`);
      // A new invitation replaces the open one, so a request arriving after another committed wins
      // too; requests truly at once meet the one-open-invitation key: 409, never 5xx, never two open.
      const wins = responses.filter((response) => response.status === 201);
      expect(responses.filter((response) => response.status !== 201 && response.status !== 409)).toEqual([]);
      expect(wins.length).toBeGreaterThan(0);
      for (const win of wins) expect(win.body.email).toBe(email);
      const after = (await createdEvents()).filter((event) => event.entity_type === 'Invitation').length;
      expect(after - before).toBe(wins.length);
      const open = await asOwner(api, async (client) =>
        (await client.query<{ count: string }>('SELECT count(*) FROM invitations WHERE organization_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL', [org.organizationId, email])).rows[0].count,
      );
      expect(Number(open)).toBe(1);
    }
  });


  it('custom catalogue entries: one code added 8 times at once, never overwritten', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const code = `race_code_${round}`;
      const [win] = await raceCreate(
        'add a catalogue entry',
        'CatalogueEntry',
        (index) => org.as.dpo.post(`${base()}/catalogues/data-categories/entries`).send({ code, fr: `Libellé ${index}`, en: `Label ${index}` }),
        'one winner',
      );
      // What is stored is what the one 201 answered, not a later request's labels.
      const catalogue = await org.as.auditor.get(`${base()}/catalogues/data-categories`).expect(200);
      const items = (catalogue.body.items ?? catalogue.body) as { code: string; fr: string }[];
      expect(items.find((item) => item.code === code)?.fr).toBe(win.body.fr);
    }
  });

  it('departments, vendors and activity references: one name or reference taken 8 times at once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      await raceCreate('create a department', 'Department', () => org.admin.post(`${base()}/departments`).send({ name: `Direction ${round}` }), 'one winner');
      await raceCreate('create a vendor', 'Vendor', () => org.as.dpo.post(`${base()}/vendors`).send({ name: `Hébergeur ${round}` }), 'one winner');
      await raceCreate('create an activity with a reference', 'Activity', () => org.as.dpo.post(`${base()}/activities`).send(completeActivity({ reference: `RACE-${round}` })), 'one winner');
      await raceCreate('import activities (JSON)', 'Activity', () => org.as.dpo.post(`${base()}/activities/import-json`).send([completeActivity({ reference: `IMP-${round}` })]), 'one winner', [409, 422]);
      await raceCreate('import vendors (JSON)', 'Vendor', () => org.as.dpo.post(`${base()}/vendors/import-json`).send([{ name: `Importé ${round}` }]), 'one winner', [409, 422]);
    }
  });

  it('one DPIA per activity, asked for 8 times at once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const activity = await org.as.dpo.post(`${base()}/activities`).send(completeActivity({ dpiaScreening: { criteria: ['evaluation_scoring', 'sensitive_or_highly_personal_data'], decision: 'required' } })).expect(201);
      await raceCreate('start a DPIA', 'Dpia', () => org.as.dpo.post(`${base()}/dpias`).send({ activityId: activity.body.id }), 'one winner');
    }
  });

  it('numbered and unnamed creations all succeed, each numbered once and audited once', async () => {
    const activities = await raceCreate('create an activity (numbered)', 'Activity', () => org.as.dpo.post(`${base()}/activities`).send(completeActivity()), 'all succeed');
    const source = activities[0].body.id as string;
    const copies = await raceCreate('duplicate an activity', 'Activity', () => org.as.dpo.post(`${base()}/activities/${source}/duplicate`).send({}), 'all succeed');
    const fromTemplate = await raceCreate('start a draft from a template', 'Activity', () => org.as.contributor.post(`${base()}/activities/from-template`).send({ template: 'payroll' }), 'all succeed');
    const references = [...activities, ...copies, ...fromTemplate].map((response) => response.body.reference as string);
    expect(new Set(references).size).toBe(references.length);
    await raceCreate('create a design grid', 'DesignGrid', () => org.as.contributor.post(`${base()}/design-grids`).send({ projectName: 'Covoiturage' }), 'all succeed');
    await raceCreate('add a catalogue entry (distinct codes)', 'CatalogueEntry', (index) => org.as.dpo.post(`${base()}/catalogues/security-measures/entries`).send({ code: `measure_${index}`, fr: 'Mesure', en: 'Measure' }), 'all succeed');
    await raceCreate('upload a document', 'Evidence', (index) => org.as.dpo.post(`${base()}/activities/${source}/documents`).field('kind', 'policy').attach('file', pdfFile(`Politique ${index}`), 'Politique.pdf'), 'all succeed');
  });

  it('an xlsx import raced 8 times: one creates, the others are refused or find nothing left to change', async () => {
    const source = await createOrganizationWithRoles(api.server, 'Source courses');
    await source.as.dpo.post(`/api/v1/organizations/${source.organizationId}/vendors`).send({ name: 'Partagé' }).expect(201);
    await source.as.dpo.post(`/api/v1/organizations/${source.organizationId}/activities`).send(completeActivity({ reference: 'XLS-1', processors: ['Partagé'] })).expect(201);
    const content = (await download(source.as.auditor, `/api/v1/organizations/${source.organizationId}/exports/register.xlsx?lang=en`)).body;
    const target = await createOrganizationWithRoles(api.server, 'Cible courses');
    const sourceDpo = ((await source.admin.get(`/api/v1/organizations/${source.organizationId}/members`).expect(200)).body.items as { email: string; roles: string[] }[]).find((m) => m.roles.includes('dpo'))!;
    await joinByInvitation(api.server, target.admin, target.organizationId, source.as.dpo, sourceDpo.email, 'dpo');
    const responses = await race(CONCURRENCY, () => source.as.dpo.post(`/api/v1/organizations/${target.organizationId}/imports`).attach('file', content, { filename: 'register.xlsx', contentType: XLSX }));
    outcomes.push(`import a workbook: ${JSON.stringify(summary(responses))}`);
    expect(responses.filter((response) => response.status >= 500)).toEqual([]);
    // Importing one workbook is idempotent: exactly one import creates XLS-1; every other one is refused
    // (409 while the winner holds the register, or a report naming what stopped it) or finds everything
    // already there and changes nothing.
    const creators = responses.filter((response) => response.status === 200 && response.body.valid === true && response.body.created.length > 0);
    expect(creators.map((response) => response.body.created)).toEqual([[{ reference: 'XLS-1', name: expect.any(String) }]]);
    for (const response of responses.filter((candidate) => candidate !== creators[0])) {
      const outcome =
        response.status === 409 ? 'refused'
        : response.status === 422 && response.body.code === 'import_xlsx_invalid' ? 'refused with a report'
        : response.status === 200 && response.body.valid === false ? 'report'
        : response.status === 200 && response.body.created.length === 0 && response.body.updated.length === 0 ? 'nothing to change'
        : `unexpected ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`;
      expect(outcome).not.toMatch(/^unexpected/);
    }
    const events = await createdEvents(target.organizationId);
    expect(events.filter((event) => event.entity_type === 'Activity')).toHaveLength(1);
    expect(events.filter((event) => event.entity_type === 'Vendor')).toHaveLength(1);
  });

  it('organisations and accounts: 8 organisations at once, one e-mail registered 8 times at once', async () => {
    const { agent } = await signUp(api.server, 'founder');
    const responses = await race(CONCURRENCY, (index) => agent.post('/api/v1/organizations').send({ name: `Cabinet ${index}` }));
    outcomes.push(`create an organisation: ${JSON.stringify(summary(responses))}`);
    expect(responses.map((response) => response.status)).toEqual(Array(CONCURRENCY).fill(201));
    for (const response of responses) expect((await createdEvents(response.body.id)).filter((event) => event.entity_type === 'Organization')).toHaveLength(1);

    for (let round = 0; round < ROUNDS; round++) {
      const email = uniqueEmail('twin');
      const agents = await Promise.all(Array.from({ length: CONCURRENCY }, () => newAgent(api.server)));
      const accounts = await race(CONCURRENCY, (index) => agents[index].post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD, name: 'Jumeau' }));
      outcomes.push(`sign up: ${JSON.stringify(summary(accounts))}`);
      // Sign-up answers 202 alike whether or not the address is taken (no account enumeration), or
      // 429 once the address's sign-up budget is spent: never a 5xx, and one account in the end.
      expect(accounts.filter((response) => !(response.status === 202 && response.body.status === 'check_email') && response.status !== 429)).toEqual([]);
      expect(accounts.filter((response) => response.status === 202).length).toBeGreaterThan(0);
      const rows = await api.dataSource.query<{ count: string }[]>('SELECT count(*) FROM users WHERE lower(email) = lower($1)', [email]);
      expect(Number(rows[0].count)).toBe(1);
    }
  });

  it('says it in the caller’s language', async () => {
    // Inviting someone who is already a member: a translated 409.
    const { email } = ((await org.admin.get(`${base()}/members`).expect(200)).body.items as { email: string; roles: string[] }[]).find((member) => member.roles.includes('auditor'))!;
    const [fr, en] = await Promise.all((['fr', 'en'] as const).map((locale) => org.admin.post(`${base()}/members`).set('Accept-Language', locale).send({ email, roles: ['auditor'] }).expect(409)));
    expect(fr.body.code).toBe(en.body.code);
    expect(fr.body.message).not.toBe(en.body.message);
  });
});
