import type { Browser } from 'playwright-core';
import { launchBrowser, PHONE, signedInPage, open, reopen } from './browser';

/**
 * The DPO opens the demo organisation's dashboard: the headline numbers and the fixture's findings
 * are there; following a finding's "Fix" link lands on the activity's tab with the field focused.
 */
describe('dashboard: the DPO sees what is wrong and goes to the field to fix', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('shows the headline numbers and the fixture’s findings, and a finding leads to its field', async () => {
    const { context, page } = await signedInPage(browser, 'dpo@example.com');

    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-headline').waitFor();
    // Other browser tests may add activities: the demo's twelve are a floor.
    const total = Number(await page.getByTestId('headline-activities-total').textContent());
    expect(total).toBeGreaterThanOrEqual(12);
    expect(Number(await page.getByTestId('headline-findings-total').textContent())).toBeGreaterThan(0);
    await page.getByTestId('chart-legal-bases').waitFor();
    await page.getByTestId('chart-flow-countries-US').waitFor();
    await page.getByTestId('chart-changes').waitFor();
    // The weekly chart has its two axes, figures on the vertical one, dates under the columns, named in words.
    const chart = page.getByTestId('chart-changes');
    expect(await chart.locator('svg .dashboard__axis').count()).toBe(2);
    expect(await chart.locator('svg .dashboard__tick text').first().textContent()).toBe('0');
    expect(await chart.locator('svg > g > text').filter({ hasText: /^\d{2}\/\d{2}$/ }).count()).toBe(6);
    expect(await chart.locator('.dashboard__axes').textContent()).toBe('Axe vertical : Modifications ; axe horizontal : Semaine (le premier jour de chaque semaine)');
    // The other two registers, in words (other browser tests may record requests and breaches); French
    // puts a narrow no-break space before the percent sign.
    await page.getByTestId('headline-rights-requests').waitFor();
    expect(await page.getByTestId('headline-rights-requests-on-time').textContent()).toMatch(/^(Répondues dans le délai sur 12 mois : \d+\s%|Aucune demande arrivée à échéance sur 12 mois)/);
    expect(await page.getByTestId('headline-breaches-high').textContent()).toMatch(/^Risque élevé : \d+$/);

    // The fixture's gaps: T-0009's missing retention is listed; T-0011 (US transfer without a
    // mechanism) is archived, and an archived activity raises no finding.
    await page.locator('[data-testid="finding"][data-record="T-0009"]').first().waitFor();
    expect(await page.locator('[data-testid="finding"][data-record="T-0011"]').count()).toBe(0);
    await page.getByTestId('filter-finding-code').selectOption('retention_missing');
    await page.waitForURL(/[?&]code=retention_missing/);
    const retention = page.locator('[data-testid="finding"][data-code="retention_missing"][data-record="T-0009"]');
    await retention.waitFor();
    expect(await page.locator('[data-testid="finding"]:not([data-code="retention_missing"])').count()).toBe(0);

    await retention.getByTestId('finding-fix').click();
    await page.waitForURL(/\/register\/[0-9a-f-]{36}\?field=dataCategories%5B2%5D\.retention$/);
    await page.locator('[data-testid="activity-tab-data"][aria-selected="true"]').waitFor();
    await page.waitForFunction(() => document.activeElement?.id.startsWith('activity-dataCategories-2-retention') === true);
    await context.close();
  });

  it('a contributor, who reads only the requests and breaches they recorded, gets no figures of those registers; at 390 px nothing scrolls sideways', async () => {
    const { context, page } = await signedInPage(browser, 'contributor@example.com', { viewport: PHONE });
    await open(page, page.url().replace(/\/register.*$/, '/dashboard'));
    await page.getByTestId('chart-changes').waitFor();
    // On a phone the dashboard does not scroll sideways (its charts' hidden tables used to widen it to 473 px).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.getByTestId('headline-rights-requests').count()).toBe(0);
    expect(await page.getByTestId('headline-breaches').count()).toBe(0);
    await context.close();
  });

  it('the DPO opens the notifications from the bell and chooses the weekly digest; the admin finds the stored e-mails', async () => {
    const { context, page } = await signedInPage(browser, 'dpo@example.com', { locale: 'en-GB' });
    await page.getByTestId('notifications-bell').click();
    await page.getByTestId('notification-preference-form').waitFor();

    await page.getByTestId('preference-weekly').check();
    await page.getByTestId('preference-save').click();
    await page.getByRole('status').filter({ hasText: 'Your choice is saved.' }).waitFor();
    // The saved choice is in the server's HTML itself, before any script runs.
    const html = await (await page.request.get(page.url())).text();
    const inputOf = (testId: string) => new RegExp(`<input[^>]*data-testid="${testId}"[^>]*>`).exec(html)?.[0] ?? '';
    expect(inputOf('preference-weekly')).toMatch(/\schecked=""/);
    expect(inputOf('preference-immediate')).toMatch(/^<input/);
    expect(inputOf('preference-immediate')).not.toMatch(/\schecked/);
    await reopen(page);
    await page.getByTestId('notification-preference-form').waitFor();
    expect(await page.getByTestId('preference-weekly').isChecked()).toBe(true);
    expect(await page.getByTestId('preference-immediate').isChecked()).toBe(false);
    await context.close();

    // Browser tests start the product with an SMTP server (e2e/mail-receiver.ts): the page says that
    // e-mails are sent, and lists only those kept before one was configured (none here).
    const { context: adminContext, page: admin } = await signedInPage(browser, 'admin@example.com', { locale: 'en-GB' });
    await admin.getByTestId('nav-settings').click();
    await admin.getByTestId('settings-tab-emails').click();
    await admin.getByTestId('stored-emails-intro').getByText('An SMTP server is configured: Registre sends the e-mails.', { exact: false }).waitFor();
    await admin.getByTestId('stored-emails-empty').waitFor();
    await adminContext.close();
  });
});
