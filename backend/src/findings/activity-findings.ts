import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIVITY_TUPLE_SQL, readRuleRows, RULE_DOCUMENT_KEYS, RULE_ROW_COLUMNS } from '../activities/directory/activity-directory';
import type { RuleFacts } from '../domain/activities/activity-rules';
import type { ActivityRow, Finding } from './finding.types';
import { ActivityMemo, FINDING_RULES, ownResults, withStoredResults } from './findings-engine';

/**
 * Incremental findings: each activity's own results (its score and the findings of the rules with
 * `scope: 'activity'`) are stored in activity_findings when the activity is written, in the writer's
 * transaction, with the few parts of its document the other rules and the dashboard read (parts).
 * The findings' first request then reads those rows instead of every document (the cost of a cold
 * evaluation: reading 10,000 documents out of PostgreSQL, then JSON.parse and the register rules on each).
 *
 * A stored row counts only while it matches: its `tuple` is the activity's row version (xmin/ctid —
 * any later write, by any writer, even plain SQL, makes a new one) and its `rules_version` is
 * `rulesVersion(facts)` of the running process. Anything else is ignored and the activity evaluated
 * from its document, as before; nothing is ever answered from a stale row.
 */

/**
 * The code the stored results come from: every file of the shared domain (the register rules, the
 * retention references, the catalogues), of the findings engine and of the activities' rule rows, as this
 * process runs them (compiled or not). Any change there — a rule's wording, a threshold — makes every
 * stored row stop matching, so no one has to remember to bump a number; a deploy that changes them
 * only costs the first evaluations their speed.
 */
function codeRevision(): string {
  const hash = createHash('sha256');
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      else if (/\.(ts|js|json)$/.test(entry.name) && !/\.(spec|d)\.ts$|\.map$/.test(entry.name)) hash.update(`${prefix}${entry.name}\0`).update(readFileSync(path)).update('\0');
    }
  };
  for (const folder of ['domain', 'findings', 'activities/directory']) walk(join(__dirname, '..', folder), `${folder}/`);
  return hash.digest('base64url');
}
let revision: string | undefined;

const versions = new WeakMap<RuleFacts, string>();

/** The code's revision, the scoped rules (by position) and the catalogue facts they read, hashed. */
export function rulesVersion(facts: RuleFacts): string {
  let version = versions.get(facts);
  if (!version) {
    const stable = (_key: string, value: unknown) => (value instanceof Set ? [...(value as Set<string>)].sort() : value instanceof Map ? [...(value as Map<string, unknown>).entries()].sort() : value);
    const scoped = FINDING_RULES.map((rule) => (rule.scope === 'activity' ? rule.name : null));
    version = createHash('sha256')
      .update(JSON.stringify({ revision: (revision ??= codeRevision()), scoped, facts }, stable))
      .digest('base64url')
      .slice(0, 22);
    versions.set(facts, version);
  }
  return version;
}

/** A query function: a TypeORM manager's (`(sql, params) => manager.query(sql, params)`) or a pg client's rows. */
export type Query = (sql: string, params: unknown[]) => Promise<unknown[]>;

/** Activities read, computed and written per statement. */
const BATCH = 1000;

/** A scoped rule's finding without what the activity row gives back on read (record type, id, reference, name, department). */
type OwnFinding = Pick<Finding, 'code' | 'severity' | 'field' | 'params'>;

/**
 * What the rules that run on every evaluation (transfers, vendors, dates, DPIAs) and the dashboard
 * read of an activity's document: its purposes' legal bases, processors, transfers and screening decision.
 */
interface CrossRecordParts {
  purposes: { legalBasis: string | null }[];
  processors: string[];
  transfers: { country: string; mechanism: string | null; recipient: string | null }[];
  dpiaScreening: { decision: string | null } | null;
}

function crossRecordParts(row: ActivityRow): CrossRecordParts {
  return {
    purposes: row.purposes.map((purpose) => ({ legalBasis: purpose.legalBasis })),
    processors: row.processors,
    transfers: row.transfers.map(({ country, mechanism, recipient }) => ({ country, mechanism, recipient })),
    dpiaScreening: row.dpiaScreening ? { decision: row.dpiaScreening.decision } : null,
  };
}

/**
 * Stores the own results of the activities `activityIds` (any number: written 1,000 per statement),
 * as their rows stand now in the caller's transaction — call it after writing them, in the same
 * transaction. `facts`: ActivityCatalogues.facts(). Activities that no longer exist are skipped.
 */
