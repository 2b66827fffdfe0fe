import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/**
 * Starts the backend tests' real OpenID provider (backend/test/oidc/provider.mjs, the `oidc-provider`
 * package) as its own process on a free port: one client whose redirect address is `redirectUri`,
 * and the given accounts by login name.
 */
export async function startTestProvider(redirectUri: string, accounts: Record<string, { email: string; email_verified: boolean; name?: string }>): Promise<TestProvider> {
  const clientId = 'registre';
  const clientSecret = `secret-${String(Date.now())}-${Math.random().toString(36).slice(2)}`;
  const child = spawn(process.execPath, [resolve(__dirname, '..', '..', 'backend', 'test', 'oidc', 'provider.mjs')], {
    env: {
      ...process.env,
      OIDC_TEST_CLIENT: JSON.stringify({ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri] }),
      OIDC_TEST_ACCOUNTS: JSON.stringify(accounts),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const [line] = (await Promise.race([
    once(createInterface({ input: child.stdout }), 'line'),
    once(child, 'exit').then(() => {
      throw new Error(`the test OpenID provider stopped: ${errors}`);
    }),
  ])) as [string];
  const { issuer } = JSON.parse(line) as { issuer: string };
  return {
    issuer,
    clientId,
    clientSecret,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
