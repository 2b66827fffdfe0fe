import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, signIn, webUrl, open, reopen } from './browser';
import { lookAt } from './screenshots';

/** The organisation's id in the page's address. */
function organizationIdOf(page: Page): string {
  const found = /\/orgs\/([0-9a-f-]{36})\//.exec(page.url());
  if (!found?.[1]) throw new Error(`no organisation in ${page.url()}`);
  return found[1];
}

/** Creates an organisation through the form; answers its id, from the address the app went to. */
async function createOrganization(page: Page, name: string, creatorIsDpo: 'yes' | 'no'): Promise<string> {
  await open(page, webUrl('/orgs/new'));
  await page.locator('#organization-name').fill(name);
  // The creator must say whether they are the DPO: no default.
  await page.getByRole('button', { name: 'Créer l’organisation' }).click();
  await page.getByText('Dites si vous êtes le DPO de l’organisation.').waitFor();
  await page.getByLabel(creatorIsDpo === 'yes' ? 'Oui, je suis aussi le DPO' : 'Non, le DPO sera invité ou désigné plus tard').check();
  await page.getByRole('button', { name: 'Créer l’organisation' }).click();
  await page.waitForURL(/\/orgs\/[0-9a-f-]{36}\/register/);
  return organizationIdOf(page);
}

/**
 * Roles that fit a small office, through the built web app and the real API, in French: a creator
 * who is also the DPO holds both roles (and sees the DPO's review queue); one who is not is warned
 * that nobody is the DPO; the DPO edits the DPO contact block; an admin requires two-factor sign-in.
 */
describe('a small office: roles, DPO contact block, two-factor requirement', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  // The organisations created here sort after « Démo » (memberships are listed by name), so the demo
  // contributor still lands in the demo organisation in the other browser tests.
  it('the creator who is the DPO is admin and DPO at once; one who is not is told nobody is the DPO', async () => {
    const context = await newContext(browser, 'fr-FR');
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signIn(page, 'contributor@example.com');

    const office = await createOrganization(page, 'Office Lefèvre & Associés', 'yes');
    await page.getByTestId('nav-review').waitFor({ state: 'attached' });
    await open(page, webUrl(`/orgs/${office}/settings/members`));
    await page.getByTestId('member-row-contributor@example.com').getByText('Administrateur, DPO').waitFor();
    expect(await page.getByTestId('no-dpo-warning').count()).toBe(0);

    const other = await createOrganization(page, 'Mairie de Saint-Étienne-du-Bois', 'no');
    await open(page, webUrl(`/orgs/${other}/settings/members`));
    await page.getByTestId('no-dpo-warning').getByText('Aucun membre n’a le rôle de DPO', { exact: false }).waitFor();
    // Ticking the DPO role on one's own membership clears the warning.
    await page.getByRole('button', { name: /Modifier les rôles ou la direction de/ }).click();
    await page.locator('#edit-member-roles-dpo').check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByTestId('member-row-contributor@example.com').getByText('Administrateur, DPO').waitFor();
    await page.getByTestId('no-dpo-warning').waitFor({ state: 'detached' });

    // The admin requires two-factor sign-in of admins and DPOs in this organisation. Meanwhile
    // (another tab) the organisation's address changes: the first save is told so in words, changes
    // nothing, and the page shows the current settings; saved again, it holds.
    await open(page, webUrl(`/orgs/${other}/settings`));
    const requirement = page.getByLabel('Exiger la double authentification des administrateurs et des DPO');
    await requirement.waitFor();
    const current = (await (await context.request.get(webUrl(`/api/v1/organizations/${other}`))).json()) as { version: number };
    const csrf = ((await (await context.request.get(webUrl('/api/v1/auth/csrf'))).json()) as { token: string }).token;
    const changed = await context.request.patch(webUrl(`/api/v1/organizations/${other}`), {
      headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' },
      data: JSON.stringify({ address: '12, place de l’Église\n42000 Saint-Étienne-du-Bois', version: current.version }),
    });
    expect(changed.status()).toBe(200);
    await requirement.check();
    const section = page.getByTestId('two-factor-requirement');
    await section.getByRole('button', { name: 'Enregistrer' }).click();
    await section.getByRole('alert').getByText('Quelqu’un a modifié l’organisation pendant que vous choisissiez', { exact: false }).waitFor();
    // Reloaded: the requirement as saved (off), the address as changed in the other tab.
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('#organization-requireMfaForAdmins')?.checked === false);
    await page.waitForFunction(() => document.querySelector<HTMLTextAreaElement>('#organization-address')?.value.includes('place de l’Église') === true);
    await section.scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 390, height: 844 });
    await lookAt(page, 'settings-two-factor-conflict');
    await page.setViewportSize({ width: 1440, height: 900 });
    await lookAt(page, 'settings-two-factor-conflict');
    await requirement.check();
    await section.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('La double authentification est désormais exigée des administrateurs et des DPO.').waitFor();
    await context.close();
  });

  it('the DPO edits the DPO contact block; a bad phone is refused in words', async () => {
    const context = await newContext(browser, 'fr-FR');
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signIn(page, 'dpo@example.com');
    const organizationId = organizationIdOf(page);
    await open(page, webUrl(`/orgs/${organizationId}/settings`));
    await hydrated(page);
    const block = page.getByTestId('dpo-contact');
    // The controller's identity stays the admin's.
    expect(await page.locator('#organization-legalName').isDisabled()).toBe(true);
    const phone = page.locator('#organization-dpoPhone');
    const before = await phone.inputValue();
    expect(before).not.toBe('');
    await phone.fill('appelez-moi');
    await page.locator('form').filter({ has: block }).getByRole('button', { name: 'Enregistrer' }).click();
    await block.getByText('Saisissez un numéro de téléphone', { exact: false }).waitFor();
    await phone.fill(before);
    await page.locator('#organization-dpoDesignationNumber').fill('DPO-84213');
    const saved = page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().includes(`/organizations/${organizationId}`));
    await page.locator('form').filter({ has: block }).getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Les paramètres de l’organisation sont enregistrés.').waitFor();
    const answer = await saved;
    expect({ status: answer.status(), dpoDesignationNumber: ((await answer.json()) as { dpoDesignationNumber?: string }).dpoDesignationNumber }).toEqual({ status: 200, dpoDesignationNumber: 'DPO-84213' });
    await reopen(page);
    await hydrated(page);
    expect(await page.locator('#organization-dpoDesignationNumber').inputValue()).toBe('DPO-84213');
    expect(await phone.inputValue()).toBe(before);
    await context.close();
  });
});

/** react-hook-form fills the settings form once the page is hydrated: waits until the demo organisation's legal name shows. */
async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('#organization-legalName')?.value ?? '') !== '', undefined, { timeout: 10_000 });
}
