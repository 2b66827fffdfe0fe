import { createTestApi, signUp, TestApi } from '../../test/test-api';

describe('absolute session lifetime besides the idle timeout (real PostgreSQL)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi({ SESSION_ABSOLUTE_MAX_AGE_HOURS: '168' });
  });
  afterAll(() => api.close());

  /** Moves the sign-in instant of the user's sessions back, as if they had signed in `days` ago. */
  async function signedInDaysAgo(userId: string, days: number): Promise<number> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [, affected] = await api.accounts.query<[unknown[], number]>(
      `UPDATE sessions SET sess = jsonb_set(sess::jsonb, '{openedAt}', to_jsonb((extract(epoch FROM now() - make_interval(days => $2)) * 1000)::bigint))::json
       WHERE sess::jsonb -> 'passport' ->> 'user' = $1`,
      [userId, days],
    );
    return affected;
  }

  it('records the sign-in instant in the session', async () => {
    const before = Date.now();
    const { userId } = await signUp(api.server, 'opened');
    const [row] = await api.accounts.query<{ opened: string }[]>("SELECT sess::jsonb ->> 'openedAt' AS opened FROM sessions WHERE sess::jsonb -> 'passport' ->> 'user' = $1", [userId]);
    expect(Number(row.opened)).toBeGreaterThanOrEqual(before);
    expect(Number(row.opened)).toBeLessThanOrEqual(Date.now());
  });

  it('keeps an active session of 6 days and ends one of 8 days however active, deleting it', async () => {
    const recent = await signUp(api.server, 'six-days');
    expect(await signedInDaysAgo(recent.userId, 6)).toBe(1);
    await recent.agent.get('/api/v1/me').expect(200);

    const old = await signUp(api.server, 'eight-days');
    await old.agent.get('/api/v1/me').expect(200);
    expect(await signedInDaysAgo(old.userId, 8)).toBe(1);
    const ended = await old.agent.get('/api/v1/me').expect(401);
    expect(ended.body.code).toBe('unauthenticated');
    const left = await api.accounts.query<{ count: string }[]>("SELECT count(*) FROM sessions WHERE sess::jsonb -> 'passport' ->> 'user' = $1", [old.userId]);
    expect(Number(left[0].count)).toBe(0);
  });
});
