import { overallResidualRisk, residualLevel, riskLevel } from '../domain/dpias/dpia-rules';
import type { DpiaContent, DpiaDecision, DpiaDetail, DpiaStatus, DpoOpinion, FearedEvent, RiskLevel, RiskLevelName } from '../domain/dpias/dpia.types';
import { FEARED_EVENTS } from '../domain/dpias/dpia.types';
import { joinActivity } from '../activities/directory/activity-directory';

/** A read in the caller's (tenant) transaction. */
export type DpiaQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/**
 * A DPIA as the register export and the evidence pack show it: the revision current at the export's
 * instant when that state is kept, else the current state with `asOfExact` false.
 */
export interface DpiaState {
  dpiaId: string;
  activityId: string;
  activityReference: string;
  activityName: string;
  screeningDecision: string | null;
  screeningCriteria: string[];
  revision: number;
  status: DpiaStatus;
  content: DpiaContent;
  dpoOpinion: DpoOpinion | null;
  decision: DpiaDecision | null;
  decisionComment: string | null;
  decidedAt: Date | null;
  decidedByName: string | null;
  createdAt: Date;
  updatedAt: Date;
  /**
   * True when this is the DPIA as it stood at the instant asked (always, for "now"). An open revision
   * edited since that instant has no stored state for it: the current one is shown and flagged.
   */
  asOfExact: boolean;
  /** For a closed revision read back: the register context of the day (the snapshot). */
  register: DpiaDetail['register'] | null;
}

interface Row {
  id: string;
  activity_id: string;
  reference: string;
  name: string;
  screening: { decision?: string; criteria?: string[] } | null;
  revision: number;
  status: DpiaStatus;
  content: DpiaContent;
  dpo_opinion: DpoOpinion | null;
  decision: DpiaDecision | null;
  decision_comment: string | null;
  decided_at: Date | null;
  decided_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  /** As of an instant: the revision then (1 + new revisions started by then) and its closed snapshot if closed by then. */
  revision_then: number | null;
  snapshot: DpiaDetail | null;
}

/**
 * Every DPIA of the organisation in activity reference order, now or as of `asOf`:
 *  - a DPIA started after `asOf` did not exist then: left out;
 *  - not written since `asOf`: the row as it is (exact);
 *  - the revision current then was closed by then (validated or refused): its kept snapshot (exact);
 *  - else the revision then was open and has been edited since; its state then is not kept (only
 *    the audit trail's changes are): the current state, `asOfExact` false.
 */
export async function readDpiaStates(query: DpiaQuery, organizationId: string, asOf: Date | null): Promise<DpiaState[]> {
  const rows = await query<Row>(
    `SELECT d.id, d.activity_id, a.reference, a.name, a.document -> 'dpiaScreening' AS screening, d.revision, d.status, d.content,
            d.dpo_opinion, d.decision, d.decision_comment, d.decided_at, d.decided_by_name, d.created_at, d.updated_at,
            then_.revision_then, r.snapshot
     FROM dpias d
     ${joinActivity('a', { table: 'd' })}
     LEFT JOIN LATERAL (
       SELECT 1 + count(*)::int AS revision_then FROM audit_events e
       WHERE e.organization_id = d.organization_id AND e.entity_type = 'Dpia' AND e.entity_id = d.id
         AND e.action = 'dpia_newRevision' AND e.occurred_at <= $2::timestamptz
     ) then_ ON $2::timestamptz IS NOT NULL
     LEFT JOIN dpia_revisions r ON r.organization_id = d.organization_id AND r.dpia_id = d.id
       AND r.revision = then_.revision_then AND r.closed_at <= $2::timestamptz
     WHERE d.organization_id = $1 AND ($2::timestamptz IS NULL OR d.created_at <= $2::timestamptz)
     ORDER BY a.reference, d.id`,
    [organizationId, asOf?.toISOString() ?? null],
  );
  return rows.map((row) => {
    const live: DpiaState = {
      dpiaId: row.id,
      activityId: row.activity_id,
      activityReference: row.reference,
      activityName: row.name,
      screeningDecision: row.screening?.decision ?? null,
      screeningCriteria: row.screening?.criteria ?? [],
      revision: row.revision,
      status: row.status,
      content: row.content,
      dpoOpinion: row.dpo_opinion,
      decision: row.decision,
      decisionComment: row.decision_comment,
      decidedAt: row.decided_at,
      decidedByName: row.decided_by_name,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      asOfExact: true,
      register: null,
    };
    if (!asOf || row.updated_at <= asOf) return live;
    return row.snapshot ? fromSnapshot(live, row.snapshot) : { ...live, asOfExact: false };
  });
}

