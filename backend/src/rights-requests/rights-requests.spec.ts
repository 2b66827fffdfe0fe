import { Client } from 'pg';
import { asOwner, completeActivity } from '../activities/activities.test-helpers';
import { defineAbilityFor } from '../authorization/ability.factory';
import { extendedDueOn, rightsRequestDueOn } from '../domain/deadlines/legal-deadlines';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';

type Role = 'admin' | 'dpo' | 'contributor' | 'auditor';

describe('rights-request rules of the ability factory', () => {
  it('lets admin and DPO manage, contributors record and follow their own, auditors read', () => {
    const table = (['admin', 'dpo', 'contributor', 'auditor'] as const).map((role: Role) => {
      const ability = defineAbilityFor({ organizationId: 'org-1', userId: 'user-1', roles: [role], departmentId: null });
      const own = { organizationId: 'org-1', recordedById: 'user-1', __caslSubjectType__: 'RightsRequest' } as const;
      const other = { ...own, recordedById: 'user-2' };
      return {
        role,
        create: ability.can('create', 'RightsRequest'),
        readOwn: ability.can('read', own),
        readOthers: ability.can('read', other),
        update: ability.can('update', other),
        otherOrganisation: ability.can('read', { ...other, organizationId: 'org-2' }),
      };
    });
    expect(table).toEqual([
      { role: 'admin', create: true, readOwn: true, readOthers: true, update: true, otherOrganisation: false },
      { role: 'dpo', create: true, readOwn: true, readOthers: true, update: true, otherOrganisation: false },
      { role: 'contributor', create: true, readOwn: true, readOthers: false, update: false, otherOrganisation: false },
      { role: 'auditor', create: false, readOwn: true, readOthers: true, update: false, otherOrganisation: false },
    ]);
  });
});

