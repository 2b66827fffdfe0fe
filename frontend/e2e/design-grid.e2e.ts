import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, signIn, webUrl, open } from './browser';

const PROJECT = 'Application de covoiturage pour les agents';
const PROVIDER = 'Cartographie Globale Inc.';

/** Waits until the autosave indicator says everything is saved. */
async function saved(page: Page): Promise<void> {
  await page.locator('[data-testid="grid-save-state"][data-state="saved"]').waitFor();
}

/** Moves to the next question once the current one is saved, and waits for its heading to take focus. */
async function next(page: Page, step: string): Promise<void> {
  await saved(page);
  await page.getByTestId('grid-next').click();
  await page.locator(`[data-testid="grid-step-${step}"][aria-current="step"]`).waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'grid-question');
}

async function openGrid(page: Page, gridUrl: string): Promise<void> {
  await page.getByTestId('nav-design-grid').click();
  await page.getByTestId('grids-all').getByRole('link', { name: PROJECT }).first().waitFor();
  await open(page, gridUrl);
}

/**
 * A contributor answers the ten questions for a carpooling app (location data, employees, a US map
 * provider), leaves at question 5, comes back in a new session, finishes, sees the flags and sends
 * the grid; the DPO requests a change on question 5; the contributor fixes it; the DPO accepts; the
 * draft activity holds what the answers say.
 */
