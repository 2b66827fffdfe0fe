import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, newContext, openSection, signedInPage, signIn, webUrl, open } from './browser';

/*
 * Issue #16, the pages: dates in the app's language whatever the browser's (3), vendors' countries
 * picked by name (1), readers' records as documents (6), and an axe-core scan of the main pages (7).
 */

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
/** Screenshots for a human to look at, when asked for (`PAGES_SHOTS=/tmp/shots`). */
const SHOTS = process.env.PAGES_SHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core run in the page (through the DevTools protocol, so the page's CSP does not stop it). */
async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, impact: violation.impact ?? '', help: violation.help, targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')) }));
  });
}

async function openActivity(page: Page, reference: string): Promise<void> {
  await openSection(page, 'register');
  await page.getByTestId('register-search').fill(reference);
  await page.getByTestId('register-search').press('Enter');
  await page.getByTestId(`activity-row-${reference}`).getByRole('link').first().click();
  await page.waitForURL(/\/register\/[0-9a-f-]{36}/);
  await page.getByTestId('activity-tab-dpia').waitFor();
}

/** The controls a reader finds in the record itself (the history's comparison tools aside). */
async function formControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main input, main select, main textarea')]
      .filter((element) => !element.closest('[data-testid="activity-panel-history"]') && (element as HTMLInputElement).type !== 'hidden')
      .map((element) => element.id || element.outerHTML.slice(0, 80)),
  );
}

