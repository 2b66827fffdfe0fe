import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, signIn, webUrl, open } from './browser';
import { startTestProvider, type TestProvider } from './oidc-provider';

/**
 * Single sign-on in Chromium against a real OpenID provider (the `oidc-provider` package, started
 * here): the demo administrator configures it on the organisation's settings page, then a newcomer
 * of the domain signs in through the provider's own sign-in page and lands in the organisation.
 * The configuration is removed at the end, so the demo organisation is left as it was.
 */
describe('single sign-on through the organisation’s OpenID provider', () => {
  let browser: Browser;
  let provider: TestProvider;
  beforeAll(async () => {
    browser = await launchBrowser();
    provider = await startTestProvider(webUrl('/api/v1/auth/sso/callback'), {
      marie: { email: 'marie.sso@sso-e2e.test', email_verified: true, name: 'Marie Unique' },
    });
  });
  afterAll(async () => {
    await browser.close();
    await provider.stop();
  });

  it('is set up by the administrator, and a newcomer signs in through the provider’s page', async () => {
    const adminContext = await newContext(browser, 'en-GB');
    const admin = await adminContext.newPage();
    admin.setDefaultTimeout(30_000);
    await signIn(admin, 'admin@example.com');
    await admin.getByTestId('nav-settings').click();
    const section = admin.getByTestId('sso-settings');
    await section.getByText('Not set up: members sign in with their password.').waitFor();
    expect(await section.getByTestId('sso-callback').textContent()).toBe(webUrl('/api/v1/auth/sso/callback'));
    await section.getByLabel('Issuer address').fill(provider.issuer);
    await section.getByLabel('Client identifier').fill(provider.clientId);
    await section.getByLabel('Client secret').fill(provider.clientSecret);
    await section.getByLabel('E-mail domains').fill('sso-e2e.test');
    await section.getByLabel('Role of newcomers').selectOption('contributor');
    await section.getByRole('button', { name: 'Save single sign-on' }).click();
    await section.getByText('Single sign-on saved.').waitFor();
    // The secret is not shown back.
    expect(await section.getByLabel('Client secret').inputValue()).toBe('');

    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await open(page, webUrl('/login'));
    await page.locator('input[name="email"]').fill('marie.sso@sso-e2e.test');
    await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
    // The provider's own sign-in page.
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.locator('input[name="login"]').fill('marie');
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    // Back in Registre, signed in, in the organisation.
    await page.waitForURL((url) => url.href.startsWith(webUrl('/')) && !url.pathname.startsWith('/login'));
    await page.getByTestId('nav-register').waitFor({ state: 'attached' });
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json() as Promise<{ email: string; memberships: { roles: string[] }[] }>);
    expect(me.email).toBe('marie.sso@sso-e2e.test');
    expect(me.memberships.map((membership) => membership.roles)).toEqual([['contributor']]);
    await context.close();

    await section.getByRole('button', { name: 'Remove single sign-on' }).click();
    await section.getByText('Single sign-on removed: members sign in with their password.').waitFor();
    await adminContext.close();
  });
});
