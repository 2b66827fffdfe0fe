import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

import { DESKTOP, launchBrowser, openSection, PHONE, signedInPage, reopen } from './browser';

/*
 * Issue #16, vendor contacts: the DPO records a vendor's DPO and security contact at 1440 (a wrong
 * e-mail and telephone are refused on their fields, in words), and the auditor reads them on a phone,
 * as a document, without sideways scrolling.
 */

/** Screenshots for a human to look at, when asked for (`PAGES_SHOTS=/tmp/shots`). */
const SHOTS = process.env.PAGES_SHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('vendor contacts: the DPO edits them, the auditor reads them', () => {
  let browser: Browser;
  const vendorName = `Hébergement « Côte-d’Or » ${String(Date.now()).slice(-6)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('the DPO records the vendor’s DPO and security contact (1440×900)', async () => {
    const { context, page } = await signedInPage(browser, 'dpo@example.com', { viewport: DESKTOP });

    await openSection(page, 'vendors');
    await page.getByTestId('new-vendor').click();
    await page.waitForURL(/\/vendors\/new$/);
    await page.locator('#vendor-name').fill(vendorName);
    await page.getByTestId('vendor-create').click();
    await page.waitForURL(/\/vendors\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('vendor-contacts').textContent()).resolves.toBe('Aucun contact enregistré.');

    await page.getByTestId('vendor-edit').click();
    await page.getByTestId('vendor-edit-add-contact').click();
    await page.locator('#vendor-edit-contact-0-role').fill('Délégué à la protection des données');
    await page.locator('#vendor-edit-contact-0-name').fill('Hélène Lefèvre-d’Aubigné');
    await page.locator('#vendor-edit-contact-0-email').fill('hélène(at)hebergement');
    await page.locator('#vendor-edit-contact-0-phone').fill('appelez le standard');
    await page.getByTestId('vendor-edit-add-contact').click();
    await page.locator('#vendor-edit-contact-1-role').fill('Contact sécurité (incidents)');
    await page.locator('#vendor-edit-contact-1-name').fill('Jérôme Bâtard');
    await page.locator('#vendor-edit-contact-1-email').fill('securite@hebergement-cotedor.fr');

    // Refused on their fields, in words; nothing is saved.
    await page.getByTestId('vendor-record-save').click();
    const contact = page.getByTestId('vendor-edit-contact-0');
    await contact.getByText('Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.').waitFor();
    await contact.getByText(/Saisissez un numéro de téléphone/).waitFor();
    await shot(page, 'vendor-contacts-errors-1440');
    await expect(fitsWidth(page)).resolves.toBe(true);

    await page.locator('#vendor-edit-contact-0-email').fill('dpo@hebergement-cotedor.fr');
    await page.locator('#vendor-edit-contact-0-phone').fill('+33 3 80 12 34 56');
    await page.locator('#vendor-edit-comment').fill('Contacts donnés au lancement du contrat');
    await shot(page, 'vendor-contacts-form-1440');
    await page.getByTestId('vendor-record-save').click();
    await page.getByTestId('vendor-contact-1').waitFor();
    await expect(page.getByTestId('vendor-version').textContent()).resolves.toBe('2');
    await expect(page.getByTestId('vendor-contact-0').textContent()).resolves.toBe(
      'Délégué à la protection des données — Hélène Lefèvre-d’Aubignédpo@hebergement-cotedor.fr+33 3 80 12 34 56',
    );
    await expect(page.getByTestId('vendor-contact-0').locator('a[href="mailto:dpo@hebergement-cotedor.fr"]').count()).resolves.toBe(1);
    await expect(page.getByTestId('vendor-contact-0').locator('a[href="tel:+33380123456"]').count()).resolves.toBe(1);
    await shot(page, 'vendor-contacts-page-1440');

    // Reloaded: the saved contacts, and the form holds them.
    await reopen(page);
    await expect(page.getByTestId('vendor-contact-1').textContent()).resolves.toBe('Contact sécurité (incidents) — Jérôme Bâtardsecurite@hebergement-cotedor.fr');
    await page.getByTestId('vendor-edit').click();
    await expect(page.locator('#vendor-edit-contact-1-name').inputValue()).resolves.toBe('Jérôme Bâtard');
    await context.close();
  }, 120_000);

  it('the auditor reads the contacts on a phone, as a document (390×844)', async () => {
    const { context, page } = await signedInPage(browser, 'auditor@example.com', { viewport: PHONE });

    await openSection(page, 'vendors');
    await page.getByTestId('vendors-table').waitFor();
    await page.getByTestId('vendor-search').fill('Côte-d’Or');
    await page.getByTestId('vendor-search').press('Enter');
    await page.getByRole('link', { name: vendorName }).click();
    await page.waitForURL(/\/vendors\/[0-9a-f-]{36}$/);
    await page.getByTestId('vendor-contact-1').waitFor();
    await expect(page.getByTestId('vendor-contacts').textContent()).resolves.toContain('Hélène Lefèvre-d’Aubigné');
    await expect(page.getByTestId('vendor-contact-0').textContent()).resolves.toContain('+33 3 80 12 34 56');
    // Read only: no edit button, no field.
    await expect(page.getByTestId('vendor-edit').count()).resolves.toBe(0);
    await expect(page.locator('main input, main select, main textarea').count()).resolves.toBe(0);
    await expect(fitsWidth(page)).resolves.toBe(true);
    await shot(page, 'vendor-contacts-auditor-390');
    await context.close();
  }, 120_000);
});
