import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, openSection, signIn, webUrl, open } from './browser';

async function stepStates(page: Page): Promise<Record<string, string | null>> {
  const steps = page.locator('[data-testid^="onboarding-step-"]');
  await steps.first().waitFor();
  const states: Record<string, string | null> = {};
  for (let index = 0; index < (await steps.count()); index++) {
    const step = steps.nth(index);
    states[((await step.getAttribute('data-testid')) ?? '').replace('onboarding-step-', '')] = await step.getAttribute('data-done');
  }
  return states;
}

/**
 * Issue #19 items 3 and 4 through the built web app and the real API, in French: a new organisation
 * lands on its register with the setting-up checklist and follows a step; the demo organisation, set
 * up, shows none; the DPO saves an activity as the organisation's template and starts a draft from it.
 */
describe('onboarding checklist and the organisation’s own templates', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a new organisation sees the checklist on its register; creating a department ticks that step', async () => {
    const context = await newContext(browser, 'fr-FR');
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signIn(page, 'admin@example.com');
    // Named to sort after « Démo », so the demo users still land in the demo organisation elsewhere.
    await open(page, webUrl('/orgs/new'));
    await page.locator('#organization-name').fill('Régie « Eaux du Val-d’Oise »');
    await page.getByLabel('Non, le DPO sera invité ou désigné plus tard').check();
    await page.getByRole('button', { name: 'Créer l’organisation' }).click();
    await page.waitForURL(/\/orgs\/[0-9a-f-]{36}\/register/);

    const checklist = page.getByTestId('onboarding-checklist');
    await checklist.getByRole('heading', { name: 'Mettre en place votre registre' }).waitFor();
    expect(await stepStates(page)).toEqual({ identity: 'false', dpo: 'false', departments: 'false', members: 'false', register: 'false' });
    await checklist.getByText('Aucune étape faite sur 5.', { exact: false }).waitFor();
    // The register step offers the three ways to start.
    const register = page.getByTestId('onboarding-step-register');
    for (const link of ['Importer le modèle Excel', 'Partir d’un modèle', 'Envoyer la grille à une équipe']) await register.getByRole('link', { name: link }).waitFor();

    await page.getByTestId('onboarding-step-departments').getByRole('link', { name: 'Créer une direction' }).click();
    await page.waitForURL(/\/settings\/departments$/);
    await page.waitForLoadState('networkidle');
    const add = page.getByRole('region', { name: 'Ajouter une direction' });
    await add.getByLabel('Nom').fill('Service des eaux et de l’assainissement');
    await add.getByRole('button', { name: 'Ajouter' }).click();
    await page.getByText('La direction Service des eaux et de l’assainissement a été ajoutée.').waitFor();

    await openSection(page, 'register');
    await page.waitForURL(/\/register$/);
    expect(await stepStates(page)).toEqual({ identity: 'false', dpo: 'false', departments: 'true', members: 'false', register: 'false' });
    await checklist.getByText('1 étape faite sur 5.', { exact: false }).waitFor();
    await context.close();
  });

  it('the demo organisation is set up: no checklist; its DPO saves an activity as a template and starts a draft from it', async () => {
    const context = await newContext(browser, 'fr-FR');
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signIn(page, 'dpo@example.com');
    await page.getByTestId('register-table').waitFor();
    expect(await page.getByTestId('onboarding-checklist').count()).toBe(0);

    await page.getByTestId('activity-row-T-0001').getByRole('link').first().click();
    await page.waitForURL(/\/register\/[0-9a-f-]{36}$/);
    await page.waitForLoadState('networkidle');
    const save = page.getByTestId('save-as-template');
    await save.locator('summary').click();
    const name = `Modèle « maison » ${String(Date.now())}`;
    await save.getByLabel('Nom du modèle').fill(name);
    await save.getByTestId('template-save').click();
    await save.getByText(`Modèle « ${name} » enregistré`, { exact: false }).waitFor();

    await open(page, webUrl(page.url().replace(/^https?:\/\/[^/]+/, '').replace(/\/register\/.*$/, '/register/new')));
    await page.waitForLoadState('networkidle');
    const choice = page.getByTestId('template-choice');
    await choice.locator('summary').click();
    const own = choice.getByRole('region', { name: 'Les modèles de votre organisme' });
    await own.getByRole('heading', { name }).waitFor();
    await own.getByText('Enregistré à partir de T-0001').waitFor();
    await own.getByRole('button', { name: `Utiliser ce modèle : ${name}` }).click();
    await page.waitForURL(/\/register\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.locator('[data-testid="activity-status"][data-status="draft"]').waitFor();

    // Deleted, it is no longer offered (the draft made from it stays).
    await open(page, webUrl(page.url().replace(/^https?:\/\/[^/]+/, '').replace(/\/register\/.*$/, '/register/new')));
    await page.waitForLoadState('networkidle');
    await choice.locator('summary').click();
    page.once('dialog', (dialog) => void dialog.accept());
    await own.getByRole('button', { name: `Supprimer le modèle : ${name}` }).click();
    await own.waitFor({ state: 'detached' });
    await context.close();
  });
});
