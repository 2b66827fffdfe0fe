import type { ScopeConfirmation } from '../domain/transfers/transfer-status';
import { Injectable } from '@nestjs/common';
import { ACTIVITIES_FINGERPRINT_SQL, ActivityDirectory } from '../activities/directory/activity-directory';
import { ActivityCatalogues } from '../catalogues/activity-catalogues';
import { CatalogueLabels, organizationLabels } from '../exports/catalogue-labels';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { TransferFactsService } from '../transfers/transfer-facts.service';
import type { ActivityRow, DpiaRow, OrganizationData, VendorRow } from './finding.types';
import type { EngineFacts } from './findings-engine';
import type { RuleFacts } from '../domain/activities/activity-rules';
import { readStoredRuleRows } from './activity-findings';
import { INTAKE_CLOCK, loadIntakeRegisters } from './intake-register-data';

/** Activity id → its row version (xmin/ctid) and what the engine read of it. */
export type ActivityTuples = Map<string, { tuple: string; row: ActivityRow }>;

/**
 * Loads what the findings engine reads for one organisation in a fixed number of queries, whatever
 * its size: the activities (columns and the parts of their document the rules use), the vendors, the
 * activity–vendor links and the DPIAs. Runs in the current tenant transaction (row-level security applies).
 */
