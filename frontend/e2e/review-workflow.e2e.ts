import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, signIn, open, reopen } from './browser';

async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="activity-status"][data-status="${status}"]`).waitFor();
}

/** The unread count the bell shows once the page has loaded it (0 when it shows none). */
async function unreadOnBell(page: Page): Promise<number> {
  await page.getByTestId('notifications-bell').waitFor();
  const badge = page.getByTestId('notifications-unread');
  return (await badge.count()) ? Number(await badge.textContent()) : 0;
}

/**
 * The review workflow in two browsers: Chloé (contributor) submits an activity (a copy of the
 * payroll activity the DPO gives her); Denis (DPO) is told
 * by the bell, finds it in his review queue and sends it back with a comment; Chloé is told, reads
 * the comment on the activity, fixes it and submits again; Denis validates it.
 */
describe('review workflow: submit, notify, request changes, fix, validate', () => {
  let browser: Browser;
  let contributorContext: BrowserContext;
  let dpoContext: BrowserContext;
  let contributor: Page;
  let dpo: Page;
  let activityUrl = '';
  let reference = '';
  const comment = 'La finalité « bulletins de paie » ne suffit pas : précisez la durée de conservation des pièces justificatives.';

  beforeAll(async () => {
    browser = await launchBrowser();
    contributorContext = await newContext(browser, 'fr-FR');
    dpoContext = await newContext(browser, 'fr-FR');
    contributor = await contributorContext.newPage();
    dpo = await dpoContext.newPage();
    await signIn(contributor, 'contributor@example.com');
    await signIn(dpo, 'dpo@example.com');
  });
  afterAll(async () => {
    await contributorContext.close();
    await dpoContext.close();
    await browser.close();
  });

  it('the contributor submits an activity: the DPO’s bell counts it and his queue lists it', async () => {
    // The DPO copies the (complete) payroll activity and gives the copy to Chloé, as a draft.
    await dpo.getByTestId('activity-row-T-0001').getByRole('link').first().click();
    await dpo.waitForURL(/\/register\/[0-9a-f-]{36}$/);
    const sourceUrl = dpo.url();
    await dpo.getByTestId('activity-duplicate').click();
    await dpo.waitForURL((url) => /\/register\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== sourceUrl);
    activityUrl = dpo.url();
    await waitForStatus(dpo, 'draft');
    reference = ((await dpo.getByTestId('activity-reference').textContent()) ?? '').trim();
    expect(reference).toMatch(/^T-\d{4}$/);
    await dpo.locator('#activity-ownerId').selectOption({ label: 'Chloé Contributrice (contributor@example.com)' });
    await dpo.getByTestId('activity-save').click();
    await dpo.getByRole('status').filter({ hasText: /enregistr/i }).waitFor();

    await open(contributor, activityUrl);
    await waitForStatus(contributor, 'draft');
    await open(dpo, activityUrl.replace(/\/register\/.*$/, '/register'));
    const unreadBefore = await unreadOnBell(dpo);
    await contributor.getByTestId('workflow-submit').click();
    await waitForStatus(contributor, 'in_review');

    await reopen(dpo);
    await dpo.waitForFunction((before) => Number(document.querySelector('[data-testid="notifications-unread"]')?.textContent ?? '0') > before, unreadBefore);
    await dpo.getByTestId('notifications-bell').click();
    const notice = dpo.locator('[data-testid="notification"][data-kind="activity_submitted"]').filter({ hasText: reference });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`Chloé Contributrice a soumis ${reference} Gestion de la paie (copie) pour validation`);

    await dpo.getByTestId('nav-review').click();
    const item = dpo.locator('[data-testid="review-queue-item"][data-kind="activity"]').filter({ hasText: reference });
    await item.waitFor();
    const row = (await item.textContent()) ?? '';
    expect(row).toContain('Activité à valider');
    expect(row).toContain('Chloé Contributrice');
    // The date in words, in French (e.g. « 2 décembre 2026 »), never an ISO date.
    expect(row).toMatch(/\d{1,2}(er)? [a-zéû]+ \d{4}/);
    expect(row).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // Oldest first: the copy just submitted comes after the demo's activity in review (T-0006).
    const kinds = await dpo.locator('[data-testid="review-queue-item"]').allTextContents();
    expect(kinds.findIndex((text) => text.includes('T-0006'))).toBeLessThan(kinds.findIndex((text) => text.includes(reference)));
  });

  it('the DPO requests changes with a comment from the queue; the contributor is told and reads it on the activity', async () => {
    await dpo.locator('[data-testid="review-queue-item"][data-kind="activity"]').filter({ hasText: reference }).getByTestId('review-queue-link').click();
    await dpo.waitForURL(activityUrl);
    await waitForStatus(dpo, 'in_review');
    // A change request says what to change: without a comment, nothing is sent.
    await dpo.getByTestId('workflow-request-changes').click();
    await dpo.getByRole('alert').filter({ hasText: 'Écrivez dans la note ce que le responsable doit modifier' }).waitFor();
    await waitForStatus(dpo, 'in_review');
    await dpo.getByTestId('activity-note').fill(comment);
    await dpo.getByTestId('workflow-request-changes').click();
    await waitForStatus(dpo, 'draft');
    await dpo.getByRole('status').filter({ hasText: 'renvoyée à son responsable' }).waitFor();

    await open(contributor, activityUrl.replace(/\/register\/.*$/, '/register'));
    await contributor.waitForFunction(() => Number(document.querySelector('[data-testid="notifications-unread"]')?.textContent ?? '0') > 0);
    await contributor.getByTestId('notifications-bell').click();
    const notice = contributor.locator('[data-testid="notification"][data-kind="activity_changes_requested"]').filter({ hasText: reference });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`Denis Délégué demande des modifications sur ${reference} Gestion de la paie (copie)`);
    await notice.getByRole('link').click();
    await contributor.waitForURL(activityUrl);
    await expect(contributor.getByTestId('change-request-comment').textContent()).resolves.toBe(comment);
    expect(await contributor.getByTestId('change-request').textContent()).toContain('Denis Délégué');
  });

  it('the contributor fixes and submits again; the DPO validates', async () => {
    await contributor.locator('#activity-description').fill(
      'Calcul et versement des salaires ; les pièces justificatives sont conservées 5 ans après le versement, puis détruites.',
    );
    await contributor.getByTestId('activity-save').click();
    await contributor.getByRole('status').filter({ hasText: /enregistr/i }).waitFor();
    await contributor.getByTestId('workflow-submit').click();
    await waitForStatus(contributor, 'in_review');
    // The change request is answered: the notice is gone.
    expect(await contributor.getByTestId('change-request').count()).toBe(0);

    await open(dpo, activityUrl);
    await waitForStatus(dpo, 'in_review');
    await dpo.getByTestId('workflow-validate').click();
    await waitForStatus(dpo, 'validated');
    await dpo.getByTestId('nav-review').click();
    await dpo.getByTestId('review-queue-count').waitFor();
    expect(await dpo.locator('[data-testid="review-queue-item"]').filter({ hasText: reference }).count()).toBe(0);

    // Chloé hears of the validation.
    await reopen(contributor);
    await contributor.getByTestId('notifications-bell').click();
    await contributor.locator('[data-testid="notification"][data-kind="activity_validated"]').filter({ hasText: reference }).waitFor();
  });
});
