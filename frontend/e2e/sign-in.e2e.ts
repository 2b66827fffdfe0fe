import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, signedInPage, visibleNavigation, webUrl, open } from './browser';

const EXPECTED_NAVIGATION: Record<string, string[]> = {
  'admin@example.com': ['register', 'design-grid', 'review', 'vendors', 'dpias', 'rights-requests', 'breaches', 'dashboard', 'audit', 'settings'],
  // The DPO keeps the organisation profile (public authority, sector), in settings.
  'dpo@example.com': ['register', 'design-grid', 'review', 'vendors', 'dpias', 'rights-requests', 'breaches', 'dashboard', 'audit', 'settings'],
  'contributor@example.com': ['register', 'design-grid', 'vendors', 'dpias', 'rights-requests', 'breaches', 'dashboard'],
  'auditor@example.com': ['register', 'vendors', 'dpias', 'rights-requests', 'breaches', 'dashboard', 'audit'],
};

describe('signing in to the demo organisation', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('shows the sign-in page in French by default', async () => {
    const context = await newContext(browser, 'fr-FR');
    const page = await context.newPage();
    await open(page, webUrl('/'));
    await page.waitForURL(/\/login/);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expect(page.locator('button[type="submit"]').textContent()).resolves.toMatch(/connecter|connexion/i);
    await context.close();
  });

  it('shows it in English when the browser prefers English, and switches language on demand', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await open(page, webUrl('/login'));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect(page.locator('button[type="submit"]').textContent()).resolves.toMatch(/sign in/i);
    await page.getByTestId('locale-fr').click();
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await expect(page.locator('button[type="submit"]').textContent()).resolves.toMatch(/connecter|connexion/i);
    await context.close();
  });

  it('refuses a wrong password with the server’s message', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await open(page, webUrl('/login'));
    await page.locator('input[name="email"]').fill('dpo@example.com');
    await page.locator('input[name="password"]').fill('not the password');
    await page.locator('button[type="submit"]').click();
    await page.getByText('Wrong e-mail address or password.').waitFor();
    expect(page.url()).toContain('/login');
    await context.close();
  });

  for (const [email, expected] of Object.entries(EXPECTED_NAVIGATION)) {
    it(`${email} lands in "Démo" with exactly the navigation of the role, then signs out`, async () => {
      const { context, page } = await signedInPage(browser, email);
      expect(page.url()).toMatch(/\/orgs\/[0-9a-f-]{36}\/register$/);
      await expect(page.getByTestId('org-switcher').textContent()).resolves.toContain('Démo');
      expect(await visibleNavigation(page)).toEqual(expected);
      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/login/);
      // The session is gone on the server too: the app sends us back to sign in.
      await open(page, webUrl('/'));
      await page.waitForURL(/\/login/);
      await context.close();
    });
  }
});