export async function storeActivityFindings(query: Query, organizationId: string, activityIds: readonly string[], facts: RuleFacts): Promise<void> {
  const version = rulesVersion(facts);
  for (let start = 0; start < activityIds.length; start += BATCH) {
    const rows = await readRuleRows(query, organizationId, activityIds.slice(start, start + BATCH));
    if (!rows.length) continue;
    const stored = rows.map((row) => {
      const { score, findings } = ownResults(row, facts);
      const own = (list: readonly Finding[] | undefined): OwnFinding[] | null => list?.map(({ code, severity, field, params }) => ({ code, severity, field, params })) ?? null;
      return {
        activity_id: row.id,
        tuple: row.tuple,
        score,
        parts: crossRecordParts(row),
        findings: Array.from({ length: FINDING_RULES.length }, (_, position) => own(findings[position])),
      };
    });
    await query(
      `INSERT INTO activity_findings (organization_id, activity_id, tuple, rules_version, score, parts, findings)
       SELECT $1, r.activity_id, r.tuple, $2, r.score, r.parts, r.findings
       FROM json_to_recordset($3::json) AS r(activity_id uuid, tuple text, score int, parts json, findings json)
       ON CONFLICT (organization_id, activity_id) DO UPDATE
       SET tuple = EXCLUDED.tuple, rules_version = EXCLUDED.rules_version, score = EXCLUDED.score, parts = EXCLUDED.parts, findings = EXCLUDED.findings`,
      [organizationId, version, JSON.stringify(stored)],
    );
  }
}

/** An activity as the findings read it, with its tuple, and whether its own results were stored. */
export interface StoredRuleRow {
  row: ActivityRow;
  tuple: string;
  stored: boolean;
}

/**
 * Every activity of the organisation in reference order (or those of `ids`), its columns with, when its stored row
 * matches, the document parts of CrossRecordParts and its own results attached (withStoredResults:
 * the other document parts are left empty — only the scoped rules read them, and their results are
 * there). When no row matches, `stored` is false and the caller reads the row with ActivityDirectory.ruleRows.
 */
export async function readStoredRuleRows(query: Query, organizationId: string, facts: RuleFacts, ids?: readonly string[]): Promise<StoredRuleRow[]> {
  type Read = Omit<ActivityRow, (typeof RULE_DOCUMENT_KEYS)[number]> & {
    tuple: string;
    score: number | null;
    parts: CrossRecordParts | null;
    findings: (OwnFinding[] | null)[] | null;
  };
  const rows = (await query(
    `SELECT ${RULE_ROW_COLUMNS}, f.score, f.parts, f.findings
     FROM processing_activities a
     LEFT JOIN activity_findings f ON f.organization_id = a.organization_id AND f.activity_id = a.id
       AND f.tuple = ${ACTIVITY_TUPLE_SQL} AND f.rules_version = $2
     WHERE a.organization_id = $1 ${ids ? 'AND a.id = ANY($3::uuid[])' : 'ORDER BY a.reference'}`,
    ids ? [organizationId, rulesVersion(facts), ids] : [organizationId, rulesVersion(facts)],
  )) as Read[];
  // Object literals, not rest and spreads: 10,000 rows are built here.
  return rows.map((read) => {
    const { parts, findings, score } = read;
    const row: ActivityRow = {
      id: read.id,
      reference: read.reference,
      name: read.name,
      status: read.status,
      role: read.role,
      departmentId: read.departmentId,
      ownerId: read.ownerId,
      nextReviewDate: read.nextReviewDate,
      updatedAt: read.updatedAt,
      // Only the scoped rules read the other parts, and their results are stored (left empty here).
      purposes: (parts?.purposes ?? []) as ActivityRow['purposes'],
      dataSubjects: [],
      dataCategories: [],
      dataSubjectInformation: null,
      rightsProcedure: null,
      jointControllers: [],
      clientControllers: [],
      processors: parts?.processors ?? [],
      transfers: (parts?.transfers ?? []) as ActivityRow['transfers'],
      dpiaScreening: parts?.dpiaScreening as ActivityRow['dpiaScreening'],
    };
    if (score === null || !parts || !findings) return { row, tuple: read.tuple, stored: false };
    // Object literals, not spreads: tens of thousands of findings are rebuilt here.
    const finding = ({ code, severity, field, params }: OwnFinding): Finding => ({
      code,
      severity,
      recordType: 'activity',
      recordId: row.id,
      recordReference: row.reference,
      recordName: row.name,
      departmentId: row.departmentId,
      field,
      params,
    });
    const own: ActivityMemo = {
      score,
      // The register rules' problems are only read by the scoped rules, whose findings are here.
      problems: [],
      findings: findings.map((list) => list?.map(finding)),
    };
    return { row: withStoredResults(row, { rules: facts, own }), tuple: read.tuple, stored: true };
  });
}
