import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, signIn } from './browser';

describe('shots', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  it('takes screenshots', async () => {
    const context = await newContext(browser, 'fr-FR');
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, 'contributor@example.com');
    await page.getByTestId('nav-design-grid').click();
    await page.screenshot({ path: '/tmp/grid/list.png', fullPage: true });
    await page.locator('#grid-projectName').fill('Portail famille');
    await page.getByTestId('grid-start').click();
    await page.waitForURL(/\/design-grid\/[0-9a-f-]{36}$/);
    await page.locator('#grid-purposes-0-description').fill('Inscrire les enfants à la cantine');
    await page.locator('#grid-practices-evaluation_scoring').check();
    await page.locator('[data-testid="grid-save-state"][data-state="saved"]').waitFor();
    await page.screenshot({ path: '/tmp/grid/step1.png', fullPage: true });
    await page.getByTestId('grid-step-data').click();
    await page.getByTestId('grid-add-subject').click();
    await page.locator('#grid-subjects-0-category').selectOption('minors');
    await page.getByTestId('grid-add-category').click();
    await page.locator('#grid-dataCategories-0-category').selectOption('health');
    await page.getByTestId('grid-add-processor').click();
    await page.locator('#grid-processors-0-name').fill('Cloud X');
    await page.locator('#grid-processors-0-country').selectOption('IN');
    await page.getByTestId('grid-flag-special_categories').waitFor();
    await page.screenshot({ path: '/tmp/grid/step3.png', fullPage: true });
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.screenshot({ path: '/tmp/grid/step3-tablet.png', fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('grid-step-summary').click();
    await page.getByTestId('grid-summary').waitFor();
    await page.screenshot({ path: '/tmp/grid/summary.png', fullPage: true });
    await context.close();
  }, 120_000);
});
