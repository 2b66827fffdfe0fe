import type { Browser } from 'playwright-core';
import { addTransfer, DESKTOP, launchBrowser, openCopyOf, PHONE, signedInPage, open } from './browser';
import { lookAt } from './screenshots';

/**
 * Issue 17, item 6: Denis (DPO) adds to a copy of the payroll activity a transfer to a Japanese
 * translator that is not a vendor of the register. Japan's decision covers only some recipients: the
 * transfer reads "to confirm", the page asks him; he answers with why, and the transfer — in the
 * editor too — reads covered. The auditor, at 390 px, reads the activity without any question left.
 */
describe('the DPO confirms a transfer recipient is in the scope of a partial adequacy decision', () => {
  let browser: Browser;
  let activityUrl = '';
  const recipient = 'Sakura Honyaku « Traductions » KK';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('at 1440 px: asked on the activity, confirmed with a reason, the transfer is then covered', async () => {
    const { context, page } = await signedInPage(browser, 'dpo@example.com', { viewport: DESKTOP });
    activityUrl = await openCopyOf(page, 'T-0001');
    const index = await addTransfer(page, 'Japon', recipient);
    const row = page.getByTestId(`transfer-${index}`);
    await page.locator(`[data-testid="transfer-${index}"][data-status="scope_to_confirm"]`).waitFor();
    await page.getByTestId('activity-save').click();
    await page.getByRole('status').filter({ hasText: /enregistr/i }).waitFor();

    const panel = page.getByTestId('transfer-scope-panel');
    await panel.waitFor();
    const question = panel.getByTestId('adequacy-scope-JP');
    expect(await question.textContent()).toContain(`Japon : la décision « Implementing Decision (EU) 2019/419 » ne couvre que certains destinataires. « ${recipient} » en fait-il partie ?`);
    const confirm = panel.getByTestId('adequacy-confirm-JP');
    expect(await confirm.isDisabled()).toBe(true);
    await lookAt(page, 'transfer-scope-question');

    await question.locator('textarea').fill('Opérateur privé soumis à l’APPI et aux règles complémentaires : vérifié le 3 décembre 2026.');
    await confirm.click();
    await panel.waitFor({ state: 'detached' });
    // The editor's live status counts the confirmation, as the server does.
    await page.locator(`[data-testid="transfer-${index}"][data-status="adequate"]`).waitFor();
    expect(await row.getByTestId(`transfer-${index}-status`).textContent()).toContain('Décision d’adéquation');
    await context.close();
  });

  it('at 390 px: the auditor reads the transfer as covered, with no question left', async () => {
    const { context, page } = await signedInPage(browser, 'auditor@example.com', { viewport: PHONE });
    await open(page, activityUrl);
    await page.getByTestId('activity-tab-people').click();
    const covered = page.locator('[data-testid^="transfer-"][data-status="adequate"]');
    await covered.first().waitFor();
    expect(await page.getByTestId('transfer-scope-panel').count()).toBe(0);
    await lookAt(page, 'transfer-scope-covered');
    await context.close();
  });
});
