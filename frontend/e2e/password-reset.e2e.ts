import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, webUrl, open } from './browser';
import { linkIn, mailTo, waitForMail, type ReceivedMail } from './mail-receiver';
import { lookAt } from './screenshots';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** An account of its own (the demo accounts keep their password for the other browser tests). */
const GAELLE = { name: 'Gaëlle N’Diaye-Lefèvre', email: 'gaelle.ndiaye@mairie-saint-etienne.test', password: 'Châtaignier-ferroviaire-Quimper-7' };
const NEW_PASSWORD = 'Hérisson-boussole-Valenciennes-31';
const UNKNOWN = 'personne.inconnue@mairie-saint-etienne.test';
const isReset = (mail: ReceivedMail) => mail.subject === 'Réinitialisez votre mot de passe Registre';

async function tryPassword(page: Page, email: string, password: string): Promise<void> {
  await open(page, webUrl('/login'));
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

/** Asks for a link from the sign-in page, as a person who forgot would, and returns the answer shown. */
async function forgot(page: Page, email: string): Promise<string> {
  await open(page, webUrl('/login'));
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await page.waitForURL(/\/forgot-password$/);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Envoyer le lien' }).click();
  const answer = page.getByRole('status').filter({ hasText: 'lien valable 30 minutes' });
  await answer.waitFor();
  return (await answer.textContent()) ?? '';
}

/**
 * "Mot de passe oublié" in the built web app, in French, with e-mails really sent over SMTP: a user
 * who created her account (and proved her address) asks for a link from the sign-in page; the link
 * reaches her only; a weak password is refused in words, a good one accepted; the old password no
 * longer works, the new one does; the link serves once. An unknown address gets the same answer.
 */
describe('forgotten password', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    // Her account, made the way anyone makes one: sign-up, then the e-mailed proof of address.
    const context = await newContext(browser, 'fr-FR');
    const csrf = ((await (await context.request.get(webUrl('/api/v1/auth/csrf'))).json()) as { token: string }).token;
    const headers = { 'x-csrf-token': csrf, 'content-type': 'application/json' };
    const registered = await context.request.post(webUrl('/api/v1/auth/register'), { headers, data: JSON.stringify(GAELLE) });
    expect(registered.status()).toBe(202);
    const proof = await waitForMail(GAELLE.email, (mail) => mail.subject === 'Confirmez votre adresse e-mail pour Registre');
    const token = new URL(linkIn(proof, webUrl('/verify-email?token='))).searchParams.get('token');
    const verified = await context.request.post(webUrl('/api/v1/auth/verify-email'), { headers, data: JSON.stringify({ token }) });
    expect(verified.ok()).toBe(true);
    await context.close();
  });
  afterAll(() => browser.close());

  it('an unknown address gets the same answer as a known one, and no e-mail', async () => {
    const context = await newContext(browser, 'fr-FR');
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.setViewportSize(DESKTOP);
    const unknownAnswer = await forgot(page, UNKNOWN);
    const knownAnswer = await forgot(page, GAELLE.email);
    expect(unknownAnswer.replace(UNKNOWN, '…')).toBe(knownAnswer.replace(GAELLE.email, '…'));
    expect(knownAnswer).toBe(`Si un compte utilise ${GAELLE.email}, un lien valable 30 minutes lui a été envoyé.`);
    // Her link arrives; by then the unknown address, asked first, has received nothing.
    await waitForMail(GAELLE.email, isReset);
    expect(mailTo(UNKNOWN)).toEqual([]);
    await context.close();
  });

  it('the e-mailed link sets a new password: a weak one refused in words, the old one no longer signs in, the new one does', async () => {
    const context = await newContext(browser, 'fr-FR');
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.setViewportSize(DESKTOP);
    await forgot(page, GAELLE.email);
    // The latest link (the previous test asked for one too).
    const mail = await waitForMail(GAELLE.email, isReset, 2);
    expect(mail.to).toEqual([GAELLE.email]);
    expect(mail.text).toContain(`Bonjour ${GAELLE.name},`);
    expect(mail.text).toContain('valable 30 minutes, une seule fois');
    expect(mail.text.replace(/https?:\/\/\S+/g, '')).not.toMatch(/[{}]|[0-9a-f]{8}-[0-9a-f]{4}-|\bPT?\d+M\b/);
    const link = linkIn(mail, webUrl('/reset-password?token='));

    const reader = await newContext(browser, 'fr-FR');
    const form = await reader.newPage();
    form.setDefaultTimeout(30_000);
    await form.setViewportSize(PHONE);
    await open(form, link);
    await form.getByRole('heading', { name: 'Choisissez un nouveau mot de passe' }).waitFor();
    await lookAt(form, 'reset-password-form');
    await form.setViewportSize(DESKTOP);
    await lookAt(form, 'reset-password-form');

    await form.locator('#reset-password').fill('azertyuiop12');
    await form.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
    await form.getByText('Ce mot de passe est trop facile à deviner', { exact: false }).waitFor();
    await lookAt(form, 'reset-password-weak');
    await form.locator('#reset-password').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
    await form.getByRole('status').getByText('Votre mot de passe a été changé. Connectez-vous avec.').waitFor();
    await lookAt(form, 'reset-password-done');

    // The link served once.
    await open(form, link);
    await form.locator('#reset-password').fill('Un-autre-mot-de-passe-solide-88');
    await form.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
    await form.getByText('Ce lien n’est pas valide ou a déjà servi. Demandez-en un nouveau.').waitFor();
    await reader.close();

    await tryPassword(page, GAELLE.email, GAELLE.password);
    await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    expect(page.url()).toContain('/login');
    await tryPassword(page, GAELLE.email, NEW_PASSWORD);
    // Signed in; she belongs to no organisation yet, so she is welcomed by name.
    await page.getByRole('heading', { name: `Bienvenue, ${GAELLE.name}` }).waitFor();
    await context.close();
  });
});
