import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { asOwner, completeActivity } from '../activities/activities.test-helpers';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { NotificationsService } from './notifications.service';
import { forgetWorkflowNotifications } from './workflow.test-helpers';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

interface Item {
  kind: string;
  recordType: string;
  recordReference: string;
  recordName: string;
  message: string;
  link: string;
}

describe('reminders of DPIA actions and of grids awaiting the DPO (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let dpiaId: string;
  let gridId: string;
  const base = () => `/api/v1/organizations/${org.organizationId}`;
  const kindsOf = async (role: 'dpo' | 'contributor' | 'auditor' | 'admin') =>
    ((await org.as[role].get(`${base()}/notifications?pageSize=100`).expect(200)).body.items as Item[]).map((item) => `${item.kind} ${item.recordName}`).sort();

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'AIPD et grilles');
    await forgetWorkflowNotifications(api);
    // The auditor owns the activity: the actions nobody in the organisation owns go to them and the DPO.
    const activity = (await org.as.dpo.post(`${base()}/activities`).send(completeActivity({ name: 'Biométrie', ownerId: org.userIds.auditor })).expect(201)).body as { id: string };
    const dpia = (await org.as.dpo.post(`${base()}/dpias`).send({ activityId: activity.id }).expect(201)).body as { id: string; version: number };
    dpiaId = dpia.id;
    const contributorName = ((await org.as.contributor.get('/api/v1/me').expect(200)).body as { name: string }).name;
    const actionPlan = [
      { measure: 'Chiffrer', owner: contributorName.toUpperCase(), dueDate: day(5), status: 'planned' },
      { measure: 'Purger', owner: 'DSI', dueDate: day(-2), status: 'in_progress' },
      { measure: 'Former', owner: 'DSI', dueDate: day(-1), status: 'done' },
      { measure: 'Auditer', owner: 'DSI', dueDate: day(60), status: 'planned' },
    ];
    await org.as.dpo.patch(`${base()}/dpias/${dpiaId}`).send({ version: dpia.version, actionPlan }).expect(200);
    // A grid sent to the DPO and one still a draft (written as the services would leave them).
    gridId = await asOwner(api, async (client) => {
      const rows = await client.query<{ id: string }>(
        `INSERT INTO design_grids (organization_id, project_name, status, submitted_at) VALUES ($1, 'Covoiturage', 'submitted', now()), ($1, 'Brouillon', 'draft', NULL)
         RETURNING id, status`,
        [org.organizationId],
      );
      return rows.rows[0].id;
    });
  }, 60_000);
  afterAll(() => api.close());

  it('notifies the action’s owner, or the activity’s owner and the DPOs, and the DPOs of the grid — once', async () => {
    const first = await api.app.get(NotificationsService).runReminders();
    expect(first.notifications).toBe(4);
    expect(await kindsOf('contributor')).toEqual(['dpia_action_due Chiffrer']);
    expect(await kindsOf('auditor')).toEqual(['dpia_action_overdue Purger']);
    expect(await kindsOf('dpo')).toEqual(['dpia_action_overdue Purger', 'grid_awaiting_dpo Covoiturage']);
    expect(await kindsOf('admin')).toEqual([]);

    const items = (await org.as.dpo.get(`${base()}/notifications`).expect(200)).body.items as Item[];
    const grid = items.find((item) => item.kind === 'grid_awaiting_dpo')!;
    expect(grid).toMatchObject({ recordType: 'design_grid', link: `/orgs/${org.organizationId}/design-grid/${gridId}`, message: expect.stringContaining('Design grid “Covoiturage” submitted on') });
    const action = items.find((item) => item.kind === 'dpia_action_overdue')!;
    expect(action).toMatchObject({ recordType: 'dpia', link: `/orgs/${org.organizationId}/dpias/${dpiaId}`, message: expect.stringMatching(/^DPIA action “Purger” of T-\d{4} overdue since/) });

    // Idempotent: a second run adds nothing.
    expect((await api.app.get(NotificationsService).runReminders()).notifications).toBe(0);
    // The e-mails went to the store (no SMTP server here) and say so.
    const stored = (await org.as.admin.get(`${base()}/stored-emails`).expect(200)).body;
    expect(stored).toMatchObject({ smtpConfigured: false, total: 3 });
  });

  it('says when an SMTP server is configured', async () => {
    const withSmtp = await createTestApi({ SMTP_HOST: 'smtp.invalid' }, { sharedDatabase: api.database });
    try {
      const page = await withSmtp.app
        .get(TransactionalConnection)
        .withTenant({ organizationId: org.organizationId }, () => withSmtp.app.get(NotificationsService).storedEmails(org.organizationId, { page: 1, pageSize: 20 }));
      expect(page).toMatchObject({ smtpConfigured: true, total: 3 });
    } finally {
      await withSmtp.close();
    }
  });
});