describe('design grid: from the ten questions to an activity in review', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('answers, resumes, sends, gets a change request, fixes it and is accepted', async () => {
    // ——— the contributor starts the grid and answers questions 1 to 4 ———
    let context = await newContext(browser, 'fr-FR');
    let page = await context.newPage();
    await signIn(page, 'contributor@example.com');
    await page.getByTestId('nav-design-grid').click();
    await page.locator('#grid-projectName').fill(PROJECT);
    await page.locator('#grid-pitch').fill('Une application pour partager les trajets domicile-travail entre agents.');
    await page.getByTestId('grid-start').click();
    await page.waitForURL(/\/design-grid\/[0-9a-f-]{36}$/);
    const gridUrl = page.url();

    // 1. Purposes
    await page.locator('[data-testid="grid-step-purposes"][aria-current="step"]').waitFor();
    await page.locator('#grid-purposes-0-description').fill('Mettre en relation les agents qui font le même trajet');
    await page.getByTestId('grid-add-purpose').click();
    await page.locator('#grid-purposes-1-description').fill('Mesurer l’usage du service pour le plan de mobilité');
    await next(page, 'legitimacy');

    // 2. Legal bases, the legitimate interest with its three-part test
    await page.locator('#grid-bases-0-legalBasis').selectOption('consent');
    await page.locator('#grid-bases-1-legalBasis').selectOption('legitimate_interests');
    await page.locator('#grid-bases-1-interest').fill('Piloter le plan de mobilité');
    await page.locator('#grid-bases-1-necessity').fill('Statistiques agrégées seulement');
    await page.locator('#grid-bases-1-balancing').fill('Aucune décision individuelle');
    await next(page, 'data');

    // 3. Employees, identity and location, HR, a map provider in the United States
    await page.getByTestId('grid-add-subject').click();
    await page.locator('#grid-subjects-0-category').selectOption('employees');
    await page.locator('#grid-subjects-0-estimatedCount').fill('1200');
    await page.locator('#grid-largeScale-no').check();
    await page.getByTestId('grid-add-category').click();
    await page.locator('#grid-dataCategories-0-category').selectOption('identity');
    await page.locator('#grid-dataCategories-0-source').selectOption('direct');
    await page.getByTestId('grid-add-category').click();
    await page.locator('#grid-dataCategories-1-category').selectOption('location');
    await page.locator('#grid-dataCategories-1-description').fill('Points de départ et d’arrivée');
    await page.getByTestId('grid-add-recipient').click();
    await page.locator('#grid-recipients-0-category').selectOption('internal_service');
    await page.getByTestId('grid-add-processor').click();
    await page.locator('#grid-processors-0-name').fill(PROVIDER);
    await page.locator('#grid-processors-0-country').selectOption('US');
    await saved(page);
    // The side panel shows, from the server, what the DPO must look at.
    await page.getByTestId('grid-flag-transfer_without_safeguards').waitFor();
    await page.getByTestId('grid-flag-dpia_required').waitFor();
    await expect(page.getByTestId('grid-dpia-criteria').textContent()).resolves.toContain('Données de localisation');
    await next(page, 'minimisation');

    // 4. Minimisation
    await page.locator('#grid-justifications-0-justification').fill('Les agents doivent savoir avec qui ils voyagent');
    await page.locator('#grid-justifications-1-justification').fill('Seuls les points de départ et d’arrivée, arrondis au quartier');
    await next(page, 'retention');

    // ——— leaves at question 5, signs out, signs in again (another session) and resumes ———
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/login/);
    await context.close();

    context = await newContext(browser, 'fr-FR');
    page = await context.newPage();
    await signIn(page, 'contributor@example.com');
    await page.getByTestId('nav-design-grid').click();
    await page.getByTestId('grids-all').getByRole('link', { name: PROJECT }).first().click();
    await page.waitForURL(/\/design-grid\/[0-9a-f-]{36}$/);
    expect(page.url()).toBe(gridUrl);
    await page.locator('[data-testid="grid-step-retention"][aria-current="step"]').waitFor();
    // What was answered before is there.
    await page.getByTestId('grid-step-data').click();
    await expect(page.locator('#grid-processors-0-name').inputValue()).resolves.toBe(PROVIDER);
    await page.getByTestId('grid-step-retention').click();

    // 5. Retention
    await page.locator('#grid-rules-0-mode-limited').check();
    await page.locator('#grid-rules-0-activeAmount').fill('1');
    await page.locator('#grid-rules-0-startEvent').selectOption('end_of_employment');
    await page.locator('#grid-rules-1-mode-limited').check();
    await page.locator('#grid-rules-1-activeAmount').fill('3');
    await page.locator('#grid-rules-1-activeUnit').selectOption('M');
    await page.locator('#grid-rules-1-endAction').selectOption('anonymise');
    await next(page, 'information');

    // 6, 7. Information and rights
    await page.locator('#grid-description').fill('Mention affichée à l’inscription dans l’application et sur l’intranet.');
    await next(page, 'rights');
    await page.locator('#grid-description').fill('Demandes au DPO via le formulaire intranet ; suppression du compte dans l’application.');
    await next(page, 'security');

    // 8, 9. Security and corrections
    await page.locator('#grid-measures-authentication').check();
    await page.locator('#grid-measures-encryption').check();
    await page.locator('#grid-otherMeasures').fill('Revue des accès chaque trimestre');
    await next(page, 'resilience');
    await page.locator('#grid-measures-backup').check();
    await page.locator('#grid-measures-incident_management').check();
    await page.locator('#grid-rollback').fill('Retour à la version précédente en un clic');
    await next(page, 'documentation');

    // 10. Documentation
    await page.locator('#grid-documents-notice').selectOption('planned');
    await page.locator('#grid-documents-dpa').selectOption('planned');
    await next(page, 'summary');

    // The summary, the flags and the completeness; then "send to the DPO".
    await page.getByTestId('grid-summary').waitFor();
    await page.getByTestId('grid-flag-transfer_without_safeguards').waitFor();
    await expect(page.getByTestId('grid-flag-transfer_without_safeguards').textContent()).resolves.toContain(PROVIDER);
    await page.getByTestId('grid-flag-dpia_required').waitFor();
    await page.locator('[data-testid="grid-summary-completeness"][data-score="100"]').waitFor();
    await page.getByTestId('grid-send').click();
    await page.locator('[data-testid="grid-status"][data-status="submitted"]').waitFor();
    await page.getByTestId('grid-activity-link').waitFor();
    await context.close();

    // ——— the DPO requests a change on question 5 ———
    context = await newContext(browser, 'fr-FR');
    page = await context.newPage();
    await signIn(page, 'dpo@example.com');
    await page.getByTestId('nav-design-grid').click();
    await page.getByTestId('grids-awaiting').getByRole('link', { name: PROJECT }).first().waitFor();
    await open(page, gridUrl);
    await page.getByTestId('grid-summary').waitFor();
    await page.getByTestId('grid-step-retention').click();
    await page.getByTestId('grid-review-comment').fill('Les trajets : un mois suffit.');
    await page.getByTestId('grid-request-changes').click();
    await page.locator('[data-testid="grid-status"][data-status="changes_requested"]').waitFor();
    await context.close();

    // ——— the contributor sees the comment on question 5, fixes it and sends again ———
    context = await newContext(browser, 'fr-FR');
    page = await context.newPage();
    await signIn(page, 'contributor@example.com');
    await openGrid(page, `${gridUrl}?step=retention`);
    await page.locator('[data-testid="grid-step-retention"] .tag').waitFor();
    await expect(page.getByTestId('grid-comment').textContent()).resolves.toContain('un mois suffit');
    await page.locator('#grid-rules-1-activeAmount').fill('1');
    await saved(page);
    await page.getByTestId('grid-step-summary').click();
    await page.getByTestId('grid-send').click();
    await page.locator('[data-testid="grid-status"][data-status="submitted"]').waitFor();
    await context.close();

    // ——— the DPO accepts; the draft activity holds the answers ———
    context = await newContext(browser, 'fr-FR');
    page = await context.newPage();
    await signIn(page, 'dpo@example.com');
    await open(page, gridUrl);
    await page.getByTestId('grid-accept').click();
    await page.locator('[data-testid="grid-status"][data-status="accepted"]').waitFor();
    await page.getByTestId('grid-activity-link').click();
    await page.waitForURL(/\/register\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid="activity-status"]').waitFor();
    await expect(page.getByTestId('activity-name').textContent()).resolves.toBe(PROJECT);
    await page.getByTestId('activity-design-grid').waitFor();

    const [, orgId, activityId] = /\/orgs\/([0-9a-f-]{36})\/register\/([0-9a-f-]{36})$/.exec(page.url()) ?? [];
    const response = await page.request.get(webUrl(`/api/v1/organizations/${orgId ?? ''}/activities/${activityId ?? ''}`));
    expect(response.status()).toBe(200);
    const activity = (await response.json()) as {
      status: string;
      purposes: { description: string; legalBasis: string | null }[];
      dataCategories: { category: string; minimisationJustification: string | null; retention: { activePeriod: string | null } | null }[];
      securityMeasures: string[];
      processors: string[];
      transfers: { country: string }[];
      dpiaScreening: { criteria: string[]; decision: string };
    };
    expect(activity.status).toBe('in_review');
    expect(activity.purposes.map((purpose) => purpose.legalBasis)).toEqual(['consent', 'legitimate_interests']);
    expect(activity.dataCategories.map((category) => [category.category, category.retention?.activePeriod, category.minimisationJustification !== null])).toEqual([
      ['identity', 'P1Y', true],
      ['location', 'P1M', true],
    ]);
    expect(activity.securityMeasures).toEqual(expect.arrayContaining(['authentication', 'encryption', 'backup', 'incident_management', 'other:Revue des accès chaque trimestre']));
    expect(activity.processors).toEqual([PROVIDER]);
    expect(activity.transfers.map((transfer) => transfer.country)).toEqual(['US']);
    // Employees' location: the draft screens as the grid did (the register derives the criteria itself).
    expect(activity.dpiaScreening).toEqual(expect.objectContaining({ criteria: [], decision: 'required' }));
    await context.close();
    // Four sessions and thirty saves: longer than the default minute.
  }, 180_000);
});
