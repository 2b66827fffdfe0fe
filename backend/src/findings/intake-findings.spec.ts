import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';

/** The findings endpoint over the rights-request and breach registers, on a real database. */
describe('findings of the rights-request and breach registers (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  const path = (suffix: string) => `/api/v1/organizations/${org.organizationId}/${suffix}`;
  const codes = async (agent: TestOrganization['as']['dpo']) =>
    ((await agent.get(path('findings?pageSize=200')).expect(200)).body.items as { code: string; recordId: string; message: string }[]).filter((finding) =>
      /^(rights_request|breach)_/.test(finding.code),
    );

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Mairie de Saint-Étienne-lès-Remiremont');
  });
  afterAll(() => api.close());

  it('reports an overdue request and an unassessed breach, in words, and forgets them once handled', async () => {
    const request = (
      await org.as.dpo
        .post(path('rights-requests'))
        .send({ receivedAt: '2026-01-31T10:00:00+01:00', channel: 'post', type: 'rectification', requesterName: 'Agnès Müller-Dupré' })
        .expect(201)
    ).body;
    const breach = (await org.as.dpo.post(path('breaches')).send({ summary: 'Rançongiciel sur le serveur de l’état civil', awareAt: '2026-02-13T07:45:00+01:00' }).expect(201)).body;

    const found = await codes(org.as.dpo.set('Accept-Language', 'fr'));
    expect(found.map((finding) => [finding.code, finding.recordId]).sort()).toEqual(
      [
        ['breach_not_assessed', breach.id],
        ['rights_request_overdue', request.id],
      ].sort(),
    );
    const overdue = found.find((finding) => finding.code === 'rights_request_overdue')!;
    // Received on Saturday 31 January: due on Monday 2 March (28 February is a Saturday).
    expect(overdue.message).toContain('droit de rectification');
    expect(overdue.message).toContain('31 janvier 2026');
    expect(overdue.message).toContain('2 mars 2026');
    for (const finding of found) expect(finding.message).not.toMatch(/\d{4}-\d{2}-\d{2}|rights_request|breach_|[0-9a-f]{8}-[0-9a-f]{4}/);

    // The assessment (a risk) and a late notification with its reasons; the request answered.
    await org.as.dpo
      .patch(path(`breaches/${breach.id}`))
      .send({ version: 1, risk: 'high' })
      .expect(200);
    expect((await codes(org.as.dpo)).map((finding) => finding.code).sort()).toEqual(['breach_authority_not_notified', 'breach_persons_not_informed', 'rights_request_overdue']);
    await org.as.dpo
      .patch(path(`breaches/${breach.id}`))
      .send({
        version: 2,
        authorityNotification: { notifiedAt: '2026-02-17T09:00:00+01:00', reference: 'CNIL-2026-0031', phased: false, delayReasons: 'Serveurs chiffrés : périmètre connu le 16 au soir' },
        personsCommunication: { communicatedAt: null, exception: 'art34_3c_public_communication', details: 'Communiqué sur le site de la mairie et affichage' },
      })
      .expect(200);
    await org.as.dpo
      .post(path(`rights-requests/${request.id}/answer`))
      .send({ version: 1, sentAt: '2026-03-20T10:00:00+01:00', channel: 'Courrier', summary: 'Acte rectifié' })
      .expect(200);
    org.as.dpo.set('Accept-Language', 'en');
    expect(await codes(org.as.dpo)).toEqual([]);
  });

  it('shows them to the DPO and the auditor, not to a contributor who follows only their own', async () => {
    await org.as.contributor.post(path('rights-requests')).send({ receivedAt: '2026-02-02T09:00:00+01:00', channel: 'email', type: 'access', requesterName: 'Loïc Le Goff' }).expect(201);
    await org.as.dpo.post(path('rights-requests')).send({ receivedAt: '2026-02-03T09:00:00+01:00', channel: 'email', type: 'erasure', requesterName: 'Inès Baptiste' }).expect(201);
    expect((await codes(org.as.auditor)).length).toBe(2);
    expect((await codes(org.as.dpo)).length).toBe(2);
    expect(await codes(org.as.contributor)).toEqual([]);
  });
});
