import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, open, PHONE, signedInPage, webUrl } from './browser';
import { lookAt } from './screenshots';

async function downloadOf(page: Page, testId: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFile(await download.path());
}

/**
 * The register as exported, with one more activity: a copy of T-0001 (« validée ») under a new
 * reference, whose processor is a vendor the demo organisation does not know.
 */
async function withUnknownProcessor(exported: Buffer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(exported as unknown as ArrayBuffer);
  workbook.eachSheet((sheet) => {
    const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((value) => (typeof value === 'string' ? value : ''));
    const reference = headers.indexOf('Référence');
    if (reference < 1) return;
    const copies: ExcelJS.CellValue[][] = [];
    sheet.eachRow((row, number) => {
      if (number === 1 || row.getCell(reference).text !== 'T-0001') return;
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      values[reference - 1] = 'T-0901';
      if (sheet.name === 'Registre') values[headers.indexOf('Nom') - 1] = 'Paie des saisonniers';
      if (sheet.name === 'Sous-traitants') values[headers.indexOf('Fournisseur') - 1] = 'Nuage d’Oc';
      copies.push(values);
    });
    for (const values of copies) sheet.addRow(values);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Issue 17, item 4, through the import page: a file saying « Validé » for an activity whose processor
 * has no contract on record does not validate it — the check says, in words, that it will come in
 * « en revue » and why. Only the check runs: the demo register is left as it is for the other tests.
 */
describe('« validée » stands only where validation would let it: an import, an edit', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('the DPO checks a workbook and reads which activity will wait for validation, and why', async () => {
    const { context, page } = await signedInPage(browser, 'dpo@example.com', { viewport: DESKTOP });
    await page.getByTestId('nav-register').click();
    await page.getByTestId('exports-link').click();
    await page.getByTestId('export-register').waitFor();
    const file = join(tmpdir(), `registre-validee-${String(process.pid)}.xlsx`);
    await writeFile(file, await withUnknownProcessor(await downloadOf(page, 'export-register')));

    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-check').click();
    const report = page.locator('[data-testid="import-report"][data-dry-run="true"]');
    await report.waitFor();
    expect(await report.getAttribute('data-valid')).toBe('true');
    const warnings = page.locator('[data-testid="import-warnings"] tr[data-code="validated_awaiting_dpo"]');
    expect(await warnings.count()).toBe(1);
    expect(await warnings.locator('td').allTextContents()).toEqual([
      'Registre',
      expect.stringMatching(/^\d+$/),
      'Statut (code)',
      'T-0901 est « validée » dans le fichier mais arrive « en revue » : la validation la refuserait en l’état. Le sous-traitant « Nuage d’Oc » n’a pas de contrat de sous-traitance signé : un sous-traitant doit être lié par un contrat (art. 28.3). Pour l’importer validée, donnez le motif de la dérogation dans la colonne « Dérogations du DPO » (« Validé malgré : … — motif : … ») ; sinon, validez-la depuis la file de relecture.',
    ]);
    const shown = (await report.textContent()) ?? '';
    expect(shown).not.toMatch(/validated_awaiting_dpo|processor_contract_missing|in_review|processors\[/);
    // The button counts what the import writes: the one new activity, not the rows already in the register.
    await expect(page.getByTestId('import-run').textContent()).resolves.toBe('Importer 1 traitement');
    await expect(page.locator('[data-testid="import-warnings"] th').allTextContents()).resolves.toEqual(['Feuille', 'Ligne', 'Colonne', 'Avertissement']);
    await lookAt(page, 'import-awaiting-validation');
    await page.setViewportSize(PHONE);
    await lookAt(page, 'import-awaiting-validation');
    await context.close();
  });

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)('the DPO adds a processor without a contract to a validated activity: refused in words, nothing saved (%s)', async (size, viewport) => {
    const { context, page } = await signedInPage(browser, 'dpo@example.com', { viewport });
    const organizationId = /\/orgs\/([^/]+)/.exec(page.url())?.[1] ?? '';
    const found = (await (await context.request.get(webUrl(`/api/v1/organizations/${organizationId}/activities?q=T-0001`))).json()) as { items: { id: string; reference: string; version: number }[] };
    const payroll = found.items.find((item) => item.reference === 'T-0001');
    if (!payroll) throw new Error('T-0001 is not in the demo register');
    await open(page, webUrl(`/orgs/${organizationId}/register/${payroll.id}`));
    await page.getByTestId('activity-tab-people').click();
    await page.getByTestId('processor-search').fill('Vérif Identité');
    await page.getByTestId('processor-add').click();
    await page.getByTestId('processor-Vérif Identité').waitFor();
    await page.getByTestId('activity-save').click();
    const problems = page.getByTestId('validation-problems');
    await problems.waitFor();
    await expect(problems.locator('h2').textContent()).resolves.toBe('Modification non enregistrée');
    await expect(problems.locator('p').first().textContent()).resolves.toBe(
      'Ce traitement est validé : cette modification n’est pas enregistrée, car la validation ne tiendrait plus (1 point ci-dessous). Corrigez-la, ou repassez le traitement en brouillon pour enregistrer ce changement, puis faites-le valider de nouveau.',
    );
    await expect(problems.textContent()).resolves.toContain('Le sous-traitant « Vérif Identité » n’a pas de contrat de sous-traitance signé : un sous-traitant doit être lié par un contrat (art. 28.3).');
    expect((await problems.textContent()) ?? '').not.toMatch(/processor_contract_missing|processors\[/);
    // Beside the processors too, in the same words (not « Cette valeur n’est pas valide »).
    await page.locator('p.field__error', { hasText: 'Le sous-traitant « Vérif Identité » n’a pas de contrat de sous-traitance signé' }).waitFor();
    expect(await page.locator('p.field__error', { hasText: 'Cette valeur n’est pas valide' }).count()).toBe(0);
    await lookAt(page, `edit-validated-refused-${size}`);
    const after = (await (await context.request.get(webUrl(`/api/v1/organizations/${organizationId}/activities/${payroll.id}`))).json()) as { version: number; status: string; processors: string[] };
    expect({ version: after.version, status: after.status, processors: after.processors }).toEqual({ version: payroll.version, status: 'validated', processors: ['Paysage Paie'] });
    await context.close();
  });
});
