import { it } from '@jest/globals';
import { TransactionalConnection } from '../../src/common/request-context/transactional-connection';
import { withSyntheticRegister } from './synthetic-api';
import { ACTIVITY_TUPLE_SQL, ActivityDirectory, RULE_ROW_COLUMNS } from '../../src/activities/directory/activity-directory';
import { FindingsDataService } from '../../src/findings/findings-data.service';
import { FindingsService } from '../../src/findings/findings.service';
import { computeFindings, FINDING_RULES, naturalCompare } from '../../src/findings/findings-engine';

/** As findings-engine.ts sorts. */
const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;
import { checkActivity } from '../../src/domain/activities/activity-rules';
import { readStoredRuleRows, rulesVersion } from '../../src/findings/activity-findings';

/**
 * Profiles the findings' first request in-process: a synthetic register of PROFILE_ACTIVITIES
 * activities, then FindingsService.evaluate on a fresh service (cold: no cache, no memo), and each
 * phase timed apart — the fingerprint, the activities' rule rows (SQL and transfer, JSON parse), the
 * other loads, the register check, each rule alone, the sort. Run under `node --cpu-prof` for the
 * self/inclusive split:
 *
 *   PROFILE_ACTIVITIES=10000 node --cpu-prof --cpu-prof-dir=/tmp/prof ../node_modules/.bin/jest -i \
 *     --testMatch '<rootDir>/bench/profiling/findings.profile.ts' --testTimeout 3600000
 */

const ACTIVITIES = Number(process.env.PROFILE_ACTIVITIES ?? 2000);
const RUNS = Number(process.env.PROFILE_RUNS ?? 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function time<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

it(`profiles the findings' first request at ${ACTIVITIES} activities`, async () => {
  await withSyntheticRegister(ACTIVITIES, async ({ api, organizationId }) => {

    const connection = api.app.get(TransactionalConnection);
    const data = api.app.get(FindingsDataService);
    const directory = api.app.get(ActivityDirectory);
    const phases = new Map<string, number[]>();
    const record = (name: string, ms: number) => phases.set(name, [...(phases.get(name) ?? []), ms]);
    for (let run = 0; run < RUNS; run++) {
      // A fresh service: no cached evaluation, no memo (the API process's first request).
      const service = new FindingsService(data);
      await connection.withTenant({ organizationId }, async () => {
        record('evaluate (cold, whole)', (await time(() => service.evaluate(organizationId)))[1]);
        record('  activities evaluated from their document (the others stored)', service.activitiesEvaluated);
        record('  fingerprint', (await time(() => data.fingerprint(organizationId)))[1]);
        const [facts] = await time(() => data.facts());
        record('  activities: rule rows (SQL, transfer, parse)', (await time(() => directory.ruleRows(organizationId)))[1]);
        const manager = connection.manager;
        record(
          '    same query, documents as text (no JSON.parse)',
          (await time(() => manager.query(`SELECT a.id, a.document::text AS d FROM processing_activities a WHERE a.organization_id = $1`, [organizationId])))[1],
        );
        record('    same query, columns only (no document)', (await time(() => manager.query(`SELECT a.id, a.reference, a.name, a.status FROM processing_activities a WHERE a.organization_id = $1`, [organizationId])))[1]);
        record(
          '  activities: stored rows (columns, narrow parts, own findings)',
          (await time(() => readStoredRuleRows((sql, params) => manager.query<unknown[]>(sql, params), organizationId, facts.rules)))[1],
        );
        const storedSql = `SELECT ${RULE_ROW_COLUMNS}, f.score, f.parts, f.findings FROM processing_activities a
           LEFT JOIN activity_findings f ON f.organization_id = a.organization_id AND f.activity_id = a.id AND f.tuple = ${ACTIVITY_TUPLE_SQL} AND f.rules_version = $2
           WHERE a.organization_id = $1 ORDER BY a.reference`;
        record('    same query, rows as pg gives them (no mapping)', (await time(() => manager.query(storedSql, [organizationId, rulesVersion(facts.rules)])))[1]);
        if (run === 0) {
          const plan = await manager.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${storedSql}`, [organizationId, rulesVersion(facts.rules)]);
          process.stdout.write(`${plan.map((line) => line['QUERY PLAN']).join('\n')}\n`);
        }
        record(
          '    same query, stored json as text (no JSON.parse)',
          (await time(() => manager.query(`SELECT f.parts::text, f.findings::text FROM activity_findings f WHERE f.organization_id = $1`, [organizationId])))[1],
        );
        const [texts] = await time(() => manager.query<{ d: string }[]>(`SELECT a.document::text AS d FROM processing_activities a WHERE a.organization_id = $1`, [organizationId]));
        record('    JSON.parse of the whole documents', (await time(() => texts.forEach((row) => void JSON.parse(row.d))))[1]);
        const [loaded, loadMs] = await time(() => data.load(organizationId));
        record('  load (everything)', loadMs);
        const { tuples: _tuples, ...organization } = loaded;
        record('  compute: register check alone (checkActivity)', (await time(() => organization.activities.forEach((activity) => checkActivity(activity, facts.rules))))[1]);
        record('  compute: no rule (check, score, sort)', (await time(() => computeFindings(organization, facts, [])))[1]);
        for (const rule of FINDING_RULES) record(`  compute: rule « ${rule.name} » + check`, (await time(() => computeFindings(organization, facts, [rule])))[1]);
        record('  compute: every rule', (await time(() => computeFindings(organization, facts)))[1]);
        // The path a first evaluation takes now: the own results stored at write time.
        const [fromStored, storedMs] = await time(() => data.load(organizationId, undefined, facts.rules));
        record('  load (everything, own results stored)', storedMs);
        const { tuples: _storedTuples, ...storedOrganization } = fromStored;
        const [result, computeMs] = await time(() => computeFindings(storedOrganization, facts));
        record('  compute: every rule, own results stored', computeMs);
        record('  findings (count)', result.findings.length);
        record('    of which sorting them', (await time(() => [...result.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || naturalCompare(a.recordType, b.recordType) || naturalCompare(a.recordReference, b.recordReference) || naturalCompare(a.field, b.field))))[1]);
      });
    }
    const lines = [`findings, ${ACTIVITIES} activities, median of ${RUNS} runs (ms):`, ...[...phases.entries()].map(([name, values]) => `${name.padEnd(70)} ${median(values).toFixed(0).padStart(6)}  (${values.map((v) => v.toFixed(0)).join(', ')})`)];
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}, 3_600_000);
