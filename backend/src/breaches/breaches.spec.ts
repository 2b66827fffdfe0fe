import { Client } from 'pg';
import { asOwner, completeActivity } from '../activities/activities.test-helpers';
import { defineAbilityFor } from '../authorization/ability.factory';
import { breachNotificationDueAt } from '../domain/deadlines/legal-deadlines';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { lateWithoutReasons, notificationState, personsInformationMissing } from '../domain/breaches/breach-rules';

describe('breach rules (Art 33–34)', () => {
  const awareAt = new Date('2026-03-27T10:00:00Z');
  const hours = (count: number) => new Date(awareAt.getTime() + count * 3_600_000);

  it.each([
    { rule: 'not assessed yet, whatever the time', risk: null, notifiedAt: null, now: hours(100), state: 'not_assessed' },
    { rule: 'Art 33(1): unlikely to result in a risk — recorded only (Art 33(5))', risk: 'none', notifiedAt: null, now: hours(100), state: 'not_required' },
    { rule: 'Art 33(1): a risk, within 72 h', risk: 'risk', notifiedAt: null, now: hours(71), state: 'due' },
    { rule: 'Art 33(1): a risk, past 72 h (across the spring clock change: 72 elapsed hours)', risk: 'high', notifiedAt: null, now: hours(72.01), state: 'overdue' },
    { rule: 'Art 33(1): notified at the 72nd hour exactly', risk: 'risk', notifiedAt: hours(72), now: hours(100), state: 'notified' },
    { rule: 'Art 33(1): notified after 72 h', risk: 'risk', notifiedAt: hours(73), now: hours(100), state: 'notified_late' },
  ] as const)('$rule → $state', ({ risk, notifiedAt, now, state }) => {
    expect(notificationState({ awareAt, risk, authorityNotifiedAt: notifiedAt }, now)).toBe(state);
  });

  it('asks for the reasons of a delay only after the 72 hours (Art 33(1))', () => {
    expect(lateWithoutReasons(awareAt, hours(72), null)).toBe(false);
    expect(lateWithoutReasons(awareAt, hours(73), null)).toBe(true);
    expect(lateWithoutReasons(awareAt, hours(73), '  ')).toBe(true);
    expect(lateWithoutReasons(awareAt, hours(73), 'Enquête du prestataire')).toBe(false);
  });

  it('expects people to be told of a high-risk breach unless an Art 34(3) exception is recorded', () => {
    expect(personsInformationMissing({ risk: 'high', personsCommunicatedAt: null, communicationException: null })).toBe(true);
    expect(personsInformationMissing({ risk: 'high', personsCommunicatedAt: null, communicationException: 'art34_3a_protected' })).toBe(false);
    expect(personsInformationMissing({ risk: 'high', personsCommunicatedAt: hours(80), communicationException: null })).toBe(false);
    expect(personsInformationMissing({ risk: 'risk', personsCommunicatedAt: null, communicationException: null })).toBe(false);
  });

  it('gives the breach register the same roles as the requests', () => {
    const table = (['admin', 'dpo', 'contributor', 'auditor'] as const).map((role) => {
      const ability = defineAbilityFor({ organizationId: 'org-1', userId: 'user-1', roles: [role], departmentId: null });
      const own = { organizationId: 'org-1', recordedById: 'user-1', __caslSubjectType__: 'Breach' } as const;
      return { role, create: ability.can('create', 'Breach'), readOwn: ability.can('read', own), readOthers: ability.can('read', { ...own, recordedById: 'user-2' }), update: ability.can('update', own) };
    });
    expect(table).toEqual([
      { role: 'admin', create: true, readOwn: true, readOthers: true, update: true },
      { role: 'dpo', create: true, readOwn: true, readOthers: true, update: true },
      { role: 'contributor', create: true, readOwn: true, readOthers: false, update: false },
      { role: 'auditor', create: false, readOwn: true, readOthers: true, update: false },
    ]);
  });
});

