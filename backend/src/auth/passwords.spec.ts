import { createHash } from 'node:crypto';
import { SmtpReceiver } from '../../test/smtp-receiver';
import { createTestApi, newAgent, signUp, TEST_PASSWORD, TestApi, uniqueEmail } from '../../test/test-api';

function linkToken(text: string, path: string): string {
  const match = new RegExp(`http://registre\\.test${path}\\?token=([A-Za-z0-9_%-]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return decodeURIComponent(match[1]);
}

const NEW_PASSWORD = 'lanterne violette sous la pluie';

describe('password reset and change (real SMTP, real PostgreSQL)', () => {
  let api: TestApi;
  let smtp: SmtpReceiver;

  beforeAll(async () => {
    smtp = await SmtpReceiver.start();
    api = await createTestApi({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PUBLIC_URL: 'http://registre.test', LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '3' });
  });
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });

  const sessionsOf = async (userId: string) =>
    Number((await api.accounts.query<{ count: string }[]>("SELECT count(*) FROM sessions WHERE sess::jsonb -> 'passport' ->> 'user' = $1", [userId]))[0].count);

  it('answers a reset request alike for any address, e-mails only the account holder a 30-minute single-use link, and ends every session', async () => {
    const { agent: laptop, email, userId } = await signUp(api.server, 'reset');
    const phone = await newAgent(api.server);
    await phone.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    expect(await sessionsOf(userId)).toBe(2);

    const anonymous = await newAgent(api.server, 'fr');
    const known = await anonymous.post('/api/v1/auth/password-reset').send({ email }).expect(202);
    const nobody = uniqueEmail('nobody');
    const unknown = await anonymous.post('/api/v1/auth/password-reset').send({ email: nobody }).expect(202);
    expect(known.body).toEqual({ status: 'check_email' });
    expect(unknown.body).toEqual(known.body);

    // The first e-mail was the proof of address at sign-up.
    const mail = await smtp.waitFor(email, 2);
    expect(mail.to).toEqual([email]);
    expect(mail.subject).toBe('Reset your Registre password');
    const token = linkToken(mail.text, '/reset-password');
    const stored = await api.accounts.query<{ token_hash: string; minutes: string }[]>(
      "SELECT token_hash, round(extract(epoch FROM expires_at - created_at) / 60) AS minutes FROM account_tokens WHERE user_id = $1 AND purpose = 'password_reset'",
      [userId],
    );
    expect(stored).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex'), minutes: '30' }]);

    // A weak password is refused and leaves the link usable.
    const weak = await anonymous.post('/api/v1/auth/password-reset/confirm').send({ token, password: 'azertyuiop12' }).expect(400);
    expect(weak.body.code).toBe('password_too_weak');
    await anonymous.post('/api/v1/auth/password-reset/confirm').send({ token, password: NEW_PASSWORD }).expect(204);
    expect(await sessionsOf(userId)).toBe(0);
    await laptop.get('/api/v1/me').expect(401);
    await phone.get('/api/v1/me').expect(401);
    const reused = await anonymous.post('/api/v1/auth/password-reset/confirm').send({ token, password: 'another fine passphrase 77' }).expect(400);
    expect(reused.body).toEqual({ code: 'token_invalid', message: 'Ce lien n’est pas valide ou a déjà servi. Demandez-en un nouveau.', details: {} });
    await anonymous.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(401);
    await anonymous.post('/api/v1/auth/login').send({ email, password: NEW_PASSWORD }).expect(200);
    // Nothing was sent for the unknown address.
    expect(smtp.to(nobody)).toEqual([]);
  });

  it('takes a squatted, unproven account back: the reset link proves the address and replaces the squatter’s password', async () => {
    const email = uniqueEmail('squatted');
    const squatter = await newAgent(api.server);
    await squatter.post('/api/v1/auth/register').send({ email, password: 'squatter chosen passphrase 42', name: 'Squatter' }).expect(202);
    const owner = await newAgent(api.server);
    await owner.post('/api/v1/auth/password-reset').send({ email }).expect(202);
    const reset = (await smtp.waitFor(email, 2)).text;
    await owner.post('/api/v1/auth/password-reset/confirm').send({ token: linkToken(reset, '/reset-password'), password: NEW_PASSWORD }).expect(204);
    await owner.post('/api/v1/auth/login').send({ email, password: NEW_PASSWORD }).expect(200);
    await squatter.post('/api/v1/auth/login').send({ email, password: 'squatter chosen passphrase 42' }).expect(401);
  });

  it('refuses an expired reset token and changes nothing', async () => {
    const { email } = await signUp(api.server, 'expired-reset');
    const agent = await newAgent(api.server);
    await agent.post('/api/v1/auth/password-reset').send({ email }).expect(202);
    const token = linkToken((await smtp.waitFor(email, 2)).text, '/reset-password');
    await api.accounts.query("UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [createHash('sha256').update(token).digest('hex')]);
    expect((await agent.post('/api/v1/auth/password-reset/confirm').send({ token, password: NEW_PASSWORD }).expect(400)).body.code).toBe('token_expired');
    await agent.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
  });

  it('changes the password with the current one, ending the other sessions but not this one', async () => {
    const { agent, email, userId } = await signUp(api.server, 'change');
    const other = await newAgent(api.server);
    await other.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    const wrong = await agent.post('/api/v1/me/password').send({ currentPassword: 'not the current password', newPassword: NEW_PASSWORD }).expect(400);
    expect(wrong.body.code).toBe('current_password_wrong');
    const weak = await agent.post('/api/v1/me/password').send({ currentPassword: TEST_PASSWORD, newPassword: 'password1234' }).expect(400);
    expect(weak.body.code).toBe('password_too_weak');
    await other.get('/api/v1/me').expect(200);
    await agent.post('/api/v1/me/password').send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(204);
    await agent.get('/api/v1/me').expect(200);
    await other.get('/api/v1/me').expect(401);
    expect(await sessionsOf(userId)).toBe(1);
    const fresh = await newAgent(api.server);
    await fresh.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(401);
    await fresh.post('/api/v1/auth/login').send({ email, password: NEW_PASSWORD }).expect(200);
    await (await newAgent(api.server)).post('/api/v1/me/password').send({ currentPassword: NEW_PASSWORD, newPassword: TEST_PASSWORD }).expect(401);
  });

  it('throttles guesses of the current password like sign-in', async () => {
    const { agent } = await signUp(api.server, 'guess');
    for (let i = 0; i < 3; i++) await agent.post('/api/v1/me/password').send({ currentPassword: `guess number ${i}`, newPassword: NEW_PASSWORD }).expect(400);
    expect((await agent.post('/api/v1/me/password').send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(429)).body.code).toBe('too_many_attempts');
  });
});
