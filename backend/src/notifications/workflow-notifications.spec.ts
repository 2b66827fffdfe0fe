import { subject } from '@casl/ability';
import { Client } from 'pg';
import { SmtpReceiver, type ReceivedEmail } from '../../test/smtp-receiver';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { asOwner, completeActivity } from '../activities/activities.test-helpers';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { WorkflowNotifier } from './workflow-notifier';

interface Listed {
  items: { kind: string; message: string; link: string; recordId: string; actorName: string | null; read: boolean }[];
  unread: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('workflow notifications (real PostgreSQL, real SMTP receiver)', () => {
  let smtp: SmtpReceiver;
  let api: TestApi;
  let org: TestOrganization;
  let other: TestOrganization;
  const emails: Record<string, string> = {};

  const sql = <T extends object>(text: string, params: unknown[] = []) => asOwner(api, async (client: Client) => (await client.query<T>(text, params)).rows);
  const activities = () => `/api/v1/organizations/${org.organizationId}/activities`;
  const listOf = async (who: keyof TestOrganization['as'], organization = org, lang = 'en'): Promise<Listed> =>
    (await organization.as[who].get(`/api/v1/organizations/${organization.organizationId}/notifications`).set('Accept-Language', lang).expect(200)).body as Listed;
  // The workflow's mail, not an invitation to the same person that may arrive in between.
  const isWorkflowMail = (mail: ReceivedEmail) => mail.subject.startsWith('[Registre] Mairie de Saint-Étienne');
  const workflowMails = (address: string) => smtp.to(address).filter(isWorkflowMail);

  beforeAll(async () => {
    smtp = await SmtpReceiver.start();
    api = await createTestApi({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PUBLIC_URL: 'https://registre.example.test' });
    org = await createOrganizationWithRoles(api.server, 'Mairie de Saint-Étienne');
    other = await createOrganizationWithRoles(api.server, 'Autre collectivité');
    // Realistic names and languages: the DPO reads English, the contributor French.
    await sql("UPDATE users SET name = 'Denis Délégué', locale = 'en' WHERE id = $1", [org.userIds.dpo]);
    await sql("UPDATE users SET name = 'Camille Lefèvre', locale = 'fr' WHERE id = $1", [org.userIds.contributor]);
    for (const role of ['admin', 'dpo', 'contributor', 'auditor'] as const) {
      emails[role] = (await sql<{ email: string }>('SELECT email FROM users WHERE id = $1', [org.userIds[role]]))[0].email;
      emails[`other_${role}`] = (await sql<{ email: string }>('SELECT email FROM users WHERE id = $1', [other.userIds[role]]))[0].email;
    }
  }, 120_000);
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });

  it('a submission notifies the DPO (in-app and e-mail in English), never the actor, another organisation or other roles', async () => {
    const created = (await org.as.contributor.post(activities()).send(completeActivity({ name: 'Paie des agents « titulaires »' })).expect(201)).body;
    await org.as.contributor.post(`${activities()}/${created.id}/submit`).send({ version: created.version }).expect(200);

    // Each accepted invitation told the administrator who invited, in words, with the members page.
    const joined = (await listOf('admin')).items.filter((item) => item.kind === 'invitation_accepted');
    expect(joined.map((item) => item.message).sort()).toEqual(
      ['Test auditor', 'Test contributor', 'Test dpo'].map((name) => `${name} accepted the invitation to join Mairie de Saint-Étienne`),
    );
    expect(joined[0].link).toBe(`/orgs/${org.organizationId}/settings/members`);

    const dpo = await listOf('dpo');
    expect(dpo.items).toHaveLength(1);
    expect(dpo.items[0]).toMatchObject({
      kind: 'activity_submitted',
      recordId: created.id,
      actorName: 'Camille Lefèvre',
      message: `Camille Lefèvre submitted ${created.reference} Paie des agents « titulaires » for validation`,
      link: `/orgs/${org.organizationId}/register/${created.id}`,
      read: false,
    });
    expect(dpo.unread).toBe(1);
    const workflowOf = (page: Listed) => page.items.filter((item) => item.kind !== 'invitation_accepted');
    for (const who of ['contributor', 'admin', 'auditor'] as const) expect(workflowOf(await listOf(who))).toEqual([]);
    for (const who of ['dpo', 'admin'] as const) expect(workflowOf(await listOf(who, other))).toEqual([]);

    const mail = await smtp.waitForMatching(emails.dpo, isWorkflowMail);
    expect(mail.subject).toBe(`[Registre] Mairie de Saint-Étienne: Camille Lefèvre submitted ${created.reference} Paie des agents « titulaires » for validation`);
    expect(mail.text).toContain('Hello Denis Délégué,');
    expect(mail.text).toContain(`https://registre.example.test/orgs/${org.organizationId}/register/${created.id}`);
    expect(mail.html).toContain('Paie des agents « titulaires »');
    // Words only: outside its links, no code and no id.
    expect(mail.text.replace(/https:\/\/\S+/g, '')).not.toMatch(/activity_submitted|[0-9a-f]{8}-[0-9a-f]{4}-/);
    await pause(500);
    for (const who of ['contributor', 'admin', 'auditor', 'other_dpo', 'other_admin']) {
      expect(smtp.to(emails[who]).filter((sent) => sent.text.includes('Paie des agents'))).toEqual([]);
    }
  });

