import type { Client } from 'pg';
import { SmtpReceiver } from '../../test/smtp-receiver';
import { createOrganizationWithRoles, createTestApi, newAgent, TEST_PASSWORD, TestApi, TestOrganization, type Agent } from '../../test/test-api';
import { asOwner, completeActivity } from '../activities/activities.test-helpers';
import { translate } from '../common/i18n/i18n';
import { CATALOGUE_SOURCES, CatalogueSource } from '../catalogues/catalogue-sources';
import { download, openWorkbook, rowsOf } from '../exports/exports.test-helpers';
import { dayInWords } from './adequacy-notices';
import { NotificationsService } from './notifications.service';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** The Court annuls Japan's decision (a test catalogue version): it no longer applies from this day. */
const ANNULLED_ON = day(-2);

/** The shipped catalogues, with one change to Japan's adequacy decision: a new catalogue version. */
function withJapan(adequacy: Record<string, unknown>): CatalogueSource[] {
  return CATALOGUE_SOURCES.map((source) =>
    source.name !== 'countries'
      ? source
      : {
          ...source,
          version: `${source.version}-test`,
          items: source.items.map((item) => (item.code === 'JP' ? { ...item, adequacy: { ...(item.adequacy as Record<string, unknown>), ...adequacy } } : item)),
        },
  );
}

