import { completeActivity } from '../activities/activities.test-helpers';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';

/** The draft Art 15 answer (issue 18 item 1), written from the register, read through the API. */
describe('rights requests: the Art 15 answer letter (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let url: string;

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Librairie « Les Pages d’Émile »');
    const base = `/api/v1/organizations/${org.organizationId}`;
    await org.admin.patch(base).send({ legalName: 'Les Pages d’Émile SARL', address: '12 rue de l’Étuve, 25000 Besançon', dpoName: 'Hélène Lefèvre', dpoEmail: 'dpo@pages-emile.fr', version: 1 }).expect(200);
    const loyalty = completeActivity({
      name: 'Programme de fidélité « Lecteurs assidus »',
      purposes: [{ description: 'Gérer la carte de fidélité et ses avantages', main: true, legalBasis: 'contract' }],
      dataCategories: [
        {
          category: 'identity',
          description: 'Nom, prénom, adresse électronique',
          source: 'direct',
          mandatory: true,
          minimisationJustification: 'Nécessaire à la carte',
          retention: { activePeriod: 'P5Y', archivePeriod: 'P45Y', startEvent: 'end_of_contract', legalReference: null, endAction: 'delete' },
        },
      ],
      recipients: [{ category: 'internal_service', name: 'Service client' }],
      transfers: [{ country: 'US', recipient: 'Plateforme d’envoi de courriels', mechanism: 'scc', documentation: 'CCT signées le 3 mars 2025' }],
    });
    const activity = (await org.as.dpo.post(`${base}/activities`).send(loyalty).expect(201)).body;
    const request = (
      await org.as.dpo
        .post(`${base}/rights-requests`)
        .send({ receivedAt: '2026-01-31T10:00:00+01:00', channel: 'email', type: 'access', description: 'Copie de mes données de fidélité', identityCheckStatus: 'not_needed', requesterName: 'Zoé L’Hôte', activityIds: [activity.id] })
        .expect(201)
    ).body;
    url = `${base}/rights-requests/${request.id}/answer-letter`;
  }, 120_000);
  afterAll(() => api.close());

  it('tells the person, in French words, what Art 15 asks: purposes and bases, data, recipients, retention, source, transfers, rights, the CNIL', async () => {
    const { text } = (await org.as.dpo.get(`${url}?lang=fr`).expect(200)).body as { text: string };
    for (const expected of [
      'Les Pages d’Émile SARL',
      'Objet : votre demande d’accès à vos données personnelles (référence D-',
      'le 31 janvier 2026',
      '■ Programme de fidélité « Lecteurs assidus »',
      'Gérer la carte de fidélité et ses avantages (base légale : Exécution d’un contrat)',
      'État civil, identité',
      'Service client',
      'État civil, identité : 5 ans, puis 45 ans en archive',
      'de vous directement',
      'États-Unis, avec cette garantie : Clauses contractuelles types (CCT)',
      'Droit à la portabilité',
      'Commission nationale de l’informatique et des libertés (CNIL)',
      'Hélène Lefèvre, dpo@pages-emile.fr',
    ])
      expect(text).toContain(expected);
    // A contract: no right to object applies (Art 21 concerns public task and legitimate interests).
    expect(text).not.toContain('Droit d’opposition');
    // Words only: no catalogue code, ISO duration or country code.
    expect(text).not.toMatch(/\b(contract|identity|internal_service|scc|P5Y|P45Y)\b|\bUS\b/);
  });

  it('writes it in English on request', async () => {
    const { text } = (await org.as.dpo.get(`${url}?lang=en`).expect(200)).body as { text: string };
    expect(text).toContain('5 years, then 45 years archived');
    expect(text).toContain('United States, with this safeguard: Standard contractual clauses (SCC)');
    expect(text).toContain('Right to data portability');
  });

  it('is for those who handle the request: contributors and auditors are refused', async () => {
    await org.as.contributor.get(url).expect(403);
    await org.as.auditor.get(url).expect(403);
  });
});
