import { Injectable } from '@nestjs/common';
import { ProcessingActivity } from '../activities/activity.entity';
import { AppException } from '../common/errors/app-exception';
import { Page, pageOf } from '../common/http/pagination';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { DEFAULT_COUNTRY } from '../domain/deadlines/legal-deadlines';
import { consultationView, overallResidualRisk, priorConsultationRequired, progressOf, residualLevel, riskLevel } from '../domain/dpias/dpia-rules';
import { Dpia, DpiaRevision } from './dpia.entity';
import {
  DpiaContent,
  DpiaDecision,
  DpiaDetail,
  DpiaStatus,
  DPIA_STATUSES,
  FEARED_EVENTS,
  FearedEvent,
  LOCKED_STATUSES,
  RegisterContext,
  RiskLevel,
  RiskLevelName,
} from '../domain/dpias/dpia.types';
import type { DpiaDueAction, DpiaListItem, DpiaRevisionSummary, DpiaSortKey, ListDpiasQuery } from './dto/dpia.dto';
import { containsSearch, sortTerm } from '../common/http/list-sql';
import { joinActivity } from '../activities/directory/activity-directory';

/** One row of the register export's DPIA sheet. */
export interface DpiaExportRow {
  dpiaId: string;
  activityReference: string;
  activityName: string;
  screeningDecision: string;
  screeningCriteria: string[];
  status: DpiaStatus;
  revision: number;
  residualRisks: Record<FearedEvent, RiskLevel & { level: RiskLevelName | null }>;
  residualRisk: RiskLevelName | null;
  decision: DpiaDecision | null;
  decisionDate: Date | null;
}

/** The earliest due date of the actions not done (a date, or null). */
const NEXT_ACTION_DUE = `(SELECT min(action."dueDate") FROM jsonb_to_recordset(d.content -> 'actionPlan') AS action("dueDate" date, status text) WHERE action.status <> 'done')`;

const SORT_COLUMNS: Record<DpiaSortKey, string> = {
  activity: 'a.reference',
  // In the order of the workflow, not of the codes' spelling.
  status: `array_position(ARRAY[${DPIA_STATUSES.map((status) => `'${status}'`).join(', ')}]::text[], d.status)`,
  revision: 'd.revision',
  nextActionDue: NEXT_ACTION_DUE,
  updatedAt: 'd.updated_at',
};

/** Reading DPIAs: the list, one DPIA with its register context, its revisions, due actions and the export's rows. */
@Injectable()
export class DpiaQueries {
  constructor(private readonly connection: TransactionalConnection) {}

