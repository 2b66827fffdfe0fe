import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, signIn, webUrl, open } from './browser';

const MARKUP = `<img src=x onerror="window.__registrePwned=1"><script>window.__registrePwned=2</script>`;

/** Text a user typed is shown as text: markup stored in the register never runs in another user's browser. */
describe('stored markup stays inert', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('shows an activity named with HTML and script as plain text on the register and activity pages', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page, 'dpo@example.com');
    const organizationId = /\/orgs\/([0-9a-f-]{36})\//.exec(page.url())?.[1];
    expect(organizationId).toBeDefined();

    // Stored through the API, as any client could.
    const { token } = (await (await context.request.get(webUrl('/api/v1/auth/csrf'))).json()) as { token: string };
    const created = await context.request.post(webUrl(`/api/v1/organizations/${organizationId ?? ''}/activities`), {
      headers: { 'X-CSRF-Token': token },
      data: { name: `Inert ${MARKUP}`, role: 'controller', description: MARKUP },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await open(page, webUrl(`/orgs/${organizationId ?? ''}/register?q=Inert`));
    await page.getByTestId('register-table').getByText(`Inert ${MARKUP}`).waitFor();
    await open(page, webUrl(`/orgs/${organizationId ?? ''}/register/${id}`));
    await page.getByTestId('activity-name').getByText(`Inert ${MARKUP}`).waitFor();

    expect(await page.evaluate(() => (window as unknown as { __registrePwned?: number }).__registrePwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
