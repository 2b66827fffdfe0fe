import { existsSync } from 'node:fs';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with nothing that would reach the network. */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export function webUrl(path = ''): string {
  const base = process.env.REGISTRE_E2E_WEB_URL;
  if (!base) throw new Error('REGISTRE_E2E_WEB_URL is not set: run through `npm run test:e2e`');
  return `${base}${path}`;
}

/** Waits until React has hydrated the page (`<html data-hydrated>`, set by the root layout): typed before, text can be lost to the form taking its fields over. */
export async function interactive(page: Page): Promise<void> {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Opens `url` as a person does: loaded, then answering (hydrated) before anything is typed or clicked. */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await interactive(page);
}

/** Reloads the page and waits until it answers again. */
export async function reopen(page: Page): Promise<void> {
  await page.reload();
  await interactive(page);
}

export async function newContext(browser: Browser, locale: 'fr-FR' | 'en-GB' = 'fr-FR'): Promise<BrowserContext> {
  return browser.newContext({ locale, extraHTTPHeaders: { 'Accept-Language': locale === 'fr-FR' ? 'fr-FR,fr;q=0.9' : 'en-GB,en;q=0.9' } });
}

export const DEMO_PASSWORD = 'registre-demo';

/** Signs in through the real sign-in page and waits for the application shell. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await open(page, webUrl('/login'));
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  // Attached, not visible: on a phone the navigation folds behind the menu button.
  await page.getByTestId('nav-register').waitFor({ state: 'attached' });
}

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * Every browser test's opening: a fresh context in `locale` (French by default) with one page, at
 * `viewport` when given, signed in as `email`.
 */
export async function signedInPage(
  browser: Browser,
  email: string,
  options: { locale?: 'fr-FR' | 'en-GB'; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, options.locale);
  const page = await context.newPage();
  if (options.viewport) await page.setViewportSize(options.viewport);
  await signIn(page, email);
  return { context, page };
}

/** The API as the signed-in member of `context` calls it (session cookie, CSRF token): someone else's change, or a fixture. */
export async function callApi<T>(context: BrowserContext, method: 'POST' | 'PUT' | 'PATCH', path: string, data: unknown): Promise<T> {
  const csrf = ((await (await context.request.get(webUrl('/api/v1/auth/csrf'))).json()) as { token: string }).token;
  const response = await context.request.fetch(webUrl(`/api/v1${path}`), {
    method,
    headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' },
    data: JSON.stringify(data),
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${String(response.status())} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The organisation of the page the member is on (`/orgs/<id>/…`). */
export const orgIdOf = (page: Page): string => /\/orgs\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';

/** From the register page, a copy of the activity `reference`, opened on its own page: the copy's address. */
export async function openCopyOf(page: Page, reference: string): Promise<string> {
  await page.getByTestId(`activity-row-${reference}`).getByRole('link').first().click();
  await page.waitForURL(/\/register\/[0-9a-f-]{36}$/);
  const sourceUrl = page.url();
  await page.getByTestId('activity-duplicate').click();
  await page.waitForURL((url) => /\/register\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== sourceUrl);
  return page.url();
}

/** A new transfer on the activity page (people tab): the country by its name, the recipient; the row's index. */
export async function addTransfer(page: Page, country: string, recipient: string): Promise<string> {
  await page.getByTestId('activity-tab-people').click();
  await page.getByTestId('add-transfer').click();
  const last = page.locator('[data-testid^="transfer-"][data-status]').last();
  const index = ((await last.getAttribute('data-testid')) ?? '').replace('transfer-', '');
  await page.getByTestId(`transfer-${index}-country`).selectOption({ label: country });
  await page.locator(`#activity-transfers-${index}-recipient`).fill(recipient);
  return index;
}

/** Opens a section from the navigation, through the menu button on a phone. */
export async function openSection(page: Page, key: string): Promise<void> {
  const toggle = page.getByTestId('menu-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByTestId(`nav-${key}`).click();
}

export async function visibleNavigation(page: Page): Promise<string[]> {
  const items = page.locator('[data-testid^="nav-"]');
  const keys: string[] = [];
  for (let index = 0; index < (await items.count()); index++) {
    const item = items.nth(index);
    if (await item.isVisible()) keys.push(((await item.getAttribute('data-testid')) ?? '').replace(/^nav-/, ''));
  }
  return keys;
}