  async list(organizationId: string, query: ListDpiasQuery): Promise<Page<DpiaListItem>> {
    const params: unknown[] = [organizationId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['d.organization_id = $1'];
    const q = query.q?.trim();
    if (q) where.push(containsSearch("a.reference || ' ' || a.name", q, param));
    if (query.status) where.push(`d.status = ${param(query.status)}`);
    if (query.activityId) where.push(`d.activity_id = ${param(query.activityId)}`);
    const from = `FROM dpias d ${joinActivity('a', { table: 'd' })} WHERE ${where.join(' AND ')}`;
    const order = [...(query.sort ? [sortTerm(query.sort, SORT_COLUMNS)] : []), 'a.reference ASC', 'd.id ASC'];
    const manager = this.connection.manager;
    const [{ total }] = await manager.query<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`, params);
    const rows = await manager.query<
      {
        id: string;
        activity_id: string;
        reference: string;
        name: string;
        status: DpiaStatus;
        revision: number;
        risks: DpiaContent['risks'];
        next_action_due: string | null;
        decision: DpiaDecision | null;
        version: number;
        updated_at: Date;
      }[]
    >(
      `SELECT d.id, d.activity_id, a.reference, a.name, d.status, d.revision, d.content -> 'risks' AS risks, d.decision, d.version, d.updated_at,
              ${NEXT_ACTION_DUE}::text AS next_action_due
       ${from}
       ORDER BY ${order.join(', ')} LIMIT ${param(query.pageSize)} OFFSET ${param((query.page - 1) * query.pageSize)}`,
      params,
    );
    return pageOf(
      rows.map((row) => ({
        id: row.id,
        activityId: row.activity_id,
        activityReference: row.reference,
        activityName: row.name,
        status: row.status,
        revision: row.revision,
        residualRisk: overallResidualRisk({ risks: row.risks }),
        nextActionDue: row.next_action_due,
        decision: row.decision,
        version: row.version,
        updatedAt: row.updated_at,
      })),
      total,
      query,
    );
  }

  async get(organizationId: string, dpiaId: string): Promise<DpiaDetail> {
    return this.detail(await this.find(organizationId, dpiaId));
  }

  /** Closed revisions, then the one being worked on (if it is not closed). */
  async revisions(organizationId: string, dpiaId: string): Promise<DpiaRevisionSummary[]> {
    const current = await this.find(organizationId, dpiaId);
    const closed = await this.connection.manager.query<{ revision: number; status: DpiaStatus; decision: DpiaDecision | null; closed_at: Date }[]>(
      `SELECT revision, status, snapshot -> 'decision' ->> 'decision' AS decision, closed_at FROM dpia_revisions
       WHERE organization_id = $1 AND dpia_id = $2 ORDER BY revision`,
      [organizationId, dpiaId],
    );
    const list: DpiaRevisionSummary[] = closed.map((row) => ({ revision: row.revision, status: row.status, decision: row.decision, closedAt: row.closed_at, current: false }));
    if (!closed.some((row) => row.revision === current.revision)) {
      list.push({ revision: current.revision, status: current.status, decision: current.decision, closedAt: null, current: true });
    } else {
      list[list.length - 1].current = true;
    }
    return list;
  }

  /** One revision as it was closed (the DPIA, its opinion, decision and register context of the time). */
  async revision(organizationId: string, dpiaId: string, revision: number): Promise<DpiaDetail> {
    const current = await this.find(organizationId, dpiaId);
    const closed = await this.connection.getRepository(DpiaRevision).findOneBy({ organizationId, dpiaId, revision });
    if (closed) return closed.snapshot as unknown as DpiaDetail;
    if (revision === current.revision) return this.detail(current);
    throw AppException.notFound();
  }

  /**
   * Actions of the DPIAs' current revisions not done yet and due before `before` (YYYY-MM-DD),
   * earliest first: what the dashboard lists as due.
   */
  async actionsDueBefore(organizationId: string, before: string): Promise<DpiaDueAction[]> {
    return this.connection.manager.query<DpiaDueAction[]>(
      `SELECT d.id AS "dpiaId", a.reference AS "activityReference", a.name AS "activityName", action.id AS "actionId",
              action.measure, action.owner, action."dueDate"::text AS "dueDate", action.status
       FROM dpias d
       ${joinActivity('a', { table: 'd' })}
       CROSS JOIN LATERAL jsonb_to_recordset(d.content -> 'actionPlan') AS action(id text, measure text, owner text, "dueDate" date, status text)
       WHERE d.organization_id = $1 AND action.status <> 'done' AND action."dueDate" < $2::date
       ORDER BY action."dueDate", a.reference, action.measure`,
      [organizationId, before],
    );
  }

  /** For the register export's DPIA sheet: each DPIA of the organisation, as it stands now. */
  async exportRows(organizationId: string): Promise<DpiaExportRow[]> {
    const rows = await this.connection.manager.query<
      {
        id: string;
        reference: string;
        name: string;
        screening: { decision: string; criteria: string[] };
        status: DpiaStatus;
        revision: number;
        risks: DpiaContent['risks'];
        decision: DpiaDecision | null;
        decided_at: Date | null;
      }[]
    >(
      `SELECT d.id, a.reference, a.name, a.document -> 'dpiaScreening' AS screening, d.status, d.revision, d.content -> 'risks' AS risks, d.decision, d.decided_at
       FROM dpias d ${joinActivity('a', { table: 'd' })}
       WHERE d.organization_id = $1 ORDER BY a.reference`,
      [organizationId],
    );
    return rows.map((row) => {
      const residualRisks = Object.fromEntries(
        FEARED_EVENTS.map((event) => {
          const level = residualLevel(row.risks[event]);
          return [event, { ...level, level: riskLevel(level) }];
        }),
      ) as DpiaExportRow['residualRisks'];
      return {
        dpiaId: row.id,
        activityReference: row.reference,
        activityName: row.name,
        screeningDecision: row.screening.decision,
        screeningCriteria: row.screening.criteria,
        status: row.status,
        revision: row.revision,
        residualRisks,
        residualRisk: overallResidualRisk({ risks: row.risks }),
        decision: row.decision,
        decisionDate: row.decided_at,
      };
    });
  }

  /** Whose public holidays move the authority's deadline (as for rights requests). */
  private async country(organizationId: string): Promise<string> {
    const [row] = await this.connection.manager.query<{ country: string | null }[]>('SELECT country FROM organizations WHERE id = $1', [organizationId]);
    return row?.country ?? DEFAULT_COUNTRY;
  }

  async find(organizationId: string, dpiaId: string): Promise<Dpia> {
    const row = await this.connection.getRepository(Dpia).findOneBy({ organizationId, id: dpiaId });
    if (!row) throw AppException.notFound();
    return row;
  }

  /**
   * The Context section's register part, read from the activity at request time: the register stays
   * the one place these facts are typed, and an open DPIA follows its changes. A closed revision keeps
   * the context of its day in its snapshot.
   */
  private async registerContext(row: Dpia): Promise<RegisterContext> {
    const activity = await this.connection.getRepository(ProcessingActivity).findOneByOrFail({ organizationId: row.organizationId, id: row.activityId });
    const document = activity.document;
    return {
      reference: activity.reference,
      name: activity.name,
      description: activity.description,
      purposes: document.purposes.map((purpose) => ({ description: purpose.description, legalBasis: purpose.legalBasis })),
      dataCategories: document.dataCategories.map((category) => ({
        category: category.category,
        description: category.description,
        retention: category.retention?.activePeriod ?? null,
      })),
      dataSubjects: document.dataSubjects.map((subject) => ({ ...subject })),
      recipients: document.recipients.map((recipient) => ({ ...recipient })),
      processors: [...document.processors],
      transfers: document.transfers.map((transfer) => ({ country: transfer.country, mechanism: transfer.mechanism })),
      securityMeasures: [...document.securityMeasures],
      screening: { ...document.dpiaScreening },
    };
  }

  async detail(row: Dpia): Promise<DpiaDetail> {
    return {
      id: row.id,
      activityId: row.activityId,
      revision: row.revision,
      status: row.status,
      locked: LOCKED_STATUSES.includes(row.status),
      content: row.content,
      register: await this.registerContext(row),
      dpoOpinion: row.dpoOpinion,
      decision:
        row.decision && row.decidedAt
          ? { decision: row.decision, comment: row.decisionComment, decidedBy: row.decidedBy, decidedByName: row.decidedByName, decidedAt: row.decidedAt.toISOString() }
          : null,
      priorConsultation: consultationView(row.priorConsultation, await this.country(row.organizationId)),
      priorConsultationRequired: priorConsultationRequired(row.content),
      progress: progressOf(row.content, { opinion: row.dpoOpinion !== null, decision: row.decision !== null }),
      residualRisk: overallResidualRisk(row.content),
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}
