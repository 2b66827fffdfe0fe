import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../../test/test-api';
import { completeActivity } from '../../activities/activities.test-helpers';
import { dateInWords } from '../../domain/words/dates';
import sampleRegister from '../../database/seeds/sample-register.json';
import { download } from '../exports.test-helpers';
import { flat, pdfPages } from './pdf-text.test-helpers';

/** A name with every character a font without French glyphs would lose. */
const NAME = 'Suivi des « cœurs de métier » de l’œuvre sociale';

describe('PDF records (pdfkit, real PostgreSQL, text read back with pdf.js)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let other: TestOrganization;
  let activityId: string;
  let dpiaId: string;
  let beforeLate: string;
  const base = () => `/api/v1/organizations/${org.organizationId}`;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Société Générale des Œuvres');
    other = await createOrganizationWithRoles(api.server, 'Autre organisme');
    await org.admin
      .patch(base())
      .send({ legalName: 'Œuvres Sociales Réunies SAS', dpoName: 'Hélène Lefèvre', dpoEmail: 'dpo@oeuvres.test', dpoPhone: '+33 1 23 45 67 89', version: 1 })
      .expect(200);
    await org.as.dpo.post(`${base()}/activities/import-json`).send(sampleRegister.activities).expect(201);
    const created = await org.as.dpo
      .post(`${base()}/activities`)
      .send(
        completeActivity({
          name: NAME,
          purposes: [{ description: 'Gérer l’aide « vacances » des salariés', main: true, legalBasis: 'contract' }],
          dataCategories: [
            {
              category: 'identity',
              description: 'Nom, prénom',
              source: 'direct',
              mandatory: true,
              minimisationJustification: 'Nécessaire',
              retention: { activePeriod: 'P5Y', archivePeriod: 'P10Y', startEvent: null, legalReference: null, endAction: 'delete' },
            },
          ],
          transfers: [{ country: 'IN', recipient: 'Centre de services à Bangalore', mechanism: 'scc', documentation: null }],
        }),
      )
      .expect(201);
    activityId = created.body.id;
    dpiaId = (await org.as.dpo.post(`${base()}/dpias`).send({ activityId }).expect(201)).body.id;
    // The register as it stands now; an activity created after it must not be in the PDF as of then.
    await new Promise((resolve) => setTimeout(resolve, 50));
    beforeLate = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await org.as.dpo.post(`${base()}/activities`).send(completeActivity({ name: 'Traitement créé après l’instantané' })).expect(201);
  }, 120_000);
  afterAll(() => api.close());

  it('writes the register in the Article 30 layout, in French, with the footer on every page', async () => {
    const response = await download(org.as.auditor, `${base()}/exports/register.pdf?lang=fr`);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="register-\d{4}-\d{2}-\d{2}\.pdf"/);
    const pages = await pdfPages(response.body);
    const text = flat(pages);
    // The cover: controller and DPO.
    expect(pages[0]).toContain('Registre des activités de traitement');
    expect(pages[0]).toContain('Œuvres Sociales Réunies SAS');
    expect(pages[0]).toContain('Hélène Lefèvre');
    // One section per activity, in reference order, with its Article 30 items in words.
    expect(text).toContain('T-0001 — Gestion de la paie');
    expect(text).toContain('Établir les bulletins de paie et verser les salaires (Obligation légale)');
    expect(text).toContain('5 ans, puis 45 ans en archive');
    expect(text).toContain(NAME);
    expect(text).toContain('Gérer l’aide « vacances » des salariés');
    expect(text).toMatch(/Inde — Centre de services à Bangalore — .*(clauses contractuelles types|CCT)/i);
    expect(text).toContain('révision 1');
    expect(text).toContain('Traitement créé après l’instantané');
    expect(text).not.toMatch(/P5Y|P45Y|legal_obligation|T\d{2}:\d{2}:\d{2}/);
    // The footer: generation date, as-of date, page x / y on every page.
    const today = dateInWords(new Date(), 'fr')!;
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} / ${pages.length}`);
      expect(page).toContain(`Généré le ${today}`);
      expect(page).toContain(`État au ${today}`);
    });
  });

  it('honours the as-of date: an activity created after it is absent, the footer says that date', async () => {
    const pages = await pdfPages((await download(org.as.dpo, `${base()}/exports/register.pdf?lang=en&asOf=${encodeURIComponent(beforeLate)}`)).body);
    const text = flat(pages);
    expect(text).toContain('Record of processing activities');
    expect(text).toContain(NAME);
    expect(text).toContain('5 years, then 10 years archived');
    expect(text).not.toContain('Traitement créé après l’instantané');
    expect(pages[0]).toContain(`As of ${dateInWords(beforeLate, 'en')}`);
  });

  it('writes one activity’s record sheet and the DPIA report, for an auditor', async () => {
    const record = await download(org.as.auditor, `${base()}/activities/${activityId}/record.pdf?lang=fr`);
    expect(record.headers['content-type']).toBe('application/pdf');
    const sheet = flat(await pdfPages(record.body));
    expect(sheet).toContain(NAME);
    expect(sheet).toContain('État civil, identité : 5 ans, puis 10 ans en archive (Suppression)');
    expect(sheet).toContain('Hélène Lefèvre');
    expect(sheet).not.toContain('T-0001');

    const report = await download(org.as.auditor, `${base()}/dpias/${dpiaId}/report.pdf?lang=fr`);
    const pages = await pdfPages(report.body);
    const text = flat(pages);
    expect(text).toContain(`Analyse d’impact (AIPD) — `);
    expect(text).toContain(NAME);
    expect(text).toContain('Accès illégitime à des données');
    expect(text).toContain('Gérer l’aide « vacances » des salariés');
    expect(pages[pages.length - 1]).toContain(`Page ${pages.length} / ${pages.length}`);
  });

  it('refuses another organisation’s members and unknown records, before any PDF byte', async () => {
    for (const url of [`/exports/register.pdf`, `/activities/${activityId}/record.pdf`, `/dpias/${dpiaId}/report.pdf`]) {
      const response = await other.admin.get(`${base()}${url}`);
      expect([403, 404]).toContain(response.status);
      expect(response.headers['content-type']).toContain('application/json');
    }
    const missing = await org.as.auditor.get(`${base()}/activities/00000000-0000-4000-8000-000000000000/record.pdf`).expect(404);
    expect(missing.body.code).toBe('not_found');
    // Another organisation's DPIA through this one's path: not found, nothing leaked.
    await other.admin.get(`/api/v1/organizations/${other.organizationId}/dpias/${dpiaId}/report.pdf`).expect(404);
    await org.as.auditor.get(`${base()}/exports/register.pdf?lang=de`).expect(400);
  });
});
