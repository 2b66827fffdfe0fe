import { generateSync } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext, webUrl, open } from './browser';

/** What the authenticator app would show `offsetSteps` periods from now (RFC 6238, 30 s). */
const codeAt = (secret: string, offsetSteps = 0) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

async function passwordStep(page: Page, email: string): Promise<void> {
  await open(page, webUrl('/login'));
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
}

/**
 * Two-factor sign-in through the built web app and the real API, in French: the administrator sets
 * up an authenticator from the security page (the test reads the key as a person would and computes
 * the codes), signs out, and signs back in with a code; then turns it off again, so the demo account
 * the other browser tests use is left as it was.
 */
describe('two-factor sign-in from the account security page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('sets up an authenticator app, signs out, and signs back in with a code', async () => {
    const context = await newContext(browser, 'fr-FR');
    const page = await context.newPage();
    // A step that does not come fails with its own line, not the test's overall timeout.
    page.setDefaultTimeout(30_000);
    await passwordStep(page, 'admin@example.com');
    await page.getByTestId('nav-register').waitFor();

    await page.getByRole('link', { name: 'Sécurité' }).click();
    await page.waitForURL(/\/account\/security$/);
    await page.getByRole('heading', { name: 'Sécurité du compte' }).waitFor();
    await page.getByTestId('mfa-status').getByText('La connexion en deux étapes est désactivée.').waitFor();
    // This browser's own session is listed and marked.
    await page.getByTestId('sessions').getByText('Cet appareil').waitFor();

    await page.getByRole('button', { name: 'Configurer une application d’authentification' }).click();
    const qr = page.getByRole('img', { name: 'QR code à scanner avec votre application d’authentification' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    await page.locator('#totp-code').fill('000000');
    await page.getByRole('button', { name: 'Activer la connexion en deux étapes' }).click();
    await page.getByText(/Ce code n’est pas le bon/).waitFor();
    await page.locator('#totp-code').fill(codeAt(secret));
    await page.getByRole('button', { name: 'Activer la connexion en deux étapes' }).click();
    const codes = page.getByTestId('recovery-codes').locator('li');
    await page.getByRole('heading', { name: 'Vos codes de secours' }).waitFor();
    expect(await codes.count()).toBe(10);
    await page.getByRole('button', { name: 'Je les ai enregistrés' }).click();
    await page.getByTestId('mfa-status').getByText('Codes de secours non utilisés : 10.', { exact: false }).waitFor();

    await page.getByRole('link', { name: 'Retour' }).click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/login/);

    await passwordStep(page, 'admin@example.com');
    await page.getByRole('heading', { name: 'Connexion en deux étapes' }).waitFor();
    await page.locator('#login-code').fill('123456');
    await page.getByRole('button', { name: 'Vérifier et se connecter' }).click();
    await page.getByText(/Ce code n’est pas le bon/).waitFor();
    // The confirmation used the current period's code: the next period's is the one accepted (each code works once).
    await page.locator('#login-code').fill(codeAt(secret, 1));
    await page.getByRole('button', { name: 'Vérifier et se connecter' }).click();
    await page.getByTestId('nav-register').waitFor();

    // Leave the shared demo account as the other browser tests expect it.
    await open(page, webUrl('/account/security'));
    await page.locator('#mfa-disable-password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Désactiver la connexion en deux étapes' }).click();
    await page.getByText('La connexion en deux étapes est désactivée. Vos autres sessions ont été fermées.').waitFor();
    await context.close();
  }, 180_000);
});
