import { DEMO_PASSWORD, webUrl } from './browser';

/** A client of the web app's `/api/*` forwarding (as the browser uses it), keeping the cookies. */
class WebClient {
  private cookies = new Map<string, string>();
  private csrf = '';

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    if (this.csrf) headers.set('x-csrf-token', this.csrf);
    headers.set('accept-language', 'fr');
    const response = await fetch(webUrl(path), { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';')[0] ?? '';
      const separator = pair.indexOf('=');
      this.cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1));
    }
    return response;
  }

  async signIn(email: string): Promise<void> {
    this.csrf = ((await (await this.request('/api/v1/auth/csrf')).json()) as { token: string }).token;
    const response = await this.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
    expect(response.status).toBe(200);
  }
}

const pdf = (size: number) => {
  const content = Buffer.alloc(size, 0x20);
  content.write('%PDF-1.4\n', 0, 'latin1');
  content.write('\n%%EOF\n', size - 7, 'latin1');
  return new Blob([content], { type: 'application/pdf' });
};

// Through the web app (port 3000), not straight to the API: the forwarding used to cut bodies at 10 MB,
// so an 11 MB upload hung 30 s and ended in a plain-text 500.
describe('uploads through the web app', () => {
  it('an upload over 10 MB gets the API’s structured 413 promptly; a small one goes through', async () => {
    const client = new WebClient();
    await client.signIn('dpo@example.com');
    const me = (await (await client.request('/api/v1/me')).json()) as { memberships: { organizationId: string }[] };
    const organizationId = me.memberships[0]?.organizationId ?? '';
    const list = (await (await client.request(`/api/v1/organizations/${organizationId}/activities?pageSize=1`)).json()) as { items: { id: string }[] };
    const documents = `/api/v1/organizations/${organizationId}/activities/${list.items[0]?.id ?? ''}/documents`;

    const big = new FormData();
    big.set('kind', 'policy');
    big.set('file', pdf(11 * 1024 * 1024), 'Gros.pdf');
    const started = Date.now();
    const refused = await client.request(documents, { method: 'POST', body: big });
    const elapsed = Date.now() - started;
    expect(refused.status).toBe(413);
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await refused.json()) as { code: string; message: string; details: object };
    expect(body.code).toMatch(/too_large/);
    expect(body.message.length).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(5_000);
    process.stdout.write(`11 MB upload through the web app: ${refused.status} ${body.code} in ${elapsed} ms\n`);

    const small = new FormData();
    small.set('kind', 'policy');
    small.set('file', pdf(2 * 1024 * 1024), 'Politique.pdf');
    const accepted = await client.request(documents, { method: 'POST', body: small });
    expect(accepted.status).toBe(201);
  });
});
