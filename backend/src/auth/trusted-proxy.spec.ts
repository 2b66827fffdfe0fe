import { createTestApi, newAgent, signUp, TestApi } from '../../test/test-api';

/**
 * `npm start` runs the API with TRUST_PROXY=loopback behind the web app, which sets X-Forwarded-For
 * from its client's socket. Supertest reaches the API from 127.0.0.1, as the web app does.
 */
async function wrongPasswordFrom(api: TestApi, email: string, forwardedFor: string): Promise<number> {
  const agent = (await newAgent(api.server)).set('X-Forwarded-For', forwardedFor);
  return (await agent.post('/api/v1/auth/login').send({ email, password: 'pas le bon mot de passe' })).status;
}

const limits = { LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '2', LOGIN_MAX_ATTEMPTS_PER_IP: '2', LOGIN_DELAY_BASE_SECONDS: '600' };

describe('client address behind a trusted loopback proxy', () => {
  it('counts failures per forwarded address when the loopback peer is trusted', async () => {
    const api = await createTestApi({ ...limits, TRUST_PROXY: 'loopback' });
    try {
      const { email } = await signUp(api.server, 'proxied');
      expect(await wrongPasswordFrom(api, email, '198.51.100.1')).toBe(401);
      expect(await wrongPasswordFrom(api, email, '198.51.100.1')).toBe(401);
      // The forwarded address that failed twice waits; another forwarded address does not.
      expect(await wrongPasswordFrom(api, email, '198.51.100.1')).toBe(429);
      expect(await wrongPasswordFrom(api, email, '198.51.100.2')).toBe(401);
    } finally {
      await api.close();
    }
  });

  it('ignores X-Forwarded-For when TRUST_PROXY is unset: every caller is the socket address', async () => {
    const api = await createTestApi(limits);
    try {
      const { email } = await signUp(api.server, 'direct');
      expect(await wrongPasswordFrom(api, email, '198.51.100.1')).toBe(401);
      expect(await wrongPasswordFrom(api, email, '198.51.100.2')).toBe(401);
      // A third forwarded address changes nothing: the two failures were counted on 127.0.0.1.
      expect(await wrongPasswordFrom(api, email, '198.51.100.3')).toBe(429);
    } finally {
      await api.close();
    }
  });
});
