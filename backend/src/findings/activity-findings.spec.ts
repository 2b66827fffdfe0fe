import { createTestApi, TestApi } from '../../test/test-api';
import { asOwner } from '../activities/activities.test-helpers';
import { DemoSeedService } from '../database/seeds/demo-seed.service';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { ActivityCatalogues } from '../catalogues/activity-catalogues';
import { FindingsService } from './findings.service';
import { computeFindings, EngineFacts, FINDING_RULES } from './findings-engine';
import { FindingsDataService } from './findings-data.service';
import { rulesVersion, storeActivityFindings } from './activity-findings';

/**
 * Incremental findings: the activities' own results stored at write time (activity_findings) give
 * exactly what an evaluation from the documents gives — after writes by the product, by plain SQL
 * (bypassing the store), and with other catalogue facts (a restart after a catalogue change).
 */
describe('activity findings stored at write time (real PostgreSQL)', () => {
  let api: TestApi;
  let organizationId: string;
  let connection: TransactionalConnection;
  let data: FindingsDataService;

  beforeAll(async () => {
    api = await createTestApi();
    organizationId = (await api.app.get(DemoSeedService).seed()).organizationId!;
    connection = api.app.get(TransactionalConnection);
    data = api.app.get(FindingsDataService);
  });
  afterAll(() => api.close());

  /** A process's first evaluation (no cache, no memo), with `facts` as its catalogue facts. */
  const cold = async (facts?: EngineFacts) => {
    const source = facts ? Object.assign(Object.create(data) as FindingsDataService, { facts: () => Promise.resolve(facts) }) : data;
    const service = new FindingsService(source);
    const evaluation = await connection.withTenant({ organizationId }, () => service.evaluate(organizationId));
    return { evaluation, evaluated: service.activitiesEvaluated };
  };
  /** The evaluation from every document, without anything stored. */
  const fromDocuments = async (facts?: EngineFacts) =>
    connection.withTenant({ organizationId }, async () => {
      const { tuples: _tuples, ...organization } = await data.load(organizationId);
      return computeFindings(organization, facts ?? (await data.facts()), FINDING_RULES);
    });
  const stored = () =>
    asOwner(api, async (client) =>
      (
        await client.query<{ reference: string; current: boolean; version: string }>(
          `SELECT a.reference, f.tuple = a.xmin::text || '/' || a.ctid::text AS current, f.rules_version AS version
           FROM processing_activities a LEFT JOIN activity_findings f ON f.activity_id = a.id WHERE a.organization_id = $1 ORDER BY a.reference`,
          [organizationId],
        )
      ).rows,
    );

  it('stores each activity’s own findings when the product writes it, and answers from them exactly', async () => {
    const rows = await stored();
    const facts = await connection.withTenant({ organizationId }, () => api.app.get(ActivityCatalogues).facts());
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((row) => !row.current || row.version !== rulesVersion(facts))).toEqual([]);

    const { evaluation, evaluated } = await cold();
    // No document read nor register rule run: every activity came from its stored row.
    expect(evaluated).toBe(0);
    const expected = await fromDocuments();
    expect(evaluation.findings).toEqual(expected.findings);
    expect(evaluation.scores).toEqual(expected.scores);
    expect(evaluation.findings.some((finding) => finding.recordType === 'activity' && finding.code === 'information_missing')).toBe(true);
  });

  it('ignores the stored row of an activity written by plain SQL, bypassing the store', async () => {
    const sql = (text: string) => asOwner(api, (client) => client.query(text, [organizationId]));
    await sql("UPDATE processing_activities SET document = jsonb_set(document, '{purposes}', '[]') WHERE organization_id = $1 AND reference = 'T-0001'");
    await sql("UPDATE processing_activities SET name = 'Paie « siège » et établissements d’outre-mer' WHERE organization_id = $1 AND reference = 'T-0009'");
    expect((await stored()).filter((row) => !row.current).map((row) => row.reference)).toEqual(['T-0001', 'T-0009']);
    const { evaluation, evaluated } = await cold();
    expect(evaluated).toBe(2);
    const expected = await fromDocuments();
    expect(evaluation.findings).toEqual(expected.findings);
    expect(evaluation.scores).toEqual(expected.scores);
    const t0001 = evaluation.findings.filter((finding) => finding.recordReference === 'T-0001').map((finding) => finding.code);
    expect(t0001).toContain('purpose_missing');
    expect(evaluation.findings.filter((finding) => finding.recordReference === 'T-0009' && finding.code === 'information_missing').map((finding) => finding.recordName)).toEqual(
      ['Paie « siège » et établissements d’outre-mer'],
    );
  });

  it('reads an activity written since the last evaluation from its stored results when they match', async () => {
    const service = new FindingsService(data);
    const evaluate = () => connection.withTenant({ organizationId }, () => service.evaluate(organizationId));
    const first = await evaluate();
    const evaluated = service.activitiesEvaluated;
    const facts = await connection.withTenant({ organizationId }, () => data.facts());
    // A write and its stored results in one transaction, as ActivityStore does (the document by plain SQL).
    await asOwner(api, async (client) => {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string }>(
        "UPDATE processing_activities SET document = jsonb_set(document, '{rightsProcedure}', 'null'), name = 'Vidéoprotection « accès » du siège' WHERE organization_id = $1 AND reference = 'T-0005' RETURNING id",
        [organizationId],
      );
      await storeActivityFindings(async (sql, params) => (await client.query(sql, params)).rows as unknown[], organizationId, [rows[0].id], facts.rules);
      await client.query('COMMIT');
    });
    const second = await evaluate();
    expect(second).not.toBe(first);
    expect(service.activitiesEvaluated).toBe(evaluated);
    const expected = await fromDocuments();
    expect(second.findings).toEqual(expected.findings);
    expect(second.scores).toEqual(expected.scores);
    expect(second.findings.filter((finding) => finding.recordReference === 'T-0005' && finding.code === 'rights_procedure_missing').map((finding) => finding.recordName)).toEqual([
      'Vidéoprotection « accès » du siège',
    ]);
  });

  it('recomputes every activity when the catalogue facts change (a restart with new facts)', async () => {
    const facts = await connection.withTenant({ organizationId }, () => data.facts());
    // The next catalogue marks every category the register uses as special (Art 9).
    const categories = await asOwner(api, async (client) =>
      (
        await client.query<{ code: string }>(
          "SELECT DISTINCT c ->> 'category' AS code FROM processing_activities, jsonb_array_elements(document -> 'dataCategories') AS c WHERE organization_id = $1 AND c ->> 'category' IS NOT NULL",
          [organizationId],
        )
      ).rows.map((row) => row.code),
    );
    const changed: EngineFacts = { ...facts, rules: { ...facts.rules, specialDataCategories: new Set([...facts.rules.specialDataCategories, ...categories]) } };
    expect(rulesVersion(changed.rules)).not.toBe(rulesVersion(facts.rules));
    const activities = (await stored()).length;
    const { evaluation, evaluated } = await cold(changed);
    expect(evaluated).toBe(activities);
    const expected = await fromDocuments(changed);
    expect(evaluation.findings).toEqual(expected.findings);
    const special = (findings: typeof expected.findings) => findings.filter((finding) => finding.code === 'special_category_without_condition').length;
    expect(special(evaluation.findings)).toBeGreaterThan(special((await fromDocuments()).findings));
  });
});
