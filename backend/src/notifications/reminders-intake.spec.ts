import { SmtpReceiver, type ReceivedEmail } from '../../test/smtp-receiver';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { completeActivity } from '../activities/activities.test-helpers';
import { breachBody, codesIn, nameBothOrganizations, requestBody } from './mail.test-helpers';
import { NotificationsService } from './notifications.service';
import { forgetWorkflowNotifications } from './workflow.test-helpers';

const PUBLIC_URL = 'http://registre.test';
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
/** The instant as the reminders say it: day and hour in Paris, the organisation's time. */
const parisTime = (instant: Date, locale: 'fr-FR' | 'en-GB') => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(instant);
const isReminder = (mail: ReceivedEmail) => /nouveau rappel|nouveaux rappels|new reminder/.test(mail.subject);

interface Item {
  kind: string;
  recordType: string;
  recordReference: string;
  message: string;
  link: string;
}

describe('reminders of rights requests and breaches (real SMTP, real PostgreSQL)', () => {
  let smtp: SmtpReceiver;
  let api: TestApi;
  let org: TestOrganization;
  let other: TestOrganization;
  let emails: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const deadlines: Record<'due' | 'overdue', Date> = { due: new Date(NaN), overdue: new Date(NaN) };
  const base = (organization: TestOrganization) => `/api/v1/organizations/${organization.organizationId}`;
  const itemsOf = async (organization: TestOrganization, role: 'dpo' | 'contributor' | 'auditor' | 'admin') =>
    ((await organization.as[role].get(`${base(organization)}/notifications?pageSize=100`).expect(200)).body.items as Item[]).filter((item) =>
      ['rights_request', 'breach'].includes(item.recordType),
    );
  const kindsOf = async (organization: TestOrganization, role: 'dpo' | 'contributor' | 'auditor' | 'admin') =>
    (await itemsOf(organization, role)).map((item) => `${item.kind} ${item.recordReference}`).sort();

  beforeAll(async () => {
    smtp = await SmtpReceiver.start();
    api = await createTestApi({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PUBLIC_URL });
    org = await createOrganizationWithRoles(api.server, 'Mairie de Saint-Étienne-de-Tinée');
    other = await createOrganizationWithRoles(api.server, 'Clinique « Les Oliviers »');
    emails = await nameBothOrganizations(api, org, other);
    const { dpo, contributor } = org.as;
    const activity = (await dpo.post(`${base(org)}/activities`).send(completeActivity({ name: 'Paie des agents' })).expect(201)).body.id as string;
    ids.activity = activity;

    // D-0001, recorded by the contributor, due within the week (one month from 27 days ago, at most a
    // few days later for a weekend or a public holiday); D-0002 past its month; D-0003 withdrawn.
    ids.dueSoon = (await contributor.post(`${base(org)}/rights-requests`).send(requestBody(daysAgo(27), 'Jean-Noël Hervé', activity)).expect(201)).body.id;
    ids.overdue = (await dpo.post(`${base(org)}/rights-requests`).send(requestBody(daysAgo(45), 'Agnès Côté', activity)).expect(201)).body.id;
    const withdrawn = (await dpo.post(`${base(org)}/rights-requests`).send(requestBody(daysAgo(45), 'Bérénice L’Hôte', activity)).expect(201)).body;
    await dpo.post(`${base(org)}/rights-requests/${withdrawn.id}/withdraw`).send({ version: withdrawn.version }).expect(200);

    // V-0001: 24 hours or less left; V-0002: past its 72 hours; V-0003: no risk (recorded only);
    // V-0004: 62 hours left, too early.
    const due = (await dpo.post(`${base(org)}/breaches`).send(breachBody('Perte d’un ordinateur portable', hoursAgo(50), 'risk', activity)).expect(201)).body;
    const overdue = (await dpo.post(`${base(org)}/breaches`).send(breachBody('Courriel « paie » envoyé au mauvais destinataire', hoursAgo(80), 'high', activity)).expect(201)).body;
    ids.breachDue = due.id;
    ids.breachOverdue = overdue.id;
    deadlines.due = new Date(due.notificationDueAt);
    deadlines.overdue = new Date(overdue.notificationDueAt);
    await dpo.post(`${base(org)}/breaches`).send(breachBody('Badge perdu', hoursAgo(80), 'none', activity)).expect(201);
    await dpo.post(`${base(org)}/breaches`).send(breachBody('Clé USB égarée', hoursAgo(10), 'risk', activity)).expect(201);

    // The other organisation: one overdue request of its own.
    const theirActivity = (await other.as.dpo.post(`${base(other)}/activities`).send(completeActivity({ name: 'Dossier patient' })).expect(201)).body.id as string;
    ids.theirs = (await other.as.dpo.post(`${base(other)}/rights-requests`).send(requestBody(daysAgo(45), 'Zélie Patiente', theirActivity)).expect(201)).body.id;

    await forgetWorkflowNotifications(api);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
  });

  it('notifies the DPO and the admin of requests due soon or overdue and of breaches 24 hours before and after their 72 hours, the contributor of what they recorded', async () => {
    const run = await api.app.get(NotificationsService).runReminders();
    // 4 to the DPO, 4 to the admin, 1 to the contributor; 2 in the other organisation.
    expect(run.notifications).toBe(11);

    const four = ['breach_notification_due V-0001', 'breach_notification_overdue V-0002', 'rights_request_due D-0001', 'rights_request_overdue D-0002'];
    expect(await kindsOf(org, 'dpo')).toEqual(four);
    expect(await kindsOf(org, 'admin')).toEqual(four);
    expect(await kindsOf(org, 'contributor')).toEqual(['rights_request_due D-0001']);
    expect(await kindsOf(org, 'auditor')).toEqual([]);

    const items = await itemsOf(org, 'dpo');
    const link = (kind: string) => items.find((item) => item.kind === kind)!.link;
    expect(link('rights_request_due')).toBe(`/orgs/${org.organizationId}/rights-requests/${ids.dueSoon}`);
    expect(link('rights_request_overdue')).toBe(`/orgs/${org.organizationId}/rights-requests/${ids.overdue}`);
    expect(link('breach_notification_due')).toBe(`/orgs/${org.organizationId}/breaches/${ids.breachDue}`);
    expect(link('breach_notification_overdue')).toBe(`/orgs/${org.organizationId}/breaches/${ids.breachOverdue}`);
    const english = (await itemsOf(org, 'admin')).map((item) => item.message).sort();
    expect(english).toEqual([
      // A breach's deadline is an instant (72 hours from awareness, Art 33(1)): told with its hour, Paris time.
      `Breach V-0001 “Perte d’un ordinateur portable”: less than 24 hours left to notify the CNIL (deadline ${parisTime(deadlines.due, 'en-GB')})`,
      `Breach V-0002 “Courriel « paie » envoyé au mauvais destinataire”: not notified to the CNIL within 72 hours (deadline ${parisTime(deadlines.overdue, 'en-GB')})`,
      expect.stringMatching(/^Rights request D-0001 to be answered by \d+ \p{L}+ \d{4}$/u),
      expect.stringMatching(/^Rights request D-0002 unanswered, due on \d+ \p{L}+ \d{4}$/u),
    ]);
  });

  it('e-mails each recipient alone, in their language, with the words of the dates and links to the pages', async () => {
    const dpoMail = await smtp.waitForMatching(emails[org.userIds.dpo], isReminder);
    expect(dpoMail.to).toEqual([emails[org.userIds.dpo]]);
    expect(dpoMail.subject).toBe('[Registre] Mairie de Saint-Étienne-de-Tinée : 4 nouveaux rappels');
    const { text } = dpoMail;
    expect(text).toContain('Bonjour Denise Délégué,');
    expect(text).toMatch(/Demande d’exercice de droits D-0001 à traiter au plus tard le \d+ \p{L}+ \d{4}/u);
    expect(text).toMatch(/Demande d’exercice de droits D-0002 sans réponse : échéance du \d+ \p{L}+ \d{4} dépassée/u);
    expect(text).toContain(`Violation V-0001 « Perte d’un ordinateur portable » : moins de 24 heures pour la notifier à la CNIL (échéance le ${parisTime(deadlines.due, 'fr-FR')})`);
    expect(text).toContain(`Violation V-0002 « Courriel « paie » envoyé au mauvais destinataire » : non notifiée à la CNIL dans les 72 heures (échéance le ${parisTime(deadlines.overdue, 'fr-FR')})`);
    expect(parisTime(deadlines.due, 'fr-FR')).toMatch(/^\d+ \p{L}+ \d{4} à \d{2}:\d{2}$/u);
    for (const path of [`rights-requests/${ids.dueSoon}`, `rights-requests/${ids.overdue}`, `breaches/${ids.breachDue}`, `breaches/${ids.breachOverdue}`]) {
      expect(text).toContain(`${PUBLIC_URL}/orgs/${org.organizationId}/${path}`);
      expect(dpoMail.html).toContain(`href="${PUBLIC_URL}/orgs/${org.organizationId}/${path}"`);
    }
    expect(codesIn(text)).toEqual([]);
    // The requesters' names are personal data: never in a reminder.
    for (const name of ['Jean-Noël', 'Agnès', 'Bérénice']) expect(text).not.toContain(name);

    const adminMail = await smtp.waitForMatching(emails[org.userIds.admin], isReminder);
    expect(adminMail.to).toEqual([emails[org.userIds.admin]]);
    expect(adminMail.subject).toBe('[Registre] Mairie de Saint-Étienne-de-Tinée: 4 new reminders');
    expect(codesIn(adminMail.text)).toEqual([]);

    const contributorMail = await smtp.waitForMatching(emails[org.userIds.contributor], isReminder);
    expect(contributorMail.to).toEqual([emails[org.userIds.contributor]]);
    expect(contributorMail.text).toContain('D-0001');
    for (const other of ['D-0002', 'D-0003', 'Violation']) expect(contributorMail.text).not.toContain(other);
    expect(smtp.to(emails[org.userIds.auditor]).filter(isReminder)).toEqual([]);
  });

  it('keeps the organisations apart', async () => {
    expect(await kindsOf(other, 'dpo')).toEqual(['rights_request_overdue D-0001']);
    expect(await kindsOf(other, 'admin')).toEqual(['rights_request_overdue D-0001']);
    const theirs = await smtp.waitForMatching(emails[other.userIds.dpo], isReminder);
    expect(theirs.subject).toContain('Clinique « Les Oliviers »');
    expect(theirs.text).toContain(`/orgs/${other.organizationId}/rights-requests/${ids.theirs}`);
    for (const ours of ['Perte d’un ordinateur', 'V-0001', org.organizationId]) expect(theirs.text).not.toContain(ours);
    const ourMail = smtp.to(emails[org.userIds.dpo]).filter(isReminder);
    for (const mail of ourMail) expect(mail.text).not.toContain(other.organizationId);
  });

  it('reminds once per threshold: a second run adds nothing and sends nothing', async () => {
    const before = smtp.messages.length;
    await expect(api.app.get(NotificationsService).runReminders()).resolves.toMatchObject({ notifications: 0, emails: 0 });
    // Let a late e-mail arrive if one were sent.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages).toHaveLength(before);
    expect(await kindsOf(org, 'dpo')).toHaveLength(4);
  });

  it('respects a member who turned a kind off', async () => {
    await org.as.admin
      .put('/api/v1/me/notification-preferences')
      .send({ emailFrequency: 'immediate', kinds: [{ kind: 'rights_request_overdue', inApp: false, email: false }] })
      .expect(200);
    await (org.as.dpo.post(`${base(org)}/rights-requests`).send(requestBody(daysAgo(50), 'Renée Dupré', ids.activity)).expect(201));
    await expect(api.app.get(NotificationsService).runReminders()).resolves.toMatchObject({ notifications: 1 });
    expect((await kindsOf(org, 'dpo')).filter((kind) => kind.startsWith('rights_request_overdue'))).toEqual(['rights_request_overdue D-0002', 'rights_request_overdue D-0004']);
    expect((await kindsOf(org, 'admin')).filter((kind) => kind.startsWith('rights_request_overdue'))).toEqual(['rights_request_overdue D-0002']);
  });
});
