import type { Browser } from 'playwright-core';

import { callApi, DESKTOP, launchBrowser, orgIdOf, signedInPage, webUrl, open } from './browser';
import { lookAt } from './screenshots';

/**
 * Issue 18: an erasure request's tasks. The DPO names who extracts and who erases for the activity
 * concerned, records that one vendor confirmed the erasure and the other was asked; the page says
 * which vendor is still awaited, in words, at 1440 and 390 px, in French and English.
 */
describe('the tasks of a rights request', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('the DPO assigns the tasks and records the vendors’ confirmations', async () => {
    const { context, page } = await signedInPage(browser, 'dpo@example.com', { viewport: DESKTOP });
    const orgId = orgIdOf(page);
    const suffix = String(Date.now()).slice(-6);
    const hosting = `Hébergeur Émeraude ${suffix}`;
    const mailer = `Routeur « Courriel & Cie » ${suffix}`;
    for (const name of [hosting, mailer]) await callApi(context, 'POST', `/organizations/${orgId}/vendors`, { name });
    const activity = await callApi<{ id: string }>(context, 'POST', `/organizations/${orgId}/activities`, {
      name: `Lettre d’information des adhérents ${suffix}`,
      role: 'controller',
      processors: [hosting, mailer],
    });
    const request = await callApi<{ id: string }>(context, 'POST', `/organizations/${orgId}/rights-requests`, {
      receivedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      channel: 'email',
      type: 'erasure',
      requesterName: 'Frédérique Aubépine-Noël',
      description: 'Merci d’effacer mon adresse de la « lettre d’information ».',
      activityIds: [activity.id],
    });

    await open(page, webUrl(`/orgs/${orgId}/rights-requests/${request.id}`));
    const tasks = page.getByTestId('request-tasks');
    await tasks.getByTestId('activity-task').getByText(`Lettre d’information des adhérents ${suffix}`).waitFor();
    expect(await tasks.getByTestId('processor-task').count()).toBe(2);
    await tasks.getByText('Pas encore sollicité').first().waitFor();

    const edit = page.getByTestId('request-tasks-edit');
    await edit.locator('summary').click();
    // Names, not ids: the DPO picks people from the organisation's members.
    const extractor = page.locator('#task-activity-0-extractedBy');
    const dpoName = (await extractor.locator('option').allTextContents()).find((label) => /DPO|Délégu|dpo/i.test(label)) ?? (await extractor.locator('option').nth(1).textContent()) ?? '';
    await extractor.selectOption({ label: dpoName });
    await page.locator('#task-activity-0-erasedBy').selectOption({ index: 1 });
    await page.locator('#task-activity-0-note').fill('Export depuis l’outil « Adhésions », puis suppression');
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    // A confirmation before the vendor was asked is refused in words, before anything is sent.
    await page.locator('#task-processor-0-askedOn').fill(today);
    await page.locator('#task-processor-0-confirmedOn').fill(yesterday);
    await page.getByTestId('request-tasks-submit').click();
    await edit.getByText(/confirme après avoir été sollicité/).waitFor();
    await page.locator('#task-processor-0-askedOn').fill(yesterday);
    await page.locator('#task-processor-0-confirmedOn').fill(today);
    await page.locator('#task-processor-1-askedOn').fill(today);
    await page.locator('#task-processor-1-note').fill('Relancé par téléphone');
    await lookAt(page, 'request-tasks-edit');
    await page.getByTestId('request-tasks-submit').click();

    await tasks.locator('[data-testid="processor-task"][data-confirmed="true"]').waitFor();
    const confirmed = tasks.locator('[data-testid="processor-task"][data-confirmed="true"]');
    const awaited = tasks.locator('[data-testid="processor-task"][data-confirmed="false"]');
    await confirmed.getByText('Confirmé', { exact: true }).waitFor();
    await awaited.getByText('Confirmation attendue').waitFor();
    await awaited.getByText('Relancé par téléphone').waitFor();
    await tasks.getByTestId('activity-task').getByText(dpoName).waitFor();
    // Dates read as words, never as 2026-11-04.
    expect(await tasks.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}|[0-9a-f]{8}-[0-9a-f]{4}/);
    await lookAt(page, 'request-tasks');
    await page.setViewportSize({ width: 390, height: 844 });
    await lookAt(page, 'request-tasks');

    // Someone corrects the request meanwhile: saving the tasks from this page, now stale, is refused in
    // words with a reload, and overwrites nothing.
    const current = (await (await context.request.get(webUrl(`/api/v1/organizations/${orgId}/rights-requests/${request.id}`))).json()) as { version: number };
    await callApi(context, 'PATCH', `/organizations/${orgId}/rights-requests/${request.id}`, { version: current.version, description: 'Merci d’effacer aussi mon numéro de téléphone.' });
    if ((await edit.getAttribute('open')) === null) await edit.locator('summary').click();
    await page.locator('#task-activity-0-note').fill('Note écrite sur une page périmée');
    await page.getByTestId('request-tasks-submit').click();
    await page.getByTestId('request-tasks-conflict').getByText('Quelqu’un a modifié cette demande depuis que vous l’avez ouverte', { exact: false }).waitFor();
    await lookAt(page, 'request-tasks-conflict');
    await page.getByTestId('request-tasks-reload').click();
    await tasks.getByText('Relancé par téléphone').waitFor();
    expect(await tasks.textContent()).not.toContain('Note écrite sur une page périmée');
    await context.close();

    const { context: english, page: enPage } = await signedInPage(browser, 'dpo@example.com', { locale: 'en-GB', viewport: DESKTOP });
    await open(enPage, webUrl(`/orgs/${orgId}/rights-requests/${request.id}`));
    const enTasks = enPage.getByTestId('request-tasks');
    await enTasks.getByText('Awaiting confirmation').waitFor();
    await enTasks.getByText('Per vendor').waitFor();
    await lookAt(enPage, 'request-tasks-en');
    await english.close();
  });
});
