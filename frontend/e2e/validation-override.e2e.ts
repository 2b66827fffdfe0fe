import type { Browser, Page } from 'playwright-core';
import { addTransfer, DESKTOP, launchBrowser, openCopyOf, PHONE, signedInPage, open } from './browser';
import { lookAt } from './screenshots';

async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="activity-status"][data-status="${status}"]`).waitFor();
}

/**
 * Issue 17, item 4: Denis (DPO) validates, at 1440 px, a copy of the payroll activity that sends
 * data to India without a transfer tool: refused, he gives his reason and validates anyway; the
 * activity then says, at 390 px, what it was validated despite and why.
 */
describe('the DPO validates despite a transfer blocker, with a reason', () => {
  let browser: Browser;
  let activityUrl = '';
  const reason = 'Les clauses contractuelles types sont signées côté « Kaveri » ; notre exemplaire revient le 10 décembre.';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('at 1440 px: refused for the transfer, the DPO gives a reason and validates anyway', async () => {
    const { context, page } = await signedInPage(browser, 'dpo@example.com', { viewport: DESKTOP });

    activityUrl = await openCopyOf(page, 'T-0001');
    await waitForStatus(page, 'draft');

    // A transfer to India with no transfer tool.
    await addTransfer(page, 'Inde', 'Centre de services Kaveri');
    await page.getByTestId('activity-save').click();
    await page.getByRole('status').filter({ hasText: /enregistr/i }).waitFor();
    await page.getByTestId('workflow-submit').click();
    await waitForStatus(page, 'in_review');

    await page.getByTestId('workflow-validate').click();
    const override = page.getByTestId('validation-override');
    await override.waitFor();
    await waitForStatus(page, 'in_review');
    const blocker = override.getByTestId('override-transfer_mechanism_missing');
    expect(await blocker.textContent()).toContain('Un transfert hors de l’EEE sans outil de transfert');
    expect(await blocker.textContent()).toContain('vers l’Inde (Centre de services Kaveri)');

    // The reason is required.
    await page.getByTestId('validate-anyway').click();
    await override.locator('[aria-invalid="true"]').waitFor();
    await waitForStatus(page, 'in_review');
    await lookAt(page, 'validation-override-form');

    await page.getByTestId('override-reason-transfer_mechanism_missing').fill(reason);
    await page.getByTestId('validate-anyway').click();
    await waitForStatus(page, 'validated');
    await page.getByRole('status').filter({ hasText: 'validé malgré les blocages' }).waitFor();
    expect(await page.getByTestId('validation-overrides').textContent()).toContain(`Validé malgré : un transfert hors de l’EEE sans outil de transfert — motif : ${reason}`);
    await lookAt(page, 'validation-override-shown');
    await context.close();
  });

  it('at 390 px: the validated activity shows what it was validated despite, and why', async () => {
    const { context, page } = await signedInPage(browser, 'auditor@example.com', { viewport: PHONE });
    await open(page, activityUrl);
    await waitForStatus(page, 'validated');
    const notice = page.getByTestId('validation-overrides');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Validé malgré des blocages');
    expect(await notice.textContent()).toContain(`motif : ${reason}`);
    await lookAt(page, 'validation-override-shown');
    await context.close();
  });
});
