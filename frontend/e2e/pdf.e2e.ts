import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInPage } from './browser';

// pdf-parse's own entry reads a sample file when loaded under a test runner: its library file is loaded instead.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ numpages: number; text: string }>;

async function downloadOf(page: Page, testId: string): Promise<{ name: string; content: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: download.suggestedFilename(), content: await readFile(await download.path()) };
}

/** The PDF's text, line breaks as spaces (a phrase wrapped over two lines reads as one). */
async function textOf(content: Buffer): Promise<{ pages: number; text: string }> {
  expect(content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const parsed = await pdfParse(content);
  return { pages: parsed.numpages, text: parsed.text.replace(/\s+/g, ' ') };
}

/**
 * An auditor opens the demo's payroll activity (T-0001) and downloads its record sheet as a PDF by
 * clicking the button, in French: the reference, the purposes, the retention in words, the footer;
 * then the whole register as a PDF from the exports page.
 */
describe('PDF: the auditor downloads an activity’s record sheet and the register', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('clicks « Fiche PDF » on T-0001 and « Registre (PDF) » on the exports page', async () => {
    const { context, page } = await signedInPage(browser, 'auditor@example.com');
    await page.getByTestId('nav-register').click();
    await page.getByTestId('register-search').fill('T-0001');
    await page.getByTestId('register-search').press('Enter');
    await page.getByTestId('activity-row-T-0001').getByRole('link').first().click();
    await page.waitForURL(/\/register\/[0-9a-f-]{36}/);

    const button = page.getByTestId('activity-record-pdf');
    expect(await button.textContent()).toBe('Fiche PDF');
    const record = await downloadOf(page, 'activity-record-pdf');
    expect(record.name).toMatch(/^T-0001-\d{4}-\d{2}-\d{2}\.pdf$/);
    const sheet = await textOf(record.content);
    expect(sheet.text).toContain('Fiche de registre — T-0001');
    expect(sheet.text).toContain('Finalités et bases légales');
    expect(sheet.text).toContain('(Obligation légale)');
    expect(sheet.text).toContain('5 ans, puis 45 ans en archive');
    expect(sheet.text).toMatch(new RegExp(`Page 1 / ?${sheet.pages}`));
    expect(sheet.text).toContain('Généré le ');

    await page.getByTestId('nav-register').click();
    await page.getByTestId('exports-link').click();
    const register = await downloadOf(page, 'export-register-pdf');
    expect(register.name).toMatch(/^register-\d{4}-\d{2}-\d{2}\.pdf$/);
    const whole = await textOf(register.content);
    expect(whole.text).toContain('Registre des activités de traitement');
    expect(whole.text).toContain('T-0001 — Gestion de la paie');
    expect(whole.text).toContain('T-0012');
    await context.close();
  });
});
