import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, PHONE, signedInPage } from './browser';
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
describe('import: « validée » in a file stands only where validation would let it', () => {
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
});
