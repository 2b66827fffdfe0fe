import type ExcelJS from 'exceljs';
import { completeActivity } from '../activities/activities.test-helpers';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { download, openWorkbook, rowsOf, unzip } from './exports.test-helpers';

/**
 * The rights-request and breach registers in the workbook and the evidence pack (issue 18 item 3):
 * real requests and a breach recorded through the API, the files opened with exceljs, every cell read
 * in words, who receives the sheets, and the as-of cut.
 */
describe('exports: the rights-request and breach registers (real PostgreSQL, real xlsx)', () => {
  let api: TestApi;
  let org: TestOrganization;
  const base = () => `/api/v1/organizations/${org.organizationId}`;

  const requester = { requesterName: 'Hélène Lefèvre-Châtelain', requesterContact: 'helene.lefevre@exemple.fr' };

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Librairie « Les Pages d’Émile »');
    const vendor = (await org.as.dpo.post(`${base()}/vendors`).send({ name: 'Hébergeur Émeraude' }).expect(201)).body;
    const activity = (await org.as.dpo.post(`${base()}/activities`).send(completeActivity({ name: 'Gestion des adhérents', processors: ['Hébergeur Émeraude'] })).expect(201)).body;

    // An access request received on Saturday 31 January 2026 in Paris: due Monday 2 March (28 February is a Saturday), answered 20 February.
    const access = (
      await org.as.dpo
        .post(`${base()}/rights-requests`)
        .send({ receivedAt: '2026-01-31T10:00:00+01:00', channel: 'email', type: 'access', description: 'Copie de mes données, y compris l’historique de mes « commandes ».', identityCheckStatus: 'not_needed', ...requester, activityIds: [activity.id] })
        .expect(201)
    ).body;
    await org.as.dpo.post(`${base()}/rights-requests/${access.id}/start`).send({ version: access.version }).expect(200);
    await org.as.dpo
      .post(`${base()}/rights-requests/${access.id}/answer`)
      .send({ version: access.version + 1, sentAt: '2026-02-20T16:45:00+01:00', channel: 'Courriel', summary: 'Copie des données et informations de l’article 15' })
      .expect(200);
    // Its tasks: the DPO extracts, nobody erases (an access request); the hosting company was asked and confirmed.
    await org.as.dpo
      .put(`${base()}/rights-requests/${access.id}/tasks`)
      .send({ version: access.version + 2, activities: [{ activityId: activity.id, extractedBy: org.userIds.dpo, note: 'Export « adhérents »' }], processors: [{ vendorId: vendor.id, askedOn: '2026-02-02', confirmedOn: '2026-02-05' }] })
      .expect(200);
    // An erasure request received at 00:30 on 10 March in Paris (9 March at 23:30 UTC), still open.
    await org.as.contributor
      .post(`${base()}/rights-requests`)
      .send({ receivedAt: '2026-03-09T23:30:00Z', channel: 'post', type: 'erasure', description: 'Effacez mon compte « fidélité ».', identityCheckStatus: 'pending', requesterName: 'Benoît Ørsted' })
      .expect(201);

    // A lost laptop, known on 27 March 2026 at 11:00 in Paris, notified after the 72 hours with the reasons.
    const breach = (
      await org.as.dpo
        .post(`${base()}/breaches`)
        .send({
          summary: 'Perte d’un ordinateur portable non chiffré contenant le fichier « Adhérents 2026 »',
          awareAt: '2026-03-27T11:00:00+01:00',
          occurredAt: '2026-03-26T18:30:00+01:00',
          natures: ['confidentiality', 'availability'],
          dataCategories: ['identity', 'economic_financial'],
          subjectCategories: ['members'],
          approxPersons: 1250,
          approxRecords: 3400,
          activityIds: [activity.id],
          vendorIds: [vendor.id],
        })
        .expect(201)
    ).body;
    await org.as.dpo
      .patch(`${base()}/breaches/${breach.id}`)
      .send({
        version: breach.version,
        risk: 'high',
        riskRationale: 'Données d’identité et bancaires, 1 250 personnes, aucun chiffrement',
        riskFactors: { sensitiveData: true, identifiability: 'high', severity: 'medium', vulnerablePersons: false, controllerCharacteristics: 'Association d’aide aux « aidants »' },
        authorityNotification: { notifiedAt: '2026-03-30T14:00:00+02:00', reference: 'CNIL-2026-0412', phased: true, delayReasons: 'Enquête du prestataire sur l’étendue des données' },
      })
      .expect(200);
    // Four members signed up and a dozen writes: more than jest's 30 s on a loaded machine.
  }, 120_000);
  afterAll(() => api.close());

  async function workbook(agent: TestOrganization['admin'], query = 'lang=fr'): Promise<ExcelJS.Workbook> {
    return openWorkbook((await download(agent, `${base()}/exports/register.xlsx?${query}`)).body);
  }

  const sheetNames = (book: ExcelJS.Workbook) => book.worksheets.map((sheet) => sheet.name);

  /** Every cell of every sheet as text, to prove what is not there. */
  function allText(book: ExcelJS.Workbook): string {
    const parts: string[] = [];
    for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((cell) => parts.push(String(cell.text))));
    return parts.join('\n');
  }

  it('writes both registers in words for the DPO, deadlines counted as the law counts them, without who asked', async () => {
    const book = await workbook(org.as.dpo);
    expect(sheetNames(book)).toEqual(expect.arrayContaining(['Demandes de droits', 'Violations']));

    const requests = rowsOf(book.getWorksheet('Demandes de droits')!);
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      Demande: expect.stringMatching(/^D-\d{4}$/),
      'Reçue le (heure de Paris)': new Date('2026-01-31T10:00:00Z'),
      'Droit exercé': 'Accès',
      Reçue: 'Par courriel',
      'Objet de la demande': 'Copie de mes données, y compris l’historique de mes « commandes ».',
      'Vérification d’identité': 'Non nécessaire',
      État: 'Répondue',
      'Réponse due le': new Date('2026-03-02T00:00:00Z'),
      'Réponse envoyée le (heure de Paris)': new Date('2026-02-20T16:45:00Z'),
      'Réponse envoyée par': 'Courriel',
      'Répondue dans le délai': 'Oui',
      'Traitements concernés': expect.stringMatching(/^\S+ Gestion des adhérents$/),
    });
    // 00:30 on 10 March in Paris is the day of receipt: due 10 April.
    expect(requests[1]).toMatchObject({ 'Reçue le (heure de Paris)': new Date('2026-03-10T00:30:00Z'), 'Droit exercé': 'Effacement', Reçue: 'Par courrier', État: 'Reçue', 'Réponse due le': new Date('2026-04-10T00:00:00Z') });
    expect(requests[1]['Répondue dans le délai']).toBeNull();
    // The tasks, in words: names and dates, never an id or an ISO date.
    expect(requests[0]['Tâches par traitement']).toMatch(/^\S+ Gestion des adhérents — extraction : \S.* ; effacement : personne pour l’instant \(Export « adhérents »\)$/);
    expect(requests[0]['Tâches par traitement']).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(requests[0]['Prestataires sollicités et leurs confirmations']).toBe('Hébergeur Émeraude — sollicité le 2 février 2026, confirmé le 5 février 2026');
    expect(requests[1]['Tâches par traitement']).toBeNull();
    expect(requests[1]['Prestataires sollicités et leurs confirmations']).toBeNull();

    const [breach, ...others] = rowsOf(book.getWorksheet('Violations')!);
    expect(others).toHaveLength(0);
    expect(breach).toMatchObject({
      Violation: expect.stringMatching(/^V-\d{4}$/),
      'Ce qui s’est passé': 'Perte d’un ordinateur portable non chiffré contenant le fichier « Adhérents 2026 »',
      'Connue le (heure de Paris)': new Date('2026-03-27T11:00:00Z'),
      'Survenue le (heure de Paris)': new Date('2026-03-26T18:30:00Z'),
      Nature: 'Confidentialité\nDisponibilité',
      'Catégories de données': expect.stringContaining('État civil, identité'),
      'Nombre approximatif de personnes': 1250,
      'Nombre approximatif d’enregistrements': 3400,
      'Prestataires concernés': 'Hébergeur Émeraude',
      'Risque pour les personnes': 'Risque élevé',
      // EDPB Guidelines 9/2022 factors, in words.
      'Données sensibles': 'Oui',
      'Facilité d’identification des personnes': 'Élevée',
      'Gravité des conséquences': 'Moyenne',
      'Personnes vulnérables': 'Non',
      'Caractéristiques du responsable': 'Association d’aide aux « aidants »',
      // 72 elapsed hours across the spring clock change: 30 March at 12:00 in Paris (summer time).
      'Notification due avant le (heure de Paris)': new Date('2026-03-30T12:00:00Z'),
      'Notification à la CNIL': 'Notifiée en retard',
      'Notifiée à la CNIL le (heure de Paris)': new Date('2026-03-30T14:00:00Z'),
      'Référence de la notification': 'CNIL-2026-0412',
      'Notification en plusieurs temps': 'Oui',
      'Raisons du retard de notification': 'Enquête du prestataire sur l’étendue des données',
    });
    expect(breach['Catégories de données'] as string).not.toMatch(/\bidentity\b|economic_financial/);

    const text = allText(book);
    for (const personal of ['Hélène Lefèvre-Châtelain', 'helene.lefevre@exemple.fr', 'Benoît Ørsted']) expect(text).not.toContain(personal);
  });

  it('writes the sheets in English too', async () => {
    const book = await workbook(org.as.auditor, 'lang=en');
    const [request] = rowsOf(book.getWorksheet('Rights requests')!);
    expect(request).toMatchObject({
      'Right exercised': 'Access',
      Status: 'Answered',
      'Answered in time': 'Yes',
      'Vendors asked and their confirmations': 'Hébergeur Émeraude — asked on 2 February 2026, confirmed on 5 February 2026',
    });
    expect(request['Tasks per processing activity']).toMatch(/ — extracts: \S.*; erases: nobody yet \(Export « adhérents »\)$/);
    const [breach] = rowsOf(book.getWorksheet('Breaches')!);
    expect(breach).toMatchObject({ Nature: 'Confidentiality\nAvailability', 'Notification to the authority': 'Notified late', 'Risk to people': 'High risk', 'Sensitive data': 'Yes', 'Ease of identifying the people': 'High', 'Severity of the consequences': 'Medium', 'Vulnerable people': 'No' });
  });

  it('leaves both sheets out for a contributor, who reads only what they recorded', async () => {
    const names = sheetNames(await workbook(org.as.contributor));
    expect(names).toContain('Registre');
    expect(names).not.toContain('Demandes de droits');
    expect(names).not.toContain('Violations');
  });

  it('as of a past date: what was received or known by then, flagged when it changed since', async () => {
    const book = await workbook(org.as.dpo, 'lang=fr&asOf=2026-03-01');
    const requests = rowsOf(book.getWorksheet('Demandes de droits')!);
    expect(requests.map((row) => row['Droit exercé'])).toEqual(['Accès']);
    expect(requests[0]['État présenté']).toBe('État actuel : modifié depuis la date demandée, l’état d’alors n’est pas conservé');
    expect(rowsOf(book.getWorksheet('Violations')!)).toHaveLength(0);
  });

  it('puts both registers in the evidence pack’s workbook', async () => {
    const files = await unzip((await download(org.as.auditor, `${base()}/exports/evidence.zip?lang=fr`)).body);
    const book = await openWorkbook(files.get('register.xlsx')!);
    const requests = rowsOf(book.getWorksheet('Demandes de droits')!);
    expect(requests).toHaveLength(2);
    expect(requests[0]['Prestataires sollicités et leurs confirmations']).toBe('Hébergeur Émeraude — sollicité le 2 février 2026, confirmé le 5 février 2026');
    expect(rowsOf(book.getWorksheet('Violations')!)).toHaveLength(1);
  });
});
