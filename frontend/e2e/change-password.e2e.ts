import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext, signedInPage, signIn } from './browser';

/**
 * The password change page, through the built web app and the real API. Only refusals: the demo
 * password is what every other browser test signs in with, so it is never actually changed here.
 */
describe('changing one’s password', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('is reached from the header; a mismatch, a wrong current password and a weak new one are refused with translated messages', async () => {
    const { context, page } = await signedInPage(browser, 'contributor@example.com', { locale: 'en-GB' });
    await page.getByRole('link', { name: 'Password' }).click();
    await page.waitForURL(/\/account\/password$/);
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();

    const fill = async (current: string, next: string, again: string) => {
      await page.locator('#change-password-current').fill(current);
      await page.locator('#change-password-new').fill(next);
      await page.locator('#change-password-confirmation').fill(again);
      await page.getByRole('button', { name: 'Change the password' }).click();
    };

    await fill(DEMO_PASSWORD, 'lanterne violette sous la pluie', 'lanterne violette sous la neige');
    await page.getByText('The two passwords differ.').waitFor();

    await fill('not the current password', 'lanterne violette sous la pluie', 'lanterne violette sous la pluie');
    await page.getByText('The current password is not right.').waitFor();

    await fill(DEMO_PASSWORD, 'password1234', 'password1234');
    await page.getByText(/too easy to guess/).waitFor();

    // Still signed in with the unchanged password.
    await context.close();
    const again = await newContext(browser, 'en-GB');
    await signIn(await again.newPage(), 'contributor@example.com');
    await again.close();
  });
});
