import { generateSync } from 'otplib';
import { Agent, createOrganizationWithRoles, createTestApi, newAgent, signUp, TEST_PASSWORD, TestApi } from '../../test/test-api';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

/** The code an authenticator app shows `offsetSteps` periods from now (RFC 6238, 30 s). */
const codeAt = (secret: string, offsetSteps = 0) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

// One API per test file: passport's strategies and serializers are process-wide.
describe('two-factor sign-in (TOTP) and sessions', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await createTestApi({ LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '3', LOGIN_DELAY_BASE_SECONDS: '600', LOGIN_MAX_ATTEMPTS_PER_IP: '1000' });
  });
  afterAll(() => api.close());

  async function signIn(email: string, userAgent = FIREFOX): Promise<{ agent: Agent; body: Record<string, unknown> }> {
    const agent = (await newAgent(api.server)).set('User-Agent', userAgent);
    const response = await agent.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    return { agent, body: response.body as Record<string, unknown> };
  }

  /** Sets up and confirms TOTP for the agent's account; answers the secret and the recovery codes. */
  async function enable(agent: Agent): Promise<{ secret: string; recoveryCodes: string[] }> {
    const setup = await agent.post('/api/v1/me/mfa/totp').expect(200);
    const secret = setup.body.secret as string;
    const confirmed = await agent.post('/api/v1/me/mfa/totp/confirm').send({ code: codeAt(secret) }).expect(200);
    return { secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
  }

  it('turns on with a confirmed code, ends the other sessions and records the event without the secret', async () => {
    const { agent, email, userId } = await signUp(api.server, 'émilie');
    const other = await signIn(email);
    const setup = await agent.post('/api/v1/me/mfa/totp').expect(200);
    expect(setup.body.otpauthUrl).toBe(`otpauth://totp/Registre:${encodeURIComponent(email)}?secret=${setup.body.secret}&issuer=Registre`);
    // Pending until confirmed: sign-in still needs only the password.
    expect((await agent.get('/api/v1/me/mfa').expect(200)).body).toEqual({ enabled: false, pending: true, recoveryCodesLeft: 0 });
    expect((await signIn(email)).body.mfaRequired).toBe(false);

    const wrong = await agent.post('/api/v1/me/mfa/totp/confirm').send({ code: codeAt(setup.body.secret, 10) }).expect(400);
    expect(wrong.body.code).toBe('mfa_code_wrong');
    const confirmed = await agent.post('/api/v1/me/mfa/totp/confirm').send({ code: codeAt(setup.body.secret) }).expect(200);
    const codes = confirmed.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(codes.every((code) => /^[A-Z2-9]{5}-[A-Z2-9]{5}$/.test(code))).toBe(true);
    expect((await agent.get('/api/v1/me/mfa').expect(200)).body).toEqual({ enabled: true, pending: false, recoveryCodesLeft: 10 });

    // This session stays; the one opened elsewhere ended.
    await agent.get('/api/v1/me').expect(200);
    await other.agent.get('/api/v1/me').expect(401);

    const stored = await api.accounts.query(`SELECT secret_encrypted FROM user_totp WHERE user_id = $1`, [userId]);
    expect(JSON.stringify(stored)).not.toContain(setup.body.secret);
    const hashes = await api.accounts.query(`SELECT code_hash FROM user_recovery_codes WHERE user_id = $1`, [userId]);
    expect(JSON.stringify(hashes)).not.toContain(codes[0].slice(0, 5));
    const events = await api.dataSource.query(`SELECT * FROM account_security_events WHERE user_id = $1`, [userId]);
    expect(events.map((event: { action: string }) => event.action)).toEqual(['mfa_enabled']);
    expect(JSON.stringify(events)).not.toContain(setup.body.secret);
    await agent.post('/api/v1/me/mfa/totp').expect(409);
  });

  it('asks for a code after the password, opens nothing before it, and accepts each code once', async () => {
    const { agent, email } = await signUp(api.server, 'françois');
    const { secret } = await enable(agent);

    const first = await signIn(email);
    expect(first.body).toEqual({ mfaRequired: true });
    await first.agent.get('/api/v1/me').expect(401);
    // The code confirmed a moment ago was used: replaying it is refused.
    const replay = await first.agent.post('/api/v1/auth/login/mfa').send({ code: codeAt(secret) }).expect(401);
    expect(replay.body.code).toBe('mfa_code_wrong');
    const next = codeAt(secret, 1);
    const opened = await first.agent.post('/api/v1/auth/login/mfa').send({ code: next }).expect(200);
    expect(opened.body.user.email).toBe(email);
    await first.agent.get('/api/v1/me').expect(200);

    // The same code, seen over a shoulder, does not open a second session.
    const second = await signIn(email);
    await second.agent.post('/api/v1/auth/login/mfa').send({ code: next }).expect(401);
    await second.agent.get('/api/v1/me').expect(401);
    // Without the password step, a code alone opens nothing.
    const stranger = await newAgent(api.server);
    expect((await stranger.post('/api/v1/auth/login/mfa').send({ code: codeAt(secret, -1) }).expect(401)).body.code).toBe('mfa_sign_in_expired');
  });

  it('accepts a code once even when two sign-ins send it at the same instant; a double confirmation is 409', async () => {
    const { agent, email } = await signUp(api.server, 'bérénice');
    const setup = await agent.post('/api/v1/me/mfa/totp').expect(200);
    const confirmations = await Promise.all([0, 1].map(() => agent.post('/api/v1/me/mfa/totp/confirm').send({ code: codeAt(setup.body.secret) })));
    expect(confirmations.map((response) => response.status).sort()).toEqual([200, 409]);

    const [first, second] = [await signIn(email), await signIn(email)];
    const code = codeAt(setup.body.secret, 1);
    const answers = await Promise.all([first, second].map((attempt) => attempt.agent.post('/api/v1/auth/login/mfa').send({ code })));
    expect(answers.map((response) => response.status).sort()).toEqual([200, 401]);
  });

  it('accepts each recovery code once, typed in any case and spacing', async () => {
    const { agent, email } = await signUp(api.server, 'zoé');
    const { recoveryCodes } = await enable(agent);
    const first = await signIn(email);
    await first.agent.post('/api/v1/auth/login/mfa').send({ code: ` ${recoveryCodes[3].toLowerCase().replace('-', ' ')} ` }).expect(200);
    await first.agent.get('/api/v1/me').expect(200);
    expect((await first.agent.get('/api/v1/me/mfa').expect(200)).body.recoveryCodesLeft).toBe(9);
    const again = await signIn(email);
    await again.agent.post('/api/v1/auth/login/mfa').send({ code: recoveryCodes[3] }).expect(401);
    await again.agent.get('/api/v1/me').expect(401);
  });

  it('throttles wrong codes like wrong passwords, per account and address', async () => {
    const { agent, email } = await signUp(api.server, 'hélène');
    const { secret } = await enable(agent);
    const attempt = await signIn(email);
    for (let i = 0; i < 3; i++) await attempt.agent.post('/api/v1/auth/login/mfa').send({ code: '000000' }).expect(401);
    const delayed = await attempt.agent.post('/api/v1/auth/login/mfa').send({ code: codeAt(secret, 1) }).expect(429);
    expect(delayed.body.code).toBe('too_many_attempts');
    await attempt.agent.get('/api/v1/me').expect(401);
  });

  it('turns off with the password or a code, ends the other sessions and records it', async () => {
    const { agent, email, userId } = await signUp(api.server, 'gaëlle');
    const { secret } = await enable(agent);
    const other = await signIn(email);
    await other.agent.post('/api/v1/auth/login/mfa').send({ code: codeAt(secret, 1) }).expect(200);

    expect((await agent.delete('/api/v1/me/mfa/totp').send({ password: 'pas le bon mot de passe' }).expect(400)).body.code).toBe('current_password_wrong');
    expect((await agent.delete('/api/v1/me/mfa/totp').send({}).expect(400)).body.code).toBe('mfa_proof_missing');
    await other.agent.get('/api/v1/me').expect(200);
    await agent.delete('/api/v1/me/mfa/totp').send({ password: TEST_PASSWORD }).expect(204);
    await agent.get('/api/v1/me').expect(200);
    await other.agent.get('/api/v1/me').expect(401);
    expect((await signIn(email)).body.mfaRequired).toBe(false);

    const again = await enable(agent);
    await agent.delete('/api/v1/me/mfa/totp').send({ code: codeAt(again.secret, 1) }).expect(204);
    const events = await api.dataSource.query(`SELECT action FROM account_security_events WHERE user_id = $1 ORDER BY occurred_at`, [userId]);
    expect(events.map((event: { action: string }) => event.action)).toEqual(['mfa_enabled', 'mfa_disabled', 'mfa_enabled', 'mfa_disabled']);
  });

  it('lets an organisation require two-factor of its administrators and DPOs (403 mfa_required until set up)', async () => {
    const org = await createOrganizationWithRoles(api.server, 'Mairie de Saint-Étienne-du-Rouvray');
    const path = `/api/v1/organizations/${org.organizationId}`;
    const { version } = (await org.admin.get(`${path}/security`).expect(200)).body as { version: number };
    expect((await org.as.dpo.put(`${path}/security`).send({ requireMfaForAdmins: true, version }).expect(403)).body.code).toBe('forbidden');
    await org.admin.put(`${path}/security`).send({ requireMfaForAdmins: 'oui', version }).expect(400);
    expect((await org.admin.put(`${path}/security`).send({ requireMfaForAdmins: true, version }).expect(200)).body).toEqual({ requireMfaForAdmins: true, version: version + 1 });

    const refused = await org.as.dpo.get(`${path}/members`).expect(403);
    expect(refused.body.code).toBe('mfa_required');
    expect(refused.body.message).toContain('two-factor');
    expect((await org.admin.get(path).expect(403)).body.code).toBe('mfa_required');
    // Contributors and auditors are not concerned; outside the organisation nothing changes.
    await org.as.contributor.get(`${path}/members`).expect(200);
    await org.as.auditor.get(path).expect(200);
    await org.as.dpo.get('/api/v1/me').expect(200);

    await enable(org.as.dpo);
    await org.as.dpo.get(`${path}/members`).expect(200);
    await enable(org.admin);
    expect((await org.admin.get(`${path}/security`).expect(200)).body).toEqual({ requireMfaForAdmins: true, version: version + 1 });
    const trail = await org.admin.get(`${path}/audit-events`).expect(200);
    expect(JSON.stringify(trail.body)).toContain('requireMfaForAdmins');
  });

  it('saves the two-factor requirement with the organisation’s version: a stale one is 409 in words and changes nothing', async () => {
    const org = await createOrganizationWithRoles(api.server, 'Communauté d’agglomération « Cœur d’Essonne »');
    const path = `/api/v1/organizations/${org.organizationId}`;
    const read = (await org.admin.get(`${path}/security`).expect(200)).body as { requireMfaForAdmins: boolean; version: number };
    expect(read.requireMfaForAdmins).toBe(false);

    // Without the version read, nothing is saved: the answer says which field is missing, in French.
    const missing = await org.admin.put(`${path}/security`).set('Accept-Language', 'fr').send({ requireMfaForAdmins: true }).expect(400);
    expect(missing.body.code).toBe('validation_failed');
    expect(missing.body.message).not.toMatch(/isDefined|version\b/);

    // Another administrator renames the organisation meanwhile: the requirement is one of its settings.
    const renamed = (await org.admin.patch(path).send({ legalName: 'CA Cœur d’Essonne', version: read.version }).expect(200)).body as { version: number };
    // Counted as the application role sees the organisation (row-level security).
    const auditEvents = () =>
      api.dataSource.transaction(async (manager) => {
        await manager.query("SELECT set_config('app.organization_id', $1, true)", [org.organizationId]);
        const [{ n }] = await manager.query<{ n: string }[]>('SELECT count(*) AS n FROM audit_events WHERE organization_id = $1', [org.organizationId]);
        return Number(n);
      });
    const eventsBefore = await auditEvents();
    expect(eventsBefore).toBeGreaterThan(0);
    const stale = await org.admin.put(`${path}/security`).set('Accept-Language', 'fr').send({ requireMfaForAdmins: true, version: read.version }).expect(409);
    expect(stale.body).toEqual({
      code: 'version_conflict',
      message: `Quelqu’un a modifié cet élément entre-temps (version actuelle : ${renamed.version}). Rechargez-le avant d’enregistrer.`,
      details: { currentVersion: renamed.version },
    });
    expect((await org.admin.get(`${path}/security`).expect(200)).body).toEqual({ requireMfaForAdmins: false, version: renamed.version });
    expect(await auditEvents()).toBe(eventsBefore);

    // With the current version (here as If-Match) it is saved, and the organisation's version moves on.
    const saved = await org.admin.put(`${path}/security`).set('If-Match', `"${renamed.version}"`).send({ requireMfaForAdmins: true }).expect(200);
    expect(saved.body).toEqual({ requireMfaForAdmins: true, version: renamed.version + 1 });
    expect(await auditEvents()).toBe(eventsBefore + 1);
  });

  it('lists the user’s sessions in words and revokes one; another user’s session is 404', async () => {
    const { agent, email } = await signUp(api.server, 'noël');
    const phone = await signIn(email, SAFARI_IPHONE);
    const list = await phone.agent.get('/api/v1/me/sessions').expect(200);
    expect(list.body).toHaveLength(2);
    const [current, older] = list.body as { id: string; current: boolean; browser: string | null; os: string | null; ipAddress: string; createdAt: string; lastSeenAt: string }[];
    expect(current).toMatchObject({ current: true, browser: 'Safari 18', os: 'iOS' });
    expect(older.current).toBe(false);
    expect(current.ipAddress).toMatch(/127\.0\.0\.1|::1/);
    expect(Date.parse(current.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(Math.abs(Date.parse(current.lastSeenAt) - Date.now())).toBeLessThan(120_000);
    expect(current.id).toMatch(/^[0-9a-f]{64}$/);

    const stranger = await signUp(api.server, 'intrus');
    await stranger.agent.delete(`/api/v1/me/sessions/${older.id}`).expect(404);
    await stranger.agent.delete('/api/v1/me/sessions/not-an-id').expect(404);
    await agent.get('/api/v1/me').expect(200);

    await phone.agent.delete(`/api/v1/me/sessions/${older.id}`).expect(204);
    await agent.get('/api/v1/me').expect(401);
    await phone.agent.delete(`/api/v1/me/sessions/${older.id}`).expect(404);
    expect((await phone.agent.get('/api/v1/me/sessions').expect(200)).body).toHaveLength(1);
  });
});