describe('a catalogue update changes an adequacy decision: re-assessed, DPOs told once (real PostgreSQL, real SMTP)', () => {
  let api: TestApi;
  let updated: TestApi | undefined;
  let receiver: SmtpReceiver;
  let org: TestOrganization;
  let other: TestOrganization;
  let activity: { id: string; reference: string };
  let covered: { id: string };
  let emails: Record<'dpo' | 'contributor' | 'otherDpo', string>;
  /** The DPO signed in on the process started with the new catalogue. */
  let dpo: Agent;

  const base = (o = org) => `/api/v1/organizations/${o.organizationId}`;
  const query = <T extends object>(sql: string, params: unknown[] = []) => asOwner(api, async (client: Client) => (await client.query<T>(sql, params)).rows);

  beforeAll(async () => {
    receiver = await SmtpReceiver.start();
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Maison Hélène « Export »');
    other = await createOrganizationWithRoles(api.server, 'Boulangerie d’Aurélie');
    activity = (
      await org.as.dpo
        .post(`${base()}/activities`)
        .send(
          completeActivity({
            name: 'Traduction des contrats',
            transfers: [{ country: 'JP', recipient: 'Sakura Honyaku', mechanism: null, documentation: null }],
          }),
        )
        .expect(201)
    ).body;
    // Under standard contractual clauses: the decision's end does not concern it.
    covered = (
      await org.as.dpo
        .post(`${base()}/activities`)
        .send(completeActivity({ name: 'Support client à Osaka', transfers: [{ country: 'JP', recipient: 'Kansai Support', mechanism: 'scc', documentation: 'Clauses signées le 2 février 2026' }] }))
        .expect(201)
    ).body;
    await org.as.dpo.post(`${base()}/vendors`).send({ name: 'Nuage Nippon', role: 'processor', dataLocations: ['FR', 'JP'] }).expect(201);
    // Fixture shortcut: the register as recorded ten days ago, so that its state before the annulment can be read.
    await query("UPDATE activity_versions SET created_at = created_at - interval '10 days' WHERE organization_id = $1", [org.organizationId]);
    await other.as.dpo.post(`${base(other)}/activities`).send(completeActivity({ name: 'Paie', transfers: [{ country: 'CH', recipient: 'Fiduciaire Genève', mechanism: null, documentation: null }] })).expect(201);
    const users = await query<{ id: string; email: string }>('SELECT id, email FROM users WHERE id = ANY($1::uuid[])', [[org.userIds.dpo, org.userIds.contributor, other.userIds.dpo]]);
    const emailOf = (id: string) => users.find((user) => user.id === id)!.email;
    emails = { dpo: emailOf(org.userIds.dpo), contributor: emailOf(org.userIds.contributor), otherDpo: emailOf(other.userIds.dpo) };
    // The DPO reads French; the other organisation's DPO too.
    await query("UPDATE users SET locale = 'fr' WHERE id = ANY($1::uuid[])", [[org.userIds.dpo, other.userIds.dpo]]);
  }, 60_000);
  afterAll(async () => {
    await updated?.close();
    await api.close();
    await receiver.stop();
  });

  it('records nothing when the catalogue is the same, and each change once when a new version changes a decision', async () => {
    // Every test API has synced the shipped catalogues: nothing changed.
    expect(await query('SELECT * FROM catalogue_changes')).toEqual([]);
    updated = await createTestApi(
      { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(receiver.port), SMTP_SECURE: 'false' },
      { sharedDatabase: api.database, catalogueSources: withJapan({ annulledOn: ANNULLED_ON }) },
    );
    const changes = await query<{ code: string; kind: string; decision: string; scope: string; effective_on: string; catalogue_version: string }>(
      "SELECT code, kind, decision, scope, to_char(effective_on, 'YYYY-MM-DD') AS effective_on, catalogue_version FROM catalogue_changes",
    );
    expect(changes).toEqual([
      { code: 'JP', kind: 'annulled', decision: 'Implementing Decision (EU) 2019/419', scope: 'partial', effective_on: ANNULLED_ON, catalogue_version: expect.stringMatching(/-test$/) },
    ]);
    const agent = await newAgent(updated.server, 'fr');
    await agent.post('/api/v1/auth/login').send({ email: emails.dpo, password: TEST_PASSWORD }).expect(200);
    dpo = agent;
  });

  it('tells the DPOs concerned once, in app and by e-mail, in words; nobody else', async () => {
    const service = updated!.app.get(NotificationsService);
    await service.runReminders();

    const notices = await query<{ organization_id: string; user_id: string; kind: string }>(
      "SELECT organization_id, user_id, kind FROM notifications WHERE kind = 'adequacy_decision_changed'",
    );
    expect(notices).toEqual([{ organization_id: org.organizationId, user_id: org.userIds.dpo, kind: 'adequacy_decision_changed' }]);
    // The other organisation was assessed (nothing in Japan) and will not be again.
    const assessed = await query<{ organization_id: string; transfers: number; vendors: number }>('SELECT organization_id, transfers, vendors FROM adequacy_change_notices ORDER BY transfers');
    expect(assessed).toEqual([
      { organization_id: other.organizationId, transfers: 0, vendors: 0 },
      { organization_id: org.organizationId, transfers: 1, vendors: 1 },
    ]);

    const expected =
      `Japon : la décision d’adéquation est annulée à compter du ${dayInWords(ANNULLED_ON, 'fr')} ; 1 transfert et 1 fournisseur doivent s’appuyer sur un autre outil de transfert.` +
      ` Concernés : ${activity.reference} Traduction des contrats, Nuage Nippon.`;
    const list = (await dpo.get(`${base()}/notifications`).expect(200)).body as { items: { kind: string; message: string; link: string }[] };
    const notice = list.items.filter((item) => item.kind === 'adequacy_decision_changed');
    expect(notice).toEqual([expect.objectContaining({ message: expected, link: `/orgs/${org.organizationId}/dashboard?code=transfer_without_mechanism` })]);

    const mail = await receiver.waitFor(emails.dpo);
    const adequacyMails = receiver.to(emails.dpo).filter((message) => message.subject.includes('adéquation'));
    expect(adequacyMails).toHaveLength(1);
    expect(mail.subject).toBe('[Registre] Maison Hélène « Export » : une décision d’adéquation change pour vos transferts');
    expect(mail.text).toContain(expected);
    expect(mail.text).toContain(`/orgs/${org.organizationId}/dashboard?code=transfer_without_mechanism`);
    // Words only: no ISO date, no country or kind code, in the message or the e-mail.
    for (const text of [expected, mail.text.replace(/https?:\/\/\S+/g, '')]) {
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\bJP\b|annulled|adequacy_|Implementing Decision/);
    }
    expect(receiver.to(emails.contributor).filter((message) => message.subject.includes('adéquation'))).toEqual([]);
    expect(receiver.to(emails.otherDpo)).toEqual([]);
  });

  it('adds nothing when the job runs again', async () => {
    const before = receiver.messages.length;
    const again = await updated!.app.get(NotificationsService).runReminders();
    expect(again).toMatchObject({ notifications: 0, emails: 0 });
    expect(await query("SELECT id FROM notifications WHERE kind = 'adequacy_decision_changed'")).toHaveLength(1);
    expect(receiver.messages.length).toBe(before);
  });

  it('re-assesses the transfers: without a mechanism from the day of the annulment, as it was the day before in the register as of then', async () => {
    const findings = (await dpo.get(`${base()}/findings?recordId=${activity.id}&pageSize=50`).expect(200)).body.items as { code: string; severity: string }[];
    expect(findings.map((finding) => finding.code).filter((code) => code.startsWith('transfer_'))).toEqual(['transfer_without_mechanism']);
    const untouched = (await dpo.get(`${base()}/findings?recordId=${covered.id}&pageSize=50`).expect(200)).body.items as { code: string }[];
    expect(untouched.map((finding) => finding.code).filter((code) => code.startsWith('transfer_'))).toEqual([]);

    const statuses = async (asOf?: string) => {
      const url = `${base()}/exports/register.xlsx?lang=en${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`;
      const workbook = await openWorkbook((await download(dpo, url)).body);
      const sheet = workbook.getWorksheet(translate('en', 'exports.sheet_transfers'))!;
      return rowsOf(sheet).map((row) => row[translate('en', 'exports.col_transfer_status_code')]);
    };
    expect(await statuses()).toEqual(['needs_mechanism', 'safeguarded']);
    // The day before the annulment (end of day, UTC): the decision still applied, the recipient's scope was to confirm.
    expect(await statuses(`${day(-3)}T23:00:00.000Z`)).toEqual(['scope_to_confirm', 'safeguarded']);
  });
});
