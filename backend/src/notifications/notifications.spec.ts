import { Client } from 'pg';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { asOwner, completeActivity } from '../activities/activities.test-helpers';
import { JOB_QUEUES } from '../database/migrations/1763971900000-findings-notifications';
import { JobsService } from './jobs.service';
import { NotificationsService } from './notifications.service';
import { forgetWorkflowNotifications } from './workflow.test-helpers';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('reminders and notifications (two API processes, real PostgreSQL)', () => {
  let api: TestApi;
  let first: TestApi;
  let second: TestApi;
  let org: TestOrganization;
  let other: TestOrganization;
  let dueId: string;
  let overdueId: string;

  const query = <T extends object>(sql: string, params: unknown[] = []) => asOwner(api, async (client: Client) => (await client.query<T>(sql, params)).rows);

  beforeAll(async () => {
    // The data first, on a process without jobs; then two processes with jobs start on the same database.
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Rappels');
    const base = `/api/v1/organizations/${org.organizationId}/activities`;
    dueId = (await org.as.contributor.post(base).send(completeActivity({ name: 'Paie', nextReviewDate: day(10) })).expect(201)).body.id;
    overdueId = (await org.as.dpo.post(base).send(completeActivity({ name: 'Badges', owner: null, nextReviewDate: day(-3) })).expect(201)).body.id;
    await org.as.contributor.put('/api/v1/me/notification-preferences').send({ emailFrequency: 'weekly' }).expect(200);
    other = await createOrganizationWithRoles(api.server, 'Autre');
    await other.as.dpo.post(`/api/v1/organizations/${other.organizationId}/activities`).send(completeActivity({ nextReviewDate: day(5) })).expect(201);
    await forgetWorkflowNotifications(api);
    first = await createTestApi({ JOBS_ENABLED: 'true', JOBS_START_DELAY_SECONDS: '0' }, { sharedDatabase: api.database });
    second = await createTestApi({ JOBS_ENABLED: 'true', JOBS_START_DELAY_SECONDS: '0' }, { sharedDatabase: api.database });
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await api.close();
  });

  it('runs the day’s reminders once although both processes asked for them', async () => {
    const jobs = await waitFor(
      () => query<{ state: string }>('SELECT state FROM pgboss.job WHERE name = $1', [JOB_QUEUES.reminders]),
      (rows) => rows.length > 0 && rows.every((row) => row.state === 'completed'),
      'the reminders job',
    );
    expect(jobs).toHaveLength(1);
    expect(first.app.get(JobsService).running && second.app.get(JobsService).running).toBe(true);
    // Asking again the same day adds no job.
    await expect(first.app.get(JobsService).requestReminders()).resolves.toBeNull();
    await expect(second.app.get(JobsService).requestReminders()).resolves.toBeNull();

    const notifications = await query<{ user_id: string; kind: string; record_id: string }>(
      'SELECT user_id, kind, record_id FROM notifications WHERE organization_id = $1 ORDER BY kind',
      [org.organizationId],
    );
    expect(notifications).toEqual(
      expect.arrayContaining([
        { user_id: org.userIds.dpo, kind: 'activity_review_due', record_id: dueId },
        { user_id: org.userIds.contributor, kind: 'activity_review_due', record_id: dueId },
        { user_id: org.userIds.dpo, kind: 'activity_review_overdue', record_id: overdueId },
      ]),
    );
    expect(notifications).toHaveLength(3);

    // The DPO chose nothing (immediate): one e-mail with both reminders; the contributor waits for the digest.
    const emails = await query<{ user_id: string; kind: string; subject: string; body_text: string }>(
      'SELECT user_id, kind, subject, body_text FROM stored_emails WHERE organization_id = $1',
      [org.organizationId],
    );
    expect(emails).toEqual([expect.objectContaining({ user_id: org.userIds.dpo, kind: 'immediate', subject: '[Registre] Rappels: 2 new reminders' })]);
    expect(emails[0].body_text).toContain(`Review of T-0001 Paie due on`);
    expect(emails[0].body_text).toContain(`/orgs/${org.organizationId}/register/${overdueId}`);
  });

  it('adds nothing when the reminders run again, and sends the weekly digest to those who chose it', async () => {
    const service = first.app.get(NotificationsService);
    await expect(service.runReminders()).resolves.toMatchObject({ notifications: 0, emails: 0 });
    await expect(service.runWeeklyDigest()).resolves.toMatchObject({ emails: 1 });
    await expect(service.runWeeklyDigest()).resolves.toMatchObject({ emails: 0 });
    const digest = await query<{ user_id: string; subject: string }>("SELECT user_id, subject FROM stored_emails WHERE organization_id = $1 AND kind = 'digest'", [
      org.organizationId,
    ]);
    expect(digest).toEqual([{ user_id: org.userIds.contributor, subject: '[Registre] Rappels: your weekly summary (1 reminder)' }]);
  });

  it('shows each user their own notifications, marks them read, and keeps stored e-mails for administrators', async () => {
    const base = `/api/v1/organizations/${org.organizationId}`;
    const list = (await org.as.dpo.get(`${base}/notifications`).expect(200)).body;
    expect(list).toMatchObject({ total: 2, unread: 2 });
    expect(list.items.map((item: { kind: string }) => item.kind).sort()).toEqual(['activity_review_due', 'activity_review_overdue']);
    expect(list.items[0].link).toMatch(new RegExp(`^/orgs/${org.organizationId}/register/`));
    expect((await org.as.admin.get(`${base}/notifications`).expect(200)).body).toMatchObject({ total: 0, unread: 0 });

    await org.as.dpo.post(`${base}/notifications/read`).send({ ids: [list.items[0].id] }).expect(200, { marked: 1 });
    expect((await org.as.dpo.get(`${base}/notifications`).expect(200)).body.unread).toBe(1);
    await org.as.dpo.post(`${base}/notifications/read`).send({}).expect(200, { marked: 1 });
    await org.as.dpo.post(`${base}/notifications/read`).send({ ids: ['nope'] }).expect(400);

    const stored = (await org.as.admin.get(`${base}/stored-emails`).expect(200)).body;
    expect(stored.total).toBe(2);
    expect(stored.items[0]).toMatchObject({ to: expect.stringContaining('@example.test'), html: expect.stringContaining('<ul>') });
    await org.as.dpo.get(`${base}/stored-emails`).expect(403);

    expect((await org.as.auditor.get('/api/v1/me/notification-preferences').expect(200)).body).toMatchObject({ emailFrequency: 'immediate' });
    await org.as.auditor.put('/api/v1/me/notification-preferences').send({ emailFrequency: 'daily' }).expect(400);
  });

  it('keeps notifications and stored e-mails to their organisation (row-level security, application role)', async () => {
    const perOrganization = await query<{ organization_id: string }>('SELECT DISTINCT organization_id FROM notifications');
    expect(perOrganization.map((row) => row.organization_id).sort()).toEqual([org.organizationId, other.organizationId].sort());
    const client = new Client({ connectionString: api.database.appUrl });
    await client.connect();
    try {
      for (const table of ['notifications', 'stored_emails']) {
        await client.query('BEGIN');
        await client.query("SELECT set_config('app.organization_id', $1, true)", [org.organizationId]);
        const seen = await client.query<{ organization_id: string }>(`SELECT DISTINCT organization_id FROM ${table}`);
        await client.query('ROLLBACK');
        expect({ table, seen: seen.rows.map((row) => row.organization_id) }).toEqual({ table, seen: [org.organizationId] });
        const outside = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`);
        expect({ table, count: outside.rows[0].count }).toEqual({ table, count: 0 });
      }
    } finally {
      await client.end();
    }
  });
});