@Injectable()
export class FindingsDataService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly catalogues: ActivityCatalogues,
    private readonly transferFacts: TransferFactsService,
    private readonly activityDirectory: ActivityDirectory,
  ) {}

  /** The catalogue labels findings are written with: the shipped ones and the organisation's own. */
  labels(organizationId: string): Promise<CatalogueLabels> {
    return organizationLabels((sql, params) => this.connection.manager.query(sql, params), organizationId);
  }

  async facts(): Promise<EngineFacts> {
    const [rules, transfers] = await Promise.all([this.catalogues.facts(), this.transferFacts.facts()]);
    return { rules, transfers };
  }

  /**
   * A fingerprint of everything `load` reads: today's date and, for each table, the count and the
   * XOR of a hash of each row's id and version (xmin and ctid: each update writes a new tuple, even
   * twice in one transaction). Any insert, update or delete, whatever the writer (even plain SQL),
   * changes the fingerprint. Reads no document: a few milliseconds on 10,000 activities.
   */
  async fingerprint(organizationId: string): Promise<string> {
    const part = (table: string, id: string) =>
      `(SELECT count(*) || ':' || coalesce(bit_xor(hashtextextended(${id} || '@' || xmin::text || ctid::text, 0)), 0) FROM ${table} WHERE organization_id = $1)`;
    const [{ fingerprint }] = await this.connection.manager.query<{ fingerprint: string }[]>(
      `SELECT concat_ws('|', CURRENT_DATE, ${ACTIVITIES_FINGERPRINT_SQL}, ${part('vendors', 'id::text')},
              ${part('activity_processors', "activity_id::text || '/' || vendor_id::text")}, ${part('dpias', 'id::text')},
              ${part('rights_requests', 'id::text')}, ${part('breaches', 'id::text')}, ${part('memberships', 'id::text')}, ${INTAKE_CLOCK},
              ${part('adequacy_confirmations', 'id::text')},
              (SELECT xmin::text || ctid::text FROM organizations WHERE id = $1)) AS fingerprint`,
      [organizationId],
    );
    return fingerprint;
  }

  /**
   * What `load` read of each activity, by id, with its tuple (xmin and ctid: a row version). Passed
   * back to `load`, it lets only the rows written since be read again: an unchanged tuple is the
   * same row, whoever may have written elsewhere.
   */
  async load(organizationId: string, previous?: ActivityTuples, facts?: RuleFacts): Promise<OrganizationData & { tuples: ActivityTuples }> {
    const manager = this.connection.manager;
    const tuples: ActivityTuples = new Map();
    let activities: ActivityRow[];
    if (!previous && facts) {
      // First evaluation: each activity's own results as stored at write time (activity-findings.ts);
      // the documents of the activities without a matching stored row are read, as below.
      const read = await readStoredRuleRows((sql, params) => manager.query(sql, params), organizationId, facts);
      const missing = read.filter((entry) => !entry.stored).map((entry) => entry.row.id);
      const fresh = new Map((await this.activityDirectory.ruleRows(organizationId, missing)).map(({ tuple, ...row }) => [row.id, { tuple, row }]));
      activities = [];
      for (const entry of read) {
        // A row written between the two queries: its newer version (the fingerprint will differ next time).
        const known = entry.stored ? { tuple: entry.tuple, row: entry.row } : fresh.get(entry.row.id);
        if (!known) continue;
        tuples.set(known.row.id, known);
        activities.push(known.row);
      }
    } else if (!previous) {
      activities = (await this.activityDirectory.ruleRows(organizationId)).map(({ tuple, ...row }) => {
        tuples.set(row.id, { tuple, row });
        return row;
      });
    } else {
      // The list of tuples first (no document read), then the rows whose tuple changed: from their
      // stored own results when they match (a write by the product), else from their documents.
      const current = await this.activityDirectory.tuples(organizationId);
      const stale = current.filter((entry) => previous.get(entry.id)?.tuple !== entry.tuple).map((entry) => entry.id);
      const read = facts && stale.length ? await readStoredRuleRows((sql, params) => manager.query(sql, params), organizationId, facts, stale) : [];
      for (const entry of read) if (entry.stored) tuples.set(entry.row.id, { tuple: entry.tuple, row: entry.row });
      const missing = facts ? read.filter((entry) => !entry.stored).map((entry) => entry.row.id) : stale;
      for (const { tuple, ...row } of await this.activityDirectory.ruleRows(organizationId, missing)) tuples.set(row.id, { tuple, row });
      activities = [];
      for (const entry of current) {
        // A row deleted between the two queries is left out (the fingerprint will differ next time).
        const known = tuples.get(entry.id) ?? previous.get(entry.id);
        if (!known) continue;
        tuples.set(entry.id, known);
        activities.push(known.row);
      }
    }
    const vendors = await manager.query<VendorRow[]>(
      `SELECT v.id, v.name, v.legal_entity AS "legalEntity", v.role, v.status, v.headquarters_country AS "headquartersCountry",
              v.parent_company AS "parentCompany", v.parent_country AS "parentCountry", v.data_locations AS "dataLocations",
              v.certifications, v.dpa_signed AS "dpaSigned", v.transfer_mechanism AS "transferMechanism",
              to_char(v.tia_date, 'YYYY-MM-DD') AS "tiaDate", to_char(v.next_review_date, 'YYYY-MM-DD') AS "nextReviewDate"
       FROM vendors v WHERE v.organization_id = $1 ORDER BY lower(v.name)`,
      [organizationId],
    );
    const [links, [{ today }], dpias, intake, confirmations, [profile]] = await Promise.all([
      manager.query<{ activity_id: string; vendor_ids: string[] }[]>(
        `SELECT activity_id, array_agg(vendor_id ORDER BY position) AS vendor_ids FROM activity_processors
         WHERE organization_id = $1 GROUP BY activity_id`,
        [organizationId],
      ),
      manager.query<{ today: string }[]>("SELECT to_char(CURRENT_DATE, 'YYYY-MM-DD') AS today"),
      // Every DPIA with its overdue actions counted in SQL: one query for the whole organisation.
      manager.query<DpiaRow[]>(
        `SELECT d.id, d.activity_id AS "activityId", d.status, d.revision,
                coalesce(o.overdue, 0)::int AS "overdueActions", to_char(o.first_due, 'YYYY-MM-DD') AS "firstOverdueDate",
                d.prior_consultation ->> 'sentOn' AS "consultationSentOn", d.prior_consultation -> 'answer' ->> 'outcome' AS "consultationOutcome"
         FROM dpias d
         LEFT JOIN LATERAL (
           SELECT count(*) AS overdue, min((action ->> 'dueDate')::date) AS first_due
           FROM jsonb_array_elements(coalesce(d.content -> 'actionPlan', '[]'::jsonb)) AS action
           WHERE action ->> 'status' IS DISTINCT FROM 'done' AND (action ->> 'dueDate')::date < CURRENT_DATE
         ) o ON true
         WHERE d.organization_id = $1`,
        [organizationId],
      ),
      loadIntakeRegisters(manager, organizationId),
      // The DPO's latest scope confirmation per recipient and country (partial adequacy decisions).
      manager.query<{ key: string; country: string; decision: string }[]>(
        `SELECT DISTINCT ON (lower(recipient), country) lower(recipient) AS key, country, decision FROM adequacy_confirmations
         WHERE organization_id = $1 ORDER BY lower(recipient), country, confirmed_at DESC, id`,
        [organizationId],
      ),
      manager.query<NonNullable<OrganizationData['profile']>[]>(
        `SELECT o.name, o.public_body AS "publicBody", o.dpo_name AS "dpoName", o.dpo_email AS "dpoEmail",
                EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = o.id AND 'dpo' = ANY(m.roles)) AS "hasDpoMember"
         FROM organizations o WHERE o.id = $1`,
        [organizationId],
      ),
    ]);
    return {
      organizationId,
      today,
      activities,
      vendors,
      processorsByActivity: new Map(links.map((link) => [link.activity_id, link.vendor_ids])),
      dpiasByActivity: new Map(dpias.map((dpia) => [dpia.activityId, dpia])),
      intake,
      profile,
      scopeConfirmations: confirmations.reduce((map, row) => map.set(row.key, [...(map.get(row.key) ?? []), { country: row.country, decision: row.decision }]), new Map<string, ScopeConfirmation[]>()),
      tuples,
    };
  }
}
