import { asOwner, completeActivity } from '../activities/activities.test-helpers';
import { ActivityRescreening, SCREENING_JOB_ACTOR } from '../activities/activity-rescreening.service';
import { translate } from '../common/i18n/i18n';
import { download, openWorkbook, rowsOf } from '../exports/exports.test-helpers';
import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';

/**
 * Issue 17, item 3: "large scale (thresholds the DPO can set)". WP248 criterion 5 and WP243 §2.1.4 leave
 * the figure to the controller: the DPO sets it in the settings, every screening reads it, and changing it
 * screens the register again — findings, review queue, list filter, new activities, imports and the
 * export agree with the new figure; the register as of an earlier date keeps the old one.
 */
describe('the large-scale threshold the DPO sets (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  const ids: Record<string, string> = {};
  let before: Date;

  const path = () => `/api/v1/organizations/${org.organizationId}`;
  const activity = async (id: string) => (await org.as.dpo.get(`${path()}/activities/${id}`).expect(200)).body as { version: number; dpiaScreening: { decision: string } };
  const decision = async (id: string) => (await activity(id)).dpiaScreening.decision;
  const dpiaFindings = async () => {
    const body = (await org.as.dpo.get(`${path()}/findings`).expect(200)).body;
    const items = (Array.isArray(body) ? body : body.items) as { code: string; recordId: string }[];
    return items.filter((finding) => finding.code.startsWith('dpia_')).map((finding) => [finding.recordId, finding.code]);
  };
  const queued = async () =>
    ((await org.as.dpo.get(`${path()}/review-queue`).expect(200)).body.items as { kind: string; recordId: string }[])
      .filter((item) => item.kind === 'dpia_screening')
      .map((item) => item.recordId);
  const screeningRows = async (query = '') => {
    const workbook = await openWorkbook((await download(org.as.auditor, `${path()}/exports/register.xlsx?lang=fr${query}`)).body);
    const col = (key: string) => translate('fr', `exports.col_${key}`);
    const rows = rowsOf(workbook.getWorksheet(translate('fr', 'exports.sheet_dpia_screening'))!);
    return (reference: string) => {
      const row = rows.find((candidate) => candidate[col('reference')] === reference)!;
      const reasons = row[col('dpia_criteria_reasons')] ?? '';
      // Plain text in the cell (never a rich-text object a reader would see as [object Object]).
      expect(typeof reasons).toBe('string');
      return { decision: row[col('dpia_decision_code')], reasons: reasons as string };
    };
  };
  const screened = (name: string, subjects: { category: string; estimatedCount: number }[]) =>
    completeActivity({
      name,
      dataSubjects: subjects,
      dataCategories: [(completeActivity().dataCategories as unknown[])[0]],
      dpiaScreening: { criteria: [], decision: 'to_assess' },
    });

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'Médiathèques de l’Agglomération d’Évreux');
    const create = async (key: string, body: Record<string, unknown>) => {
      const created = (await org.as.dpo.post(`${path()}/activities`).send(body).expect(201)).body as { id: string; reference: string };
      ids[key] = created.id;
      ids[`${key}Reference`] = created.reference;
    };
    await create('newsletter', screened('Lettre d’information « Quoi de neuf à la médiathèque ? »', [{ category: 'customers', estimatedCount: 25_000 }]));
    await create('patients', screened('Dossiers des patients du centre de santé', [{ category: 'patients', estimatedCount: 12_000 }]));
    // Payroll: 240 employees, a DPO's decision on one criterion, far from any threshold.
    await create('payroll', completeActivity());
    await new Promise((resolve) => setTimeout(resolve, 30));
    before = new Date();
    await new Promise((resolve) => setTimeout(resolve, 30));
  });
  afterAll(() => api.close());

  it('screens with 10 000 persons until the DPO sets a figure', async () => {
    expect((await org.as.auditor.get(path()).expect(200)).body.largeScalePersons).toBe(10_000);
    expect(await decision(ids.newsletter)).toBe('to_assess'); // criterion 5 alone: the DPO decides
    expect(await decision(ids.patients)).toBe('required'); // criteria 5 and 7
    expect(await decision(ids.payroll)).toBe('not_required');
    expect((await dpiaFindings()).sort()).toEqual(
      [
        [ids.newsletter, 'dpia_screening_undecided'],
        [ids.patients, 'dpia_required_missing'],
      ].sort(),
    );
    expect(await queued()).toEqual([ids.newsletter]);
  });

  it('refuses a figure out of bounds with a translated message, a stale version, and a member who is not DPO or admin; nothing changes', async () => {
    const { version } = (await org.as.dpo.get(path()).expect(200)).body;
    const low = await org.as.dpo.patch(path()).set('Accept-Language', 'fr').send({ largeScalePersons: 50, version }).expect(400);
    expect(low.body.details.fields).toEqual([expect.objectContaining({ path: 'largeScalePersons' })]);
    expect(low.body.details.fields[0].message).toContain('100');
    expect(low.body.details.fields[0].message).not.toMatch(/largeScalePersons|_/);
    await org.as.dpo.patch(path()).send({ largeScalePersons: 12_500.5, version }).expect(400);
    for (const role of ['contributor', 'auditor'] as const) await org.as[role].patch(path()).send({ largeScalePersons: 50_000, version }).expect(403);
    await org.as.dpo.patch(path()).send({ largeScalePersons: 50_000, version: version + 1 }).expect(409);
    expect((await org.as.dpo.get(path()).expect(200)).body).toMatchObject({ largeScalePersons: 10_000, version });
    expect(await decision(ids.newsletter)).toBe('to_assess');
  });

  it('a new figure screens every activity again, as new versions in the audit trail, and every reader follows', async () => {
    const versions = { newsletter: (await activity(ids.newsletter)).version, patients: (await activity(ids.patients)).version, payroll: (await activity(ids.payroll)).version };
    const { version } = (await org.as.dpo.get(path()).expect(200)).body;
    const updated = (await org.as.dpo.patch(path()).send({ largeScalePersons: 50_000, version }).expect(200)).body;
    expect(updated).toMatchObject({ largeScalePersons: 50_000, version: version + 1 });

    // 25 000 customers: no criterion left. 12 000 patients: criterion 7 alone, the DPO's decision awaited.
    expect(await activity(ids.newsletter)).toMatchObject({ version: versions.newsletter + 1, dpiaScreening: { decision: 'not_required' } });
    expect(await activity(ids.patients)).toMatchObject({ version: versions.patients + 1, dpiaScreening: { decision: 'to_assess' } });
    expect(await activity(ids.payroll)).toMatchObject({ version: versions.payroll, dpiaScreening: { decision: 'not_required' } });

    // Each change is a version of the activity and an audit event, in the settings change's transaction.
    const history = (await org.as.auditor.get(`${path()}/activities/${ids.patients}/versions`).expect(200)).body.items as { number: number; action: string }[];
    expect(history[0]).toMatchObject({ number: versions.patients + 1, action: 'rescreen' });
    // Each version carries the figure that stood when it was written: the page screens a past version with it.
    const versionAt = async (number: number) => (await org.as.auditor.get(`${path()}/activities/${ids.patients}/versions/${number}`).expect(200)).body;
    expect((await versionAt(versions.patients)).screeningThresholds).toEqual({ largeScalePersons: 10_000 });
    expect((await versionAt(versions.patients + 1)).screeningThresholds).toEqual({ largeScalePersons: 50_000 });
    const events = await asOwner(api, async (client) =>
      (
        await client.query<{ entity_type: string; entity_id: string; action: string }>(
          "SELECT entity_type, entity_id, action FROM audit_events WHERE organization_id = $1 AND action IN ('update', 'rescreen') AND occurred_at > $2 ORDER BY sequence",
          [org.organizationId, before],
        )
      ).rows,
    );
    expect(events.map((event) => event.action)).toEqual(['update', 'rescreen', 'rescreen']);
    expect(events.slice(1).map((event) => event.entity_id).sort()).toEqual([ids.newsletter, ids.patients].sort());

    expect(await dpiaFindings()).toEqual([[ids.patients, 'dpia_screening_undecided']]);
    expect(await queued()).toEqual([ids.patients]);
    const filtered = (await org.as.dpo.get(`${path()}/activities?dpiaDecision=to_assess`).expect(200)).body.items as { id: string }[];
    expect(filtered.map((item) => item.id)).toEqual([ids.patients]);

    // New activities, by the page or by an import, screen with the new figure.
    const created = (await org.as.contributor.post(`${path()}/activities`).send(screened('Billetterie du festival d’été', [{ category: 'customers', estimatedCount: 30_000 }])).expect(201)).body;
    expect(created.dpiaScreening.decision).toBe('not_required');
    await org.as.dpo
      .post(`${path()}/activities/import-json`)
      .send([{ ...screened('Inscriptions aux ateliers numériques', [{ category: 'customers', estimatedCount: 49_999 }]), reference: 'IMP-1' }])
      .expect(201);
    const imported = (await org.as.dpo.get(`${path()}/activities?q=ateliers`).expect(200)).body.items as { id: string }[];
    expect(await decision(imported[0].id)).toBe('not_required');
    const large = (await org.as.contributor.post(`${path()}/activities`).send(screened('Carte unique des usagers du réseau', [{ category: 'customers', estimatedCount: 50_000 }])).expect(201)).body;
    expect(large.dpiaScreening.decision).toBe('to_assess');
  });

  it('the export names large scale with the threshold in force: today’s, and the old one as of an earlier date', async () => {
    const today = await screeningRows();
    expect(today(ids.newsletterReference)).toMatchObject({ decision: 'not_required' });
    expect(today(ids.newsletterReference).reasons).not.toContain('grande échelle');
    expect(today(ids.patientsReference)).toMatchObject({ decision: 'to_assess' });

    const earlier = await screeningRows(`&asOf=${before.toISOString()}`);
    expect(earlier(ids.newsletterReference)).toMatchObject({ decision: 'to_assess' });
    expect(earlier(ids.newsletterReference).reasons).toContain('25\u202f000 personnes estimées, pour un seuil de grande échelle fixé à 10\u202f000');
    expect(earlier(ids.patientsReference)).toMatchObject({ decision: 'required' });
  });

  it('the daily job settles a decision stored under an older rule, as saving it unchanged would, once', async () => {
    // As if saved before a rule change: 25 000 customers at 50 000 meet no criterion, yet the stored
    // decision says « required » — the findings would ask for a DPIA the activity page does not.
    await asOwner(api, (client) =>
      client.query(`UPDATE processing_activities SET document = jsonb_set(document, '{dpiaScreening,decision}', '"required"') WHERE id = $1`, [ids.newsletter]),
    );
    const stale = await activity(ids.newsletter);
    expect(await dpiaFindings()).toContainEqual([ids.newsletter, 'dpia_required_missing']);
    const job = api.app.get(ActivityRescreening);

    const first = await job.run();
    expect(first.settled).toBe(1);
    expect(await activity(ids.newsletter)).toMatchObject({ version: stale.version + 1, dpiaScreening: { decision: 'not_required' } });
    const [event] = await asOwner(api, async (client) =>
      (
        await client.query<{ actor_name: string; action: string }>(
          'SELECT actor_name, action FROM audit_events WHERE organization_id = $1 AND entity_id = $2 ORDER BY sequence DESC LIMIT 1',
          [org.organizationId, ids.newsletter],
        )
      ).rows,
    );
    expect(event).toEqual({ actor_name: SCREENING_JOB_ACTOR, action: 'rescreen' });
    expect((await dpiaFindings()).filter(([id]) => id === ids.newsletter)).toEqual([]);

    // Settled: a second run changes nothing. A one-criterion decision on record is the DPO's, and stays.
    expect((await job.run()).settled).toBe(0);
    expect((await activity(ids.newsletter)).version).toBe(stale.version + 1);
    expect(await decision(ids.patients)).toBe('to_assess');
  });
});
