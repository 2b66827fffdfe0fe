import type { Browser } from 'playwright-core';

import { launchBrowser, newContext, signIn, webUrl } from './browser';

describe('security headers of the web pages (built app)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('sends a per-request nonce policy, no framing, no sniffing, and HSTS on every page', async () => {
    const policies: string[] = [];
    for (const path of ['/login', '/signup', '/forgot-password']) {
      const response = await fetch(webUrl(path), { redirect: 'manual' });
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'(;|$)/);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('permissions-policy')).toContain('camera=()');
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=/);
      // Every script of the page carries this response's nonce.
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? '';
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
      policies.push(policy);
    }
    expect(new Set(policies).size).toBe(policies.length);
  });

  it('runs the app under the policy (sign-in and pages work, no violation) and blocks a script without the nonce', async () => {
    const context = await newContext(browser, 'fr-FR');
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await signIn(page, 'dpo@example.com');
    await page.waitForURL(/\/register$/);
    await page.getByTestId('nav-vendors').first().click();
    await page.waitForURL(/\/vendors$/);
    expect(violations).toEqual([]);

    // What injected markup would try: an inline event handler does not run under the policy.
    const ran = await page.evaluate(async () => {
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="/nowhere.png" onerror="window.__injected = true">';
      document.body.appendChild(holder);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await context.close();
  });
});
