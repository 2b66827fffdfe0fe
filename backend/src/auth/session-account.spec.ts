import { Client } from 'pg';
import { createTestApi, signUp, TestApi } from '../../test/test-api';

/**
 * The session store reads the account with the session row (one query per request instead of two):
 * what the account says is still read on every request, and a session stops working at once when
 * its row or its user is gone.
 */
describe('account read with the session (real PostgreSQL)', () => {
  let api: TestApi;
  let owner: Client;
  beforeAll(async () => {
    api = await createTestApi();
    owner = new Client({ connectionString: api.database.ownerUrl });
    await owner.connect();
  });
  afterAll(async () => {
    await owner.end();
    await api.close();
  });

  it('answers with the account as it is now, not as it was at sign-in', async () => {
    const { agent, userId, email } = await signUp(api.server, 'renamed');
    const before = await agent.get('/api/v1/me').expect(200);
    expect(before.body).toMatchObject({ id: userId, email });
    await owner.query("UPDATE users SET name = 'Héloïse d’Argenteuil', locale = 'fr' WHERE id = $1", [userId]);
    const after = await agent.get('/api/v1/me').expect(200);
    expect(after.body).toMatchObject({ id: userId, email, name: 'Héloïse d’Argenteuil', locale: 'fr' });
  });

  it('signs out a session whose user was deleted, from the next request on', async () => {
    const { agent, userId } = await signUp(api.server, 'deleted');
    await agent.get('/api/v1/me').expect(200);
    await owner.query('DELETE FROM users WHERE id = $1', [userId]);
    const refused = await agent.get('/api/v1/me').expect(401);
    expect(refused.body.code).toBe('unauthenticated');
  });

  it('refuses a session whose row was removed (revoked), from the next request on', async () => {
    const { agent, userId } = await signUp(api.server, 'revoked');
    await agent.get('/api/v1/me').expect(200);
    const removed = await owner.query("DELETE FROM sessions WHERE sess::jsonb -> 'passport' ->> 'user' = $1", [userId]);
    expect(removed.rowCount).toBe(1);
    await agent.get('/api/v1/me').expect(401);
  });

  it('refuses an expired session row', async () => {
    const { agent, userId } = await signUp(api.server, 'expired');
    await agent.get('/api/v1/me').expect(200);
    await owner.query("UPDATE sessions SET expire = now() - interval '1 second' WHERE sess::jsonb -> 'passport' ->> 'user' = $1", [userId]);
    await agent.get('/api/v1/me').expect(401);
  });
});
