import { createOrganizationWithRoles, createTestApi, TestApi, TestOrganization } from '../../test/test-api';
import { asOwner } from '../activities/activities.test-helpers';
import { translate, Locale } from '../common/i18n/i18n';
import sampleRegister from '../database/seeds/sample-register.json';
import { emptyContent } from '../domain/dpias/dpia-rules';
import type { DpiaContent } from '../domain/dpias/dpia.types';
import { download, openWorkbook, rowsOf, sha256, unzip } from './exports.test-helpers';

const SCRIPT = '<script>alert("xss")</script>';

function ratedRisks(): DpiaContent['risks'] {
  const risks = emptyContent().risks;
  risks.illegitimate_access = {
    riskSources: ['Attaquant externe'],
    threats: ['Vol de la base'],
    impacts: ['Usurpation d’identité'],
    existingMeasures: ['access_control'],
    plannedMeasures: ['encryption'],
    before: { severity: 4, likelihood: 3 },
    after: { severity: 4, likelihood: 1 },
  };
  risks.unwanted_modification = { ...risks.illegitimate_access, before: { severity: 3, likelihood: 2 }, after: { severity: 3, likelihood: 3 } };
  risks.disappearance = { ...risks.illegitimate_access, before: { severity: 2, likelihood: 2 }, after: { severity: 2, likelihood: 1 } };
  return risks;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('DPIAs in the register export and the evidence pack (real PostgreSQL)', () => {
  let api: TestApi;
  let org: TestOrganization;
  let ids: Record<string, string>;
  let decidedId: string;
  let openId: string;
  /** Before any DPIA; after the decision of revision 1 (before revision 2); between two edits of the open DPIA. */
  const instants: { before?: Date; decided?: Date; editing?: Date } = {};
  const base = () => `/api/v1/organizations/${org.organizationId}`;
  const dpias = () => `${base()}/dpias`;
  const label = (locale: Locale, key: string) => translate(locale, `exports.${key}`);

  beforeAll(async () => {
    api = await createTestApi();
    org = await createOrganizationWithRoles(api.server, 'AIPD Export');
    await org.as.dpo.post(`${base()}/activities/import-json`).send(sampleRegister.activities).expect(201);
    const list = await org.as.auditor.get(`${base()}/activities?pageSize=100`).expect(200);
    ids = Object.fromEntries(list.body.items.map((item: { reference: string; id: string }) => [item.reference, item.id]));
    await pause();
    instants.before = new Date();
    await pause();

    // A DPIA decided (revision 1), then reopened as revision 2 and edited.
    decidedId = (await org.as.contributor.post(dpias()).send({ activityId: ids['T-0009'] }).expect(201)).body.id;
    const context = { ...emptyContent().context, processing: `Vérification ${SCRIPT}` };
    const actionPlan = [
      { measure: 'Chiffrer les pièces', owner: 'DSI', dueDate: '2020-01-15', status: 'planned' },
      { measure: 'Former le support', owner: 'RH', dueDate: '2020-01-10', status: 'done' },
      { measure: 'Purger les selfies', owner: 'Produit', dueDate: '2099-12-01', status: 'in_progress' },
    ];
    await org.as.contributor.patch(`${dpias()}/${decidedId}`).send({ version: 1, context, risks: ratedRisks(), actionPlan }).expect(200);
    await org.as.contributor.post(`${dpias()}/${decidedId}/submit`).send({ version: 2 }).expect(200);
    await org.as.dpo.post(`${dpias()}/${decidedId}/opinion`).send({ version: 3, status: 'could_be_implemented', opinion: 'Acceptable avec chiffrement' }).expect(200);
    // The residual risk stays high (3×3): validating records the Art 36 prior consultation.
    await org.as.dpo
      .post(`${dpias()}/${decidedId}/decision`)
      .send({ version: 4, decision: 'validated_with_conditions', comment: 'Chiffrement avant ouverture', priorConsultation: { sentOn: '2026-11-02', reference: 'Saisine 26-0412' } })
      .expect(200);
    await pause();
    instants.decided = new Date();
    await pause();
    await org.as.contributor.post(`${dpias()}/${decidedId}/revisions`).send({ version: 5 }).expect(201);
    await org.as.contributor.patch(`${dpias()}/${decidedId}`).send({ version: 6, risks: emptyContent().risks }).expect(200);

    // An open DPIA edited before and after an instant: its state at that instant is not kept.
    openId = (await org.as.contributor.post(dpias()).send({ activityId: ids['T-0001'] }).expect(201)).body.id;
    await org.as.contributor.patch(`${dpias()}/${openId}`).send({ version: 1, context: { ...emptyContent().context, processing: 'Premier jet' } }).expect(200);
    await pause();
    instants.editing = new Date();
    await pause();
    await org.as.contributor.patch(`${dpias()}/${openId}`).send({ version: 2, risks: ratedRisks() }).expect(200);
  });
  afterAll(() => api.close());

  const dpiaSheet = async (locale: Locale, query = '') => {
    const response = await download(org.as.auditor, `${base()}/exports/register.xlsx?lang=${locale}${query}`);
    const workbook = await openWorkbook(response.body);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names.indexOf(label(locale, 'sheet_dpias'))).toBe(names.indexOf(label(locale, 'sheet_dpia_screening')) + 1);
    const rows = rowsOf(workbook.getWorksheet(label(locale, 'sheet_dpias'))!);
    const col = (key: string) => label(locale, `col_${key}`);
    return { rows, col, byReference: (reference: string) => rows.find((row) => row[col('reference')] === reference)! };
  };

  it.each(['fr', 'en'] as Locale[])('lists each DPIA as it stands now, with labels in %s and codes in trailing columns', async (locale) => {
    const { rows, col, byReference } = await dpiaSheet(locale);
    const stored = await asOwner(api, async (client) =>
      (
        await client.query(
          `SELECT a.reference, a.name, d.revision, d.status, d.decision, d.content, a.document -> 'dpiaScreening' ->> 'decision' AS screening
           FROM dpias d JOIN processing_activities a ON a.id = d.activity_id WHERE d.organization_id = $1 ORDER BY a.reference`,
          [org.organizationId],
        )
      ).rows,
    );
    // One row per DPIA as it stands, then each earlier decided revision (T-0009's revision 1).
    expect(rows.map((row) => [row[col('reference')], row[col('dpia_revision')]])).toEqual([
      ['T-0001', 1],
      ['T-0009', 2],
      ['T-0009', 1],
    ]);
    expect(stored.map((row) => row.reference)).toEqual(['T-0001', 'T-0009']);
    expect(rows[2]).toMatchObject({
      [col('dpia_status_code')]: 'validated',
      [col('dpia_outcome_code')]: 'validated_with_conditions',
      [col('dpia_outcome_comment')]: 'Chiffrement avant ouverture',
      [col('dpo_opinion')]: 'Acceptable avec chiffrement',
      [col('residual_risk_code')]: 'high',
    });
    for (const row of stored) {
      const cells = byReference(row.reference);
      expect(cells).toMatchObject({
        [col('name')]: row.name,
        [col('dpia_revision')]: row.revision,
        [col('dpia_status')]: label(locale, `dpia_status_${row.status}`),
        [col('dpia_status_code')]: row.status,
        [col('dpia_screening_code')]: row.screening,
        [col('dpia_shown_as_of')]: label(locale, 'dpia_shown_now'),
      });
      expect(cells[col('dpia_outcome_code')] ?? null).toBe(row.decision);
    }
    // T-0009 is on revision 2 (in progress, risks cleared): nothing decided, nothing rated; T-0001 rated, open.
    expect(byReference('T-0009')).toMatchObject({ [col('dpia_revision')]: 2, [col('dpia_status_code')]: 'in_progress', [col('dpia_actions')]: 3, [col('dpia_actions_overdue')]: 1 });
    expect(byReference('T-0009')[col('residual_risk')] ?? null).toBeNull();
    expect(byReference('T-0001')).toMatchObject({
      [col('residual_illegitimate_access_severity')]: 4,
      [col('residual_illegitimate_access_likelihood')]: 1,
      [col('residual_illegitimate_access_level')]: label(locale, 'risk_level_medium'),
      [col('residual_unwanted_modification_level')]: label(locale, 'risk_level_high'),
      [col('residual_disappearance_level')]: label(locale, 'risk_level_low'),
      [col('residual_risk')]: label(locale, 'risk_level_high'),
      [col('residual_risk_code')]: 'high',
      [col('dpia_actions')]: 0,
    });
  });

  it('as of an instant shows the revision current then: the closed one kept whole, nothing before the first DPIA', async () => {
    const decided = await dpiaSheet('en', `&asOf=${instants.decided!.toISOString()}`);
    expect(decided.rows.map((row) => row[decided.col('reference')])).toEqual(['T-0009']);
    const closed = decided.byReference('T-0009');
    expect(closed).toMatchObject({
      [decided.col('dpia_revision')]: 1,
      [decided.col('dpia_status_code')]: 'validated',
      [decided.col('dpia_outcome')]: 'Validated with conditions',
      [decided.col('dpia_outcome_code')]: 'validated_with_conditions',
      [decided.col('dpia_outcome_comment')]: 'Chiffrement avant ouverture',
      [decided.col('dpo_opinion_status_code')]: 'could_be_implemented',
      [decided.col('dpo_opinion')]: 'Acceptable avec chiffrement',
      [decided.col('residual_unwanted_modification_level')]: 'High',
      [decided.col('residual_risk_code')]: 'high',
      [decided.col('dpia_shown_as_of')]: label('en', 'dpia_shown_as_of'),
    });
    const [{ decided_at: decidedAt }] = await asOwner(api, async (client) => (await client.query('SELECT closed_at AS decided_at FROM dpia_revisions WHERE dpia_id = $1', [decidedId])).rows);
    expect((closed[decided.col('dpia_decided_at')] as Date).toISOString().slice(0, 10)).toBe((decidedAt as Date).toISOString().slice(0, 10));

    const before = await dpiaSheet('fr', `&asOf=${instants.before!.toISOString()}`);
    expect(before.rows).toEqual([]);
  });

  it('flags a DPIA whose state at the instant is not kept and shows it as it is now', async () => {
    const editing = await dpiaSheet('en', `&asOf=${instants.editing!.toISOString()}`);
    // T-0009 was on revision 2 at that instant and has not changed since: exact.
    expect(editing.byReference('T-0009')).toMatchObject({ [editing.col('dpia_revision')]: 2, [editing.col('dpia_shown_as_of')]: label('en', 'dpia_shown_as_of') });
    // Revision 1, decided before that instant, is there too, whole.
    expect(editing.rows.filter((row) => row[editing.col('reference')] === 'T-0009').map((row) => row[editing.col('dpia_outcome_code')] ?? null)).toEqual([null, 'validated_with_conditions']);
    expect(editing.byReference('T-0001')).toMatchObject({
      [editing.col('dpia_shown_as_of')]: label('en', 'dpia_shown_current_not_kept'),
      [editing.col('residual_risk_code')]: 'high',
    });
  });

  it('puts every DPIA’s report in evidence.zip, hashed in the manifest, with the decision and no live markup', async () => {
    const response = await download(org.as.auditor, `${base()}/exports/evidence.zip?lang=fr&asOf=${instants.decided!.toISOString()}`);
    const files = await unzip(response.body);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    const reports = manifest.files.filter((file: { name: string }) => file.name.startsWith('dpias/'));
    expect(reports.map((file: { name: string }) => file.name)).toEqual(['dpias/T-0009-r1.html']);
    for (const file of reports as { name: string; sha256: string; bytes: number }[]) {
      const content = files.get(file.name)!;
      expect({ sha256: sha256(content), bytes: content.length }).toEqual({ sha256: file.sha256, bytes: file.bytes });
    }
    const html = files.get('dpias/T-0009-r1.html')!.toString('utf8');
    expect(html).toContain('AIPD Export');
    expect(html).toContain('Validée sous conditions');
    expect(html).toContain('Chiffrement avant ouverture');
    expect(html).toContain('Acceptable avec chiffrement');
    expect(html).toContain('Chiffrer les pièces');
    expect(html).toContain('<table class="map">');
    // The text typed in the DPIA is there, escaped: no script element, no attribute break-out.
    expect(html).toContain('Vérification &lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);

    const now = await unzip((await download(org.as.auditor, `${base()}/exports/evidence.zip?lang=en`)).body);
    const names = [...now.keys()].filter((name) => name.startsWith('dpias/')).sort();
    // Today: the open revision 2 and the decided revision 1 with its opinion and decision.
    expect(names).toEqual(['dpias/T-0001-r1.html', 'dpias/T-0009-r1.html', 'dpias/T-0009-r2.html']);
    expect(now.get('dpias/T-0001-r1.html')!.toString('utf8')).toContain('Premier jet');
    const decidedReport = now.get('dpias/T-0009-r1.html')!.toString('utf8');
    expect(decidedReport).toContain('Validated with conditions');
    expect(decidedReport).toContain('Acceptable avec chiffrement');
    expect(now.get('dpias/T-0009-r2.html')!.toString('utf8')).not.toContain('Acceptable avec chiffrement');
  });
});