/** A closed revision's kept state (its snapshot) over the DPIA's identity. */
function fromSnapshot(live: DpiaState, snapshot: DpiaDetail): DpiaState {
  return {
    ...live,
    revision: snapshot.revision,
    status: snapshot.status,
    content: snapshot.content,
    dpoOpinion: snapshot.dpoOpinion,
    decision: snapshot.decision?.decision ?? null,
    decisionComment: snapshot.decision?.comment ?? null,
    decidedAt: snapshot.decision ? new Date(snapshot.decision.decidedAt) : null,
    decidedByName: snapshot.decision?.decidedByName ?? null,
    screeningDecision: snapshot.register?.screening?.decision ?? live.screeningDecision,
    screeningCriteria: snapshot.register?.screening?.criteria ?? live.screeningCriteria,
    updatedAt: new Date(snapshot.updatedAt),
    asOfExact: true,
    register: snapshot.register ?? null,
  };
}

/**
 * Every revision decided (validated or refused) by `asOf` that came before the one `shown` holds for
 * its DPIA: an auditor receives the DPO's opinion and the decision of each, not only the revision open
 * now (Art 35(11) reviews keep the earlier decisions as evidence). Returned in the order of `shown`,
 * newest revision first within a DPIA.
 */
export async function readEarlierRevisions(query: DpiaQuery, organizationId: string, asOf: Date | null, shown: readonly DpiaState[]): Promise<DpiaState[]> {
  if (!shown.length) return [];
  const rows = await query<{ dpia_id: string; snapshot: DpiaDetail }>(
    `SELECT r.dpia_id, r.snapshot FROM dpia_revisions r
     WHERE r.organization_id = $1 AND ($2::timestamptz IS NULL OR r.closed_at <= $2::timestamptz)
     ORDER BY r.dpia_id, r.revision DESC`,
    [organizationId, asOf?.toISOString() ?? null],
  );
  const byDpia = new Map<string, DpiaDetail[]>();
  for (const row of rows) byDpia.set(row.dpia_id, [...(byDpia.get(row.dpia_id) ?? []), row.snapshot]);
  return shown.flatMap((state) => (byDpia.get(state.dpiaId) ?? []).filter((snapshot) => snapshot.revision < state.revision).map((snapshot) => fromSnapshot(state, snapshot)));
}

export type ResidualRisks = Record<FearedEvent, RiskLevel & { level: RiskLevelName | null }>;

/** Each feared event's residual level (after measures, or before when not rated after) and zone. */
export function residualRisks(content: Pick<DpiaContent, 'risks'>): ResidualRisks {
  return Object.fromEntries(
    FEARED_EVENTS.map((event) => {
      const level = residualLevel(content.risks[event]);
      return [event, { severity: level.severity, likelihood: level.likelihood, level: riskLevel(level) }];
    }),
  ) as ResidualRisks;
}

export { overallResidualRisk };

/** Actions of the plan: how many, and how many not done with a due date before `day` (YYYY-MM-DD). */
export function actionCounts(content: Pick<DpiaContent, 'actionPlan'>, day: string): { total: number; overdue: number } {
  return {
    total: content.actionPlan.length,
    overdue: content.actionPlan.filter((action) => action.status !== 'done' && action.dueDate !== null && action.dueDate < day).length,
  };
}
