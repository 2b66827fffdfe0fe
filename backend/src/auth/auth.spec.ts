import request from 'supertest';
import { createTestApi, markEmailProven, newAgent, signUp, TEST_PASSWORD, TestApi, uniqueEmail } from '../../test/test-api';

describe('sign-in, sessions and CSRF (real PostgreSQL)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await createTestApi({ LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '3' });
  });
  afterAll(() => api.close());

  it('refuses a mutating request without the CSRF token, login included', async () => {
    const response = await request(api.server).post('/api/v1/auth/login').send({ email: 'x@example.com', password: 'whatever-password' }).expect(403);
    expect(response.body).toEqual({ code: 'csrf_invalid', message: expect.stringContaining('CSRF'), details: {} });
  });

  it('refuses a CSRF header that does not match the cookie', async () => {
    const agent = await newAgent(api.server);
    agent.set('X-CSRF-Token', 'forged.token');
    await agent.post('/api/v1/auth/login').send({ email: 'x@example.com', password: 'whatever-password' }).expect(403);
  });

  it('keeps the session of a proven account in an httpOnly SameSite=Lax cookie and answers /me', async () => {
    const agent = await newAgent(api.server);
    const email = uniqueEmail('camille');
    const registered = await agent.post('/api/v1/auth/register').send({ email: email.toUpperCase(), password: TEST_PASSWORD, name: 'Camille' }).expect(202);
    expect(registered.body).toEqual({ status: 'check_email' });
    await markEmailProven(api.server, email);
    const login = await agent.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    expect(login.body.user).toEqual({ id: expect.any(String), email, name: 'Camille', locale: 'en' });
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/registre\.sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await agent.get('/api/v1/me').expect(200);
    expect(me.body).toEqual({ id: login.body.user.id, email, name: 'Camille', locale: 'en', memberships: [] });
    // The session lives in PostgreSQL, so any API process can serve it.
    const sessions = await api.accounts.query<{ count: string }[]>('SELECT count(*) FROM sessions');
    expect(Number(sessions[0].count)).toBeGreaterThan(0);
  });

  it('refuses short passwords and unknown fields with translated field errors, creating nothing', async () => {
    const agent = await newAgent(api.server, 'fr');
    const email = uniqueEmail('short');
    const response = await agent.post('/api/v1/auth/register').send({ email, password: 'too-short', name: 'X', isAdmin: true }).expect(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.message).toBe('Certaines données envoyées ne sont pas valides.');
    expect(response.body.details.fields).toEqual(
      expect.arrayContaining([
        { path: 'password', code: 'minLength', message: '« Mot de passe » doit contenir au moins 12 caractères.' },
        { path: 'isAdmin', code: 'whitelistValidation', message: 'Le champ « isAdmin » n’est pas attendu ici.' },
      ]),
    );
    const users = await api.accounts.query<{ count: string }[]>('SELECT count(*) FROM users WHERE email = $1', [email]);
    expect(Number(users[0].count)).toBe(0);
  });

  it('refuses common and personal passwords with a translated password_too_weak, creating nothing', async () => {
    const email = uniqueEmail('weak');
    for (const [password, locale, message] of [
      ['password1234', 'en', 'This password is too easy to guess'],
      ['azertyuiop12', 'fr', 'Ce mot de passe est trop facile à deviner'],
      [`${email.split('@')[0]}!`, 'en', 'This password is too easy to guess'],
    ] as const) {
      const agent = await newAgent(api.server, locale);
      const response = await agent.post('/api/v1/auth/register').send({ email, password, name: 'Weak Password' }).expect(400);
      expect(response.body).toEqual({ code: 'password_too_weak', message: expect.stringContaining(message), details: { score: expect.any(Number), minScore: 3, minLength: 12 } });
      expect(response.body.details.score).toBeLessThan(3);
    }
    const users = await api.accounts.query<{ count: string }[]>('SELECT count(*) FROM users WHERE email = $1', [email]);
    expect(Number(users[0].count)).toBe(0);
  });

  it('signs in with a new session id, and signs out', async () => {
    const { agent, email } = await signUp(api.server, 'rotate');
    const before = await agent.get('/api/v1/me').expect(200);
    const login = await agent.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    expect(login.body.user.email).toBe(email);
    const sessionCookie = (headers: Record<string, unknown>) => String(headers['set-cookie']).match(/registre\.sid=([^;]+)/)?.[1];
    expect(sessionCookie(login.headers)).toBeDefined();
    expect(before.body.id).toBe(login.body.user.id);
    const rows = await api.accounts.query<{ count: string }[]>("SELECT count(*) FROM sessions WHERE sess::jsonb -> 'passport' ->> 'user' = $1", [login.body.user.id]);
    // The first session was replaced by a regenerated one.
    expect(Number(rows[0].count)).toBe(1);
    await agent.post('/api/v1/auth/logout').expect(204);
    const after = await agent.get('/api/v1/me').expect(401);
    expect(after.body.code).toBe('unauthenticated');
  });

  it('answers wrong credentials with 401 in the caller’s language, the same for unknown accounts', async () => {
    const { email } = await signUp(api.server, 'wrong');
    const fr = await (await newAgent(api.server, 'fr')).post('/api/v1/auth/login').send({ email, password: 'not the right password' }).expect(401);
    expect(fr.body).toEqual({ code: 'invalid_credentials', message: 'Adresse e-mail ou mot de passe incorrect.', details: {} });
    const en = await (await newAgent(api.server, 'en')).post('/api/v1/auth/login').send({ email: uniqueEmail('nobody'), password: 'not the right password' }).expect(401);
    expect(en.body.message).toBe('Wrong e-mail address or password.');
  });

});

describe('sign-up switched off', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi({ SIGNUP: 'false' });
  });
  afterAll(() => api.close());

  it('answers 403 signup_disabled and creates no account', async () => {
    const agent = await newAgent(api.server);
    const response = await agent.post('/api/v1/auth/register').send({ email: uniqueEmail(), password: TEST_PASSWORD, name: 'No' }).expect(403);
    expect(response.body.code).toBe('signup_disabled');
    // The message points to what exists: signing in and resetting a forgotten password.
    expect(response.body.message).toContain('reset a forgotten password');
    expect(response.body.message).not.toMatch(/invitation/i);
    const users = await api.accounts.query<{ count: string }[]>('SELECT count(*) FROM users');
    expect(Number(users[0].count)).toBe(0);
  });
});
