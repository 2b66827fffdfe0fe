import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Saves a full-page screenshot when REGISTRE_E2E_SCREENSHOTS names a folder (for a person to look
 * at the pages a flow shows), and checks, at every size, that the page does not scroll sideways.
 */
export async function lookAt(page: Page, name: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scrollWidth > width) throw new Error(`${name}: the page is ${String(scrollWidth)} px wide in a ${String(width)} px window (it scrolls sideways)`);
  const folder = process.env.REGISTRE_E2E_SCREENSHOTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}-${String(width)}.png`), fullPage: true });
}
