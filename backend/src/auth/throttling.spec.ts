import { Agent, createTestApi, newAgent, signUp, TEST_PASSWORD, TestApi, uniqueEmail } from '../../test/test-api';

// One API per test file: passport's strategies and serializers are process-wide.
describe('sign-in throttling that cannot be turned against the owner', () => {
  let api: TestApi;
  const from = (agent: Agent, address: string) => agent.set('X-Forwarded-For', address);

  beforeAll(async () => {
    // The API behind one trusted proxy hop: the client address is the last X-Forwarded-For entry.
    api = await createTestApi({ TRUST_PROXY: 'true', LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '3', LOGIN_MAX_ATTEMPTS_PER_IP: '6', LOGIN_DELAY_BASE_SECONDS: '1', ACCOUNT_REQUESTS_PER_IP_PER_HOUR: '3' });
  });
  afterAll(() => api.close());

  it('delays an account from the failing address only; the owner still signs in from elsewhere', async () => {
    const { email } = await signUp(api.server, 'target');
    const attacker = from(await newAgent(api.server), '198.51.100.7');
    for (let i = 0; i < 3; i++) await attacker.post('/api/v1/auth/login').send({ email, password: 'not the right password' }).expect(401);
    const delayed = await attacker.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(429);
    expect(delayed.body.code).toBe('too_many_attempts');
    expect(delayed.body.details).toEqual({ retryAfterSeconds: 1 });
    const owner = from(await newAgent(api.server), '203.0.113.20');
    const signedIn = await owner.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    expect(signedIn.body.user.email).toBe(email);
  });

  it('doubles the delay with each further failure from the same address', async () => {
    const { email } = await signUp(api.server, 'growing');
    const client = from(await newAgent(api.server), '198.51.100.8');
    for (let i = 0; i < 3; i++) await client.post('/api/v1/auth/login').send({ email, password: 'not the right password' }).expect(401);
    expect((await client.post('/api/v1/auth/login').send({ email, password: 'wrong again password' }).expect(429)).body.details).toEqual({ retryAfterSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await client.post('/api/v1/auth/login').send({ email, password: 'wrong again password' }).expect(401);
    expect((await client.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(429)).body.details).toEqual({ retryAfterSeconds: 2 });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    // Once the delay has passed, the right password works and clears the counter.
    await client.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
  });

  it('slows an address that sprays many accounts, not the other addresses', async () => {
    const sprayer = from(await newAgent(api.server, 'fr'), '198.51.100.9');
    for (let i = 0; i < 6; i++) await sprayer.post('/api/v1/auth/login').send({ email: uniqueEmail('spray'), password: 'password guess 1' }).expect(401);
    const { email } = await signUp(api.server, 'sprayed');
    const refused = await sprayer.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(429);
    expect(refused.body.message).toBe('Trop de tentatives de connexion. Réessayez dans 15 minutes.');
    await from(await newAgent(api.server), '203.0.113.21').post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
  });

  it('throttles sign-up per address', async () => {
    const client = from(await newAgent(api.server), '198.51.100.10');
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) answers.push((await client.post('/api/v1/auth/register').send({ email: uniqueEmail('burst'), password: TEST_PASSWORD, name: 'Burst' })).status);
    expect(answers).toEqual([202, 202, 202, 429, 429]);
    const refused = await client.post('/api/v1/auth/register').send({ email: uniqueEmail('burst'), password: TEST_PASSWORD, name: 'Burst' }).expect(429);
    expect(refused.body.code).toBe('too_many_requests');
    // Another address is not affected.
    expect((await from(await newAgent(api.server), '203.0.113.22').post('/api/v1/auth/register').send({ email: uniqueEmail('other'), password: TEST_PASSWORD, name: 'Other' })).status).not.toBe(429);
  });
});