  it('the DPO requests changes with a comment: audited, stale version 409, blank comment 400; the owner is notified in French', async () => {
    const created = (await org.as.contributor.post(activities()).send(completeActivity({ name: 'Badges d’accès' })).expect(201)).body;
    const submitted = (await org.as.contributor.post(`${activities()}/${created.id}/submit`).send({ version: created.version }).expect(200)).body;
    const before = workflowMails(emails.contributor).length;

    // Only the DPO; only from in_review; the version read; a comment that says something.
    await org.as.contributor.post(`${activities()}/${created.id}/request-changes`).send({ version: submitted.version, comment: 'Précisez la durée.' }).expect(403);
    await org.as.dpo.post(`${activities()}/${created.id}/request-changes`).send({ version: submitted.version - 1, comment: 'Précisez la durée.' }).expect(409);
    const blank = await org.as.dpo.post(`${activities()}/${created.id}/request-changes`).send({ version: submitted.version, comment: '   ' }).expect(400);
    expect(blank.body.code).toBe('validation_failed');
    expect((await org.as.dpo.get(`${activities()}/${created.id}`).expect(200)).body.status).toBe('in_review');

    const comment = 'La durée de conservation des badges n’est pas justifiée : précisez « 3 mois après le départ ».';
    const sentBack = (await org.as.dpo.post(`${activities()}/${created.id}/request-changes`).send({ version: submitted.version, comment }).expect(200)).body;
    expect(sentBack).toMatchObject({ status: 'draft', version: submitted.version + 1 });
    await org.as.dpo.post(`${activities()}/${created.id}/request-changes`).send({ version: sentBack.version, comment }).expect(409);

    const [version] = (await org.as.contributor.get(`${activities()}/${created.id}/versions`).expect(200)).body.items;
    expect(version).toMatchObject({ action: 'request_changes', comment, authorName: 'Denis Délégué' });
    const audit = await sql<{ action: string }>("SELECT action FROM audit_events WHERE entity_type = 'Activity' AND entity_id = $1 ORDER BY occurred_at DESC LIMIT 1", [created.id]);
    expect(audit[0].action).toBe('request_changes');

    const mine = await listOf('contributor', org, 'fr');
    expect(mine.items[0]).toMatchObject({ kind: 'activity_changes_requested', message: `Denis Délégué demande des modifications sur ${created.reference} Badges d’accès` });
    const mail = await smtp.waitForMatching(emails.contributor, isWorkflowMail, before + 1);
    expect(mail.subject).toBe(`[Registre] Mairie de Saint-Étienne : Denis Délégué demande des modifications sur ${created.reference} Badges d’accès`);
    expect(mail.text).toContain('Bonjour Camille Lefèvre,');
    expect(mail.text).toContain(`https://registre.example.test/orgs/${org.organizationId}/register/${created.id}`);
  });

  it('each person’s preferences decide in-app and e-mail per kind', async () => {
    await org.as.contributor
      .put('/api/v1/me/notification-preferences')
      .send({ emailFrequency: 'immediate', kinds: [{ kind: 'activity_validated', inApp: true, email: false }, { kind: 'activity_archived', inApp: false, email: true }] })
      .expect(200);
    const prefs = (await org.as.contributor.get('/api/v1/me/notification-preferences').expect(200)).body;
    expect(prefs.kinds).toEqual(expect.arrayContaining([{ kind: 'activity_validated', inApp: true, email: false }, { kind: 'activity_submitted', inApp: true, email: true }]));
    await org.as.contributor.put('/api/v1/me/notification-preferences').send({ emailFrequency: 'immediate', kinds: [{ kind: 'nope', inApp: true, email: true }] }).expect(400);

    const created = (await org.as.contributor.post(activities()).send(completeActivity({ name: 'Vidéoprotection du parvis' })).expect(201)).body;
    const submitted = (await org.as.contributor.post(`${activities()}/${created.id}/submit`).send({ version: created.version }).expect(200)).body;
    const workflowBefore = workflowMails(emails.contributor).length;
    const validated = (await org.as.dpo.post(`${activities()}/${created.id}/validate`).send({ version: submitted.version }).expect(200)).body;
    expect((await listOf('contributor')).items[0]).toMatchObject({ kind: 'activity_validated', recordId: created.id });
    await org.as.dpo.post(`${activities()}/${created.id}/archive`).send({ version: validated.version }).expect(200);
    // The archive e-mail arrives; the validation sent none, and the archive is not listed in-app.
    const mail = await smtp.waitForMatching(emails.contributor, isWorkflowMail, workflowBefore + 1);
    expect(mail.subject).toContain('Denis Délégué a archivé');
    await pause(300);
    expect(workflowMails(emails.contributor)).toHaveLength(workflowBefore + 1);
    expect((await listOf('contributor')).items.map((item) => item.kind)).not.toContain('activity_archived');
  });

