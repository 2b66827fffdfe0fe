import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, signIn, open } from './browser';

/** Set to a folder to keep screenshots of the pages this test goes through (kept out of the repository). */
const SHOTS = process.env.EDITING_SCREENSHOTS ?? '';

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * Everything the register holds is edited where the DPO expects it: on an activity, its processors
 * (picked from the organisation's vendors, or proposed on the spot) and its transfers, whose status
 * changes as they are typed; on a vendor's page, its identity and headquarters. Saved, reloaded, the
 * values are there. At a desktop size and at a phone size.
 */
describe('editing an activity’s processors and transfers, and a vendor’s record', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it.each([
    ['desktop', 1440, 900],
    ['phone', 390, 844],
  ] as const)('at %s size (%i×%i)', async (size, width, height) => {
    const stamp = `${size}-${String(Date.now()).slice(-6)}`;
    const activityName = `Ateliers « Été numérique » ${stamp}`;
    const newVendor = `Cartes Pionnier ${stamp}`;
    const context = await newContext(browser, 'fr-FR');
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    await signIn(page, 'dpo@example.com');

    // A draft of its own, so no other test's activity changes.
    await page.getByTestId('register-table').waitFor();
    await page.getByTestId('new-activity').click();
    await page.waitForURL(/\/register\/new$/);
    await page.locator('#activity-name').fill(activityName);
    await page.getByTestId('activity-tab-purposes').click();
    await page.locator('#activity-purposes-0-description').fill('Inscrire les familles aux ateliers d’été');
    await page.getByTestId('activity-save').click();
    await page.waitForURL(/\/register\/[0-9a-f-]{36}$/);
    const activityUrl = page.url();
    await page.getByTestId('activity-tab-people').click();

    // A processor picked from the organisation's vendors…
    await page.getByTestId('processor-search').fill('Paysage Paie');
    await page.getByTestId('processor-add').click();
    await page.getByTestId('processor-Paysage Paie').waitFor();
    // …and one the organisation does not know: proposed to the DPO on the spot.
    await page.getByTestId('processor-search').fill(newVendor);
    await page.getByTestId('processor-propose').click();
    await page.getByTestId(`processor-${newVendor}`).locator('[data-status="under_review"]').waitFor();

    // A transfer to the United States, to the new vendor: it needs a mechanism, live…
    await page.getByTestId('add-transfer').click();
    const transfer = page.getByTestId('transfer-0');
    await page.getByTestId('transfer-0-country').selectOption({ label: 'États-Unis' });
    await page.locator('#activity-transfers-0-recipient').fill(newVendor);
    await page.locator('[data-testid="transfer-0"][data-status="needs_mechanism"]').waitFor();
    await expect(transfer.getByTestId('transfer-0-status').textContent()).resolves.toContain('Mécanisme requis');
    await shot(page, `activity-editor-needs-mechanism-${size}`);
    // …until the standard contractual clauses cover it (a TIA is then expected).
    await page.getByTestId('transfer-0-mechanism').selectOption({ label: 'Clauses contractuelles types (CCT)' });
    await page.locator('[data-testid="transfer-0"][data-status="safeguarded"]').waitFor();
    await expect(transfer.getByTestId('transfer-0-status').textContent()).resolves.toContain('TIA attendue');
    await page.locator('#activity-transfers-0-documentation').fill('CCT signées le 12 novembre 2026 ; TIA du 20 novembre 2026');
    await page.getByTestId('activity-save').click();
    await page.getByTestId('activity-version').filter({ hasText: /^2$/ }).waitFor();

    // Reloaded: the values are the saved ones.
    await open(page, activityUrl);
    await page.getByTestId('activity-tab-people').click();
    await page.getByTestId('processor-Paysage Paie').waitFor();
    await page.getByTestId(`processor-${newVendor}`).waitFor();
    await expect(page.getByTestId('transfer-0-country').inputValue()).resolves.toBe('US');
    await expect(page.getByTestId('transfer-0-mechanism').inputValue()).resolves.toBe('scc');
    await expect(page.locator('#activity-transfers-0-recipient').inputValue()).resolves.toBe(newVendor);
    await expect(page.locator('#activity-transfers-0-documentation').inputValue()).resolves.toBe('CCT signées le 12 novembre 2026 ; TIA du 20 novembre 2026');
    await page.locator('[data-testid="transfer-0"][data-status="safeguarded"]').waitFor();
    await shot(page, `activity-editor-${size}`);

    // The proposed vendor's page: its identity and headquarters are edited there.
    await page.getByTestId(`processor-${newVendor}`).getByRole('link', { name: newVendor }).click();
    await page.waitForURL(/\/vendors\/[0-9a-f-]{36}$/);
    const vendorUrl = page.url();
    await expect(page.getByTestId('vendor-headquarters').textContent()).resolves.toBe('—');
    await page.getByTestId('vendor-edit').click();
    await page.getByTestId('vendor-edit-legalEntity').fill('Cartes Pionnier Incorporated');
    await page.locator('#vendor-edit-headquartersCountry').selectOption({ label: 'États-Unis' });
    await page.getByTestId('vendor-edit-parentCompany').fill('Géo « Monde » Holding');
    await page.getByTestId('vendor-edit-add-location').click();
    await page.locator('#vendor-edit-location-0').selectOption({ label: 'États-Unis' });
    await page.locator('#vendor-edit-transferMechanism').selectOption({ label: 'Clauses contractuelles types (CCT)' });
    await shot(page, `vendor-form-${size}`);
    await page.getByTestId('vendor-record-save').click();
    await page.getByTestId('vendor-headquarters').filter({ hasText: /^États-Unis$/ }).waitFor();

    await open(page, vendorUrl);
    await expect(page.getByTestId('vendor-name').textContent()).resolves.toBe(newVendor);
    await expect(page.getByTestId('vendor-legal-entity').textContent()).resolves.toBe('Cartes Pionnier Incorporated');
    await expect(page.getByTestId('vendor-headquarters').textContent()).resolves.toBe('États-Unis');
    await expect(page.getByTestId('vendor-mechanism').textContent()).resolves.toBe('Clauses contractuelles types (CCT)');
    await page.locator('[data-testid="transfer-US"][data-status="safeguarded"]').waitFor();
    await shot(page, `vendor-page-${size}`);
    await context.close();
  }, 180_000);
});
