import type { TestApi } from '../../test/test-api';
import { asOwner } from '../activities/activities.test-helpers';
import { WORKFLOW_KINDS } from '../domain/notifications/notification-kinds';

/**
 * Forgets the workflow notifications (and their e-mails) that fixtures left, e.g. "invitation
 * accepted" for every member createOrganizationWithRoles invites, so that tests about reminders count
 * only theirs. Waits first for the e-mails sent after commit (bounded), so none lands afterwards.
 */
export async function forgetWorkflowNotifications(api: TestApi): Promise<void> {
  await asOwner(api, async (client) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { rows } = await client.query<{ pending: number }>(
        'SELECT count(*)::int AS pending FROM notifications WHERE kind = ANY($1::text[]) AND by_email AND emailed_at IS NULL',
        [WORKFLOW_KINDS],
      );
      if (rows[0].pending === 0) break;
      if (Date.now() > deadline) throw new Error(`${rows[0].pending} workflow e-mail(s) still unsent`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await client.query('DELETE FROM notifications WHERE kind = ANY($1::text[])', [WORKFLOW_KINDS]);
    await client.query('DELETE FROM stored_emails');
  });
}