  it('never notifies someone who is no longer a member, nor someone whose ability cannot read the record', async () => {
    const created = (await org.as.contributor.post(activities()).send(completeActivity({ name: 'Restauration scolaire' })).expect(201)).body;
    const submitted = (await org.as.contributor.post(`${activities()}/${created.id}/submit`).send({ version: created.version }).expect(200)).body;
    const contributorBefore = (await sql<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1', [org.userIds.contributor]))[0].n;
    const membership = await sql<{ id: string; roles: string[]; department_id: string | null }>('SELECT id, roles, department_id FROM memberships WHERE user_id = $1 AND organization_id = $2', [
      org.userIds.contributor,
      org.organizationId,
    ]);
    await sql('DELETE FROM memberships WHERE id = $1', [membership[0].id]);
    try {
      await org.as.dpo.post(`${activities()}/${created.id}/validate`).send({ version: submitted.version }).expect(200);
      expect((await sql<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1', [org.userIds.contributor]))[0].n).toBe(contributorBefore);
    } finally {
      await sql('INSERT INTO memberships (organization_id, id, user_id, roles, department_id) VALUES ($1, $2, $3, $4, $5)', [
        org.organizationId,
        membership[0].id,
        org.userIds.contributor,
        membership[0].roles,
        membership[0].department_id,
      ]);
    }

    // The CASL ability decides: a contributor reads only the breaches they recorded.
    const notifier = api.app.get(WorkflowNotifier);
    const connection = api.app.get(TransactionalConnection);
    const notifyAbout = (recordedById: string) =>
      connection.withTenant({ organizationId: org.organizationId, userId: org.userIds.dpo, actorName: 'Denis Délégué' }, () =>
        notifier.notify({
          kind: 'activity_reopened',
          organizationId: org.organizationId,
          record: { type: 'activity', id: created.id, reference: created.reference, name: 'Fuite', subject: subject('Breach', { organizationId: org.organizationId, recordedById }) },
          to: [{ userId: org.userIds.contributor }, { userId: org.userIds.auditor }],
        }),
      );
    expect(await notifyAbout(org.userIds.admin)).toEqual([org.userIds.auditor]);
    expect((await notifyAbout(org.userIds.contributor)).sort()).toEqual([org.userIds.contributor, org.userIds.auditor].sort());
  });

  it('an import proposing several vendors e-mails each DPO once, listing them (in-app: one line each)', async () => {
    await pause(500); // the e-mails of the tests before have all arrived
    const before = workflowMails(emails.dpo).length;
    const vendors = ['Hébergeur « Nuage souverain »', 'Routeur d’e-mails Brevo', 'Signature électronique Yousign'];
    const items = vendors.map((name, index) => completeActivity({ name: `Traitement importé n° ${index + 1}`, reference: `IMP-${index + 1}`, processors: [name] }));
    await org.as.contributor.post(`${activities()}/import-json`).send(items).expect(201);
    const mail = await smtp.waitForMatching(emails.dpo, (received) => isWorkflowMail(received) && received.subject.includes('3 updates'));
    expect(mail.subject).toBe('[Registre] Mairie de Saint-Étienne: 3 updates');
    for (const name of vendors) expect(mail.text).toContain(`Camille Lefèvre proposed the vendor ${name}`);
    await pause(500);
    expect(workflowMails(emails.dpo)).toHaveLength(before + 1);
    const listed = (await listOf('dpo')).items.filter((item) => item.kind === 'vendor_proposed' && vendors.some((name) => item.message.endsWith(name)));
    expect(listed).toHaveLength(3);
  });

  it('a change rolled back notifies no one and sends nothing', async () => {
    const notifier = api.app.get(WorkflowNotifier);
    const connection = api.app.get(TransactionalConnection);
    const created = (await org.as.contributor.post(activities()).send(completeActivity({ name: 'Listes électorales' })).expect(201)).body;
    await pause(500); // the e-mails of the tests before have all arrived
    const mailsBefore = workflowMails(emails.contributor).length;
    await expect(
      connection.withTenant({ organizationId: org.organizationId, userId: org.userIds.dpo, actorName: 'Denis Délégué' }, async () => {
        const notified = await notifier.notify({
          kind: 'activity_validated',
          organizationId: org.organizationId,
          record: { type: 'activity', id: created.id, reference: created.reference, name: 'Listes électorales', subject: subject('Activity', { organizationId: org.organizationId, ownerId: null, departmentId: null, status: 'draft' }) },
          to: [{ userId: org.userIds.contributor }],
        });
        expect(notified).toEqual([org.userIds.contributor]);
        throw new Error('the change fails after notifying');
      }),
    ).rejects.toThrow('the change fails after notifying');
    await pause(500);
    expect(await sql('SELECT id FROM notifications WHERE record_id = $1', [created.id])).toEqual([]);
    expect(workflowMails(emails.contributor)).toHaveLength(mailsBefore);
  });
});