describe('breaches: record, 72 hours, notification, roles, audit and isolation (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let other: TestOrganization;
  let activityId: string;
  let vendorId: string;

  const base = (organization: TestOrganization = org) => `/api/v1/organizations/${organization.organizationId}/breaches`;
  const auditActions = (id: string) =>
    asOwner(api, async (client: Client) =>
      (await client.query<{ action: string }>("SELECT action FROM audit_events WHERE entity_type = 'Breach' AND entity_id = $1 ORDER BY sequence", [id])).rows.map((row) => row.action),
    );

  /** A lost laptop, known on Friday 27 March 2026 at 11:00 in Paris, two days before the spring clock change. */
  const laptop = {
    summary: 'Perte d’un ordinateur portable non chiffré contenant le fichier « Adhérents 2026 »',
    awareAt: '2026-03-27T11:00:00+01:00',
    occurredAt: '2026-03-26T18:30:00+01:00',
    discovery: 'Signalé par Amélie Lefèvre, chargée d’accueil, au retour d’un salon à Besançon',
    natures: ['confidentiality', 'availability'],
    dataCategories: ['identity', 'economic_financial'],
    subjectCategories: ['members'],
    approxPersons: 1250,
    approxRecords: 3400,
  };

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Association « Les Amis du Doubs »');
    other = await createOrganizationWithRoles(api.server, 'Autre organisation');
    const orgBase = `/api/v1/organizations/${org.organizationId}`;
    activityId = (await org.as.dpo.post(`${orgBase}/activities`).send(completeActivity({ name: 'Gestion des adhérents' })).expect(201)).body.id;
    vendorId = (await org.as.dpo.post(`${orgBase}/vendors`).send({ name: 'Hébergeur Émeraude' }).expect(201)).body.id;
  });
  afterAll(() => api.close());

  it('records a breach with its 72-hour deadline, an instant unmoved by the clock change', async () => {
    const created = (await org.as.contributor.post(base()).send({ ...laptop, activityIds: [activityId], vendorIds: [vendorId] }).expect(201)).body;
    const dueAt = breachNotificationDueAt(new Date(laptop.awareAt)).toISOString();
    expect(dueAt).toBe('2026-03-30T10:00:00.000Z');
    expect(created).toMatchObject({
      reference: expect.stringMatching(/^V-\d{4}$/),
      awareAt: '2026-03-27T10:00:00.000Z',
      notificationDueAt: dueAt,
      notificationState: 'not_assessed',
      risk: null,
      natures: ['confidentiality', 'availability'],
      activityIds: [activityId],
      vendorIds: [vendorId],
      approxRecords: 3400,
      recordedBy: org.userIds.contributor,
      version: 1,
    });
    const stored = await asOwner(api, async (client: Client) => (await client.query<{ due: Date }>("SELECT aware_at + interval '72 hours' AS due FROM breaches WHERE id = $1", [created.id])).rows[0]);
    expect(stored.due.toISOString()).toBe(dueAt);
    expect(await auditActions(created.id)).toEqual(['breach_create']);
  });

  it('refuses unknown catalogue codes, unknown links and unknown fields', async () => {
    const codes = await org.as.dpo.post(base()).send({ ...laptop, dataCategories: ['carte_vitale'] }).expect(400);
    expect(codes.body.details.fields).toEqual([expect.objectContaining({ path: 'dataCategories[0]', code: 'catalogueCode' })]);
    const foreignVendor = (await other.as.dpo.post(`/api/v1/organizations/${other.organizationId}/vendors`).send({ name: 'Ailleurs' }).expect(201)).body.id;
    const links = await org.as.dpo.post(base()).send({ ...laptop, vendorIds: [foreignVendor] }).expect(422);
    expect(links.body).toMatchObject({ code: 'breach_unknown_links', details: { missing: [{ field: 'vendorIds', id: foreignVendor }] } });
    await org.as.dpo.post(base()).send({ ...laptop, cnilFormJson: {} }).expect(400);
    await org.as.dpo.post(base()).send({ ...laptop, natures: ['confidentialité'] }).expect(400);
  });

  describe('assessment and notification (Art 33(1))', () => {
    let breach: { id: string; version: number };

    beforeAll(async () => {
      breach = (await org.as.dpo.post(base()).send(laptop).expect(201)).body;
    });

    it('refuses a notification after 72 hours without the reasons for the delay (422), in French', async () => {
      const late = {
        version: 1,
        risk: 'high',
        riskRationale: 'Données d’identité et bancaires, 1 250 personnes, aucun chiffrement',
        authorityNotification: { notifiedAt: '2026-03-30T14:00:00+02:00', reference: 'CNIL-2026-0412', phased: false, delayReasons: null },
      };
      const refused = await org.as.dpo.set('Accept-Language', 'fr').patch(`${base()}/${breach.id}`).send(late).expect(422);
      org.as.dpo.set('Accept-Language', 'en');
      expect(refused.body).toMatchObject({
        code: 'breach_notification_late_without_reasons',
        details: { field: 'authorityNotification.delayReasons', notificationDueAt: '2026-03-30T10:00:00.000Z' },
        message: expect.stringContaining('72 heures'),
      });
      expect((await org.as.dpo.get(`${base()}/${breach.id}`).expect(200)).body.version).toBe(1);
      const withReasons = {
        ...late,
        authorityNotification: { ...late.authorityNotification, phased: true, delayReasons: 'L’inventaire du fichier a pris tout le week-end ; notification en deux temps.' },
      };
      const notified = (await org.as.dpo.patch(`${base()}/${breach.id}`).send(withReasons).expect(200)).body;
      expect(notified).toMatchObject({ version: 2, risk: 'high', notificationState: 'notified_late', authorityNotifiedAt: '2026-03-30T12:00:00.000Z' });
      breach = notified;
    });

    it('accepts a notification within 72 hours, the 72nd hour included, without reasons', async () => {
      const inTime = (await org.as.dpo.post(base()).send({ ...laptop, summary: 'Courriel envoyé au mauvais destinataire' }).expect(201)).body;
      const notified = (
        await org.as.admin
          .patch(`${base()}/${inTime.id}`)
          .send({ version: 1, risk: 'risk', authorityNotification: { notifiedAt: '2026-03-30T12:00:00+02:00', reference: null, phased: false, delayReasons: null } })
          .expect(200)
      ).body;
      expect(notified.notificationState).toBe('notified');
    });

    it('refuses a notification before awareness, a future date, and both a communication and an exception', async () => {
      const patch = (body: object) => org.as.dpo.patch(`${base()}/${breach.id}`).send({ version: 2, ...body });
      expect((await patch({ authorityNotification: { notifiedAt: '2026-03-20T10:00:00Z', reference: null, phased: false, delayReasons: null } }).expect(422)).body.code).toBe(
        'breach_date_before_awareness',
      );
      expect((await patch({ occurredAt: '2099-01-01T00:00:00Z' }).expect(422)).body.code).toBe('breach_date_in_future');
      expect(
        (await patch({ personsCommunication: { communicatedAt: '2026-03-31T09:00:00+02:00', exception: 'art34_3a_protected', details: null } }).expect(422)).body.code,
      ).toBe('breach_communication_and_exception');
    });

    it('records the communication to the people and a timeline; 409 on a stale version; every change audited', async () => {
      const changed = (
        await org.as.dpo
          .patch(`${base()}/${breach.id}`)
          .send({
            version: 2,
            personsCommunication: { communicatedAt: '2026-03-31T09:00:00+02:00', exception: null, details: 'Courriel à chaque adhérent : « que faire si… »' },
            timeline: [
              { at: '2026-03-30T14:00:00+02:00', event: 'Notification initiale à la CNIL' },
              { at: '2026-03-27T11:00:00+01:00', event: 'Signalement à la déléguée' },
            ],
          })
          .expect(200)
      ).body;
      expect(changed.personsCommunication).toEqual({ communicatedAt: '2026-03-31T07:00:00.000Z', exception: null, details: 'Courriel à chaque adhérent : « que faire si… »' });
      expect(changed.timeline.map((entry: { event: string }) => entry.event)).toEqual(['Signalement à la déléguée', 'Notification initiale à la CNIL']);
      const stale = await org.as.admin.patch(`${base()}/${breach.id}`).send({ version: 2, measuresTaken: 'Mots de passe réinitialisés' }).expect(409);
      expect(stale.body).toMatchObject({ code: 'version_conflict', details: { currentVersion: 3 } });
      await org.as.admin.patch(`${base()}/${breach.id}`).set('If-Match', 'W/"3"').send({ measuresTaken: 'Mots de passe réinitialisés' }).expect(200);
      expect(await auditActions(breach.id)).toEqual(['breach_create', 'breach_update', 'breach_update', 'breach_update']);
      const changes = await asOwner(api, async (client: Client) =>
        (await client.query<{ changes: Record<string, unknown> }>("SELECT changes FROM audit_events WHERE entity_id = $1 AND action = 'breach_update' ORDER BY sequence DESC LIMIT 1", [breach.id])).rows[0].changes,
      );
      expect(Object.keys(changes)).toEqual(['measuresTaken']);
    });
    it('lays the breach out in the sections of the CNIL form, in words, in French and English', async () => {
      const fr = (await org.as.dpo.get(`${base()}/${breach.id}/notification-summary?lang=fr`).expect(200)).body;
      expect(fr.sections.map((section: { key: string }) => section.key)).toEqual(['organisation', 'circumstances', 'nature', 'scope', 'consequences', 'measures', 'persons', 'notification']);
      expect(fr.text).toContain('Association « Les Amis du Doubs »');
      // 11:00 in Paris (CET) on 27 March; due 72 h later, 12:00 in Paris (CEST) on 30 March.
      expect(fr.text).toContain('27 mars 2026 à 11:00');
      expect(fr.text).toContain('30 mars 2026 à 12:00');
      expect(fr.text).toContain('perte de confidentialité');
      expect(fr.text).toContain('1 250');
      expect(fr.text).toContain('L’inventaire du fichier a pris tout le week-end');
      expect(fr.text).not.toMatch(/economic_financial|\bidentity\b|\bmembers\b|confidentiality|\d{4}-\d{2}-\d{2}|_/);
      const en = (await org.as.auditor.get(`${base()}/${breach.id}/notification-summary`).set('Accept-Language', 'en').expect(200)).body;
      expect(en.sections[2]).toMatchObject({ title: 'Nature of the breach', text: expect.stringContaining('loss of availability') });
      expect(en.text).toContain('30 March 2026 at 12:00');
      await org.as.contributor.get(`${base()}/${breach.id}/notification-summary`).expect(404);
    });
  });

  describe('risk factors (EDPB Guidelines 9/2022)', () => {
    const factors = {
      sensitiveData: true,
      identifiability: 'high',
      severity: 'medium',
      vulnerablePersons: true,
      controllerCharacteristics: '  Centre de santé : dossiers « patients » d’enfants suivis  ',
    };

    it('records the factors, audited with the version; refuses bad values (400) and a stale version (409), changing nothing', async () => {
      const created = (await org.as.dpo.post(base()).send({ ...laptop, summary: 'Clé USB du cabinet égarée' }).expect(201)).body;
      expect(created.riskFactors).toEqual({ sensitiveData: false, identifiability: null, severity: null, vulnerablePersons: false, controllerCharacteristics: null });
      const patch = (body: object) => org.as.dpo.patch(`${base()}/${created.id}`).send({ version: 1, ...body });
      await patch({ riskFactors: { ...factors, identifiability: 'élevée' } }).expect(400);
      await patch({ riskFactors: { ...factors, severity: 'very_high' } }).expect(400);
      await patch({ riskFactors: { ...factors, sensitiveData: 'oui' } }).expect(400);
      await patch({ riskFactors: { ...factors, childrenCount: 3 } }).expect(400);
      await patch({ riskFactors: { ...factors, controllerCharacteristics: 'é'.repeat(5000) } }).expect(400);
      expect((await org.as.dpo.get(`${base()}/${created.id}`).expect(200)).body).toMatchObject({ version: 1, riskFactors: created.riskFactors });
      const changed = (await patch({ riskFactors: factors }).expect(200)).body;
      expect(changed).toMatchObject({ version: 2, riskFactors: { ...factors, controllerCharacteristics: 'Centre de santé : dossiers « patients » d’enfants suivis' } });
      await patch({ riskFactors: { ...factors, severity: 'low' } }).expect(409);
      expect((await org.as.dpo.get(`${base()}/${created.id}`).expect(200)).body.riskFactors.severity).toBe('medium');
      const changes = await asOwner(api, async (client: Client) =>
        (await client.query<{ changes: Record<string, unknown> }>("SELECT changes FROM audit_events WHERE entity_id = $1 AND action = 'breach_update' ORDER BY sequence DESC LIMIT 1", [created.id])).rows[0].changes,
      );
      expect(Object.keys(changes).sort()).toEqual(
        ['riskFactors.controllerCharacteristics', 'riskFactors.identifiability', 'riskFactors.sensitiveData', 'riskFactors.severity', 'riskFactors.vulnerablePersons'],
      );
      const summary = (await org.as.dpo.get(`${base()}/${created.id}/notification-summary?lang=fr`).expect(200)).body;
      const consequences = summary.sections.find((section: { key: string }) => section.key === 'consequences').text;
      expect(consequences).toContain('données sensibles : oui ; facilité d’identification : élevée ; gravité des conséquences : moyenne ; personnes vulnérables : oui');
      expect(consequences).toContain('Caractéristiques du responsable : Centre de santé : dossiers « patients » d’enfants suivis');
      expect(summary.text).not.toMatch(/\bhigh\b|medium|true|\{/);
    });
  });

  describe('roles and isolation', () => {
    it('lets a contributor follow only what they recorded; auditors read all and change nothing', async () => {
      const all = (await org.as.auditor.get(base()).expect(200)).body;
      const mine = (await org.as.contributor.get(base()).expect(200)).body;
      expect(mine.total).toBeLessThan(all.total);
      expect(mine.items.every((item: { recordedBy: string }) => item.recordedBy === org.userIds.contributor)).toBe(true);
      const notMine = all.items.find((item: { recordedBy: string }) => item.recordedBy !== org.userIds.contributor);
      await org.as.contributor.get(`${base()}/${notMine.id}`).expect(404);
      await org.as.contributor.patch(`${base()}/${mine.items[0].id}`).send({ version: mine.items[0].version, risk: 'none' }).expect(403);
      await org.as.auditor.post(base()).send(laptop).expect(403);
      await org.as.auditor.patch(`${base()}/${notMine.id}`).send({ version: notMine.version, risk: 'none' }).expect(403);
      const notAssessed = (await org.as.dpo.get(`${base()}?risk=not_assessed`).expect(200)).body;
      expect(notAssessed.items.every((item: { risk: string | null }) => item.risk === null)).toBe(true);
      expect(notAssessed.total).toBeGreaterThan(0);
    });

    it('answers 404 across organisations and row-level security hides the rows', async () => {
      const one = (await org.as.dpo.get(base()).expect(200)).body.items[0];
      await other.as.admin.get(`${base()}/${one.id}`).expect(404);
      await other.as.admin.get(`${base(other)}/${one.id}`).expect(404);
      const app = new Client({ connectionString: api.database.appUrl });
      await app.connect();
      try {
        await app.query('BEGIN');
        await app.query("SELECT set_config('app.organization_id', $1, true)", [other.organizationId]);
        const seen = await app.query('SELECT (SELECT count(*) FROM breaches)::int AS breaches, (SELECT count(*) FROM breach_activities)::int + (SELECT count(*) FROM breach_vendors)::int AS links');
        expect(seen.rows[0]).toEqual({ breaches: 0, links: 0 });
        await app.query('ROLLBACK');
      } finally {
        await app.end();
      }
    });
  });
});