describe('pages: dates, countries, readers’ records and accessibility', () => {
  let browser: Browser;
  let dpiaUrl = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('the main pages in French have no serious or critical accessibility violation (axe-core)', async () => {
    const { context, page } = await signedInPage(browser, 'dpo@example.com', { viewport: DESKTOP });
    const found: Record<string, Violation[]> = {};
    const scan = async (name: string) => {
      await page.locator('main').waitFor();
      await page.waitForLoadState('networkidle');
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[name] = violations;
      await shot(page, `scan-${name}`);
    };

    await openSection(page, 'register');
    await page.getByTestId('register-table').waitFor();
    await scan('register');

    // T-0005 needs a DPIA: the DPO starts it (the reader's test below reads it).
    await openActivity(page, 'T-0005');
    await scan('activity');
    await page.getByTestId('activity-tab-dpia').click();
    await page.getByTestId('activity-dpia-start').click();
    await page.waitForURL(/\/dpias\/[0-9a-f-]{36}$/);
    dpiaUrl = page.url();
    await page.getByTestId('dpia-status').waitFor();
    await scan('dpia');

    await openSection(page, 'dpias');
    await page.getByTestId('dpias-table').waitFor();
    await scan('dpias');

    await openSection(page, 'vendors');
    await page.getByTestId('vendors-table').waitFor();
    await scan('vendors');
    await page.getByTestId('vendors-table').locator('tbody a').first().click();
    await page.waitForURL(/\/vendors\/[0-9a-f-]{36}$/);
    await scan('vendor');

    await openSection(page, 'dashboard');
    await scan('dashboard');
    await openSection(page, 'design-grid');
    await scan('design-grid');
    await openSection(page, 'settings');
    await scan('settings');

    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      writeFileSync(join(SHOTS, 'axe.json'), JSON.stringify(found, null, 1));
    }
    expect(found).toEqual({});
    await context.close();
  }, 240_000);

  it('with the browser in American English and the app in French, a date reads and is typed 31/12/2026, and its calendar is in French', async () => {
    const context: BrowserContext = await browser.newContext({ locale: 'en-US', extraHTTPHeaders: { 'Accept-Language': 'en-US,en;q=0.9' } });
    await context.addCookies([{ name: 'registre_locale', value: 'fr', url: webUrl('/') }]);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, 'dpo@example.com');
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');

    await openSection(page, 'vendors');
    await page.getByTestId('new-vendor').click();
    await page.waitForURL(/\/vendors\/new$/);
    const name = `Archives « Côte-d’Or » ${String(Date.now())}`;
    await page.locator('#vendor-name').fill(name);

    const date = page.locator('#vendor-nextReviewDate');
    await expect(date.getAttribute('placeholder')).resolves.toBe('jj/mm/aaaa');
    await date.fill('31/12/2026');
    // The calendar opens on that month, in French (month and weekdays), Monday first.
    await page.getByRole('button', { name: /Choisir « Prochaine revue/ }).click();
    const calendar = page.getByRole('dialog');
    await calendar.getByText('décembre 2026').waitFor();
    const weekdays = (await calendar.locator('thead th').allTextContents()).map((day) => day.trim().toLowerCase());
    expect(weekdays[0]).toMatch(/^lu/);
    await shot(page, 'date-calendar-desktop');
    // A day picked in the calendar is written in the app's format.
    await calendar.getByRole('button', { name: /15 décembre 2026/ }).click();
    await expect(date.inputValue()).resolves.toBe('15/12/2026');
    await date.fill('31/12/2026');

    // Countries by their French names.
    await page.locator('#vendor-dataLocations').selectOption({ label: 'Irlande' });
    await page.locator('#vendor-headquartersCountry').selectOption({ label: 'États-Unis' });
    await page.getByTestId('vendor-create').click();
    await page.waitForURL(/\/vendors\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('vendor-name').textContent()).resolves.toBe(name);
    await page.getByText('31 décembre 2026').first().waitFor();

    // The record form shows the saved date in the app's format, and the TIA date is editable.
    await page.getByTestId('vendor-edit').click();
    await expect(page.locator('#vendor-edit-nextReviewDate').inputValue()).resolves.toBe('31/12/2026');
    await page.locator('#vendor-edit-tiaDate').fill('30/11/2026');
    await page.locator('#vendor-edit-tiaConclusion').fill('Chiffrement côté client : accès des autorités américaines maîtrisé');
    await page.getByTestId('vendor-record-save').click();
    await page.getByText('30 novembre 2026').first().waitFor();
    await context.close();
  }, 120_000);

  it('the DPIA page (its risk map) and the design-grid list fit a phone, without sideways scrolling (390×844)', async () => {
    expect(dpiaUrl).not.toBe('');
    const { context, page } = await signedInPage(browser, 'dpo@example.com', { viewport: DESKTOP });
    // A grid of its own, with a long French name, so the list has a row to lay out.
    await openSection(page, 'design-grid');
    await page.locator('#grid-projectName').fill(`Réservation des salles « Hôtel de ville » et du gymnase municipal ${String(Date.now()).slice(-6)}`);
    await page.getByTestId('grid-start').click();
    await page.waitForURL(/\/design-grid\/[0-9a-f-]{36}$/);

    await page.setViewportSize({ width: 390, height: 844 });
    /** The page, and each element named, within the screen's width (an inner scrollbar counts as overflow too). */
    const widths = (selector: string) =>
      page.evaluate((inner) => {
        const element = document.querySelector(inner);
        return { page: document.documentElement.scrollWidth, inner: element ? element.scrollWidth - element.clientWidth : -1 };
      }, selector);

    await openSection(page, 'design-grid');
    await page.getByTestId('grids-all').locator('tbody tr').first().waitFor();
    await shot(page, 'design-grids-phone');
    const list = await widths('[data-testid="grids-all"]');
    expect(list.page).toBeLessThanOrEqual(390);
    expect(list.inner).toBeLessThanOrEqual(0);
    const wrapper = await page.evaluate(() => {
      const wrap = document.querySelector('[data-testid="grids-all"]')?.closest('.table-wrap');
      return wrap ? wrap.scrollWidth - wrap.clientWidth : -1;
    });
    expect(wrapper).toBe(0);

    await open(page, dpiaUrl);
    await page.getByTestId('risk-map').waitFor();
    await shot(page, 'dpia-phone');
    expect((await widths('[data-testid="risk-map"]')).page).toBeLessThanOrEqual(390);
    const map = await page.getByTestId('risk-map').locator('table').boundingBox();
    expect(map ? map.x + map.width : Infinity).toBeLessThanOrEqual(390);
    await context.close();
  }, 120_000);

  for (const size of SIZES) {
    it(`an auditor reads an activity, a vendor and a DPIA as documents, without controls or "(obligatoire)" (${size.name})`, async () => {
      expect(dpiaUrl).not.toBe('');
      const context = await newContext(browser, 'fr-FR');
      const page = await context.newPage();
      await page.setViewportSize({ width: size.width, height: size.height });
      await signIn(page, 'auditor@example.com');

      await openActivity(page, 'T-0001');
      await expect(formControls(page)).resolves.toEqual([]);
      const overview = page.getByTestId('activity-panel-overview');
      await overview.locator('.read-field').first().waitFor();
      await expect(overview.textContent()).resolves.toContain('Gestion de la paie');
      await expect(page.locator('main').textContent()).resolves.not.toContain('(obligatoire)');
      await shot(page, `auditor-activity-${size.name}`);

      await openSection(page, 'vendors');
      await page.getByTestId('vendors-table').locator('tbody a').first().click();
      await page.waitForURL(/\/vendors\/[0-9a-f-]{36}$/);
      await page.getByTestId('vendor-name').waitFor();
      await expect(formControls(page)).resolves.toEqual([]);
      await expect(page.locator('main').textContent()).resolves.not.toContain('(obligatoire)');
      await shot(page, `auditor-vendor-${size.name}`);

      await open(page, dpiaUrl);
      await page.getByTestId('dpia-status').waitFor();
      await expect(formControls(page)).resolves.toEqual([]);
      await expect(page.locator('main').textContent()).resolves.not.toContain('(obligatoire)');
      await shot(page, `auditor-dpia-${size.name}`);
      await context.close();
    }, 120_000);
  }
});
