import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, openSection, signIn, visibleNavigation, webUrl, open, reopen } from './browser';
import { linkIn, receivedMail, waitForMail, type ReceivedMail } from './mail-receiver';
import { lookAt } from './screenshots';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const ZOE = { name: 'Zoé L’Hôte', email: 'zoe.lhote@cabinet-lhote.test', password: 'Lanterne-cerisier-Brocéliande-42' };
/** Contributor and auditor: the union of both roles' navigation. */
const ZOE_NAVIGATION = ['register', 'design-grid', 'vendors', 'dpias', 'rights-requests', 'breaches', 'dashboard', 'audit'];
const CLOSED_LINK = 'Cette invitation n’est plus valable';

/** Words a person reads must not carry codes: ids, role codes, ISO durations, JSON, placeholders. */
function expectPlainWords(mail: ReceivedMail): void {
  const words = mail.text.replace(/https?:\/\/\S+/g, '');
  expect(words).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  expect(words).not.toMatch(/\b(admin|dpo|contributor|auditor|undefined|null)\b/);
  expect(words).not.toMatch(/\bP\d+[DWMY]\b|[{}[\]]/);
  expect(mail.subject).not.toMatch(/[{}]|\b(admin|contributor|auditor)\b/);
}

async function invite(page: Page, email: string, roles: string[]): Promise<void> {
  await page.locator('#add-member-email').fill(email);
  for (const role of roles) await page.locator(`#add-member-roles-${role}`).check();
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.getByRole('status').filter({ hasText: `Invitation envoyée à ${email}.` }).waitFor();
}

/** The invitation e-mails to `email` so far, newest last. */
const invitationsTo = (email: string) => (mail: ReceivedMail) => mail.to.includes(email) && mail.subject.includes('vous invite dans');

/**
 * Joining by invitation in the built web app, in French, with e-mails really sent over SMTP: the demo
 * administrator invites Zoé L’Hôte from the members page; the link reaches her address only; she
 * opens it in her own browser, creates her account on the way (on a phone), proves her address with
 * the e-mailed link, comes back to the invitation, signs in from it, accepts, and finds the
 * organisation with her roles’ navigation, also after signing out and in again. A used, replaced or
 * revoked link says so in words.
 */
