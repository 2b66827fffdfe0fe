import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import yauzl from 'yauzl';
import { launchBrowser, signedInPage } from './browser';

async function downloadOf(page: Page, testId: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await download.path();
  return readFile(path);
}

async function registerRows(content: Buffer, sheet: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const found = workbook.getWorksheet(sheet);
  if (!found) throw new Error(`no sheet ${sheet}`);
  return found.actualRowCount - 1;
}

async function unzip(content: Buffer): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(content, { lazyEntries: true });
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) {
          reject(error);
          return;
        }
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return files;
}

/**
 * The auditor opens the exports from the register, downloads the register as it stood on a past
 * date (before the demo register existed: empty) and today (the 12 activities), then the evidence
 * pack, whose manifest's hashes match its files; the audit trail page verifies the chain.
 */
describe('exports: the auditor exports the register as of a past date and the evidence pack', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('downloads the register as of yesterday and today, and the evidence pack', async () => {
    const { context, page } = await signedInPage(browser, 'auditor@example.com');

    await page.getByTestId('nav-register').click();
    await page.getByTestId('exports-link').click();
    await page.getByTestId('export-register').waitFor();
    // An auditor reads and exports; it imports nothing.
    expect(await page.getByTestId('import-file').count()).toBe(0);

    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('export-as-of').fill(yesterday);
    const past = await downloadOf(page, 'export-register');
    expect(await registerRows(past, 'Registre')).toBe(0);

    await page.getByTestId('export-as-of').fill('');
    const today = await downloadOf(page, 'export-register');
    expect(await registerRows(today, 'Registre')).toBeGreaterThanOrEqual(12);

    const files = await unzip(await downloadOf(page, 'export-evidence'));
    const file = (name: string) => files.get(name) ?? Buffer.alloc(0);
    const manifest = JSON.parse(file('manifest.json').toString('utf8')) as { files: { name: string; sha256: string }[]; auditChain: { valid: boolean } };
    expect(manifest.files.map((file) => file.name).slice(0, 3)).toEqual(['register.xlsx', 'audit-trail.xlsx', 'vendors.xlsx']);
    for (const entry of manifest.files) expect(createHash('sha256').update(file(entry.name)).digest('hex')).toBe(entry.sha256);
    expect(manifest.auditChain.valid).toBe(true);

    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    await page.getByTestId('audit-verify').click();
    await page.locator('[data-testid="audit-verification"][data-valid="true"]').waitFor();
    await context.close();
  });
});
