import { Client } from 'pg';
import { asOwner, completeActivity } from '../activities/activities.test-helpers';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';

/**
 * The tasks of a rights request (issue #18): who extracts and who erases for each linked activity,
 * when each vendor of those activities was asked and confirmed. Real PostgreSQL, through the API.
 */
describe('rights-request tasks: per activity and per processor (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let other: TestOrganization;
  let payroll: string;
  let newsletter: string;
  let cloud: string;
  let mailer: string;
  let request: { id: string; version: number };

  const base = (organization: TestOrganization = org) => `/api/v1/organizations/${organization.organizationId}`;
  const tasksUrl = (id = request.id, organization: TestOrganization = org) => `${base(organization)}/rights-requests/${id}/tasks`;

  /** Frédérique’s erasure request, received on 3 November 2026 in Paris. */
  const frederique = {
    receivedAt: '2026-11-03T09:15:00+01:00',
    channel: 'email',
    type: 'erasure',
    description: 'Merci d’effacer mon compte et mes « préférences » de lettre d’information.',
    requesterName: 'Frédérique Aubépine-Noël',
    requesterContact: 'frederique@exemple.fr',
  };

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Coopérative « L’Épi d’Or »');
    other = await createOrganizationWithRoles(api.server, 'Autre coopérative');
    cloud = (await org.as.dpo.post(`${base()}/vendors`).send({ name: 'Hébergeur Émeraude' }).expect(201)).body.id;
    mailer = (await org.as.dpo.post(`${base()}/vendors`).send({ name: 'Routeur « Courriel & Cie »' }).expect(201)).body.id;
    payroll = (await org.as.dpo.post(`${base()}/activities`).send(completeActivity({ name: 'Gestion des adhérents', processors: ['Hébergeur Émeraude'] })).expect(201)).body.id;
    newsletter = (await org.as.dpo.post(`${base()}/activities`).send(completeActivity({ name: 'Lettre d’information', processors: ['Routeur « Courriel & Cie »', 'Hébergeur Émeraude'] })).expect(201)).body.id;
  });
  afterAll(() => api.close());

  beforeEach(async () => {
    request = (await org.as.contributor.post(`${base()}/rights-requests`).send({ ...frederique, activityIds: [payroll, newsletter] }).expect(201)).body;
  });

  it('lists one task per linked activity and one per vendor of those activities, nothing recorded yet', async () => {
    const detail = (await org.as.dpo.get(`${base()}/rights-requests/${request.id}`).expect(200)).body;
    expect(detail.tasks.activities).toEqual(
      [payroll, newsletter].sort().map((activityId) => ({ activityId, extractedBy: null, erasedBy: null, note: null })),
    );
    // Each vendor once, though two activities use the hosting company; by name.
    expect(detail.tasks.processors).toEqual([
      { vendorId: cloud, vendorName: 'Hébergeur Émeraude', askedOn: null, confirmedOn: null, note: null },
      { vendorId: mailer, vendorName: 'Routeur « Courriel & Cie »', askedOn: null, confirmedOn: null, note: null },
    ]);
  });

  it('stores the tasks, bumps the version, audits the change, and answers 409 to a stale version', async () => {
    const body = {
      version: request.version,
      activities: [
        { activityId: payroll, extractedBy: org.userIds.dpo, erasedBy: org.userIds.contributor, note: 'Export depuis l’outil « Adhésions »' },
        { activityId: newsletter, extractedBy: null, erasedBy: org.userIds.admin },
      ],
      processors: [
        { vendorId: mailer, askedOn: '2026-11-04', confirmedOn: '2026-11-06', note: 'Confirmation reçue par courriel' },
        { vendorId: cloud, askedOn: '2026-11-04', confirmedOn: null },
      ],
    };
    const saved = (await org.as.dpo.put(tasksUrl()).send(body).expect(200)).body;
    expect(saved.version).toBe(request.version + 1);
    expect(saved.tasks.activities).toEqual(
      expect.arrayContaining([
        { activityId: payroll, extractedBy: org.userIds.dpo, erasedBy: org.userIds.contributor, note: 'Export depuis l’outil « Adhésions »' },
        { activityId: newsletter, extractedBy: null, erasedBy: org.userIds.admin, note: null },
      ]),
    );
    expect(saved.tasks.processors).toEqual([
      { vendorId: cloud, vendorName: 'Hébergeur Émeraude', askedOn: '2026-11-04', confirmedOn: null, note: null },
      { vendorId: mailer, vendorName: 'Routeur « Courriel & Cie »', askedOn: '2026-11-04', confirmedOn: '2026-11-06', note: 'Confirmation reçue par courriel' },
    ]);
    const stored = await asOwner(api, async (client: Client) => ({
      activities: (await client.query('SELECT count(*)::int AS n FROM rights_request_activity_tasks WHERE request_id = $1', [request.id])).rows[0].n,
      processors: (await client.query('SELECT count(*)::int AS n FROM rights_request_processor_tasks WHERE request_id = $1', [request.id])).rows[0].n,
      event: (await client.query("SELECT changes FROM audit_events WHERE entity_type = 'RightsRequest' AND entity_id = $1 AND action = 'rights_request_tasks'", [request.id])).rows,
    }));
    expect(stored.activities).toBe(2);
    expect(stored.processors).toBe(2);
    expect(stored.event).toHaveLength(1);
    expect(Object.keys(stored.event[0].changes)).toEqual(expect.arrayContaining(['processorTasks[1].confirmedOn', 'processorTasks[0].askedOn']));

    // Someone saved in between: the stale version changes nothing.
    const stale = await org.as.admin.put(tasksUrl()).send({ ...body, processors: [] }).expect(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', details: { currentVersion: saved.version } });
    const after = (await org.as.dpo.get(`${base()}/rights-requests/${request.id}`).expect(200)).body;
    expect(after.tasks.processors.filter((task: { askedOn: string | null }) => task.askedOn)).toHaveLength(2);

    // Leaving a task out clears it.
    const cleared = (await org.as.dpo.put(tasksUrl()).send({ version: saved.version, activities: [], processors: [] }).expect(200)).body;
    expect(cleared.tasks.processors.every((task: { askedOn: string | null }) => task.askedOn === null)).toBe(true);
  });

  it('refuses what does not belong to the request (422, nothing stored)', async () => {
    const foreignVendor = (await other.as.dpo.post(`${base(other)}/vendors`).send({ name: 'Prestataire étranger' }).expect(201)).body.id;
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ activities: [{ activityId: '0f5b2c3e-1111-4222-8333-444455556666' }], processors: [] }, 'request_task_unknown_activity', 'activities[0].activityId'],
      [{ activities: [{ activityId: payroll }, { activityId: payroll }], processors: [] }, 'request_task_unknown_activity', 'activities[1].activityId'],
      [{ activities: [{ activityId: payroll, erasedBy: other.userIds.dpo }], processors: [] }, 'request_task_unknown_member', 'activities[0].erasedBy'],
      [{ activities: [], processors: [{ vendorId: foreignVendor, askedOn: '2026-11-04' }] }, 'request_task_unknown_vendor', 'processors[0].vendorId'],
      [{ activities: [], processors: [{ vendorId: cloud, askedOn: '2026-11-05', confirmedOn: '2026-11-04' }] }, 'request_task_confirmed_before_asked', 'processors[0].confirmedOn'],
      [{ activities: [], processors: [{ vendorId: cloud, confirmedOn: '2026-11-04' }] }, 'request_task_confirmed_before_asked', 'processors[0].confirmedOn'],
      [{ activities: [], processors: [{ vendorId: cloud, askedOn: '2099-01-04' }] }, 'request_date_in_future', 'processors[0].askedOn'],
    ];
    for (const [body, code, field] of refusals) {
      const refused = await org.as.dpo.set('Accept-Language', 'fr').put(tasksUrl()).send({ version: request.version, ...body }).expect(422);
      expect(refused.body).toMatchObject({ code, details: { field } });
      expect(refused.body.message).not.toMatch(/request_|[0-9a-f]{8}-/);
    }
    org.as.dpo.set('Accept-Language', 'en');
    // A malformed date or an unknown field is a 400 from the DTO.
    await org.as.dpo.put(tasksUrl()).send({ version: request.version, activities: [], processors: [{ vendorId: cloud, askedOn: '04/11/2026' }] }).expect(400);
    await org.as.dpo.put(tasksUrl()).send({ version: request.version, activities: [{ activityId: payroll, doneBy: org.userIds.dpo }], processors: [] }).expect(400);
    const unchanged = (await org.as.dpo.get(`${base()}/rights-requests/${request.id}`).expect(200)).body;
    expect(unchanged.version).toBe(request.version);
  });

  it('lets admin and DPO set tasks; contributor (even their own) and auditor get 403; another organisation 404', async () => {
    const body = { version: request.version, activities: [{ activityId: payroll, extractedBy: org.userIds.dpo }], processors: [] };
    await org.as.contributor.put(tasksUrl()).send(body).expect(403);
    await org.as.auditor.put(tasksUrl()).send(body).expect(403);
    await other.as.admin.put(`${base()}/rights-requests/${request.id}/tasks`).send(body).expect(404);
    await other.as.admin.put(tasksUrl(request.id, other)).send(body).expect(404);
    const byAdmin = (await org.as.admin.put(tasksUrl()).send(body).expect(200)).body;
    // The contributor who recorded it follows its tasks.
    const followed = (await org.as.contributor.get(`${base()}/rights-requests/${request.id}`).expect(200)).body;
    expect(followed.tasks.activities.find((task: { activityId: string }) => task.activityId === payroll).extractedBy).toBe(org.userIds.dpo);
    expect(byAdmin.version).toBe(request.version + 1);
  });

  it('row-level security hides another organisation’s tasks', async () => {
    await org.as.dpo
      .put(tasksUrl())
      .send({ version: request.version, activities: [{ activityId: payroll, note: 'À faire' }], processors: [{ vendorId: cloud, askedOn: '2026-11-04' }] })
      .expect(200);
    const app = new Client({ connectionString: api.database.appUrl });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query("SELECT set_config('app.organization_id', $1, true)", [other.organizationId]);
      const seen = await app.query('SELECT organization_id FROM rights_request_activity_tasks UNION ALL SELECT organization_id FROM rights_request_processor_tasks');
      expect(seen.rows).toEqual([]);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
  });

  it('reports an erasure answered while a vendor has not confirmed, until its confirmation is recorded', async () => {
    const findingsOf = async () =>
      ((await org.as.dpo.get(`${base()}/findings?pageSize=200`).expect(200)).body.items as { code: string; recordId: string; message: string }[]).filter(
        (finding) => finding.recordId === request.id && finding.code === 'rights_request_erasure_unconfirmed',
      );
    const asked = (await org.as.dpo.put(tasksUrl()).send({ version: request.version, activities: [], processors: [{ vendorId: mailer, askedOn: '2026-11-04', confirmedOn: '2026-11-05' }] }).expect(200)).body;
    const started = (await org.as.dpo.post(`${base()}/rights-requests/${request.id}/start`).send({ version: asked.version }).expect(200)).body;
    expect(await findingsOf()).toEqual([]);
    const answered = (
      await org.as.dpo.post(`${base()}/rights-requests/${request.id}/answer`).send({ version: started.version, sentAt: '2026-11-06T10:00:00+01:00', channel: 'Courriel', summary: 'Données effacées' }).expect(200)
    ).body;
    const [finding] = await findingsOf();
    expect(finding.message).toContain('Hébergeur Émeraude');
    expect(finding.message).not.toContain('Routeur');
    // The hosting company confirms after the answer: the closed request takes it, the finding goes.
    await org.as.dpo
      .put(tasksUrl())
      .send({ version: answered.version, activities: [], processors: [{ vendorId: mailer, askedOn: '2026-11-04', confirmedOn: '2026-11-05' }, { vendorId: cloud, askedOn: '2026-11-04', confirmedOn: '2026-11-09' }] })
      .expect(200);
    expect(await findingsOf()).toEqual([]);
  });

  it('drops an activity’s task when the activity is unlinked, and keeps a vendor’s recorded confirmation', async () => {
    const saved = (
      await org.as.dpo
        .put(tasksUrl())
        .send({ version: request.version, activities: [{ activityId: newsletter, erasedBy: org.userIds.dpo }], processors: [{ vendorId: mailer, askedOn: '2026-11-04', confirmedOn: '2026-11-05' }] })
        .expect(200)
    ).body;
    const unlinked = (await org.as.dpo.patch(`${base()}/rights-requests/${request.id}`).send({ version: saved.version, activityIds: [payroll] }).expect(200)).body;
    expect(unlinked.tasks.activities).toEqual([{ activityId: payroll, extractedBy: null, erasedBy: null, note: null }]);
    expect(unlinked.tasks.processors).toEqual([
      expect.objectContaining({ vendorId: cloud, confirmedOn: null }),
      expect.objectContaining({ vendorId: mailer, confirmedOn: '2026-11-05' }),
    ]);
  });
});
