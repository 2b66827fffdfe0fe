import type { Browser, BrowserContext, Page } from 'playwright-core';
import { callApi, DESKTOP, launchBrowser, PHONE, signedInPage, webUrl, open } from './browser';
import { linkIn, waitForMail } from './mail-receiver';
import { lookAt } from './screenshots';

// An organisation of its own: changing the threshold screens every activity again, which the demo
// organisation's other browser tests must not see. Its name sorts after « Démo » (memberships are
// listed by name), so the demo members still land in the demo organisation elsewhere.
const ORGANIZATION = 'Régie des eaux de l’Étang-Salé';
const ACTIVITY = 'Programme de fidélité « Carte Goutte d’eau »';

/** The admin invites `email` with `roles`; the member accepts the link from the e-mail, through the API. */
async function enrol(admin: BrowserContext, orgId: string, member: BrowserContext, email: string, roles: string[]): Promise<void> {
  await callApi(admin, 'POST', `/organizations/${orgId}/members`, { email, roles });
  const mail = await waitForMail(email, (received) => received.to.includes(email) && received.subject.includes(ORGANIZATION));
  const token = linkIn(mail, webUrl('/invitations/')).slice(webUrl('/invitations/').length);
  await callApi(member, 'POST', `/invitations/${token}/accept`, {});
}

/** Waits until the field `selector` holds `value` (the form fills its fields once the page is hydrated). */
async function hasValue(page: Page, selector: string, value: string): Promise<void> {
  await page.waitForFunction(([css, expected]) => document.querySelector<HTMLInputElement>(css)?.value === expected, [selector, value] as const);
}

async function lookAtBothSizes(page: Page, name: string): Promise<void> {
  await page.setViewportSize(DESKTOP);
  await lookAt(page, name);
  await page.setViewportSize(PHONE);
  await lookAt(page, name);
  await page.setViewportSize(DESKTOP);
}

/**
 * Issue 17 item 3: the large-scale threshold of the DPIA screening (EDPB WP248 criterion 5) is the
 * organisation's. The DPO raises it from 10 000 to 50 000 persons on the settings page; an activity
 * about 25 000 customers, large scale before, is not any more once the register is screened again,
 * and its history says so in words. A contributor reads the figure, written their language's way.
 */