describe('invite → accept → sign in', () => {
  let browser: Browser;
  let admin: { context: BrowserContext; page: Page; orgId: string };
  let zoeLink = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await newContext(browser, 'fr-FR');
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.setViewportSize(DESKTOP);
    await signIn(page, 'admin@example.com');
    const orgId = /\/orgs\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    if (!orgId) throw new Error(`no organisation in ${page.url()}`);
    admin = { context, page, orgId };
  });
  afterAll(async () => {
    await admin.context.close();
    await browser.close();
  });

  it('the administrator invites Zoé L’Hôte with two roles; the e-mail reaches her only, in French words', async () => {
    const { page } = admin;
    await openSection(page, 'settings');
    await page.getByTestId('settings-tab-members').click();
    await page.locator('#add-member-email').waitFor();
    const mailBefore = receivedMail().length;
    await invite(page, ZOE.email, ['contributor', 'auditor']);

    const mail = await waitForMail(ZOE.email, invitationsTo(ZOE.email));
    expect(mail.to).toEqual([ZOE.email]);
    expect(mail.toHeader).toBe(ZOE.email);
    expect(mail.subject).toBe('Alice Admin vous invite dans Démo sur Registre');
    expect(mail.text).toContain('Alice Admin vous invite à rejoindre Démo sur Registre');
    expect(mail.text).toContain('valable 7 jours, une seule fois');
    expect(mail.html).toContain('lang="fr"');
    expectPlainWords(mail);
    zoeLink = linkIn(mail, webUrl('/invitations/'));
    // Nobody else received the link: not the administrator, not the other members.
    const withLink = receivedMail().slice(mailBefore).filter((received) => received.text.includes(zoeLink) || received.html.includes(zoeLink));
    expect(withLink.map((received) => received.to)).toEqual([[ZOE.email]]);
  });

  it('Zoé opens the link on her phone, creates her account from it and proves her address', async () => {
    const context = await newContext(browser, 'fr-FR');
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.setViewportSize(PHONE);
    await open(page, zoeLink);
    const preview = page.getByTestId('invitation-preview');
    await preview.getByText(`Alice Admin invite ${ZOE.email} à rejoindre Démo en tant que Contributeur, Auditeur.`).waitFor();
    await lookAt(page, 'invitation-landing');
    await page.setViewportSize(DESKTOP);
    await lookAt(page, 'invitation-landing');
    await page.setViewportSize(PHONE);

    // Not signed in yet: accepting asks her to sign in, or to create her account with this address.
    await page.getByTestId('invitation-accept').click();
    await preview.getByText(`Connectez-vous avec ${ZOE.email} pour accepter`, { exact: false }).waitFor();
    await lookAt(page, 'invitation-sign-in-first');
    await preview.getByRole('link', { name: 'Créer un compte' }).click();
    await page.waitForURL(/\/signup\?/);
    // The invited address is filled in; she gives her name and a password.
    expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(ZOE.email);
    await page.getByLabel('Nom').fill(ZOE.name);
    await page.getByLabel('Mot de passe').fill(ZOE.password);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByTestId('signup-check-email').getByText(`Nous avons envoyé un message à ${ZOE.email}.`, { exact: false }).waitFor();

    const proof = await waitForMail(ZOE.email, (mail) => mail.subject === 'Confirmez votre adresse e-mail pour Registre');
    expect(proof.to).toEqual([ZOE.email]);
    expect(proof.text).toContain(`Bonjour ${ZOE.name},`);
    expectPlainWords(proof);
    await open(page, linkIn(proof, webUrl('/verify-email?token=')));
    await page.getByTestId('verify-email-confirm').click();
    await page.getByText('Votre adresse est confirmée. Vous pouvez vous connecter.').waitFor();
    await lookAt(page, 'verify-email-done');
    await context.close();
  });

  it('Zoé comes back to the link, signs in from it, accepts, and lands in Démo with her roles’ navigation; then signs out and in again', async () => {
    const context = await newContext(browser, 'fr-FR');
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.setViewportSize(DESKTOP);
    await open(page, zoeLink);
    const preview = page.getByTestId('invitation-preview');
    await page.getByTestId('invitation-accept').click();
    await preview.getByRole('link', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/login\?next=/);
    await page.locator('input[name="email"]').fill(ZOE.email);
    await page.locator('input[name="password"]').fill(ZOE.password);
    await page.locator('button[type="submit"]').click();
    // Signed in, she is back on the invitation rather than on the page that offers to create an organisation.
    await page.waitForURL(zoeLink);
    await preview.waitFor();
    await lookAt(page, 'invitation-accept');
    await page.setViewportSize(PHONE);
    await lookAt(page, 'invitation-accept');
    await page.setViewportSize(DESKTOP);
    await page.getByTestId('invitation-accept').click();
    await page.waitForURL(/\/orgs\/[0-9a-f-]{36}\/register$/);
    expect(page.url()).toContain(`/orgs/${admin.orgId}/`);
    await expect(page.getByTestId('org-switcher').textContent()).resolves.toContain('Démo');
    expect(await visibleNavigation(page)).toEqual(ZOE_NAVIGATION);

    // The administrators hear that she is in; her row is on the members page with both roles.
    await reopen(admin.page);
    await admin.page.getByTestId(`member-row-${ZOE.email}`).getByText('Contributeur').waitFor();
    await expect(admin.page.getByTestId(`member-row-${ZOE.email}`).textContent()).resolves.toContain(ZOE.name);

    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/login/);
    await signIn(page, ZOE.email, ZOE.password);
    expect(page.url()).toMatch(new RegExp(`/orgs/${admin.orgId}/register$`));
    expect(await visibleNavigation(page)).toEqual(ZOE_NAVIGATION);

    // The link has served: opened again, it says so, and offers nothing to click.
    await open(page, zoeLink);
    await page.getByRole('alert').getByText(CLOSED_LINK, { exact: false }).waitFor();
    expect(await page.getByTestId('invitation-accept').count()).toBe(0);
    await context.close();
  });

  it('a replaced or revoked invitation link says in French that it no longer works', async () => {
    const { page } = admin;
    const email = 'elise.benoit@cabinet-lhote.test';
    await invite(page, email, ['dpo']);
    const first = linkIn(await waitForMail(email, invitationsTo(email)), webUrl('/invitations/'));
    // A second invitation to the same address replaces the first.
    await invite(page, email, ['contributor']);
    const second = linkIn(await waitForMail(email, invitationsTo(email), 2), webUrl('/invitations/'));
    expect(second).not.toBe(first);

    // The members page lists the one invitation still open (the replaced one is gone), with its roles;
    // the administrator revokes it there.
    const pending = page.getByTestId('pending-invitations');
    const row = pending.getByTestId(`invitation-row-${email}`);
    await row.getByText('Contributeur').waitFor();
    expect(await pending.locator(`[data-testid="invitation-row-${email}"]`).count()).toBe(1);
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: `Révoquer l’invitation de ${email}` }).click();
    await pending.getByText(`L’invitation de ${email} est révoquée.`).waitFor();
    await row.waitFor({ state: 'detached' });

    const visitor = await newContext(browser, 'fr-FR');
    const landing = await visitor.newPage();
    for (const [link, size] of [
      [first, DESKTOP],
      [second, PHONE],
    ] as const) {
      await landing.setViewportSize(size);
      await open(landing, link);
      const alert = landing.getByRole('alert');
      await alert.getByText(CLOSED_LINK, { exact: false }).waitFor();
      expect(await landing.getByTestId('invitation-accept').count()).toBe(0);
      expect(await landing.getByTestId('invitation-preview').count()).toBe(0);
    }
    await lookAt(landing, 'invitation-closed');
    await landing.setViewportSize(DESKTOP);
    await lookAt(landing, 'invitation-closed');
    await visitor.close();
  });
});
