import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, signedInPage, open } from './browser';

/** The `data-path` of every element of a list (problems of a 422, rows of a diff). */
function paths(list: Locator): Promise<(string | null)[]> {
  return list.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-path')));
}

async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="activity-status"][data-status="${status}"]`).waitFor();
}

async function waitForFocus(page: Page, id: string): Promise<void> {
  await page.waitForFunction((expected) => document.activeElement?.id === expected, id);
}

/**
 * The register's workflow through the browser, in French (the default): a contributor describes a
 * draft and submits it; the DPO is told what validation still needs, completes it and validates it;
 * the auditor reads it, unable to change anything, with its history.
 */
describe('the register, from a draft to a validated activity', () => {
  let browser: Browser;
  const name = `Programme de fidélité ${String(Date.now())}`;
  let activityUrl = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a contributor creates a draft and submits it for review', async () => {
    const { context, page } = await signedInPage(browser, 'contributor@example.com');
    await page.getByTestId('register-table').waitFor();

    await page.getByTestId('new-activity').click();
    await page.waitForURL(/\/register\/new$/);
    await page.locator('#activity-name').fill(name);
    await page.locator('#activity-description').fill('Cartes de fidélité des clients des magasins.');
    await page.getByTestId('activity-tab-purposes').click();
    await page.locator('#activity-purposes-0-description').fill('Gérer le programme de fidélité');
    await page.getByTestId('activity-tab-data').click();
    await page.getByTestId('add-data-category').click();
    await page.getByTestId('data-category-0-category').selectOption('identity');
    await page.getByTestId('activity-save').click();

    await page.waitForURL(/\/register\/[0-9a-f-]{36}$/);
    activityUrl = page.url();
    await waitForStatus(page, 'draft');
    await expect(page.getByTestId('activity-name').textContent()).resolves.toBe(name);
    const reference = (await page.getByTestId('activity-reference').textContent()) ?? '';
    expect(reference).toMatch(/^T-\d{4}$/);

    await page.getByTestId('workflow-submit').click();
    await waitForStatus(page, 'in_review');
    // Validating is the DPO's; a contributor may only pull it back to draft.
    expect(await page.getByTestId('workflow-validate').count()).toBe(0);
    await page.getByTestId('workflow-reopen').waitFor();

    // The register finds it, in review.
    await page.getByTestId('nav-register').click();
    await page.getByTestId('register-search').fill(name);
    await page.getByTestId('register-search').press('Enter');
    await page.waitForURL(/[?&]q=/);
    const row = page.getByTestId(`activity-row-${reference}`);
    await row.waitFor();
    await expect(row.locator('[data-status]').getAttribute('data-status')).resolves.toBe('in_review');
    await context.close();
  });

  it('the DPO sees what validation needs, completes the activity and validates it', async () => {
    const { context, page } = await signedInPage(browser, 'dpo@example.com');
    await open(page, activityUrl);
    await waitForStatus(page, 'in_review');

    await page.getByTestId('workflow-validate').click();
    const problems = page.getByTestId('validation-problems');
    await problems.waitFor();
    expect(await paths(problems.getByTestId('problem-item'))).toEqual([
      'purposes[0].legalBasis',
      'dataSubjects',
      'dataCategories[0].retention',
      'dataSubjectInformation',
      'rightsProcedure',
    ]);
    await waitForStatus(page, 'in_review');
    // Each problem is also shown next to its field, and the tabs holding them are marked.
    await page.getByTestId('activity-tab-purposes-errors').waitFor();
    await page.getByTestId('activity-tab-people-errors').waitFor();

    // A problem of the list opens its tab and focuses its field.
    await problems.getByTestId('problem-item').first().locator('button').click();
    await waitForFocus(page, 'activity-purposes-0-legalBasis');
    await expect(page.locator('#activity-purposes-0-legalBasis-error').textContent()).resolves.toContain('base légale');

    // Legitimate interests: the three-part assessment appears.
    await page.getByTestId('purpose-0-legal-basis').selectOption('legitimate_interests');
    await page.getByTestId('purpose-0-lia').waitFor();
    expect(await page.locator('#activity-purposes-0-legalBasis-error').count()).toBe(0);
    await page.locator('#activity-purposes-0-legitimateInterestAssessment-purpose').fill('Fidéliser la clientèle.');
    await page.locator('#activity-purposes-0-legitimateInterestAssessment-necessity').fill('Seules les données de la carte sont utilisées.');
    await page.locator('#activity-purposes-0-legitimateInterestAssessment-balancing').fill('Attendu par les clients, désinscription à tout moment.');

    await page.getByTestId('activity-tab-data').click();
    await page.locator('#activity-dataCategories-0-retention-mode-limited').check();
    await page.locator('#activity-dataCategories-0-retention-activeAmount').fill('3');
    await page.locator('#activity-dataCategories-0-retention-activeUnit').selectOption('Y');

    await page.getByTestId('activity-tab-people').click();
    await page.getByTestId('add-data-subject').click();
    await page.getByTestId('data-subject-0-category').selectOption('customers');
    await page.locator('#activity-dataSubjectInformation').fill('Mention sur le formulaire d’adhésion.');
    await page.locator('#activity-rightsProcedure').fill('Demandes au DPO, réponse sous un mois.');

    // The mirrored rules say nothing is missing any more.
    await page.locator('[data-testid="completeness-panel"][data-score="100"]').waitFor();
    await page.getByTestId('activity-note').fill('Compléments du DPO');
    await page.getByTestId('activity-save').click();
    await page.locator('[data-testid="activity-completeness"][data-score="100"]').waitFor();
    await expect(page.getByTestId('activity-version').textContent()).resolves.toBe('3');

    await page.getByTestId('workflow-validate').click();
    await waitForStatus(page, 'validated');
    expect(await page.getByTestId('validation-problems').count()).toBe(0);
    await context.close();
  });

  it('the auditor reads it without any way to change it, and reads its history', async () => {
    const { context, page } = await signedInPage(browser, 'auditor@example.com');
    await page.getByTestId('register-table').waitFor();
    expect(await page.getByTestId('new-activity').count()).toBe(0);

    // The page is rendered on the server too (not only in the browser).
    const html = await page.request.get(activityUrl);
    expect(html.status()).toBe(200);
    expect(await html.text()).toContain(`data-testid="activity-name">${name}</span>`);

    await open(page, activityUrl);
    await waitForStatus(page, 'validated');
    await page.getByTestId('read-only-notice').waitFor();
    expect(await page.getByTestId('activity-save').count()).toBe(0);
    expect(await page.locator('[data-testid^="workflow"]').count()).toBe(0);
    expect(await page.getByTestId('activity-duplicate').count()).toBe(0);
    // Read-only is a document: the name is a value in words, not a disabled input.
    expect(await page.locator('#activity-name').evaluate((element) => element.tagName)).toBe('DL');
    expect(await page.locator('#activity-name').textContent()).toContain(name);
    await page.getByTestId('activity-tab-purposes').click();
    expect(await page.getByTestId('add-purpose').count()).toBe(0);
    expect(await page.getByTestId('purpose-0-legal-basis').evaluate((element) => element.tagName)).toBe('DL');

    await page.getByTestId('activity-tab-history').click();
    const versions = page.locator('[data-testid^="version-row-"]');
    await page.getByTestId('version-row-4').waitFor();
    expect(await versions.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')))).toEqual([
      'validate',
      'update',
      'submit',
      'create',
    ]);
    await expect(page.getByTestId('version-row-3').textContent()).resolves.toContain('Compléments du DPO');

    // What the DPO changed in version 3, field by field, in words.
    await page.getByTestId('version-changes-3').click();
    const diff = page.getByTestId('history-diff');
    await diff.waitFor();
    expect(await paths(diff.getByTestId('diff-row'))).toEqual(
      expect.arrayContaining([
        'purposes[0].legalBasis',
        'purposes[0].legitimateInterestAssessment.balancing',
        'dataSubjects[0].category',
        'dataCategories[0].retention.activePeriod',
        'dataSubjectInformation',
        'rightsProcedure',
      ]),
    );
    await expect(diff.locator('[data-path="purposes[0].legalBasis"]').textContent()).resolves.toContain('Intérêt légitime');
    await expect(diff.locator('[data-path="dataCategories[0].retention.activePeriod"]').textContent()).resolves.toMatch(/3\sans/);

    // From the first version to the last: the whole way from draft to validated.
    await page.getByTestId('history-from').selectOption('1');
    await page.getByTestId('history-to').selectOption('4');
    await page.getByTestId('history-compare').click();
    await page.locator('[data-testid="history-diff"] caption', { hasText: 'version 1 et la version 4' }).waitFor();
    const status = diff.locator('[data-path="status"]');
    await expect(status.locator('td').allTextContents()).resolves.toEqual(['Brouillon', 'Validé']);
    await context.close();
  });
});
