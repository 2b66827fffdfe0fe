import { Client } from 'pg';
import { asOwner } from '../activities/activities.test-helpers';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { IdentityRetentionService, RETENTION_JOB_ACTOR } from './identity-retention.service';

describe('requesters’ identity removed at the end of its retention (issue #18 item 1, real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let other: TestOrganization;

  const base = (organization: TestOrganization) => `/api/v1/organizations/${organization.organizationId}/rights-requests`;
  const settings = (organization: TestOrganization) => `/api/v1/organizations/${organization.organizationId}`;
  const run = () => api.app.get(IdentityRetentionService).run();

  const request = {
    receivedAt: '2026-01-31T10:00:00+01:00',
    channel: 'email',
    type: 'erasure',
    description: 'Merci d’effacer mon compte client « Hélène L. » et mes commandes.',
    requesterName: 'Hélène Lefèvre-Châtelain',
    requesterContact: 'helene.lefevre@exemple.fr',
    identityCheckStatus: 'pending',
    identityCheckMethod: 'Question sur la dernière commande',
  };

  /** A request answered, then moved back in time as the owner: closed `monthsAgo` months ago. */
  async function closedRequest(organization: TestOrganization, requesterName: string, monthsAgo: number): Promise<string> {
    const created = (await organization.as.dpo.post(base(organization)).send({ ...request, requesterName }).expect(201)).body;
    await organization.as.dpo
      .post(`${base(organization)}/${created.id}/answer`)
      .send({ version: 1, sentAt: '2026-02-10T10:00:00+01:00', channel: 'Courriel', summary: 'Compte et commandes effacés' })
      .expect(200);
    await asOwner(api, (client: Client) =>
      client.query(
        `UPDATE rights_requests SET closed_at = now() - make_interval(months => $2), answer_sent_at = now() - make_interval(months => $2),
                received_at = now() - make_interval(months => $2) - interval '10 days' WHERE id = $1`,
        [created.id, monthsAgo],
      ),
    );
    return created.id as string;
  }

  const stored = (id: string) =>
    asOwner(api, async (client: Client) => {
      const result = await client.query(
        `SELECT requester_name, requester_contact, identity_check_method, identity_check_status, description, type, status,
                closed_at IS NOT NULL AS closed, answer_sent_at IS NOT NULL AS answered, identity_erased_at, version
         FROM rights_requests WHERE id = $1`,
        [id],
      );
      return result.rows[0] as Record<string, unknown>;
    });
  const erasureEvents = (id: string) =>
    asOwner(api, async (client: Client) =>
      (
        await client.query<{ actor_name: string | null; actor_user_id: string | null; entity_label: string; changes: unknown }>(
          "SELECT actor_name, actor_user_id, entity_label, changes FROM audit_events WHERE entity_id = $1 AND action = 'rights_request_identity_erased'",
          [id],
        )
      ).rows,
    );

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Librairie « Les Pages d’Émile »');
    other = await createOrganizationWithRoles(api.server, 'Mutuelle des Cévennes');
  });
  afterAll(() => api.close());

  describe('the setting', () => {
    it('is 36 months by default and may be changed by the DPO and the admin, audited', async () => {
      const current = (await org.as.dpo.get(settings(org)).expect(200)).body;
      expect(current.requesterIdentityRetentionMonths).toBe(36);
      const changed = (await org.as.dpo.patch(settings(org)).send({ version: current.version, requesterIdentityRetentionMonths: 48 }).expect(200)).body;
      expect(changed).toMatchObject({ requesterIdentityRetentionMonths: 48, version: current.version + 1 });
      const byAdmin = (await org.as.admin.patch(settings(org)).send({ version: changed.version, requesterIdentityRetentionMonths: 36 }).expect(200)).body;
      expect(byAdmin.requesterIdentityRetentionMonths).toBe(36);
      const events = await asOwner(api, async (client: Client) =>
        (await client.query("SELECT changes FROM audit_events WHERE entity_type = 'Organization' AND entity_id = $1 AND action = 'update' ORDER BY sequence", [org.organizationId])).rows,
      );
      expect(JSON.stringify(events)).toContain('requesterIdentityRetentionMonths');
    });

    it('refuses a contributor and an auditor (403) and changes nothing', async () => {
      const { version } = (await org.as.admin.get(settings(org)).expect(200)).body;
      await org.as.contributor.patch(settings(org)).send({ version, requesterIdentityRetentionMonths: 1 }).expect(403);
      await org.as.auditor.patch(settings(org)).send({ version, requesterIdentityRetentionMonths: 1 }).expect(403);
      expect((await org.as.admin.get(settings(org)).expect(200)).body).toMatchObject({ version, requesterIdentityRetentionMonths: 36 });
    });

    it('refuses 0, 121 months and a fraction with a 400 in French words, and changes nothing', async () => {
      const { version } = (await org.as.admin.get(settings(org)).expect(200)).body;
      org.as.admin.set('Accept-Language', 'fr');
      try {
        const tooShort = await org.as.admin.patch(settings(org)).send({ version, requesterIdentityRetentionMonths: 0 }).expect(400);
        expect(tooShort.body.message).toBe('Certaines données envoyées ne sont pas valides.');
        expect(tooShort.body.details.fields).toEqual([
          expect.objectContaining({ path: 'requesterIdentityRetentionMonths', code: 'min', message: '« Durée de conservation de l’identité des demandeurs (mois) » doit être supérieur ou égal à 1.' }),
        ]);
        const tooLong = await org.as.admin.patch(settings(org)).send({ version, requesterIdentityRetentionMonths: 121 }).expect(400);
        expect(tooLong.body.details.fields[0].message).toContain('doit être inférieur ou égal à 120');
        const fraction = await org.as.admin.patch(settings(org)).send({ version, requesterIdentityRetentionMonths: 12.5 }).expect(400);
        expect(fraction.body.details.fields[0].message).toContain('doit être un nombre entier');
      } finally {
        org.as.admin.set('Accept-Language', 'en');
      }
      expect((await org.as.admin.get(settings(org)).expect(200)).body).toMatchObject({ version, requesterIdentityRetentionMonths: 36 });
    });
  });

  describe('the daily job', () => {
    let old: string;
    let recent: string;
    let open: string;
    let otherOld: string;

    beforeAll(async () => {
      // org keeps identities 36 months (set above); other, 60 months (the limitation period for civil claims).
      const { version } = (await other.as.admin.get(settings(other)).expect(200)).body;
      await other.as.admin.patch(settings(other)).send({ version, requesterIdentityRetentionMonths: 60 }).expect(200);
      old = await closedRequest(org, 'Hélène Lefèvre-Châtelain', 37);
      recent = await closedRequest(org, 'François Nguyễn', 35);
      open = (await org.as.dpo.post(base(org)).send({ ...request, requesterName: 'Zoé d’Aubigné' }).expect(201)).body.id;
      await asOwner(api, (client: Client) => client.query("UPDATE rights_requests SET received_at = now() - interval '40 months' WHERE id = $1", [open]));
      otherOld = await closedRequest(other, 'Maël Brûlé', 37);
    });

    it('clears the identity of a request closed 37 months ago and keeps the register line', async () => {
      const before = await stored(old);
      const result = await run();
      expect(result.erased).toBe(1);
      const after = await stored(old);
      expect(after).toMatchObject({
        requester_name: expect.stringMatching(/^Identité effacée le \d{1,2} [a-zéû]+ \d{4}$/),
        requester_contact: null,
        identity_check_method: null,
        description: null,
        identity_erased_at: expect.any(Date),
        // What proves the answer was timely stays.
        type: 'erasure',
        status: 'answered',
        identity_check_status: 'pending',
        closed: true,
        answered: true,
        version: (before.version as number) + 1,
      });
      const view = (await org.as.dpo.get(`${base(org)}/${old}`).expect(200)).body;
      expect(view).toMatchObject({ requesterName: after.requester_name, requesterContact: null, identityErasedAt: expect.any(String), status: 'answered', answerSentAt: expect.any(String) });
      const listed = (await org.as.dpo.get(base(org)).expect(200)).body.items.find((item: { id: string }) => item.id === old);
      expect(listed.identityErasedAt).toBe(view.identityErasedAt);
    });

    it('writes one audit event by the job, in words, without the erased identity', async () => {
      const events = await erasureEvents(old);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actor_name: RETENTION_JOB_ACTOR, actor_user_id: null, entity_label: expect.stringMatching(/^D-\d{4}$/) });
      expect(JSON.stringify(events[0].changes)).not.toMatch(/Hélène|helene|commande/);
    });

    it('leaves a request closed 35 months ago, an open one, and another organisation’s (60 months) as they were', async () => {
      expect(await stored(recent)).toMatchObject({ requester_name: 'François Nguyễn', requester_contact: 'helene.lefevre@exemple.fr', identity_erased_at: null });
      expect(await stored(open)).toMatchObject({ requester_name: 'Zoé d’Aubigné', identity_check_method: 'Question sur la dernière commande', identity_erased_at: null });
      expect(await stored(otherOld)).toMatchObject({ requester_name: 'Maël Brûlé', description: request.description, identity_erased_at: null });
      expect(await erasureEvents(otherOld)).toHaveLength(0);
    });

    it('refuses to put an identity back on a cleared request (409 in words), and changes nothing', async () => {
      const before = await stored(old);
      org.as.dpo.set('Accept-Language', 'fr');
      try {
        const refused = await org.as.dpo.patch(`${base(org)}/${old}`).send({ version: before.version, requesterContact: 'helene.lefevre@exemple.fr' }).expect(409);
        expect(refused.body).toMatchObject({ code: 'request_identity_erased', message: expect.stringContaining('a été effacée à la fin de sa durée de conservation') });
      } finally {
        org.as.dpo.set('Accept-Language', 'en');
      }
      expect(await stored(old)).toEqual(before);
    });

    it('changes nothing on a second run', async () => {
      const before = await stored(old);
      expect((await run()).erased).toBe(0);
      expect(await stored(old)).toEqual(before);
      expect(await erasureEvents(old)).toHaveLength(1);
    });

    it('clears the other organisation’s request once its own setting is shorter (back to 36 months)', async () => {
      const { version } = (await other.as.dpo.get(settings(other)).expect(200)).body;
      await other.as.dpo.patch(settings(other)).send({ version, requesterIdentityRetentionMonths: 36 }).expect(200);
      expect((await run()).erased).toBe(1);
      expect((await stored(otherOld)).identity_erased_at).toEqual(expect.any(Date));
      expect((await stored(recent)).identity_erased_at).toBeNull();
    });
  });
});
