import { completeActivity, asOwner } from '../src/activities/activities.test-helpers';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from './test-api';

interface HostileCase {
  name: string;
  send: () => Promise<{ status: number; body: { code?: string; message?: string } }>;
}

/**
 * A corpus of hostile bodies sent to the API's write routes: each must get a clear 4xx with a
 * translated message and write nothing. The counts are reported in docs/security.md.
 */
describe('hostile input corpus', () => {
  let api: TestApi;
  let org: TestOrganization;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Hostile');
  });
  afterAll(() => api.close());

  const activities = () => `/api/v1/organizations/${org.organizationId}/activities`;
  const departments = () => `/api/v1/organizations/${org.organizationId}/departments`;

  async function writes(): Promise<{ activities: number; departments: number; events: number }> {
    return asOwner(api, async (client) => {
      const result = await client.query<{ activities: number; departments: number; events: number }>(
        `SELECT (SELECT count(*)::int FROM processing_activities WHERE organization_id = $1) AS activities,
                (SELECT count(*)::int FROM departments WHERE organization_id = $1) AS departments,
                (SELECT count(*)::int FROM audit_events WHERE organization_id = $1) AS events`,
        [org.organizationId],
      );
      return result.rows[0];
    });
  }

  function deeplyNested(depth: number): string {
    return `{"name":"x","role":"controller","purposes":${'['.repeat(depth)}${']'.repeat(depth)}}`;
  }

  const cases = (): HostileCase[] => {
    const dpo = org.as.dpo;
    const json = (path: string, body: string) => dpo.post(path).set('Content-Type', 'application/json').send(body);
    return [
      { name: 'oversized body (2 MB)', send: () => dpo.post(activities()).send(completeActivity({ description: 'x'.repeat(2_000_000) })) },
      { name: 'deeply nested JSON (100,000 levels)', send: () => json(activities(), deeplyNested(100_000)) },
      { name: 'nested JSON inside a text field', send: () => dpo.post(activities()).send(completeActivity({ name: { $gt: '' } })) },
      { name: 'malformed JSON', send: () => json(activities(), '{"name": "x", ') },
      { name: 'JSON that is not an object', send: () => json(activities(), '"just a string"') },
      { name: 'wrong type (number for a name)', send: () => dpo.post(activities()).send(completeActivity({ name: 42 })) },
      { name: 'wrong type (string for a list)', send: () => dpo.post(activities()).send(completeActivity({ purposes: 'all of them' })) },
      { name: 'unknown enum value', send: () => dpo.post(activities()).send(completeActivity({ role: 'overlord' })) },
      { name: 'unknown catalogue code', send: () => dpo.post(activities()).send(completeActivity({ purposes: [{ description: 'x', main: true, legalBasis: 'because_we_can' }] })) },
      { name: 'unknown property (mass assignment)', send: () => dpo.post(activities()).send(completeActivity({ organizationId: '00000000-0000-0000-0000-000000000000' })) },
      { name: 'very long string (100,000 characters)', send: () => dpo.post(activities()).send(completeActivity({ name: 'A'.repeat(100_000) })) },
      { name: 'NUL character in a text field', send: () => dpo.post(activities()).send(completeActivity({ name: 'Paie\u0000admin' })) },
      { name: 'NUL character in a nested text field', send: () => dpo.post(activities()).send(completeActivity({ dataSubjectInformation: 'Notice\u0000' })) },
      { name: 'NUL character in a department name', send: () => dpo.post(departments()).send({ name: 'RH\u0000' }) },
      { name: 'lone surrogate (invalid UTF-16)', send: () => json(departments(), '{"name":"RH \\ud800"}') },
      { name: 'empty name after trimming', send: () => dpo.post(activities()).send(completeActivity({ name: ' \t\n ' })) },
      { name: 'prototype pollution key', send: () => json(activities(), JSON.stringify({ ...completeActivity(), __proto__: { isAdmin: true } }).replace('"name"', '"__proto__":{"polluted":true},"name"')) },
      { name: 'NUL character in a search query', send: () => dpo.get(`${activities()}?q=paie%00admin`) },
      { name: 'NUL character in a path parameter', send: () => dpo.get(`${activities()}/%00`) },
      { name: 'wrong content type (form data)', send: () => dpo.post(activities()).type('form').send('name=x&role=controller') },
    ];
  };

  it('answers every hostile body with a clear 4xx in the caller’s language and writes nothing', async () => {
    const before = await writes();
    const results: string[] = [];
    for (const hostile of cases()) {
      const response = await hostile.send();
      const clear = response.status >= 400 && response.status < 500 && typeof response.body.code === 'string' && typeof response.body.message === 'string' && response.body.message.length > 0;
      results.push(`${hostile.name}: ${response.status} ${response.body.code ?? ''}${clear ? '' : '  ← NOT A CLEAR 4xx'}`);
    }
    expect(results.filter((line) => line.includes('NOT A CLEAR'))).toEqual([]);
    expect(await writes()).toEqual(before);
    // One line per case, for docs/security.md.
    process.stdout.write(`hostile corpus: ${results.length} bodies, ${results.filter((line) => !line.includes('NOT A CLEAR')).length} refused cleanly\n`);
  });

  it('translates the refusal (French and English)', async () => {
    const fr = await org.as.dpo.post(activities()).set('Accept-Language', 'fr').send(completeActivity({ name: 'Paie\u0000' }));
    const en = await org.as.dpo.post(activities()).set('Accept-Language', 'en').send(completeActivity({ name: 'Paie\u0000' }));
    expect(fr.status).toBe(400);
    expect(fr.body.message).not.toBe(en.body.message);
  });

  it('accepts and returns unchanged the unicode a real register holds: accents, RTL, zero-width, emoji, markup', async () => {
    const names = ['Gestion des élèves — œuvre', 'إدارة الرواتب \u202Eabc', 'Zero\u200Bwidth\u200Djoiner', 'Équipe 👩‍💻🇫🇷', '<script>alert(1)</script><img src=x onerror=alert(2)>'];
    for (const name of names) {
      const created = await org.as.dpo.post(activities()).send(completeActivity({ name })).expect(201);
      const read = await org.as.dpo.get(`${activities()}/${created.body.id}`).expect(200);
      expect(read.body.name).toBe(name);
      expect(read.headers['content-type']).toMatch(/^application\/json/);
    }
  });
});
