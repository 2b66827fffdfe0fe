import type { Browser } from 'playwright-core';
import { launchBrowser, signedInPage } from './browser';

/**
 * The DPO reviews the demo's vendor "Vérif Identité" (a processor without a DPA): approval is refused
 * while no DPA is recorded; the DPO records the signed DPA, approves it, and the list shows it approved.
 */
describe('vendors: the DPO records a DPA and approves the vendor', () => {
  let browser: Browser;
  const vendorName = 'Vérif Identité';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('reviews "Vérif Identité" from flagged without DPA to approved', async () => {
    const { context, page } = await signedInPage(browser, 'dpo@example.com');

    await page.getByTestId('nav-vendors').click();
    await page.getByTestId('vendors-table').waitFor();
    await page.getByTestId('country-breakdown').waitFor();
    const row = page.getByTestId(`vendor-row-${vendorName}`);
    await row.locator('[data-flag="dpaMissing"]').waitFor();

    // The "no DPA" filter lives in the URL and keeps it.
    await page.getByTestId('filter-dpa-missing').click();
    await page.waitForURL(/[?&]dpaMissing=true/);
    await row.locator('[data-flag="dpaMissing"]').waitFor();

    await row.getByRole('link', { name: vendorName }).click();
    await page.waitForURL(/\/vendors\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid="vendor-status"][data-status="under_review"]').waitFor();
    await page.locator('[data-testid="vendor-dpa-state"][data-signed="false"]').waitFor();

    // Approving without a DPA is refused, and the page says why.
    await page.locator('#review-result').selectOption('approved');
    await page.getByTestId('review-submit').click();
    await page.locator('[data-testid="review-concerns"] [data-code="dpa_missing"]').waitFor();
    await page.locator('[data-testid="vendor-status"][data-status="under_review"]').waitFor();

    // The DPA is recorded as signed.
    await page.getByTestId('dpa-signed').check();
    await page.locator('#dpa-signedOn').fill('20/11/2026');
    await page.locator('#dpa-comment').fill('DPA reçu signé');
    await page.getByTestId('dpa-save').click();
    await page.locator('[data-testid="vendor-dpa-state"][data-signed="true"]').waitFor();

    // The questionnaire, then approval.
    await page.locator('#review-certificationsVerified').selectOption('yes');
    // The data locations come from the vendor's record (France), named, not typed as codes.
    await page.getByTestId('review-form').locator('.countries-field__item[data-country="FR"]').filter({ hasText: 'France' }).waitFor();
    await page.locator('#review-subProcessorsListed').selectOption('yes');
    await page.locator('#review-subProcessorChangeNotice').selectOption('prior_notice_with_objection');
    await page.locator('#review-breachNotificationCommitment').selectOption('yes');
    await page.locator('#review-breachNotificationDelayHours').fill('24');
    await page.locator('#review-endOfContract').selectOption('return_then_delete');
    await page.locator('#review-auditRights').selectOption('yes');
    await page.locator('#review-securityMeasures').fill('Hébergement HDS, chiffrement, journalisation');
    await page.locator('#review-result').selectOption('approved');
    await page.locator('#review-nextReviewDate').fill('20/11/2027');
    await page.getByTestId('review-submit').click();
    await page.locator('[data-testid="vendor-status"][data-status="approved"]').waitFor();
    await page.locator('[data-testid="review-item"][data-result="approved"]').waitFor();

    // The list shows it approved, no longer without a DPA.
    await page.getByTestId('nav-vendors').click();
    await page.locator(`[data-testid="vendor-row-${vendorName}"][data-status="approved"]`).waitFor();
    expect(await page.getByTestId(`vendor-row-${vendorName}`).locator('[data-flag="dpaMissing"]').count()).toBe(0);
    await expect(page.getByTestId(`vendor-row-${vendorName}`).getByTestId('vendor-dpa').getAttribute('data-signed')).resolves.toBe('true');
    await context.close();
  });

  it('a contributor proposes a vendor: it is recorded under review', async () => {
    const proposed = `Stockage Test ${String(Date.now())}`;
    const { context, page } = await signedInPage(browser, 'contributor@example.com');

    await page.getByTestId('nav-vendors').click();
    await page.getByTestId('vendors-table').waitFor();
    await page.getByTestId('new-vendor').click();
    await page.waitForURL(/\/vendors\/new$/);
    await page.getByTestId('vendor-propose-notice').waitFor();
    // Only the DPO records another status.
    expect(await page.locator('#vendor-status').count()).toBe(0);

    // Countries are picked by their French names, never typed as codes; a wrong pick is removed.
    await page.locator('#vendor-name').fill(proposed);
    await page.locator('#vendor-dataLocations').selectOption({ label: 'France' });
    await page.locator('#vendor-dataLocations').selectOption({ label: 'États-Unis' });
    await page.getByRole('button', { name: 'Retirer États-Unis' }).click();
    await page.locator('#vendor-dataLocations').selectOption({ label: 'Allemagne' });
    await expect(page.locator('.countries-field__item').allTextContents()).resolves.toEqual(['FranceRetirer', 'AllemagneRetirer']);

    await page.locator('#vendor-legalEntity').fill('Stockage Test SAS');
    await page.locator('#vendor-service').fill('Archivage des sauvegardes');
    await page.locator('#vendor-role').selectOption('sub_processor');
    await page.locator('#vendor-headquartersCountry').selectOption('FR');
    await page.locator('#vendor-certifications').fill('ISO27001, HDS');
    await page.locator('#vendor-nextReviewDate').fill('30/06/2027');
    await page.getByTestId('vendor-create').click();

    await page.waitForURL(/\/vendors\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('vendor-name').textContent()).resolves.toBe(proposed);
    await page.locator('[data-testid="vendor-status"][data-status="under_review"]').waitFor();
    await page.locator('[data-testid="transfer-DE"][data-status="eea"]').waitFor();

    await page.getByTestId('nav-vendors').click();
    await page.locator(`[data-testid="vendor-row-${proposed}"][data-status="under_review"]`).waitFor();
    await context.close();
  });
});