describe('rights requests: intake, due days, extension, answer, roles, audit and isolation (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let other: TestOrganization;
  let activityId: string;

  const base = (organization: TestOrganization = org) => `/api/v1/organizations/${organization.organizationId}/rights-requests`;
  const storedDueDays = (id: string) =>
    asOwner(api, async (client: Client) => {
      const result = await client.query<{ due_on: string; extended_due_on: string | null }>(
        'SELECT due_on::text, extended_due_on::text FROM rights_requests WHERE id = $1',
        [id],
      );
      return result.rows[0];
    });
  const auditActions = (id: string) =>
    asOwner(api, async (client: Client) =>
      (await client.query<{ action: string }>("SELECT action FROM audit_events WHERE entity_type = 'RightsRequest' AND entity_id = $1 ORDER BY sequence", [id])).rows.map(
        (row) => row.action,
      ),
    );

  /** Hélène’s access request, received at 10:00 in Paris on Saturday 31 January 2026. */
  const helene = {
    receivedAt: '2026-01-31T10:00:00+01:00',
    channel: 'email',
    type: 'access',
    description: 'Je souhaite obtenir une copie de toutes les données me concernant, y compris l’historique de mes « commandes ».',
    requesterName: 'Hélène Lefèvre-Châtelain',
    requesterContact: 'helene.lefevre@exemple.fr',
    identityCheckStatus: 'pending',
    identityCheckMethod: 'Question sur la dernière commande',
  };

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Librairie « Les Pages d’Émile »');
    other = await createOrganizationWithRoles(api.server, 'Autre organisation');
    activityId = (await org.as.dpo.post(`/api/v1/organizations/${org.organizationId}/activities`).send(completeActivity({ name: 'Gestion des clients' })).expect(201)).body.id;
  });
  afterAll(() => api.close());

  describe('intake and due days', () => {
    it('computes and stores one month as EU law counts it (31 January → 28 February, a Saturday → 2 March)', async () => {
      const created = (await org.as.contributor.post(base()).send({ ...helene, activityIds: [activityId] }).expect(201)).body;
      const expected = rightsRequestDueOn(new Date(helene.receivedAt));
      expect(expected).toBe('2026-03-02');
      expect(created).toMatchObject({
        reference: expect.stringMatching(/^D-\d{4}$/),
        status: 'received',
        dueOn: expected,
        extendedDueOn: null,
        effectiveDueOn: expected,
        requesterName: 'Hélène Lefèvre-Châtelain',
        activityIds: [activityId],
        recordedBy: org.userIds.contributor,
        version: 1,
      });
      expect(await storedDueDays(created.id)).toEqual({ due_on: '2026-03-02', extended_due_on: null });
      expect(await auditActions(created.id)).toEqual(['rights_request_create']);
    });

    it('counts the day of receipt in Paris: 23:30 UTC on 9 March is 10 March, due 10 April', async () => {
      const created = (await org.as.dpo.post(base()).send({ ...helene, requesterName: 'Benoît Ørsted', receivedAt: '2026-03-09T23:30:00Z' }).expect(201)).body;
      expect(created.dueOn).toBe('2026-04-10');
      expect((await storedDueDays(created.id)).due_on).toBe('2026-04-10');
    });

    it('keeps the person’s data-subject category (a catalogue code), refuses an unknown one, and changes it with the request', async () => {
      const created = (await org.as.dpo.post(base()).send({ ...helene, subjectCategory: 'customers' }).expect(201)).body;
      expect(created.subjectCategory).toBe('customers');
      const unknown = await org.as.dpo.post(base()).send({ ...helene, subjectCategory: 'martiens' }).expect(400);
      expect(unknown.body.details.fields).toEqual([expect.objectContaining({ path: 'subjectCategory' })]);
      const changed = (await org.as.dpo.patch(`${base()}/${created.id}`).send({ version: created.version, subjectCategory: 'employees' }).expect(200)).body;
      expect(changed.subjectCategory).toBe('employees');
      const stored = await asOwner(api, async (client: Client) => (await client.query('SELECT subject_category FROM rights_requests WHERE id = $1', [created.id])).rows[0]);
      expect(stored).toEqual({ subject_category: 'employees' });
      const cleared = (await org.as.dpo.patch(`${base()}/${created.id}`).send({ version: changed.version, subjectCategory: null }).expect(200)).body;
      expect(cleared.subjectCategory).toBeNull();
    });

    it('numbers requests one after the other per organisation', async () => {
      const first = (await other.as.dpo.post(base(other)).send(helene).expect(201)).body;
      const second = (await other.as.dpo.post(base(other)).send(helene).expect(201)).body;
      expect(Number(second.reference.slice(2))).toBe(Number(first.reference.slice(2)) + 1);
    });

    it('refuses a local time without offset, an unknown type, unknown fields and a future receipt', async () => {
      const noOffset = await org.as.dpo.post(base()).send({ ...helene, receivedAt: '2026-01-31T10:00:00' }).expect(400);
      expect(noOffset.body.details.fields).toEqual([expect.objectContaining({ path: 'receivedAt', code: 'isInstant' })]);
      await org.as.dpo.post(base()).send({ ...helene, type: 'oubli' }).expect(400);
      await org.as.dpo.post(base()).send({ ...helene, passportScan: 'data:…' }).expect(400);
      const future = await org.as.dpo.set('Accept-Language', 'fr').post(base()).send({ ...helene, receivedAt: '2099-01-01T10:00:00Z' }).expect(422);
      org.as.dpo.set('Accept-Language', 'en');
      expect(future.body).toMatchObject({ code: 'request_date_in_future', message: expect.stringContaining('futur') });
    });

    it('refuses activities of another organisation (422, nothing recorded)', async () => {
      const foreign = (await other.as.dpo.post(`/api/v1/organizations/${other.organizationId}/activities`).send(completeActivity({ name: 'Paie' })).expect(201)).body.id;
      const before = (await org.as.dpo.get(base()).expect(200)).body.total;
      const refused = await org.as.dpo.post(base()).send({ ...helene, activityIds: [foreign] }).expect(422);
      expect(refused.body).toMatchObject({ code: 'request_unknown_activities', details: { missing: [foreign] } });
      expect((await org.as.dpo.get(base()).expect(200)).body.total).toBe(before);
    });
  });

  describe('roles', () => {
    it('lets a contributor follow only the requests they recorded', async () => {
      const byDpo = (await org.as.dpo.post(base()).send({ ...helene, requesterName: 'Zoé Da Silva' }).expect(201)).body;
      const list = (await org.as.contributor.get(base()).expect(200)).body;
      expect(list.items.length).toBeGreaterThan(0);
      expect(list.items.every((item: { recordedBy: string }) => item.recordedBy === org.userIds.contributor)).toBe(true);
      expect(list.total).toBe(list.items.length);
      await org.as.contributor.get(`${base()}/${byDpo.id}`).expect(404);
      const mine = list.items[0];
      await org.as.contributor.get(`${base()}/${mine.id}`).expect(200);
      // Following is reading: the DPO or an admin handles the request.
      await org.as.contributor.patch(`${base()}/${mine.id}`).send({ version: mine.version, channel: 'post' }).expect(403);
    });

    it('lets an auditor read everything and change nothing', async () => {
      const list = (await org.as.auditor.get(base()).expect(200)).body;
      expect(list.total).toBe((await org.as.dpo.get(base()).expect(200)).body.total);
      await org.as.auditor.post(base()).send(helene).expect(403);
      await org.as.auditor.patch(`${base()}/${list.items[0].id}`).send({ version: list.items[0].version, channel: 'post' }).expect(403);
    });

    it('answers 404 to a member of another organisation, and row-level security hides the rows', async () => {
      const mine = (await org.as.dpo.get(base()).expect(200)).body.items[0];
      await other.as.admin.get(`/api/v1/organizations/${org.organizationId}/rights-requests/${mine.id}`).expect(404);
      await other.as.admin.get(`${base(other)}/${mine.id}`).expect(404);
      const app = new Client({ connectionString: api.database.appUrl });
      await app.connect();
      try {
        await app.query('BEGIN');
        await app.query("SELECT set_config('app.organization_id', $1, true)", [other.organizationId]);
        const seen = await app.query<{ organization_id: string }>('SELECT DISTINCT organization_id FROM rights_requests UNION SELECT DISTINCT organization_id FROM rights_request_activities');
        expect(seen.rows.map((row) => row.organization_id)).toEqual([other.organizationId]);
        await app.query('ROLLBACK');
      } finally {
        await app.end();
      }
    });
  });

  describe('changes, extension and transitions', () => {
    let request: { id: string; version: number; dueOn: string };

    beforeAll(async () => {
      request = (await org.as.dpo.post(base()).send({ ...helene, requesterName: 'Jean-François d’Aubigné', receivedAt: '2026-02-02T09:15:00+01:00' }).expect(201)).body;
    });

    it('recomputes the due day when the date of receipt is corrected, and answers 409 to a stale version', async () => {
      const changed = (await org.as.dpo.patch(`${base()}/${request.id}`).send({ version: 1, receivedAt: '2026-04-02T14:00:00+02:00', channel: 'post' }).expect(200)).body;
      expect(changed).toMatchObject({ version: 2, channel: 'post', dueOn: rightsRequestDueOn(new Date('2026-04-02T14:00:00+02:00')) });
      expect(changed.dueOn).toBe('2026-05-04');
      const stale = await org.as.admin.patch(`${base()}/${request.id}`).send({ version: 1, channel: 'email' }).expect(409);
      expect(stale.body).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
      await org.as.admin.patch(`${base()}/${request.id}`).set('If-Match', '"2"').send({ requesterContact: '12 rue de l’Église, 67000 Strasbourg' }).expect(200);
      request = (await org.as.dpo.get(`${base()}/${request.id}`).expect(200)).body;
      expect(request.version).toBe(3);
    });

    it('extends once, within the first month, with a reason', async () => {
      const url = `${base()}/${request.id}/extend`;
      const noReason = await org.as.dpo.post(url).send({ version: 3, reason: '   ', personInformedOn: '2026-04-20' }).expect(400);
      expect(noReason.body.details.fields).toEqual([expect.objectContaining({ path: 'reason' })]);
      const late = await org.as.dpo.post(url).send({ version: 3, reason: 'Demande complexe', personInformedOn: '2026-05-05' }).expect(422);
      expect(late.body).toMatchObject({ code: 'request_extension_too_late', details: { dueOn: '2026-05-04' } });
      await org.as.dpo.post(url).send({ version: 3, reason: 'Demande complexe', personInformedOn: '2026-04-01' }).expect(422);
      const extended = (
        await org.as.dpo.post(url).send({ version: 3, reason: 'Demande complexe : 14 traitements et 3 sous-traitants à interroger', personInformedOn: '2026-04-20' }).expect(200)
      ).body;
      const expected = extendedDueOn(new Date('2026-04-02T14:00:00+02:00'));
      expect(expected).toBe('2026-07-02');
      expect(extended).toMatchObject({ dueOn: '2026-05-04', extendedDueOn: expected, effectiveDueOn: expected, personInformedOn: '2026-04-20', version: 4 });
      expect(await storedDueDays(request.id)).toEqual({ due_on: '2026-05-04', extended_due_on: '2026-07-02' });
      const again = await org.as.dpo.post(url).send({ version: 4, reason: 'Encore', personInformedOn: '2026-04-21' }).expect(409);
      expect(again.body.code).toBe('request_already_extended');
    });

    it('moves through identity check, in progress and answered; refuses a refusal without grounds', async () => {
      const url = (step: string) => `${base()}/${request.id}/${step}`;
      await org.as.dpo.post(url('identity-check')).send({ version: 4, method: 'Copie d’un justificatif de domicile, détruite après contrôle' }).expect(200);
      await org.as.dpo.post(url('start')).send({ version: 5, identityCheckStatus: 'verified' }).expect(200);
      const noGrounds = await org.as.dpo.post(url('refuse')).send({ version: 6, sentAt: '2026-05-10T10:00:00+02:00' }).expect(400);
      expect(noGrounds.body.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'grounds' })]));
      const answered = (
        await org.as.dpo
          .post(url('answer'))
          .send({ version: 6, sentAt: '2026-06-15T11:00:00+02:00', channel: 'Courriel', summary: 'Copie des données (export CSV) et informations de l’article 15' })
          .expect(200)
      ).body;
      expect(answered).toMatchObject({ status: 'answered', identityCheckStatus: 'verified', answerSentAt: '2026-06-15T09:00:00.000Z', overdue: false, closedAt: expect.any(String) });
      const twice = await org.as.dpo.post(url('withdraw')).send({ version: 7 }).expect(409);
      expect(twice.body.code).toBe('request_invalid_transition');
      await org.as.dpo.post(url('extend')).send({ version: 7, reason: 'x', personInformedOn: '2026-04-20' }).expect(409);
      expect(await auditActions(request.id)).toEqual([
        'rights_request_create',
        'rights_request_update',
        'rights_request_update',
        'rights_request_extend',
        'rights_request_identity_check',
        'rights_request_start',
        'rights_request_answer',
      ]);
    });

    it('records a refusal with its grounds (Art 12(5)) and a withdrawal', async () => {
      const refused = (await org.as.dpo.post(base()).send({ ...helene, requesterName: 'Maël Brûlé', type: 'erasure' }).expect(201)).body;
      const done = (
        await org.as.admin
          .post(`${base()}/${refused.id}/refuse`)
          .send({ version: 1, grounds: 'Demande manifestement excessive : cinquième demande identique en un mois.', sentAt: '2026-02-10T10:00:00+01:00', channel: 'Lettre recommandée' })
          .expect(200)
      ).body;
      expect(done).toMatchObject({ status: 'refused', refusalGrounds: expect.stringContaining('excessive'), answerChannel: 'Lettre recommandée' });
      const withdrawn = (await org.as.dpo.post(base()).send({ ...helene, requesterName: 'Noémie Œuvrard', type: 'objection' }).expect(201)).body;
      expect((await org.as.dpo.post(`${base()}/${withdrawn.id}/withdraw`).send({ version: 1 }).expect(200)).body.status).toBe('withdrawn');
    });
  });

  describe('list filters', () => {
    it('filters overdue, status and type, and pages', async () => {
      const all = (await org.as.dpo.get(`${base()}?pageSize=200`).expect(200)).body;
      const overdue = (await org.as.dpo.get(`${base()}?overdue=true&pageSize=200`).expect(200)).body;
      const notOverdue = (await org.as.dpo.get(`${base()}?overdue=false&pageSize=200`).expect(200)).body;
      expect(overdue.total + notOverdue.total).toBe(all.total);
      expect(overdue.total).toBeGreaterThan(0);
      // Every request here was received in 2026 before today and is past its due day unless closed.
      expect(overdue.items.every((item: { overdue: boolean; status: string }) => item.overdue && ['received', 'identity_check', 'in_progress'].includes(item.status))).toBe(true);
      expect(notOverdue.items.some((item: { status: string }) => item.status === 'answered')).toBe(true);
      const refused = (await org.as.dpo.get(`${base()}?status=refused`).expect(200)).body;
      expect(refused.items.map((item: { requesterName: string }) => item.requesterName)).toEqual(['Maël Brûlé']);
      const erasure = (await org.as.dpo.get(`${base()}?type=erasure`).expect(200)).body;
      expect(erasure.items.every((item: { type: string }) => item.type === 'erasure')).toBe(true);
      const page = (await org.as.dpo.get(`${base()}?page=2&pageSize=2`).expect(200)).body;
      expect(page).toMatchObject({ page: 2, pageSize: 2, total: all.total });
      expect(page.items.map((item: { id: string }) => item.id)).toEqual(all.items.slice(2, 4).map((item: { id: string }) => item.id));
      // The earliest due first.
      const due = all.items.map((item: { effectiveDueOn: string }) => item.effectiveDueOn);
      expect(due).toEqual([...due].sort());
      await org.as.dpo.get(`${base()}?overdue=peut-être`).expect(400);
    });
  });
});
