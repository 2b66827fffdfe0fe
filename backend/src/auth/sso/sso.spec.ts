import { generateSync } from 'otplib';
import { Agent, createOrganizationWithRoles, createTestApi, newAgent, signUp, TEST_PASSWORD, TestApi, TestOrganization } from '../../../test/test-api';
import { signInAtProvider, startTestProvider, TestProvider } from '../../../test/oidc/test-provider';

const PUBLIC_URL = 'http://registre.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/sso/callback`;

// Logins at the provider: a verified address of the organisation's domain, the same domain not
// verified, a verified address of another domain, and addresses of accounts made here beforehand.
const ACCOUNTS = {
  jeanne: { email: 'Jeanne.Martin@acme.test', email_verified: true, name: 'Jeanne Martin' },
  paul: { email: 'paul@acme.test', email_verified: false, name: 'Paul Petit' },
  eve: { email: 'eve@elsewhere.test', email_verified: true, name: 'Eve Ailleurs' },
  bob: { email: 'bob@acme.test', email_verified: true, name: 'Bob' },
  squatted: { email: 'squatted@acme.test', email_verified: true, name: 'Real Owner' },
  totp: { email: 'totp@acme.test', email_verified: true, name: 'Tina Totp' },
};

describe('single sign-on with OpenID Connect, against a real provider', () => {
  let api: TestApi;
  let provider: TestProvider;
  let org: TestOrganization;
  let settingsPath: string;

  const settings = () => ({ issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, emailDomains: ['ACME.test'], defaultRole: 'contributor', requireSso: false });

  /** The browser's whole trip: start on Registre, sign in at the provider, come back. Answers the redirect of the callback. */
  async function singleSignOn(agent: Agent, typedEmail: string, login: string, tamper: (callback: URL) => void = () => undefined): Promise<string> {
    const started = await agent.post('/api/v1/auth/sso/start').send({ email: typedEmail }).expect(200);
    const back = new URL(await signInAtProvider(started.body.authorizationUrl as string, login, CALLBACK));
    tamper(back);
    const answer = await agent.get(`${back.pathname}${back.search}`).expect(302);
    return answer.headers.location;
  }

  const userByEmail = async (email: string) =>
    (await api.dataSource.query<{ id: string; email_verified_at: Date | null }[]>('SELECT id, email_verified_at FROM users WHERE email = $1', [email]))[0];

  beforeAll(async () => {
    provider = await startTestProvider(CALLBACK, ACCOUNTS);
    api = await createTestApi({ PUBLIC_URL, LOGIN_MAX_ATTEMPTS_PER_IP: '1000' });
    org = await createOrganizationWithRoles(api.server, 'Acme');
    settingsPath = `/api/v1/organizations/${org.organizationId}/sso`;
    // A provider process, an API and four accounts: slow on a loaded machine.
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await provider?.stop();
  });

  it('is configured by administrators only; the secret is stored encrypted, never returned nor audited', async () => {
    expect((await org.admin.get(settingsPath).expect(200)).body).toEqual({ callbackUrl: CALLBACK, settings: null });
    for (const role of ['dpo', 'contributor', 'auditor'] as const) {
      await org.as[role].get(settingsPath).expect(403);
      await org.as[role].put(settingsPath).send(settings()).expect(403);
    }
    // The provider must answer; the first configuration needs the secret; no unknown fields.
    expect((await org.admin.put(settingsPath).send({ ...settings(), issuer: 'http://127.0.0.1:9/nothing' }).expect(400)).body.code).toBe('sso_issuer_unreachable');
    expect((await org.admin.put(settingsPath).send({ ...settings(), issuer: 'http://idp.example.com' }).expect(400)).body.code).toBe('sso_issuer_not_https');
    await org.admin.put(settingsPath).send({ ...settings(), clientSecret: undefined }).expect(400);
    await org.admin.put(settingsPath).send({ ...settings(), defaultRole: 'admin' }).expect(400);
    await org.admin.put(settingsPath).send({ ...settings(), emailDomains: ['not a domain'] }).expect(400);
    await org.admin.put(settingsPath).send({ ...settings(), extra: true }).expect(400);

    const saved = await org.admin.put(settingsPath).send(settings()).expect(200);
    expect(saved.body).toEqual({
      callbackUrl: CALLBACK,
      settings: { issuer: provider.issuer, clientId: 'registre', clientSecretSet: true, emailDomains: ['acme.test'], defaultRole: 'contributor', requireSso: false, version: 1 },
    });
    expect(JSON.stringify((await org.admin.get(settingsPath).expect(200)).body)).not.toContain(provider.clientSecret);

    // Read as the organisation (row-level security).
    const [stored] = await api.dataSource.transaction(async (manager) => {
      await manager.query("SELECT set_config('app.organization_id', $1, true)", [org.organizationId]);
      return manager.query<{ client_secret_encrypted: string }[]>('SELECT client_secret_encrypted FROM organization_sso WHERE organization_id = $1', [org.organizationId]);
    });
    expect(stored.client_secret_encrypted).toMatch(/^v1\./);
    expect(stored.client_secret_encrypted).not.toContain(provider.clientSecret);
    expect(stored.client_secret_encrypted).not.toContain(Buffer.from(provider.clientSecret).toString('base64url'));

    // Changed without the secret: the stored one stays. A stale version is refused.
    const changed = await org.admin.put(settingsPath).send({ ...settings(), clientSecret: undefined, defaultRole: 'auditor', version: 1 }).expect(200);
    expect(changed.body.settings).toMatchObject({ defaultRole: 'auditor', version: 2 });
    expect((await org.admin.put(settingsPath).send({ ...settings(), version: 1 }).expect(409)).body.code).toBe('version_conflict');
    await org.admin.put(settingsPath).send({ ...settings(), version: 2 }).expect(200);

    const trail = JSON.stringify((await org.admin.get(`/api/v1/organizations/${org.organizationId}/audit-events`).expect(200)).body);
    expect(trail).toContain('ssoIssuer');
    expect(trail).toContain('ssoClientSecretReplaced');
    expect(trail).not.toContain(provider.clientSecret);
    expect(trail).not.toContain(stored.client_secret_encrypted);
  });

  it('a domain signs in to one organisation only', async () => {
    const other = await signUp(api.server, 'other-admin');
    const created = await other.agent.post('/api/v1/organizations').send({ name: 'Other' }).expect(201);
    const response = await other.agent.put(`/api/v1/organizations/${created.body.id as string}/sso`).send({ ...settings(), emailDomains: ['elsewhere.test', 'acme.test'] }).expect(409);
    expect(response.body.code).toBe('sso_domain_taken');
    await other.agent.put(`/api/v1/organizations/${created.body.id as string}/sso`).send({ ...settings(), emailDomains: ['other.test'] }).expect(200);
    await other.agent.delete(`/api/v1/organizations/${created.body.id as string}/sso`).expect(204);
  });

  it('finds the organisation by the address’s domain and sends the browser to the provider with PKCE, state and nonce', async () => {
    const agent = await newAgent(api.server);
    const unknown = await agent.post('/api/v1/auth/sso/start').send({ email: 'someone@unknown.test' }).expect(404);
    expect(unknown.body.code).toBe('sso_not_configured');
    expect(unknown.body.message).toContain('password');
    const started = await agent.post('/api/v1/auth/sso/start').send({ email: 'Someone@Acme.Test' }).expect(200);
    const url = new URL(started.body.authorizationUrl as string);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('client_id')).toBe('registre');
    expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
  });

  it('signs a verified address of the domain in, with just-in-time membership and the default role, once', async () => {
    const agent = await newAgent(api.server);
    expect(await singleSignOn(agent, 'jeanne.martin@acme.test', 'jeanne')).toBe(`${PUBLIC_URL}/`);
    const me = (await agent.get('/api/v1/me').expect(200)).body;
    expect(me).toMatchObject({ email: 'jeanne.martin@acme.test', name: 'Jeanne Martin' });
    expect(me.memberships).toEqual([{ organizationId: org.organizationId, organizationName: 'Acme', roles: ['contributor'] }]);
    // The same session as a password sign-in: it works in the organisation.
    await agent.get(`/api/v1/organizations/${org.organizationId}/activities`).expect(200);

    // A second sign-in finds the account and the membership.
    const again = await newAgent(api.server);
    await singleSignOn(again, 'jeanne.martin@acme.test', 'jeanne');
    expect((await again.get('/api/v1/me').expect(200)).body.memberships).toHaveLength(1);
    const trail = (await org.admin.get(`/api/v1/organizations/${org.organizationId}/audit-events?entityType=Membership`).expect(200)).body as { items: { entityLabel: string; actorName: string }[] };
    expect(trail.items.filter((event) => event.entityLabel === 'jeanne.martin@acme.test')).toHaveLength(1);
    // No usable password came with it.
    await (await newAgent(api.server)).post('/api/v1/auth/login').send({ email: 'jeanne.martin@acme.test', password: TEST_PASSWORD }).expect(401);
  });

  it('refuses an address the provider has not verified, and one of another domain', async () => {
    const unverified = await newAgent(api.server);
    expect(await singleSignOn(unverified, 'paul@acme.test', 'paul')).toBe(`${PUBLIC_URL}/login?sso_error=sso_email_unverified`);
    await unverified.get('/api/v1/me').expect(401);
    expect(await userByEmail('paul@acme.test')).toBeUndefined();

    // Started with an address of the domain, signed in at the provider as someone of another domain.
    const foreign = await newAgent(api.server);
    expect(await singleSignOn(foreign, 'anyone@acme.test', 'eve')).toBe(`${PUBLIC_URL}/login?sso_error=sso_domain_not_allowed`);
    await foreign.get('/api/v1/me').expect(401);
    expect(await userByEmail('eve@elsewhere.test')).toBeUndefined();
  });

  it('refuses a wrong state, a callback without a start, and a callback used twice', async () => {
    const tampered = await newAgent(api.server);
    expect(await singleSignOn(tampered, 'bob@acme.test', 'bob', (url) => url.searchParams.set('state', 'forged-state'))).toBe(`${PUBLIC_URL}/login?sso_error=sso_state_invalid`);
    await tampered.get('/api/v1/me').expect(401);

    // The provider's answer carried to another browser (no pending sign-in there).
    const owner = await newAgent(api.server);
    const started = await owner.post('/api/v1/auth/sso/start').send({ email: 'bob@acme.test' }).expect(200);
    const back = new URL(await signInAtProvider(started.body.authorizationUrl as string, 'bob', CALLBACK));
    const stranger = await newAgent(api.server);
    expect((await stranger.get(`${back.pathname}${back.search}`).expect(302)).headers.location).toBe(`${PUBLIC_URL}/login?sso_error=sso_state_invalid`);
    await stranger.get('/api/v1/me').expect(401);
    expect(await userByEmail('bob@acme.test')).toBeUndefined();

    // Its owner signs in once; the same answer again is refused.
    expect((await owner.get(`${back.pathname}${back.search}`).expect(302)).headers.location).toBe(`${PUBLIC_URL}/`);
    const replay = await newAgent(api.server);
    expect((await replay.get(`${back.pathname}${back.search}`).expect(302)).headers.location).toBe(`${PUBLIC_URL}/login?sso_error=sso_state_invalid`);
  });

  it('takes an unproven account made with the address away from whoever made it', async () => {
    const squatter = await newAgent(api.server);
    await squatter.post('/api/v1/auth/register').send({ email: 'squatted@acme.test', password: TEST_PASSWORD, name: 'Squatter' }).expect(202);
    const owner = await newAgent(api.server);
    expect(await singleSignOn(owner, 'squatted@acme.test', 'squatted')).toBe(`${PUBLIC_URL}/`);
    expect((await userByEmail('squatted@acme.test')).email_verified_at).not.toBeNull();
    // The squatter's password does not open the account now that its address is proven.
    expect((await (await newAgent(api.server)).post('/api/v1/auth/login').send({ email: 'squatted@acme.test', password: TEST_PASSWORD }).expect(401)).body.code).toBe('invalid_credentials');
  });

  it('asks for the account’s own two-factor code after the provider', async () => {
    const first = await newAgent(api.server);
    await singleSignOn(first, 'totp@acme.test', 'totp');
    const setup = await first.post('/api/v1/me/mfa/totp').expect(200);
    await first.post('/api/v1/me/mfa/totp/confirm').send({ code: generateSync({ secret: setup.body.secret as string }) }).expect(200);

    const agent = await newAgent(api.server);
    expect(await singleSignOn(agent, 'totp@acme.test', 'totp')).toBe(`${PUBLIC_URL}/login?sso=mfa`);
    await agent.get('/api/v1/me').expect(401);
    const code = generateSync({ secret: setup.body.secret as string, epoch: Math.floor(Date.now() / 1000) + 30 });
    await agent.post('/api/v1/auth/login/mfa').send({ code }).expect(200);
    expect((await agent.get('/api/v1/me').expect(200)).body.email).toBe('totp@acme.test');
  });

  it('with single sign-on required, refuses password sign-in to the organisation’s members with a clear message', async () => {
    const member = await signUp(api.server, 'member');
    await org.admin.put(settingsPath).send({ ...settings(), clientSecret: undefined, requireSso: true }).expect(200);
    // The contributor signed up with a password (tests' fixture) is a member: refused, in their language.
    const [contributor] = await api.dataSource.query<{ email: string }[]>('SELECT email FROM users WHERE id = $1', [org.userIds.contributor]);
    const refused = await (await newAgent(api.server, 'fr')).post('/api/v1/auth/login').send({ email: contributor.email, password: TEST_PASSWORD }).expect(403);
    expect(refused.body.code).toBe('sso_required');
    expect(refused.body.message).toContain('authentification unique');
    // A wrong password learns nothing about it.
    expect((await (await newAgent(api.server)).post('/api/v1/auth/login').send({ email: contributor.email, password: 'wrong password here' }).expect(401)).body.code).toBe('invalid_credentials');
    // Someone of no such organisation signs in as before.
    await (await newAgent(api.server)).post('/api/v1/auth/login').send({ email: member.email, password: TEST_PASSWORD }).expect(200);
    // Single sign-on still works.
    expect(await singleSignOn(await newAgent(api.server), 'jeanne.martin@acme.test', 'jeanne')).toBe(`${PUBLIC_URL}/`);
    // Removing it gives the password back.
    await org.admin.delete(settingsPath).expect(204);
    await (await newAgent(api.server)).post('/api/v1/auth/login').send({ email: contributor.email, password: TEST_PASSWORD }).expect(200);
  });
});
