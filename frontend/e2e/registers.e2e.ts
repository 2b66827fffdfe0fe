import type { Browser, Page } from 'playwright-core';

import { DESKTOP, launchBrowser, openSection, PHONE, signedInPage, open } from './browser';

/** No sideways scrolling: the page fits the screen's width. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/**
 * The registers by hand. Rights requests: the DPO records a request that arrived by post, asks for proof
 * of identity, starts, extends once and answers; a contributor on a phone records one (intake) and
 * follows it without the DPO's steps. Breaches: the DPO records one, assesses a high risk, notifies the
 * CNIL and records why the people are not told (Art 34(3)(a)).
 */
describe('the rights-request and breach registers, kept from the pages', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('the DPO records a request, checks identity, extends it and records the answer', async () => {
    const { context, page } = await signedInPage(browser, 'dpo@example.com', { viewport: DESKTOP });

    await page.getByTestId('nav-rights-requests').click();
    await page.getByTestId('new-rights-request').click();
    await page.getByTestId('new-rights-request-form').waitFor();
    await page.locator('#request-type').selectOption('erasure');
    await page.locator('#request-channel').selectOption('post');
    await page.locator('#request-requesterName').fill('Zoé L’Hermitte');
    await page.locator('#request-requesterContact').fill('12 rue des Écoles, 75005 Paris');
    await page.locator('#request-description').fill('« Effacez mon compte client et mes commandes »');
    await page.getByTestId('new-rights-request-submit').click();

    await page.waitForURL(/\/rights-requests\/[0-9a-f-]{36}$/);
    const detail = page.getByTestId('rights-request-detail');
    await detail.getByText('Zoé L’Hermitte — 12 rue des Écoles, 75005 Paris').waitFor();
    await detail.getByText('« Effacez mon compte client et mes commandes »').waitFor();
    await page.getByRole('heading', { level: 1 }).getByText(/Effacement/).waitFor();

    await page.getByTestId('request-identity-check').click();
    await page.locator('[data-testid="rights-request-detail"][data-status="identity_check"]').waitFor();
    await page.getByTestId('request-start-verified').click();
    await page.locator('[data-testid="rights-request-detail"][data-status="in_progress"]').waitFor();
    await detail.getByText('En cours', { exact: true }).waitFor();

    // An extension needs its reason: the form says so and nothing is sent.
    await page.getByTestId('request-extend').locator('summary').click();
    await page.getByTestId('request-extend-submit').click();
    await page.locator('#extend-reason-error').waitFor();
    await page.locator('#extend-reason').fill('Données réparties dans trois systèmes d’archives');
    await page.getByTestId('request-extend-submit').click();
    await detail.getByText(/Données réparties dans trois systèmes d’archives/).waitFor();
    await page.getByTestId('request-extend').waitFor({ state: 'detached' });

    await page.getByTestId('request-answer').locator('summary').click();
    await page.locator('#answer-channel').fill('Lettre recommandée');
    await page.locator('#answer-summary').fill('Compte et commandes effacés ; sous-traitants informés');
    await page.getByTestId('request-answer-submit').click();
    await page.locator('[data-testid="rights-request-detail"][data-status="answered"]').waitFor();
    await detail.getByText('Répondue', { exact: true }).waitFor();
    await detail.getByText(/Lettre recommandée/).waitFor();
    await page.getByTestId('rights-request-actions').waitFor({ state: 'detached' });
    expect(await fitsWidth(page)).toBe(true);

    await page.locator('.breadcrumb a').click();
    const row = page.locator('[data-testid^="rights-request-row-"][data-status="answered"]').filter({ hasText: 'Zoé L’Hermitte' });
    await row.waitFor();
    await context.close();
  });

  it('a contributor on a phone records a request and follows it, without the DPO’s steps', async () => {
    const { context, page } = await signedInPage(browser, 'contributor@example.com', { locale: 'en-GB', viewport: PHONE });
    // A compact phone header: one line, the navigation behind the menu button.
    expect(await page.locator('.app-header').evaluate((header) => header.getBoundingClientRect().height)).toBeLessThan(80);
    expect(await page.getByTestId('nav-rights-requests').isVisible()).toBe(false);
    await openSection(page, 'rights-requests');
    await page.getByTestId('new-rights-request').click();
    await page.locator('#request-type').selectOption('access');
    await page.locator('#request-requesterName').fill('Jean-Noël Œuvray');
    expect(await fitsWidth(page)).toBe(true);
    await page.getByTestId('new-rights-request-submit').click();
    await page.waitForURL(/\/rights-requests\/[0-9a-f-]{36}$/);
    await page.getByTestId('rights-request-detail').getByText('Jean-Noël Œuvray').waitFor();
    await page.locator('[data-testid="rights-request-detail"][data-status="received"] dd').getByText('Received', { exact: true }).waitFor();
    expect(await page.getByTestId('rights-request-actions').count()).toBe(0);
    expect(await page.getByTestId('answer-letter').count()).toBe(0);
    expect(await fitsWidth(page)).toBe(true);
    await context.close();
  });

  it('the DPO drafts the Art 15 answer letter in French, then in English, and edits it', async () => {
    const { context, page } = await signedInPage(browser, 'dpo@example.com', { viewport: PHONE });
    await open(page, page.url().replace(/\/register.*$/, '/rights-requests'));
    await page.getByTestId('new-rights-request').click();
    await page.locator('#request-type').selectOption('access');
    await page.locator('#request-channel').selectOption('email');
    await page.locator('#request-requesterName').fill('Aurélien Dupré-Lefèvre');
    await page.getByTestId('new-rights-request-submit').click();
    await page.waitForURL(/\/rights-requests\/[0-9a-f-]{36}$/);

    const letter = page.getByTestId('answer-letter');
    await letter.getByTestId('answer-letter-prepare').click();
    const text = letter.getByTestId('answer-letter-text');
    await text.waitFor();
    const french = await text.inputValue();
    expect(french).toMatch(/^Objet : votre demande d’accès à vos données personnelles \(référence D-\d{4}\)$/m);
    expect(french).toContain('Commission nationale de l’informatique et des libertés (CNIL)');
    await letter.getByLabel('Langue de la lettre').selectOption('en');
    await letter.getByTestId('answer-letter-prepare').click();
    await page.waitForFunction(() => document.querySelector<HTMLTextAreaElement>('[data-testid="answer-letter-text"]')?.value.includes('Dear Sir or Madam,') === true);
    await text.fill(`${await text.inputValue()}\nP.S. The copy of your data is enclosed.`);
    expect(await text.inputValue()).toContain('P.S. The copy of your data is enclosed.');
    expect(await fitsWidth(page)).toBe(true);
    await context.close();
  });

  it('the DPO records a breach, assesses a high risk, notifies the CNIL and records the exception to informing people', async () => {
    const { context, page } = await signedInPage(browser, 'dpo@example.com', { viewport: DESKTOP });
    await openSection(page, 'breaches');
    await page.getByTestId('new-breach').click();
    await page.locator('#breach-summary').fill('Vol de l’ordinateur portable « paie »');
    await page.getByTestId('breach-nature-confidentiality').check();
    await page.locator('#breach-approxPersons').fill('1250');
    await page.getByTestId('new-breach-submit').click();
    await page.waitForURL(/\/breaches\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1 }).getByText('Vol de l’ordinateur portable « paie »').waitFor();
    await page.locator('[data-testid="breach-risk"][data-risk="not_assessed"]').waitFor();

    // The assessment needs its reasoning.
    await page.locator('#assess-risk').selectOption('high');
    await page.getByTestId('breach-assess-submit').click();
    await page.locator('#assess-riskRationale-error').waitFor();
    await page.locator('#assess-riskRationale').fill('Données de paie de 1 250 salariés, identifiants bancaires');
    // The EDPB Guidelines 9/2022 factors, read back in words.
    await page.locator('#assess-sensitiveData').check();
    await page.locator('#assess-identifiability').selectOption('high');
    await page.getByTestId('breach-assess-submit').click();
    await page.locator('[data-testid="breach-risk"][data-risk="high"]').waitFor();
    await page.getByTestId('breach-factors-view').getByText('Élevée').waitFor();

    await page.locator('#notify-reference').fill('CNIL-2026-0042');
    await page.getByTestId('breach-notify-submit').click();
    await page.getByTestId('breach-notification').getByText(/CNIL-2026-0042/).waitFor();

    await page.locator('#inform-mode').selectOption('exception');
    await page.locator('#inform-exception').selectOption('art34_3a_protected');
    await page.locator('#inform-details').fill('Disque chiffré, clé non compromise');
    await page.getByTestId('breach-inform-submit').click();
    await page.getByText(/Disque chiffré, clé non compromise/).first().waitFor();
    expect(await fitsWidth(page)).toBe(true);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await fitsWidth(page)).toBe(true);
    await context.close();
  });
});
