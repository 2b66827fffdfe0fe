import { contentSecurityPolicy, newNonce, pageSecurityHeaders } from './security-headers';

describe('security headers of the web pages', () => {
  it('gives scripts only this response’s nonce, never inline or eval in production', () => {
    const nonce = newNonce();
    const policy = contentSecurityPolicy(nonce, { development: false, production: true });
    const scripts = policy.split('; ').find((directive) => directive.startsWith('script-src '));
    expect(scripts).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });

  it('lets the development server evaluate code, and nothing else more', () => {
    const policy = contentSecurityPolicy('n', { development: true, production: false });
    expect(policy).toContain("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
  });

  it('draws a fresh, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => newNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });

  it('forbids framing and sniffing, and pins HTTPS in production only', () => {
    const production = pageSecurityHeaders({ development: false, production: true });
    expect(production).toMatchObject({ 'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin' });
    expect(production['Permissions-Policy']).toContain('camera=()');
    expect(production['Strict-Transport-Security']).toMatch(/^max-age=\d+/);
    expect(pageSecurityHeaders({ development: true, production: false })['Strict-Transport-Security']).toBeUndefined();
  });
});
