import { randomUUID } from 'node:crypto';
import { asOwner, completeActivity } from '../src/activities/activities.test-helpers';
import { routeTable } from './route-table';
import { Agent, createOrganizationWithRoles, createTestApi, newAgent, signUp, TestApi, TestOrganization, uniqueEmail } from './test-api';

/** JSON text whose string carries the escape of a lone UTF-16 surrogate (invalid Unicode). */
const LONE = String.raw`a\ud800b`;

/**
 * A lone surrogate (`"a\ud800b"`) is valid JSON but not valid Unicode: PostgreSQL refuses it in
 * jsonb and UTF-8 cannot encode it. It used to reach the services and answer 500 on activities,
 * departments, vendors and grids; it is now refused while the body is parsed, on every JSON route.
 */
describe('lone UTF-16 surrogates in JSON bodies (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let activityId: string;
  let departmentId: string;
  const base = () => `/api/v1/organizations/${org.organizationId}`;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Unicode');
    activityId = (await org.as.dpo.post(`${base()}/activities`).send(completeActivity()).expect(201)).body.id;
    departmentId = (await org.admin.post(`${base()}/departments`).send({ name: 'Finance' }).expect(201)).body.id;
  });
  afterAll(() => api.close());

  const writes = () =>
    asOwner(api, async (client) => {
      const result = await client.query(
        `SELECT (SELECT count(*)::int FROM processing_activities) AS activities, (SELECT count(*)::int FROM departments) AS departments,
                (SELECT count(*)::int FROM vendors) AS vendors, (SELECT count(*)::int FROM design_grids) AS grids,
                (SELECT count(*)::int FROM audit_events) AS events, (SELECT count(*)::int FROM users) AS users`,
      );
      return result.rows[0] as Record<string, number>;
    });

  /** Realistic bodies, the surrogate where a user would type text (nested too); raw JSON so the escape stays as sent. */
  const realistic = (): { name: string; agent: Agent; method: 'post' | 'patch' | 'put'; path: string; body: string }[] => {
    const activity = JSON.stringify(completeActivity({ name: '@@' }));
    return [
      { name: 'create an activity (name)', agent: org.as.dpo, method: 'post', path: `${base()}/activities`, body: activity.replace('"@@"', `"${LONE}"`) },
      {
        name: 'create an activity (nested purpose)',
        agent: org.as.dpo,
        method: 'post',
        path: `${base()}/activities`,
        body: JSON.stringify(completeActivity({ purposes: [{ description: '@@', main: true, legalBasis: 'contract' }] })).replace('"@@"', `"${LONE}"`),
      },
      { name: 'update an activity', agent: org.as.dpo, method: 'patch', path: `${base()}/activities/${activityId}`, body: `{"description":"${LONE}","version":1}` },
      { name: 'import activities', agent: org.as.dpo, method: 'post', path: `${base()}/activities/import-json`, body: `[${activity.replace('"@@"', `"${LONE}"`)}]` },
      { name: 'create a department', agent: org.admin, method: 'post', path: `${base()}/departments`, body: `{"name":"RH ${LONE}"}` },
      { name: 'rename a department', agent: org.admin, method: 'patch', path: `${base()}/departments/${departmentId}`, body: `{"name":"${LONE}","version":1}` },
      { name: 'create a vendor', agent: org.as.dpo, method: 'post', path: `${base()}/vendors`, body: `{"name":"Cloud ${LONE}","dataLocations":["FR"]}` },
      { name: 'create a design grid', agent: org.as.contributor, method: 'post', path: `${base()}/design-grids`, body: `{"projectName":"Projet ${LONE}"}` },
      { name: 'add a catalogue entry', agent: org.as.dpo, method: 'post', path: `${base()}/catalogues/data-categories/entries`, body: `{"code":"loyalty","fr":"Fidélité ${LONE}","en":"Loyalty"}` },
      { name: 'organisation settings', agent: org.admin, method: 'patch', path: base(), body: `{"name":"${LONE}","version":1}` },
      { name: 'own profile', agent: org.as.auditor, method: 'patch', path: '/api/v1/me', body: `{"name":"${LONE}"}` },
      { name: 'low surrogate alone', agent: org.admin, method: 'post', path: `${base()}/departments`, body: String.raw`{"name":"\udc00"}` },
      { name: 'pair in the wrong order', agent: org.admin, method: 'post', path: `${base()}/departments`, body: String.raw`{"name":"\ude42\ud83d"}` },
      { name: 'surrogate in a key', agent: org.admin, method: 'post', path: `${base()}/departments`, body: `{"name":"RH","${LONE}":1}` },
      { name: 'surrogate at the end of a string', agent: org.admin, method: 'post', path: `${base()}/departments`, body: String.raw`{"name":"RH \ud83d"}` },
    ];
  };

  it('refuses each with 400 invalid_characters, a translated message, and writes nothing', async () => {
    const before = await writes();
    const answers: string[] = [];
    for (const call of realistic()) {
      const response = await call.agent[call.method](call.path).set('Content-Type', 'application/json').send(call.body);
      const clear = typeof response.body.message === 'string' && response.body.message.length > 0 && typeof response.body.details === 'object';
      answers.push(`${call.name}: ${response.status} ${response.body.code}${clear ? '' : ' (no message or details)'}`);
    }
    // A new account, on a public route.
    const visitor = await newAgent(api.server);
    const signUp = await visitor.post('/api/v1/auth/register').set('Content-Type', 'application/json').send(`{"email":"${uniqueEmail('lone')}","password":"correct horse battery staple","name":"${LONE}"}`);
    answers.push(`sign up: ${signUp.status} ${signUp.body.code}`);
    expect(answers).toEqual(answers.map((answer) => answer.replace(/: .*$/, ': 400 invalid_characters')));
    expect(await writes()).toEqual(before);
  });

  it('answers 400, never 5xx, on every route that takes a body', async () => {
    // Signing out last, so the agent stays signed in for the other routes.
    const mutating = routeTable(api.app)
      .filter((route) => ['POST', 'PATCH', 'PUT'].includes(route.method))
      .sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
    expect(mutating.length).toBeGreaterThan(30);
    // A member of its own organisation (signing out on the way must not sign out the others).
    const { agent } = await signUp(api.server, 'routes');
    const own = (await agent.post('/api/v1/organizations').send({ name: 'Routes' }).expect(201)).body.id as string;
    const answers: string[] = [];
    for (const route of mutating) {
      const path = route.path.replace(/:(\w+)/g, (_whole, name: string) => (name === 'orgId' ? own : name === 'name' ? 'data-categories' : randomUUID()));
      const response = await agent[route.method.toLowerCase() as 'post' | 'patch' | 'put'](path).set('Content-Type', 'application/json').send(`{"name":"${LONE}","description":"${LONE}"}`);
      answers.push(`${route.method} ${route.path}: ${response.status} ${response.body.code}`);
    }
    expect(answers).toEqual(answers.map((answer) => answer.replace(/: \d+ .*$/, ': 400 invalid_characters')));
  });

  it('says so in French and in English', async () => {
    const [fr, en] = await Promise.all(
      (['fr', 'en'] as const).map((locale) => org.admin.post(`${base()}/departments`).set('Accept-Language', locale).set('Content-Type', 'application/json').send(`{"name":"${LONE}"}`)),
    );
    expect(fr.body.message).toMatch(/Unicode/);
    expect(en.body.message).toMatch(/Unicode/);
    expect(fr.body.message).not.toBe(en.body.message);
  });

  it('accepts a well-formed pair, escaped or not, and gives back the same character', async () => {
    const escaped = await org.admin.post(`${base()}/departments`).set('Content-Type', 'application/json').send(String.raw`{"name":"Équipe \ud83d\ude42"}`).expect(201);
    expect(escaped.body.name).toBe('Équipe 🙂');
    const literal = await org.admin.post(`${base()}/departments`).send({ name: 'Direction 漢字 🙂' }).expect(201);
    expect(literal.body.name).toBe('Direction 漢字 🙂');
  });
});
