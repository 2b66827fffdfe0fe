import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, signedInPage, webUrl, open } from './browser';

/** The API as the signed-in member of `context` calls it (session cookie, CSRF token). */
class Api {
  private csrf = '';
  constructor(private readonly context: BrowserContext) {}

  async call<T>(method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown): Promise<T> {
    if (method !== 'GET' && !this.csrf) this.csrf = ((await (await this.context.request.get(webUrl('/api/v1/auth/csrf'))).json()) as { token: string }).token;
    const response = await this.context.request.fetch(webUrl(`/api/v1${path}`), {
      method,
      headers: method === 'GET' ? {} : { 'x-csrf-token': this.csrf, 'content-type': 'application/json' },
      data: data === undefined ? undefined : JSON.stringify(data),
    });
    if (!response.ok()) throw new Error(`${method} ${path}: ${String(response.status())} ${await response.text()}`);
    return (await response.json()) as T;
  }
}

interface Grid {
  id: string;
  version: number;
  activityId: string | null;
  answered: string[];
  answers: Record<string, { description?: string } | undefined>;
  conflicts: { field: string }[];
}

interface Activity {
  version: number;
  rightsProcedure: string | null;
  dataCategories: { category: string; retention: { activePeriod: string | null } | null }[];
}

async function member(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page; api: Api; orgId: string }> {
  const { context, page } = await signedInPage(browser, email, { viewport: DESKTOP });
  const orgId = /\/orgs\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (!orgId) throw new Error(`no organisation in ${page.url()}`);
  return { context, page, api: new Api(context), orgId };
}

/** A grid answered in full, as a product team would ("Badgeuse du parking"): two kinds of data, one a location. */
const ANSWERS = {
  purposes: { purposes: [{ id: 'p1', description: 'Ouvrir la barrière du parking aux agents badgés', main: true }], practices: [] },
  legitimacy: { bases: [{ purposeId: 'p1', legalBasis: 'legitimate_interests', interest: 'Sécurité du site', necessity: 'Seul moyen de filtrer', balancing: 'Aucun suivi individuel' }] },
  data: {
    subjects: [{ category: 'employees', estimatedCount: 300 }],
    largeScale: false,
    dataCategories: [
      { category: 'identity', description: 'Nom et numéro de badge', source: 'direct', mandatory: true },
      { category: 'location', description: 'Heure de passage à la barrière', source: 'direct', mandatory: true },
    ],
    recipients: [{ category: 'internal_service', name: 'Services généraux' }],
    processors: [],
  },
  minimisation: {
    justifications: [
      { category: 'identity', justification: 'Savoir à qui appartient le badge' },
      { category: 'location', justification: 'L’heure seule, pas le trajet' },
    ],
  },
  retention: {
    rules: [
      { category: 'identity', activePeriod: 'P1Y', startEvent: 'end_of_employment', endAction: 'delete' },
      { category: 'location', activePeriod: 'P3M', startEvent: 'collection', endAction: 'delete' },
    ],
  },
  information: { description: 'Affiche à l’entrée du parking et note sur l’intranet.' },
  rights: { description: 'Demandes au DPO par le formulaire de l’intranet.' },
  security: { measures: ['access_control'], otherMeasures: [] },
  resilience: { measures: ['backup'], rollback: 'Retour au badge papier' },
  documentation: { documents: [{ kind: 'notice', state: 'planned' }] },
};

async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid="grid-save-state"][data-state="saved"]').waitFor();
}

/** Waits until the field shows `text` (react-hook-form fills it once the page is hydrated); times out otherwise. */
async function showsValue(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction(({ target, expected }) => document.querySelector<HTMLTextAreaElement>(target)?.value === expected, { target: selector, expected: text }, { timeout: 10_000 });
}

async function goToStep(page: Page, step: string): Promise<void> {
  await page.getByTestId(`grid-step-${step}`).click();
  await page.locator(`[data-testid="grid-step-${step}"][aria-current="step"]`).waitFor();
}

