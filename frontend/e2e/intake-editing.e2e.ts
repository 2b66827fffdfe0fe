import type { Browser, Page } from 'playwright-core';

import { callApi, DESKTOP, launchBrowser, orgIdOf, PHONE, signedInPage, webUrl, open } from './browser';
import { lookAt } from './screenshots';

const recordIdOf = (page: Page): string => /\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';

/**
 * Issue 18: a rights request linked to the register. The DPO records an access request from a
 * « client »; the register suggests the activities about customers; two are ticked, and the Art 15
 * answer letter is written from both. The request's and a breach's facts are edited after creation,
 * and an edit made on a stale page is refused in words, with a reload.
 */
describe('linking a rights request to the register and editing intake records', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('the DPO links the activities suggested for a « client », the answer letter names them, a stale edit is refused', async () => {
    const { context, page } = await signedInPage(browser, 'dpo@example.com', { viewport: DESKTOP });
    const orgId = orgIdOf(page);
    // The demo register has no activity about customers: two are recorded, and one about employees.
    for (const [name, category] of [
      ['Programme de fidélité « Carte Croissant »', 'customers'],
      ['Livraison des commandes à domicile', 'customers'],
      ['Tickets-restaurant des salariés', 'employees'],
    ]) {
      await callApi(context, 'POST', `/organizations/${orgId}/activities`, { name, role: 'controller', dataSubjects: [{ category, estimatedCount: 500, vulnerable: false }] });
    }

    await open(page, webUrl(`/orgs/${orgId}/rights-requests/new`));
    await page.getByTestId('new-rights-request-form').waitFor();
    await page.locator('#request-type').selectOption('access');
    await page.locator('#request-requesterName').fill('Hélène Dupré-Lefèvre');
    await page.locator('#request-description').fill('« Quelles données détenez-vous sur moi en tant que cliente ? »');
    // The person's category is picked by its label; the register suggests the activities about such people.
    await page.locator('#request-subjectCategory').selectOption({ label: 'Clients' });
    const picker = page.getByTestId('request-activities');
    await picker.getByText('Programme de fidélité « Carte Croissant »').waitFor();
    await picker.getByText('Livraison des commandes à domicile').waitFor();
    expect(await picker.getByText('Tickets-restaurant des salariés').count()).toBe(0);
    await picker.getByLabel(/Programme de fidélité « Carte Croissant »/).check();
    await picker.getByLabel(/Livraison des commandes à domicile/).check();
    await lookAt(page, 'intake-new-request-suggestions');
    await page.getByTestId('new-rights-request-submit').click();

    await page.waitForURL(/\/rights-requests\/[0-9a-f-]{36}$/);
    const detail = page.getByTestId('rights-request-detail');
    await detail.getByText(/Programme de fidélité « Carte Croissant »/).waitFor();
    // The person's category is kept with the request, in words.
    await page.getByTestId('request-subject-category').getByText('Clients', { exact: true }).waitFor();
    await detail.getByText(/Livraison des commandes à domicile/).waitFor();

    const letter = page.getByTestId('answer-letter');
    await letter.getByTestId('answer-letter-prepare').click();
    const text = letter.getByTestId('answer-letter-text');
    await text.waitFor();
    const written = await text.inputValue();
    expect(written).toContain('Programme de fidélité « Carte Croissant »');
    expect(written).toContain('Livraison des commandes à domicile');
    expect(written).not.toContain('Tickets-restaurant');

    // The facts are corrected: the request came by post, and one activity is unticked.
    const edit = page.getByTestId('request-edit');
    await edit.locator('summary').click();
    await page.locator('#edit-request-channel').selectOption('post');
    await edit.getByLabel(/Livraison des commandes à domicile/).uncheck();
    await lookAt(page, 'intake-edit-request');
    await page.getByTestId('request-edit-submit').click();
    await detail.getByText(/par courrier/).waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="rights-request-detail"]')?.textContent.includes('Livraison des commandes'));

    // Someone else changes the request after this page was read: the edit is refused in words.
    const requestId = recordIdOf(page);
    const current = (await (await context.request.get(webUrl(`/api/v1/organizations/${orgId}/rights-requests/${requestId}`))).json()) as { version: number };
    await callApi(context, 'PATCH', `/organizations/${orgId}/rights-requests/${requestId}`, { version: current.version, requesterContact: 'helene.dupre@exemple.fr' });
    await edit.locator('summary').click();
    await page.locator('#edit-request-requesterName').fill('Hélène Dupré');
    await page.getByTestId('request-edit-submit').click();
    const conflict = page.getByTestId('request-edit-conflict');
    await conflict.getByText(/Quelqu’un a modifié cette demande/).waitFor();
    await lookAt(page, 'intake-edit-request-conflict');
    await conflict.getByTestId('request-edit-reload').click();
    await detail.getByText(/helene\.dupre@exemple\.fr/).waitFor();
    expect(await detail.getByText('Hélène Dupré-Lefèvre', { exact: false }).count()).toBe(1);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('request-edit').locator('summary').click();
    await lookAt(page, 'intake-edit-request');
    await context.close();
  });

  it('on a phone, the DPO edits a breach’s facts; a stale edit is refused in words', async () => {
    const { context, page } = await signedInPage(browser, 'dpo@example.com', { viewport: PHONE });
    const orgId = orgIdOf(page);
    const created = await callApi<{ id: string }>(context, 'POST', `/organizations/${orgId}/breaches`, {
      summary: 'Fichier « clients » envoyé au mauvais destinataire',
      awareAt: new Date(Date.now() - 3_600_000).toISOString(),
      natures: ['confidentiality'],
    });
    await open(page, webUrl(`/orgs/${orgId}/breaches/${created.id}`));
    const edit = page.getByTestId('breach-edit');
    await edit.locator('summary').click();
    await page.locator('#breach-edit-summary').fill('Fichier « clients » envoyé par erreur à un prestataire');
    await page.locator('#breach-edit-approxPersons').fill('320');
    await edit.getByLabel('Clients', { exact: true }).check();
    await page.locator('#breach-edit-consequences').fill('Risque d’hameçonnage ciblé des clients');
    await page.locator('#breach-edit-measuresTaken').fill('Demande d’effacement au prestataire, confirmée par écrit');
    await page.locator('#breach-edit-activitySearch').fill('Gestion des comptes');
    await page.getByTestId('breach-edit-activitySearch-submit').click();
    await edit.getByLabel(/Gestion des comptes utilisateurs/).check();
    // The vendor involved, found by name: Enter searches, it does not send the form.
    await page.locator('#breach-edit-vendorSearch').fill('nuage');
    await page.locator('#breach-edit-vendorSearch').press('Enter');
    await edit.getByLabel('NuageCloud', { exact: true }).check();
    await page.locator('#breach-edit-vendorSearch').fill('Aucun prestataire de ce nom');
    await page.locator('#breach-edit-vendorSearch').press('Enter');
    await edit.getByText('Aucun fournisseur ne correspond à cette recherche.').waitFor();
    expect(await edit.getByLabel('NuageCloud', { exact: true }).isChecked()).toBe(true);
    await lookAt(page, 'intake-edit-breach');
    await page.getByTestId('breach-edit-submit').click();
    await page.getByRole('heading', { level: 1 }).getByText('Fichier « clients » envoyé par erreur à un prestataire').waitFor();
    await page.getByText('Risque d’hameçonnage ciblé des clients').first().waitFor();
    await page.locator('.detail-list').getByText(/Gestion des comptes utilisateurs/).waitFor();
    await page.locator('.detail-list').getByText('NuageCloud').waitFor();

    // Someone else records the risk meanwhile: this page's edit is now stale.
    const current = (await (await context.request.get(webUrl(`/api/v1/organizations/${orgId}/breaches/${created.id}`))).json()) as { version: number };
    await callApi(context, 'PATCH', `/organizations/${orgId}/breaches/${created.id}`, { version: current.version, risk: 'risk', riskRationale: 'Adresses e-mail et historique d’achats' });
    await page.getByTestId('breach-edit').locator('summary').click();
    await page.locator('#breach-edit-discovery').fill('Signalé par le prestataire lui-même');
    await page.getByTestId('breach-edit-submit').click();
    const conflict = page.getByTestId('breach-edit-conflict');
    await conflict.getByText(/Quelqu’un a modifié cette violation/).waitFor();
    await lookAt(page, 'intake-edit-breach-conflict');
    await conflict.getByTestId('breach-edit-reload').click();
    await page.locator('[data-testid="breach-risk"][data-risk="risk"]').waitFor();

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('breach-edit').locator('summary').click();
    await lookAt(page, 'intake-edit-breach');
    await context.close();
  });
});