describe('the large-scale threshold, set by the DPO', () => {
  let browser: Browser;
  let orgId = '';
  let dpo: { context: BrowserContext; page: Page };
  let contributor: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await signedInPage(browser, 'admin@example.com');
    dpo = await signedInPage(browser, 'dpo@example.com', { viewport: DESKTOP });
    contributor = await signedInPage(browser, 'contributor@example.com', { locale: 'en-GB', viewport: PHONE });
    for (const { page } of [admin, dpo, contributor]) page.setDefaultTimeout(30_000);
    orgId = (await callApi<{ id: string }>(admin.context, 'POST', '/organizations', { name: ORGANIZATION, creatorIsDpo: false })).id;
    await enrol(admin.context, orgId, dpo.context, 'dpo@example.com', ['dpo']);
    await enrol(admin.context, orgId, contributor.context, 'contributor@example.com', ['contributor']);
    await admin.context.close();
  });
  afterAll(async () => {
    await dpo.context.close();
    await contributor.context.close();
    await browser.close();
  });

  it('the DPO raises it to 50 000 by clicking: an activity about 25 000 customers is no longer large scale, and its history says why', async () => {
    const { context, page } = dpo;
    const activity = await callApi<{ id: string }>(context, 'POST', `/organizations/${orgId}/activities`, {
      name: ACTIVITY,
      role: 'controller',
      dataSubjects: [{ category: 'customers', estimatedCount: 25_000, vulnerable: false }],
    });
    const activityPath = `/orgs/${orgId}/register/${activity.id}`;

    // At the default threshold the customers make it large scale: one criterion, the DPO's call.
    await open(page, webUrl(`${activityPath}?tab=dpia`));
    const criteria = page.getByTestId('screening-criteria');
    await criteria.locator('[data-criterion="large_scale"]').getByText(/25\s000 personnes estimées, pour un seuil de grande échelle fixé à 10\s000/).waitFor();
    await page.locator('[data-testid="screening-result"][data-decision="to_assess"]').waitFor();

    await open(page, webUrl(`/orgs/${orgId}/settings`));
    const field = page.getByLabel('Seuil de grande échelle (personnes concernées)');
    // Written the French way, as it is read (the form puts it in once the page is live: wait for it).
    await hasValue(page, '#organization-largeScalePersons', '10\u202f000');
    await page.getByText('Le CEPD ne fixe pas de chiffre', { exact: false }).waitFor();

    // A figure outside the bounds is refused on the page, in words, and nothing is saved.
    await field.fill('50');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Indiquez un nombre entier de personnes, entre 100 et 100\u202f000\u202f000.').waitFor();
    await field.scrollIntoViewIfNeeded();
    await lookAtBothSizes(page, 'settings-large-scale-threshold-error');

    // Typed as people write it.
    await field.fill('50 000');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Les paramètres de l’organisation sont enregistrés.').waitFor();
    await hasValue(page, '#organization-largeScalePersons', '50\u202f000');
    await field.scrollIntoViewIfNeeded();
    await lookAtBothSizes(page, 'settings-large-scale-threshold');

    // The activity was screened again on the server; the page screens it with the same figure.
    await open(page, webUrl(`${activityPath}?tab=dpia`));
    await page.locator('[data-testid="screening-result"][data-decision="not_required"]').waitFor();
    expect(await page.getByTestId('screening-decision').textContent()).toBe('AIPD non requise');
    await criteria.waitFor();
    expect(await criteria.locator('[data-criterion="large_scale"]').count()).toBe(0);
    // And says why large scale is not met any more.
    expect(await page.getByTestId('below-large-scale').textContent()).toBe(
      '25\u202f000 personnes estimées, sous le seuil de grande échelle de l’organisation (50\u202f000) : le critère « traitement à grande échelle » n’est pas rempli.',
    );
    await lookAtBothSizes(page, 'activity-dpia-after-threshold');
    // Opening it changed nothing: the page agrees with the decision the server stored.
    expect(await page.locator('.form__dirty').count()).toBe(0);

    await open(page, webUrl(`${activityPath}?tab=history`));
    const rescreen = page.locator('[data-testid^="version-row-"][data-action="rescreen"]');
    await rescreen.getByText('Pré-analyse AIPD recalculée (seuil de grande échelle modifié)').waitFor();
    expect(await page.locator('[data-testid^="version-row-"]').count()).toBe(2);
    // What changed, in words: the decision, from the DPO's call to not required.
    await page.getByTestId('version-changes-2').click();
    const decision = page.getByTestId('history-diff').locator('tr', { hasText: 'Pré-analyse AIPD : décision' });
    await decision.getByText('À évaluer', { exact: true }).waitFor();
    await decision.getByText('AIPD non requise', { exact: true }).waitFor();
    await lookAtBothSizes(page, 'activity-history-rescreen');

    // The audit trail tells the same story: the setting changed (figures in French), then the activity screened again.
    await open(page, webUrl(`/orgs/${orgId}/audit`));
    const setting = page.locator('[data-testid="audit-row"][data-entity="Organization"][data-action="update"]', { hasText: 'Seuil de grande échelle (personnes concernées)' });
    await setting.getByText(/^10\s000$/).waitFor();
    await setting.getByText(/^50\s000$/).waitFor();
    await page.locator('[data-testid="audit-row"][data-action="rescreen"]', { hasText: 'Pré-analyse AIPD recalculée (seuil de grande échelle modifié)' }).getByText(ACTIVITY, { exact: false }).waitFor();
    await lookAtBothSizes(page, 'audit-rescreen');
  });

  it('a contributor reads the threshold, as a figure in their language, and cannot change it', async () => {
    const { page } = contributor;
    await open(page, webUrl(`/orgs/${orgId}/settings`));
    const read = page.getByTestId('large-scale-persons-read');
    await read.getByText('Large-scale threshold (persons concerned)').waitFor();
    await read.getByText('50,000 persons concerned').waitFor();
    expect(await page.locator('input#organization-largeScalePersons').count()).toBe(0);
    await read.scrollIntoViewIfNeeded();
    await lookAt(page, 'settings-large-scale-threshold-read');
  });
});
