import { createHash } from 'node:crypto';
import { SmtpReceiver } from '../../test/smtp-receiver';
import { createTestApi, newAgent, TEST_PASSWORD, TestApi, uniqueEmail } from '../../test/test-api';

/** The token of the link in an e-mail, as the person would follow it. */
function linkToken(text: string, path: string): string {
  const match = new RegExp(`http://registre\\.test${path}\\?token=([A-Za-z0-9_%-]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return decodeURIComponent(match[1]);
}

describe('proof of e-mail at sign-up (real SMTP, real PostgreSQL)', () => {
  let api: TestApi;
  let smtp: SmtpReceiver;

  beforeAll(async () => {
    smtp = await SmtpReceiver.start();
    api = await createTestApi({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PUBLIC_URL: 'http://registre.test' });
  });
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });

  const countUsers = async (email: string) => Number((await api.accounts.query<{ count: string }[]>('SELECT count(*) FROM users WHERE email = $1', [email]))[0].count);

  it('answers 202 without a session, e-mails a single-use link to the address only, and refuses sign-in until it is followed', async () => {
    const email = uniqueEmail('proof');
    const agent = await newAgent(api.server, 'fr');
    const registered = await agent.post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD, name: 'Camille Preuve' }).expect(202);
    expect(registered.body).toEqual({ status: 'check_email' });
    expect(String(registered.headers['set-cookie'] ?? '')).not.toMatch(/registre\.sid=/);
    await agent.get('/api/v1/me').expect(401);

    const mail = await smtp.waitFor(email);
    expect(mail.to).toEqual([email]);
    expect(mail.subject).toBe('Confirmez votre adresse e-mail pour Registre');
    expect(mail.text).toContain('Camille Preuve');
    const token = linkToken(mail.text, '/verify-email');
    // Only the token's SHA-256 is stored.
    const stored = await api.accounts.query<{ token_hash: string; hours: string }[]>(
      "SELECT token_hash, round(extract(epoch FROM t.expires_at - t.created_at) / 3600) AS hours FROM account_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = $1 AND purpose = 'verify_email'",
      [email],
    );
    expect(stored).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex'), hours: '24' }]);
    expect(JSON.stringify(stored)).not.toContain(token);

    const early = await agent.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(403);
    expect(early.body).toEqual({
      code: 'email_not_verified',
      message: expect.stringContaining('Confirmez d’abord votre adresse e-mail'),
      details: { resend: '/api/v1/auth/verify-email/resend' },
    });
    // A wrong password does not learn whether the address is proven.
    await agent.post('/api/v1/auth/login').send({ email, password: 'not the right password' }).expect(401);

    await agent.post('/api/v1/auth/verify-email').send({ token }).expect(204);
    const login = await agent.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    expect(login.body.user.email).toBe(email);
    const reused = await agent.post('/api/v1/auth/verify-email').send({ token }).expect(400);
    expect(reused.body.code).toBe('token_invalid');
  });

  it('answers an existing address alike, creates nothing and tells its owner, whose password is unchanged', async () => {
    const email = uniqueEmail('owner');
    const owner = await newAgent(api.server, 'en');
    await owner.post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD, name: 'Real Owner' }).expect(202);
    await owner.post('/api/v1/auth/verify-email').send({ token: linkToken((await smtp.waitFor(email)).text, '/verify-email') }).expect(204);

    const squatter = await newAgent(api.server, 'en');
    const again = await squatter.post('/api/v1/auth/register').send({ email: email.toUpperCase(), password: 'squatter chosen passphrase 42', name: 'Squatter' }).expect(202);
    expect(again.body).toEqual({ status: 'check_email' });
    expect(await countUsers(email)).toBe(1);
    const notice = await smtp.waitFor(email, 2);
    expect(notice.to).toEqual([email]);
    expect(notice.subject).toBe('Someone tried to create a Registre account with your address');
    expect(notice.text).toContain('Real Owner');
    expect(notice.text).toContain('http://registre.test/forgot-password');
    expect(notice.text).not.toContain('token=');
    await squatter.post('/api/v1/auth/login').send({ email, password: 'squatter chosen passphrase 42' }).expect(401);
    await owner.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
  });

  it('refuses an expired, unknown or foreign-purpose token with a clear 400 and proves nothing', async () => {
    const email = uniqueEmail('late');
    const agent = await newAgent(api.server, 'en');
    await agent.post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD, name: 'Late Reader' }).expect(202);
    const token = linkToken((await smtp.waitFor(email)).text, '/verify-email');
    await api.accounts.query("UPDATE account_tokens SET expires_at = now() - interval '1 minute' WHERE token_hash = $1", [createHash('sha256').update(token).digest('hex')]);
    const expired = await agent.post('/api/v1/auth/verify-email').send({ token }).expect(400);
    expect(expired.body).toEqual({ code: 'token_expired', message: 'This link has expired. Ask for a new one.', details: {} });
    const unknown = await agent.post('/api/v1/auth/verify-email').send({ token: 'x'.repeat(43) }).expect(400);
    expect(unknown.body.code).toBe('token_invalid');
    await agent.post('/api/v1/auth/verify-email').send({}).expect(400);
    const proven = await api.accounts.query<{ email_verified_at: Date | null }[]>('SELECT email_verified_at FROM users WHERE email = $1', [email]);
    expect(proven[0].email_verified_at).toBeNull();
    await agent.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(403);
  });

  it('resends a new link on request (202 for any address); the previous link stops working', async () => {
    const email = uniqueEmail('resend');
    const agent = await newAgent(api.server, 'en');
    await agent.post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD, name: 'Lost Mail' }).expect(202);
    const first = linkToken((await smtp.waitFor(email)).text, '/verify-email');
    const unknown = await agent.post('/api/v1/auth/verify-email/resend').send({ email: uniqueEmail('nobody') }).expect(202);
    const resent = await agent.post('/api/v1/auth/verify-email/resend').send({ email }).expect(202);
    expect(resent.body).toEqual(unknown.body);
    const second = linkToken((await smtp.waitFor(email, 2)).text, '/verify-email');
    expect(second).not.toBe(first);
    expect((await agent.post('/api/v1/auth/verify-email').send({ token: first }).expect(400)).body.code).toBe('token_invalid');
    await agent.post('/api/v1/auth/verify-email').send({ token: second }).expect(204);
    await agent.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
  });
});