/** Waits until `check` holds (the server's state after an asynchronous save), or fails after ten seconds. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`never: ${what}`);
}

describe('design grid: conflicts, leaving the page, and what counts as answered (issue 16)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('shows the DPO’s edits field by field in words, and saves the team’s choice for each', async () => {
    const team = await member(browser, 'contributor@example.com');
    const grids = `/organizations/${team.orgId}/design-grids`;
    const created = await team.api.call<Grid>('POST', grids, { projectName: 'Badgeuse du parking', answers: ANSWERS });
    const submitted = await team.api.call<Grid>('POST', `${grids}/${created.id}/submit`, { version: created.version });
    const activityPath = `/organizations/${team.orgId}/activities/${submitted.activityId ?? ''}`;

    // The DPO sends the grid back and edits two fields of the draft directly.
    const dpo = await member(browser, 'dpo@example.com');
    await dpo.api.call('POST', `${grids}/${created.id}/request-changes`, { version: submitted.version, comments: { rights: 'Précisez le délai de réponse.' } });
    const draft = await dpo.api.call<Activity & { dataCategories: Record<string, unknown>[] }>('GET', activityPath);
    await dpo.api.call('PATCH', activityPath, {
      version: draft.version,
      rightsProcedure: 'Texte du DPO : réponse sous un mois, par courriel.',
      dataCategories: draft.dataCategories.map((category) =>
        category.category === 'location' ? { ...category, retention: { ...(category.retention as object), activePeriod: 'P1M' } } : category,
      ),
    });
    await dpo.context.close();

    // The team changes both answers in the wizard.
    const { page } = team;
    await open(page, webUrl(`/orgs/${team.orgId}/design-grid/${created.id}?step=rights`));
    await page.locator('#grid-description').fill('Formulaire de l’intranet, réponse sous quinze jours.');
    await waitSaved(page);
    await goToStep(page, 'retention');
    await page.locator('#grid-rules-1-activeAmount').fill('6');
    await waitSaved(page);
    await page.getByTestId('grid-conflicts-notice').waitFor();
    await goToStep(page, 'summary');

    // Field by field: the field's label, "your answer" and "the DPO's edit", in words.
    const rights = page.getByTestId('grid-conflict-rightsProcedure');
    await expect(rights.locator('h4').textContent()).resolves.toContain('Exercice des droits');
    await expect(rights.getByTestId('grid-conflict-yours').textContent()).resolves.toBe('Formulaire de l’intranet, réponse sous quinze jours.');
    await expect(rights.getByTestId('grid-conflict-theirs').textContent()).resolves.toBe('Texte du DPO : réponse sous un mois, par courriel.');
    const data = page.getByTestId('grid-conflict-dataCategories');
    await expect(data.locator('tbody th').allTextContents()).resolves.toEqual(['Données de localisation › Conservation en base active']);
    await expect(data.getByTestId('grid-conflict-yours').textContent()).resolves.toBe('6 mois');
    await expect(data.getByTestId('grid-conflict-theirs').textContent()).resolves.toBe('1 mois');
    const shown = (await page.getByTestId('grid-conflicts').textContent()) ?? '';
    expect(shown).not.toMatch(/[{}"[\]]|P\d+[MY]|activePeriod|rightsProcedure|dataCategories/);
    await page.screenshot({ path: `${process.env.GRID_SCREENSHOTS ?? '/tmp'}/grid-conflicts-1440.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${process.env.GRID_SCREENSHOTS ?? '/tmp'}/grid-conflicts-390.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1440, height: 900 });

    // The team keeps its own answer for one and the DPO's edit for the other; sending is blocked until both are settled.
    await expect(page.getByTestId('grid-send').isDisabled()).resolves.toBe(true);
    await rights.getByTestId('grid-keep-grid').click();
    await rights.waitFor({ state: 'detached' });
    await data.getByTestId('grid-keep-activity').click();
    await page.getByTestId('grid-conflicts').waitFor({ state: 'detached' });
    await expect(page.getByTestId('grid-send').isDisabled()).resolves.toBe(false);

    // The draft holds the team's text and the DPO's period; the grid has nothing left to settle.
    const activity = await team.api.call<Activity>('GET', activityPath);
    expect(activity.rightsProcedure).toBe('Formulaire de l’intranet, réponse sous quinze jours.');
    expect(activity.dataCategories.map((category) => [category.category, category.retention?.activePeriod])).toEqual([
      ['identity', 'P1Y'],
      ['location', 'P1M'],
    ]);
    expect((await team.api.call<Grid>('GET', `${grids}/${created.id}`)).conflicts).toEqual([]);
    await team.context.close();
  }, 120_000);

  it('keeps text typed just before the page is left, and asks before the tab goes while it is not saved', async () => {
    const team = await member(browser, 'contributor@example.com');
    const grids = `/organizations/${team.orgId}/design-grids`;
    const grid = await team.api.call<Grid>('POST', grids, { projectName: 'Boîte à idées des agents', answers: { purposes: ANSWERS.purposes } });
    const { page } = team;
    const gridUrl = webUrl(`/orgs/${team.orgId}/design-grid/${grid.id}`);
    const dialogs: string[] = [];
    page.on('dialog', (dialog: Dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });

    // Typed, then another address at once (before the autosave's pause is over): the browser asks, the text is sent on the way out.
    await open(page, `${gridUrl}?step=information`);
    // A click first: the browser asks before leaving only a page the person has used.
    await page.locator('#grid-description').click();
    await page.locator('#grid-description').fill('Mention « Vos données » affichée dans l’application.');
    await page.locator('[data-testid="grid-save-state"][data-state="pending"]').waitFor();
    await page.evaluate((url) => {
      window.location.href = url;
    }, webUrl(`/orgs/${team.orgId}/register`));
    await page.waitForURL(/\/register$/);
    expect(dialogs).toEqual(['beforeunload']);
    await eventually(async () => (await team.api.call<Grid>('GET', `${grids}/${grid.id}`)).answers.information?.description === 'Mention « Vos données » affichée dans l’application.', 'the text typed before leaving is saved');
    await open(page, `${gridUrl}?step=information`);
    await showsValue(page, '#grid-description', 'Mention « Vos données » affichée dans l’application.');

    // Typed, then a link inside the app at once: sent as the wizard closes, no question asked.
    await goToStep(page, 'rights');
    await page.locator('#grid-description').fill('Formulaire de l’intranet.');
    await page.locator('.breadcrumb a').click();
    await page.waitForURL(/\/design-grid$/);
    await eventually(async () => (await team.api.call<Grid>('GET', `${grids}/${grid.id}`)).answers.rights?.description === 'Formulaire de l’intranet.', 'the text typed before the link is saved');
    expect(dialogs).toEqual(['beforeunload']);
    await open(page, `${gridUrl}?step=rights`);
    await showsValue(page, '#grid-description', 'Formulaire de l’intranet.');
    await team.context.close();
  }, 90_000);

  it('counts a question answered only when its answers are given; "don’t know yet" is its own state; a measure is one value in 8 and 9', async () => {
    const team = await member(browser, 'contributor@example.com');
    const grids = `/organizations/${team.orgId}/design-grids`;
    const grid = await team.api.call<Grid>('POST', grids, { projectName: 'Annuaire des compétences', answers: { purposes: ANSWERS.purposes } });
    const { page } = team;
    const gridUrl = webUrl(`/orgs/${team.orgId}/design-grid/${grid.id}`);
    const answered = async (step: string) => page.getByTestId(`grid-step-${step}`).getAttribute('data-answered');

    // Resumes at the first question not answered; one answer reads « 1 question répondue ».
    await open(page, gridUrl);
    await page.locator('[data-testid="grid-step-legitimacy"][aria-current="step"]').waitFor();
    await expect(page.getByTestId('grid-progress').textContent()).resolves.toBe('1 question répondue sur 10');

    // Question 2 left empty through the step buttons is not answered; question 3 answered does not answer 4 and 5.
    await page.getByTestId('grid-next').click();
    await page.locator('[data-testid="grid-step-data"][aria-current="step"]').waitFor();
    await page.getByTestId('grid-add-subject').click();
    await page.locator('#grid-subjects-0-category').selectOption('employees');
    await page.getByTestId('grid-add-category').click();
    await page.locator('#grid-dataCategories-0-category').selectOption('identity');
    await waitSaved(page);
    await page.getByTestId('grid-next').click();
    await page.locator('[data-testid="grid-step-minimisation"][aria-current="step"]').waitFor();
    await page.getByTestId('grid-next').click();
    await page.locator('[data-testid="grid-step-retention"][aria-current="step"]').waitFor();
    await expect(page.getByTestId('grid-progress').textContent()).resolves.toBe('2 questions répondues sur 10');
    expect([await answered('legitimacy'), await answered('data'), await answered('minimisation'), await answered('retention')]).toEqual(['false', 'true', 'false', 'false']);

    // "Don't know yet" on retention answers the question, flagged to decide with the DPO, never as without end.
    await page.locator('#grid-rules-0-mode-none').check();
    await waitSaved(page);
    await page.locator('[data-testid="grid-step-retention"][data-answered="true"]').waitFor();
    await page.getByTestId('grid-flag-retention_to_decide').waitFor();
    await expect(page.getByTestId('grid-flag-retention_to_decide').textContent()).resolves.toContain('à décider avec le DPO');
    await expect(page.getByTestId('grid-flag-retention_without_end').count()).resolves.toBe(0);

    // Backups ticked in question 8 are ticked in question 9; unticked there, they are unticked in 8.
    await goToStep(page, 'security');
    await page.locator('#grid-measures-backup').check();
    await page.locator('#grid-measures-encryption').check();
    await waitSaved(page);
    await goToStep(page, 'resilience');
    await expect(page.locator('#grid-measures-backup').isChecked()).resolves.toBe(true);
    await page.locator('#grid-measures-backup').uncheck();
    await waitSaved(page);
    await goToStep(page, 'security');
    await expect(page.locator('#grid-measures-backup').isChecked()).resolves.toBe(false);
    await expect(page.locator('#grid-measures-encryption').isChecked()).resolves.toBe(true);
    const saved = await team.api.call<{ answers: { security?: { measures: string[] }; resilience?: { measures: string[] } } }>('GET', `${grids}/${grid.id}`);
    expect([saved.answers.security?.measures, saved.answers.resilience?.measures]).toEqual([['encryption'], []]);

    // The summary says what the step list says; resuming goes to the first unanswered question (2).
    await goToStep(page, 'summary');
    const lines = page.locator('.grid-summary__lines li');
    const entries = await Promise.all((await lines.all()).map(async (line): Promise<[string, string | null]> => [(await line.textContent()) ?? '', await line.getAttribute('data-answered')]));
    const summary: Record<string, string | null> = Object.fromEntries(entries);
    const retentionLine = Object.keys(summary).find((text) => text.startsWith('Conservation'));
    expect(retentionLine).toContain('à décider avec le DPO');
    expect(summary[retentionLine ?? '']).toBe('true');
    expect(Object.entries(summary).find(([text]) => text.startsWith('Licéité'))?.[1]).toBe('false');
    await page.screenshot({ path: `${process.env.GRID_SCREENSHOTS ?? '/tmp'}/grid-summary-1440.png`, fullPage: true });
    await open(page, gridUrl);
    await page.locator('[data-testid="grid-step-legitimacy"][aria-current="step"]').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${process.env.GRID_SCREENSHOTS ?? '/tmp'}/grid-question-390.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await team.context.close();
  }, 120_000);

  it('numbers the DPIA sections once (« 1. Contexte », not « 1. 1. Contexte »)', async () => {
    const dpo = await member(browser, 'dpo@example.com');
    const base = `/organizations/${dpo.orgId}`;
    let dpiaId = (await dpo.api.call<{ items: { id: string }[] }>('GET', `${base}/dpias`)).items[0]?.id;
    if (!dpiaId) {
      const activity = (await dpo.api.call<{ items: { id: string }[] }>('GET', `${base}/activities`)).items[0];
      dpiaId = (await dpo.api.call<{ id: string }>('POST', `${base}/dpias`, { activityId: activity?.id })).id;
    }
    const { page } = dpo;
    await open(page, webUrl(`/orgs/${dpo.orgId}/dpias/${dpiaId}`));
    await page.getByTestId('dpia-nav-context').waitFor();
    // What a reader sees of each entry: the list's own marker (none) and the title, which carries the number.
    const entries = await page.locator('[data-testid^="dpia-nav-"]').evaluateAll((items) =>
      items.map((item) => `${getComputedStyle(item).listStyleType === 'none' ? '' : 'N. '}${item.querySelector('a')?.textContent ?? ''}`),
    );
    expect(entries).toEqual(['1. Contexte', '2. Principes fondamentaux', '3. Risques', 'Cartographie des risques', '4. Plan d’action', '5. Validation']);
    await page.screenshot({ path: `${process.env.GRID_SCREENSHOTS ?? '/tmp'}/dpia-nav-1440.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${process.env.GRID_SCREENSHOTS ?? '/tmp'}/dpia-nav-390.png` });
    await dpo.context.close();
  }, 60_000);
});
