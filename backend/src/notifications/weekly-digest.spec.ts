import { SmtpReceiver, type ReceivedEmail } from '../../test/smtp-receiver';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { asOwner, completeActivity } from '../activities/activities.test-helpers';
import { breachBody, codesIn, nameBothOrganizations, requestBody } from './mail.test-helpers';
import { JobsService } from './jobs.service';
import { WeeklyDigestService } from './weekly-digest.service';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const PUBLIC_URL = 'http://registre.test';
const isDigest = (mail: ReceivedEmail) => /votre semaine dans le registre|your week in the register/.test(mail.subject);

describe('weekly digest (real SMTP, real PostgreSQL, the jobs queue)', () => {
  let smtp: SmtpReceiver;
  let api: TestApi;
  let jobs: TestApi;
  let org: TestOrganization;
  let other: TestOrganization;
  let emails: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const base = () => `/api/v1/organizations/${org.organizationId}`;
  const digestTo = (address: string) => smtp.to(address).filter(isDigest);

  beforeAll(async () => {
    smtp = await SmtpReceiver.start();
    const env = { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PUBLIC_URL };
    api = await createTestApi(env);
    org = await createOrganizationWithRoles(api.server, 'Mairie de Saint-Étienne-de-Tinée');
    other = await createOrganizationWithRoles(api.server, 'Clinique « Les Oliviers »');
    emails = await nameBothOrganizations(api, org, other);

    const activities = `${base()}/activities`;
    const { dpo, contributor } = org.as;
    // Validated by the DPO this week.
    const paie = (await dpo.post(activities).send(completeActivity({ name: 'Paie des agents' })).expect(201)).body;
    const submitted = (await dpo.post(`${activities}/${paie.id}/submit`).send({ version: paie.version }).expect(200)).body;
    await dpo.post(`${activities}/${paie.id}/validate`).send({ version: submitted.version }).expect(200);
    ids.paie = paie.id;
    // The contributor's: one sent back with changes requested, one awaiting the DPO, one overdue for review.
    const cantine = (await contributor.post(activities).send(completeActivity({ name: 'Cantine scolaire' })).expect(201)).body;
    const inReview = (await contributor.post(`${activities}/${cantine.id}/submit`).send({ version: cantine.version }).expect(200)).body;
    await dpo.post(`${activities}/${cantine.id}/request-changes`).send({ version: inReview.version, comment: 'Précisez la durée de conservation.' }).expect(200);
    ids.cantine = cantine.id;
    const badges = (await contributor.post(activities).send(completeActivity({ name: 'Badges d’accès à la mairie' })).expect(201)).body;
    await contributor.post(`${activities}/${badges.id}/submit`).send({ version: badges.version }).expect(200);
    ids.badges = badges.id;
    ids.archives = (await contributor.post(activities).send(completeActivity({ name: 'Archives de l’état civil', nextReviewDate: day(-3) })).expect(201)).body.id;
    ids.elections = (await contributor.post(activities).send(completeActivity({ name: 'Listes électorales', nextReviewDate: day(12) })).expect(201)).body.id;

    // The intake registers, recorded by the DPO: a contributor may not read them.
    ids.breach = (
      await dpo
        .post(`${base()}/breaches`)
        .send(breachBody('Perte d’un ordinateur portable', new Date(Date.now() - 10 * 3_600_000).toISOString(), null, paie.id))
        .expect(201)
    ).body.id;
    ids.request = (
      await dpo
        .post(`${base()}/rights-requests`)
        .send(requestBody(new Date(Date.now() - 20 * 86_400_000).toISOString(), 'Jean-Noël Hervé', paie.id, 'jn.herve@exemple.fr'))
        .expect(201)
    ).body.id;

    // The other organisation has its own register.
    await other.as.dpo.post(`/api/v1/organizations/${other.organizationId}/activities`).send(completeActivity({ name: 'Dossier patient informatisé', nextReviewDate: day(5) })).expect(201);

    // The auditor turns the digest off; saving the e-mail frequency later keeps it off.
    expect((await org.as.auditor.get('/api/v1/me/notification-preferences').expect(200)).body).toMatchObject({ weeklyDigest: true });
    await org.as.auditor.put('/api/v1/me/notification-preferences').send({ emailFrequency: 'immediate', weeklyDigest: false }).expect(200);
    await org.as.auditor.put('/api/v1/me/notification-preferences').send({ emailFrequency: 'weekly' }).expect(200);
    expect((await org.as.auditor.get('/api/v1/me/notification-preferences').expect(200)).body).toMatchObject({ weeklyDigest: false, emailFrequency: 'weekly' });
    await org.as.auditor.put('/api/v1/me/notification-preferences').send({ emailFrequency: 'weekly', weeklyDigest: 'non' }).expect(400);

    // The weekly job, asked for on a process that runs the queue, as Monday's schedule does.
    jobs = await createTestApi({ ...env, JOBS_ENABLED: 'true', JOBS_START_DELAY_SECONDS: '0' }, { sharedDatabase: api.database });
    await expect(jobs.app.get(JobsService).requestWeeklyDigest()).resolves.toEqual(expect.any(String));
    await smtp.waitForMatching(emails[other.userIds.dpo], isDigest, 1, 30_000);
    await smtp.waitForMatching(emails[org.userIds.contributor], isDigest, 1, 30_000);
    await smtp.waitForMatching(emails[org.userIds.dpo], isDigest, 1, 30_000);
    await smtp.waitForMatching(emails[org.userIds.admin], isDigest, 1, 30_000);
  }, 120_000);

  afterAll(async () => {
    await jobs?.close();
    await api?.close();
    await smtp?.stop();
  });

  it('tells the DPO, in French, what changed, what waits in the review queue and what falls due, with links', () => {
    const [mail] = digestTo(emails[org.userIds.dpo]);
    expect(mail.subject).toBe('[Registre] Mairie de Saint-Étienne-de-Tinée : votre semaine dans le registre');
    const { text } = mail;
    expect(text).toContain('Bonjour Denise Délégué,');
    expect(text).toContain('Ce qui a changé cette semaine');
    expect(text).toMatch(/Dans le registre : 1 violation enregistrée, 1 traitement validé, 1 demande d’exercice de droits reçue, 5 traitements créés\./);
    expect(text).toMatch(/Traitement validé : T-\d{4} Paie des agents/);
    expect(text).toContain('Violation enregistrée : V-0001 Perte d’un ordinateur portable');
    expect(text).toContain('Ce qui vous attend');
    expect(text).toMatch(/T-\d{4} Badges d’accès à la mairie attend votre validation depuis le \d+ \p{L}+ \d{4}/u);
    expect(text).toMatch(/Violation V-0001 « Perte d’un ordinateur portable » : le risque reste à évaluer, la notification est due avant le/);
    expect(text).toMatch(/Revue de T-\d{4} Archives de l’état civil en retard depuis le/);
    expect(text).toContain('Ce qui arrive à échéance dans les prochaines semaines');
    expect(text).toMatch(/Réponse à la demande D-0001 \(droit d’accès\) due le \d+ \p{L}+ \d{4}/u);
    expect(text).toMatch(/Revue de T-\d{4} Listes électorales prévue le/);
    for (const path of [`register/${ids.paie}`, `register/${ids.badges}`, `breaches/${ids.breach}`, `rights-requests/${ids.request}`]) {
      expect(text).toContain(`${PUBLIC_URL}/orgs/${org.organizationId}/${path}`);
      expect(mail.html).toContain(`href="${PUBLIC_URL}/orgs/${org.organizationId}/${path}"`);
    }
    expect(mail.html).toContain('<h2>Ce qui vous attend</h2>');
    expect(codesIn(text)).toEqual([]);
    // Nothing of the other organisation.
    expect(text).not.toContain('Dossier patient');
  });

  it('tells the contributor only what they may read and what waits for them', () => {
    const [mail] = digestTo(emails[org.userIds.contributor]);
    const { text } = mail;
    expect(text).toContain('Bonjour Gaëlle N’Diaye,');
    expect(text).toMatch(/Traitement validé : T-\d{4} Paie des agents/);
    expect(text).toMatch(/Des modifications vous sont demandées sur T-\d{4} Cantine scolaire/);
    expect(text).toMatch(/Revue de T-\d{4} Archives de l’état civil en retard depuis le/);
    expect(text).toMatch(/Revue de T-\d{4} Listes électorales prévue le/);
    expect(text).toContain(`${PUBLIC_URL}/orgs/${org.organizationId}/register/${ids.cantine}`);
    // The DPO's queue, the breach and the rights request are not theirs to read.
    expect(text).not.toContain('attend votre validation');
    expect(text).not.toContain('Violation');
    expect(text).not.toContain('D-0001');
    expect(text).not.toContain('demande d’exercice');
    expect(text).not.toContain(ids.breach);
    expect(codesIn(text)).toEqual([]);
    expect(text).not.toEqual(digestTo(emails[org.userIds.dpo])[0].text);
  });

  it('writes in English for a person whose language is English', () => {
    const [mail] = digestTo(emails[org.userIds.admin]);
    expect(mail.subject).toBe('[Registre] Mairie de Saint-Étienne-de-Tinée: your week in the register');
    expect(mail.text).toContain('What changed this week');
    expect(mail.text).toContain('Breach recorded: V-0001 Perte d’un ordinateur portable');
    expect(mail.text).toMatch(/Answer to request D-0001 \(right of access\) due on \d+ \p{L}+ \d{4}/u);
    expect(codesIn(mail.text)).toEqual([]);
  });

  it('sends nothing to the person who turned it off, and nothing about one organisation to another', () => {
    expect(digestTo(emails[org.userIds.auditor])).toEqual([]);
    const [theirs] = digestTo(emails[other.userIds.dpo]);
    expect(theirs.subject).toContain('Clinique « Les Oliviers »');
    expect(theirs.text).toMatch(/Dossier patient informatisé/);
    for (const ours of ['Paie des agents', 'Cantine', 'Perte d’un ordinateur', 'D-0001', org.organizationId]) expect(theirs.text).not.toContain(ours);
  });

  it('sends nothing twice in the same week, whichever process runs it again', async () => {
    const before = smtp.messages.filter(isDigest).length;
    await expect(jobs.app.get(JobsService).requestWeeklyDigest()).resolves.toBeNull();
    await expect(api.app.get(WeeklyDigestService).run()).resolves.toMatchObject({ emails: 0 });
    await expect(jobs.app.get(WeeklyDigestService).run()).resolves.toMatchObject({ emails: 0 });
    expect(smtp.messages.filter(isDigest)).toHaveLength(before);
    const sent = await asOwner(api, async (client) => (await client.query<{ count: number }>('SELECT count(*)::int AS count FROM weekly_digests WHERE organization_id = $1', [org.organizationId])).rows[0].count);
    expect(sent).toBe(3);
  });
});
