import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInPage } from './browser';

const FEARED_EVENTS = ['illegitimate_access', 'unwanted_modification', 'disappearance'] as const;

async function openActivity(page: Page, reference: string): Promise<void> {
  await page.getByTestId('nav-register').click();
  await page.getByTestId('register-search').fill(reference);
  await page.getByTestId('register-search').press('Enter');
  await page.getByTestId(`activity-row-${reference}`).getByRole('link').first().click();
  await page.waitForURL(/\/register\/[0-9a-f-]{36}/);
  await page.getByTestId('activity-tab-dpia').waitFor();
}

/**
 * The fraud-prevention activity of the demo (T-0009, facial biometrics): the DPO hands it to a
 * contributor, who screens it (the result is computed live: biometrics alone is one criterion, with
 * the new technology it is two → required), starts and drafts its DPIA, and submits it; the DPO gives
 * an opinion and validates it with conditions; the risk map shows the three feared events before and
 * after measures, and the printable report carries the decision.
 */
describe('DPIAs: from the screening of T-0009 to a DPIA validated with conditions', () => {
  let browser: Browser;
  let dpiaUrl = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('the DPO gives T-0009 to the contributor', async () => {
    const { context, page } = await signedInPage(browser, 'dpo@example.com');
    await openActivity(page, 'T-0009');
    const owner = page.locator('#activity-ownerId');
    const value = await owner.locator('option', { hasText: 'contributor@example.com' }).getAttribute('value');
    await owner.selectOption(value ?? '');
    const version = Number(await page.getByTestId('activity-version').textContent());
    await page.getByTestId('activity-save').click();
    await page.getByTestId('activity-version').filter({ hasText: String(version + 1) }).waitFor();
    await context.close();
  });

  it('a contributor screens T-0009 (biometrics → required), starts and drafts the DPIA, and submits it', async () => {
    const { context, page } = await signedInPage(browser, 'contributor@example.com');
    await openActivity(page, 'T-0009');
    await page.getByTestId('activity-tab-dpia').click();
    const result = page.getByTestId('screening-result');
    await page.locator('[data-testid="screening-result"][data-decision="required"]').waitFor();

    // The result follows the answers, before anything is saved.
    for (const criterion of ['evaluation_scoring', 'automated_decision_legal_effect', 'innovative_technology']) {
      await page.locator(`#activity-dpiaScreening-criteria-${criterion}`).uncheck();
    }
    // The register's facts still meet criteria no box unticks: biometrics, 150 000 persons, automated decisions.
    await page.locator('[data-testid="screening-result"][data-decision="required"][data-basis="criteria"]').waitFor();
    await expect(page.getByTestId('screening-criteria').textContent()).resolves.toContain('personnes estimées');
    await page.locator('[data-criterion="innovative_technology"]').waitFor({ state: 'detached' });
    await page.locator('#activity-dpiaScreening-criteria-innovative_technology').check();
    await page.locator('[data-criterion="innovative_technology"]').waitFor();
    await page.locator('[data-testid="screening-result"][data-decision="required"][data-basis="criteria"]').waitFor();
    await expect(result.getByTestId('screening-decision').textContent()).resolves.toBe('AIPD requise');
    // A contributor does not record a DPO decision.
    expect(await page.locator('#activity-dpiaScreening-decision').count()).toBe(0);
    const version = Number(await page.getByTestId('activity-version').textContent());
    await page.getByTestId('activity-save').click();
    await page.getByTestId('activity-version').filter({ hasText: String(version + 1) }).waitFor();
    await page.locator('[data-testid="screening-result"][data-decision="required"]').waitFor();

    // Start the DPIA from the activity.
    await page.getByTestId('activity-dpia-start').click();
    await page.waitForURL(/\/dpias\/[0-9a-f-]{36}$/);
    dpiaUrl = page.url();
    await page.locator('[data-testid="dpia-status"][data-status="draft"]').waitFor();
    // The context comes from the register, not typed again.
    await expect(page.getByTestId('dpia-register-data').textContent()).resolves.toContain('Gabarit facial');

    await page.locator('#context-processing').fill('Vérification d’identité des vendeurs professionnels par comparaison faciale.');
    await page.locator('#context-supportingAssets').fill('Application mobile, prestataire de vérification, base des vendeurs.');
    await page.getByTestId('save-context').click();
    await page.locator('[data-testid="dpia-status"][data-status="in_progress"]').waitFor();
    await page.getByTestId('dpia-nav-context').filter({ hasText: '2 sur 5' }).waitFor();

    await page.getByTestId('principle-minimisation').getByLabel('À améliorer').check();
    await page.locator('#principle-minimisation-comment').fill('Supprimer le gabarit dès la vérification faite.');
    await page.getByTestId('principle-purposes').getByLabel('Acceptable').check();
    await page.getByTestId('save-principles').click();
    await page.getByTestId('dpia-nav-principles').filter({ hasText: '2 sur 12' }).waitFor();

    const levels: Record<(typeof FEARED_EVENTS)[number], [string, string, string, string]> = {
      illegitimate_access: ['4', '3', '4', '1'],
      unwanted_modification: ['3', '2', '3', '1'],
      disappearance: ['2', '2', '2', '1'],
    };
    for (const event of FEARED_EVENTS) {
      const [severityBefore, likelihoodBefore, severityAfter, likelihoodAfter] = levels[event];
      await page.locator(`#risk-${event}-riskSources`).fill('Attaquant externe\nEmployé indélicat');
      await page.locator(`#risk-${event}-before-severity`).selectOption(severityBefore);
      await page.locator(`#risk-${event}-before-likelihood`).selectOption(likelihoodBefore);
      await page.locator(`#risk-${event}-after-severity`).selectOption(severityAfter);
      await page.locator(`#risk-${event}-after-likelihood`).selectOption(likelihoodAfter);
    }
    await page.getByTestId('save-risks').click();
    await page.getByTestId('dpia-nav-risks').filter({ hasText: '3 sur 3' }).waitFor();
    await page.locator('[data-testid="dpia-residual-risk"][data-level="medium"]').waitFor();

    await page.getByTestId('action-add').click();
    await page.locator('#action-0-measure').fill('Chiffrer les gabarits faciaux');
    await page.locator('#action-0-owner').fill('RSSI');
    await page.locator('#action-0-dueDate').fill('31/01/2027');
    await page.getByTestId('save-actionPlan').click();
    await page.getByTestId('dpia-nav-actionPlan').filter({ hasText: '1 sur 1' }).waitFor();

    await page.getByTestId('dpia-submit').click();
    await page.locator('[data-testid="dpia-status"][data-status="awaiting_dpo_opinion"]').waitFor();
    // Only the DPO gives the opinion; a contributor does not decide.
    expect(await page.getByTestId('opinion-submit').count()).toBe(0);
    expect(await page.getByTestId('decision-submit').count()).toBe(0);
    await context.close();
  });

  it('the DPO gives an opinion and validates with conditions; the map shows the three feared events', async () => {
    const { context, page } = await signedInPage(browser, 'dpo@example.com');
    await page.getByTestId('nav-dpias').click();
    await page.locator('[data-testid="dpia-row-T-0009"][data-status="awaiting_dpo_opinion"]').waitFor();
    await page.getByTestId('dpia-row-T-0009').getByRole('link').click();
    await page.waitForURL(dpiaUrl);

    await page.locator('#opinion-status').selectOption('could_be_implemented');
    await page.locator('#opinion-text').fill('Acceptable une fois les gabarits chiffrés.');
    await page.getByTestId('opinion-submit').click();
    await page.locator('[data-testid="dpia-opinion"] [data-status="could_be_implemented"]').waitFor();

    // The conditions are required for a validation with conditions.
    await page.locator('#decision-choice').selectOption('validated_with_conditions');
    await page.getByTestId('decision-submit').click();
    await page.locator('#decision-comment-error').waitFor();
    await page.locator('#decision-comment').fill('Chiffrement des gabarits avant la mise en production.');
    await page.getByTestId('decision-submit').click();
    await page.locator('[data-testid="dpia-status"][data-status="validated"]').waitFor();
    await page.locator('[data-testid="dpia-decision"] [data-decision="validated_with_conditions"]').waitFor();
    await page.getByTestId('dpia-locked').waitFor();
    expect(await page.getByTestId('save-risks').count()).toBe(0);

    // The map: each feared event before and after measures, in its cell.
    const map = page.getByTestId('risk-map');
    const cells: Record<(typeof FEARED_EVENTS)[number], [string, string]> = {
      illegitimate_access: ['4-3', '4-1'],
      unwanted_modification: ['3-2', '3-1'],
      disappearance: ['2-2', '2-1'],
    };
    for (const event of FEARED_EVENTS) {
      const [before, after] = cells[event];
      await map.getByTestId(`risk-map-cell-${before}`).getByTestId(`risk-map-marker-${event}-before`).waitFor();
      await map.getByTestId(`risk-map-cell-${after}`).getByTestId(`risk-map-marker-${event}-after`).waitFor();
    }
    expect(await map.locator('[data-testid^="risk-map-marker-"]').count()).toBe(6);
    // Its headers make it a real table: severity rows, likelihood columns.
    expect(await map.locator('tbody th[scope="row"]').count()).toBe(4);
    await expect(map.getByTestId('risk-map-marker-illegitimate_access-before').textContent()).resolves.toContain('avant les mesures');

    // The printable report: organisation, decision, map.
    await page.getByTestId('dpia-report-link').click();
    await page.waitForURL(/\/report$/);
    await page.locator('[data-testid="report-decision"][data-decision="validated_with_conditions"]').waitFor();
    await expect(page.getByTestId('report-organisation').textContent()).resolves.not.toBe('');
    expect(await page.getByTestId('report-risk-map').locator('[data-testid^="report-risk-map-marker-"]').count()).toBe(6);
    await context.close();
  });

  it('the list finds T-0009 by its activity’s name typed without accents, filters by status and sorts, in the URL', async () => {
    const { context, page } = await signedInPage(browser, 'auditor@example.com');
    await page.getByTestId('nav-dpias').click();
    await page.getByTestId('dpias-table').waitFor();

    await page.getByTestId('dpia-search').fill('verification des vendeurs');
    await page.getByTestId('dpia-search').press('Enter');
    await page.waitForURL(/\/dpias\?q=verification\+des\+vendeurs$/);
    await page.locator('[data-testid="dpia-row-T-0009"][data-status="validated"]').waitFor();
    expect(await page.locator('[data-testid^="dpia-row-"]').count()).toBe(1);
    await expect(page.getByTestId('dpias-total').textContent()).resolves.toBe('1 analyse d’impact');

    await page.getByTestId('filter-dpia-status').selectOption('refused');
    await page.waitForURL(/status=refused/);
    await expect(page.getByTestId('dpias-no-match').textContent()).resolves.toBe('Aucune analyse d’impact ne correspond à ces filtres.');
    await page.getByTestId('dpia-filters-reset').click();
    await page.waitForURL(/\/dpias$/);
    await page.locator('[data-testid="dpia-row-T-0009"]').waitFor();

    // Ascending by reference is the default; a click states it, the next one turns it.
    await page.getByTestId('dpia-sort-activity').click();
    await page.waitForURL(/\?sort=activity$/);
    await page.getByTestId('dpia-sort-activity').click();
    await page.waitForURL(/\?sort=-activity$/);
    await page.locator('th[aria-sort="descending"] [data-testid="dpia-sort-activity"]').waitFor();
    const shown = await page.locator('[data-testid^="dpia-row-"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid') ?? ''));
    expect(shown).toEqual([...shown].sort().reverse());
    await context.close();
  });
});
