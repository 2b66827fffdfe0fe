import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ForbiddenError, subject } from '@casl/ability';
import { ProcessingActivity } from '../activities/activity.entity';
import { AuditService } from '../audit/audit.service';
import type { Action } from '../authorization/ability.factory';
import type { OrganizationAccess } from '../authorization/request-auth';
import { assertVersion } from '../common/concurrency/expected-version';
import { canonicalJson, flattenFields } from '../common/diff/field-diff';
import { AppException } from '../common/errors/app-exception';
import { onUniqueViolation } from '../common/errors/database-errors';
import { Page, pageOf } from '../common/http/pagination';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { WorkflowNotifier } from '../notifications/workflow-notifier';
import { DpiaException, dpiaLocked } from './dpia-errors';
import { DEFAULT_COUNTRY } from '../domain/deadlines/legal-deadlines';
import {
  consultationView,
  DPIA_TRANSITIONS,
  DpiaTransition,
  emptyContent,
  missingForSubmission,
  overallResidualRisk,
  priorConsultationRequired,
  progressOf,
  residualLevel,
  riskLevel,
} from '../domain/dpias/dpia-rules';
import { Dpia, DpiaRevision } from './dpia.entity';
import {
  DpiaContent,
  DpiaDecision,
  DpiaDetail,
  DpiaStatus,
  DpoOpinion,
  EDITABLE_STATUSES,
  FEARED_EVENTS,
  FearedEvent,
  LOCKED_STATUSES,
  PriorConsultation,
  RegisterContext,
  RiskLevel,
  RiskLevelName,
} from '../domain/dpias/dpia.types';
import type { ConsultationAnswerDto, DpiaDecisionDto, DpiaDueAction, DpiaListItem, DpiaRevisionSummary, DpoOpinionDto, ListDpiasQuery, UpdateDpiaDto } from './dto/dpia.dto';

type DpiaAccess = Pick<OrganizationAccess, 'organizationId' | 'ability'>;

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

/** The CASL action each step needs: the DPO gives the opinion; an admin or the DPO decides. */
const STEP_ACTIONS: Record<DpiaTransition, Action> = {
  submit: 'submit',
  reopen: 'update',
  opinion: 'validate',
  decide: 'decide',
  newRevision: 'update',
};

const asSubject = (row: Pick<Dpia, 'organizationId' | 'status'>) => subject('Dpia', { organizationId: row.organizationId, status: row.status });

/** A draft revision (a new DPIA or the next revision of a decided one) carries no opinion or decision yet. */
const UNDECIDED = {
  dpoOpinion: null,
  decision: null,
  decisionComment: null,
  decidedAt: null,
  decidedBy: null,
  decidedByName: null,
  priorConsultation: null,
} as const satisfies Partial<Dpia>;

@Injectable()
export class DpiasService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
    private readonly notifier: WorkflowNotifier,
  ) {}

  // ——— reading ———

  async list(organizationId: string, query: ListDpiasQuery): Promise<Page<DpiaListItem>> {
    const where = ['d.organization_id = $1'];
    const params: unknown[] = [organizationId];
    if (query.status) where.push(`d.status = $${params.push(query.status)}`);
    if (query.activityId) where.push(`d.activity_id = $${params.push(query.activityId)}`);
    const manager = this.connection.manager;
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
              (SELECT min(action."dueDate")::text FROM jsonb_to_recordset(d.content -> 'actionPlan') AS action("dueDate" date, status text)
               WHERE action.status <> 'done') AS next_action_due
       FROM dpias d JOIN processing_activities a ON a.organization_id = d.organization_id AND a.id = d.activity_id
       WHERE ${where.join(' AND ')}
       ORDER BY a.reference LIMIT $${params.push(query.pageSize)} OFFSET $${params.push((query.page - 1) * query.pageSize)}`,
      params,
    );
    const [{ total }] = await manager.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM dpias d WHERE ${where.join(' AND ')}`, params.slice(0, -2));
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
       JOIN processing_activities a ON a.organization_id = d.organization_id AND a.id = d.activity_id
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
       FROM dpias d JOIN processing_activities a ON a.organization_id = d.organization_id AND a.id = d.activity_id
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

  // ——— writing ———

  async create(access: DpiaAccess, activityId: string): Promise<DpiaDetail> {
    const { organizationId } = access;
    const activity = await this.connection.getRepository(ProcessingActivity).findOneBy({ organizationId, id: activityId });
    if (!activity) throw AppException.notFound();
    const now = await this.now();
    const row: Dpia = {
      organizationId,
      id: randomUUID(),
      activityId,
      revision: 1,
      status: 'draft',
      content: emptyContent(),
      ...UNDECIDED,
      createdBy: this.connection.context.userId ?? null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    ForbiddenError.from(access.ability).throwUnlessCan('create', asSubject(row));
    const [existing] = await this.connection.manager.query<{ id: string }[]>('SELECT id FROM dpias WHERE organization_id = $1 AND activity_id = $2', [organizationId, activityId]);
    const exists = () => new DpiaException(HttpStatus.CONFLICT, 'dpia_exists', { dpiaId: existing?.id ?? null }, { reference: activity.reference });
    if (existing) throw exists();
    await onUniqueViolation(() => this.connection.getRepository(Dpia).insert(row), exists);
    await this.record(row, 'create', null);
    return this.detail(row);
  }

  /** Sections given replace the stored ones; the first saved section moves a draft to in_progress. */
  async update(access: DpiaAccess, dpiaId: string, expected: number, input: Omit<UpdateDpiaDto, 'version'>): Promise<DpiaDetail> {
    const current = await this.lock(access.organizationId, dpiaId);
    ForbiddenError.from(access.ability).throwUnlessCan('update', asSubject(current));
    this.assertWritable(current);
    assertVersion(current.version, expected);
    if (!EDITABLE_STATUSES.includes(current.status)) {
      throw new DpiaException(HttpStatus.CONFLICT, 'dpia_not_editable', { status: current.status }, { status: current.status });
    }
    const content: DpiaContent = structuredClone(current.content);
    if (input.context) content.context = { ...input.context };
    if (input.principles) content.principles = structuredClone(input.principles);
    if (input.risks) {
      content.risks = Object.fromEntries(
        FEARED_EVENTS.map((event) => {
          const risk = input.risks![event];
          return [event, { ...risk, existingMeasures: [...new Set(risk.existingMeasures)], plannedMeasures: [...new Set(risk.plannedMeasures)] }];
        }),
      ) as DpiaContent['risks'];
    }
    if (input.actionPlan) {
      const seen = new Set<string>();
      content.actionPlan = input.actionPlan.map((action) => {
        // Ids keep an action recognisable across saves (the dashboard links to it); duplicates get a new one.
        const id = action.id && !seen.has(action.id) ? action.id : randomUUID();
        seen.add(id);
        return { id, measure: action.measure, owner: action.owner, dueDate: action.dueDate, status: action.status };
      });
    }
    if (input.dataSubjectsView) content.dataSubjectsView = { ...input.dataSubjectsView };
    if (canonicalJson(content) === canonicalJson(current.content)) return this.detail(current);
    const next: Dpia = { ...current, content, status: current.status === 'draft' ? 'in_progress' : current.status };
    return this.save(current, next, 'update');
  }

  /** submit, reopen and newRevision: status moves with no other input. */
  async step(access: DpiaAccess, dpiaId: string, transition: 'submit' | 'reopen' | 'newRevision', expected: number): Promise<DpiaDetail> {
    const current = await this.checkStep(access, dpiaId, transition, expected);
    let next: Dpia;
    switch (transition) {
      case 'submit': {
        const missing = missingForSubmission(current.content);
        if (missing.length) throw new DpiaException(HttpStatus.UNPROCESSABLE_ENTITY, 'dpia_incomplete', { fearedEvents: missing }, { count: missing.length });
        next = { ...current, status: 'awaiting_dpo_opinion' };
        break;
      }
      case 'reopen':
        // Changing the assessment after the DPO's opinion would leave an opinion on something else.
        next = { ...current, status: 'in_progress', dpoOpinion: null };
        break;
      case 'newRevision':
        next = {
          ...current,
          revision: current.revision + 1,
          status: 'draft',
          content: structuredClone(current.content),
          ...UNDECIDED,
        };
        break;
    }
    return this.save(current, next, transition);
  }

  async giveOpinion(access: DpiaAccess, dpiaId: string, expected: number, input: Pick<DpoOpinionDto, 'status' | 'opinion'>): Promise<DpiaDetail> {
    const current = await this.checkStep(access, dpiaId, 'opinion', expected);
    const context = this.connection.context;
    const dpoOpinion: DpoOpinion = {
      status: input.status,
      opinion: input.opinion,
      givenBy: context.userId ?? null,
      givenByName: context.actorName ?? null,
      givenAt: (await this.now()).toISOString(),
    };
    return this.save(current, { ...current, dpoOpinion }, 'opinion');
  }

  /** Closes the revision: validated (with or without conditions) or refused; the revision is kept whole. */
  async decide(access: DpiaAccess, dpiaId: string, expected: number, input: Pick<DpiaDecisionDto, 'decision' | 'comment' | 'priorConsultation'>): Promise<DpiaDetail> {
    const current = await this.checkStep(access, dpiaId, 'decide', expected);
    if (!current.dpoOpinion) throw new DpiaException(HttpStatus.UNPROCESSABLE_ENTITY, 'dpia_opinion_missing');
    const comment = input.comment ?? null;
    if (input.decision === 'validated_with_conditions' && !comment) throw new DpiaException(HttpStatus.UNPROCESSABLE_ENTITY, 'dpia_conditions_missing');
    const context = this.connection.context;
    // Art 36(1): a high residual risk is not validated plainly; the DPO records the consultation of the authority.
    const consulting = input.decision !== 'refused' && priorConsultationRequired(current.content);
    if (consulting && !input.priorConsultation) throw new DpiaException(HttpStatus.UNPROCESSABLE_ENTITY, 'dpia_prior_consultation_missing');
    if (!consulting && input.priorConsultation) throw new DpiaException(HttpStatus.UNPROCESSABLE_ENTITY, 'dpia_prior_consultation_not_required');
    if (consulting) ForbiddenError.from(access.ability).throwUnlessCan('validate', asSubject(current));
    const now = await this.now();
    const priorConsultation: PriorConsultation | null =
      consulting && input.priorConsultation
        ? {
            sentOn: input.priorConsultation.sentOn,
            reference: input.priorConsultation.reference,
            recordedBy: context.userId ?? null,
            recordedByName: context.actorName ?? null,
            recordedAt: now.toISOString(),
            answer: null,
          }
        : null;
    const next: Dpia = {
      ...current,
      status: input.decision === 'refused' ? 'refused' : 'validated',
      decision: input.decision,
      decisionComment: comment,
      decidedAt: now,
      priorConsultation,
      decidedBy: context.userId ?? null,
      decidedByName: context.actorName ?? null,
    };
    const detail = await this.save(current, next, 'decide');
    const revisions = this.connection.getRepository(DpiaRevision);
    await revisions.insert(
      revisions.create({
        organizationId: next.organizationId,
        dpiaId: next.id,
        revision: next.revision,
        status: next.status,
        snapshot: JSON.parse(JSON.stringify(detail)) as object,
        closedAt: next.decidedAt!,
      }),
    );
    return detail;
  }

  /**
   * Art 36(2): the authority's answer, recorded by the DPO on the closed revision it was consulted on
   * (the answer does not change the assessment). Until then the processing waits (activity validation
   * refuses it); an answer that bans the processing keeps it stopped.
   */
  async recordConsultationAnswer(access: DpiaAccess, dpiaId: string, expected: number, input: Pick<ConsultationAnswerDto, 'receivedOn' | 'outcome' | 'summary'>): Promise<DpiaDetail> {
    const current = await this.lock(access.organizationId, dpiaId);
    ForbiddenError.from(access.ability).throwUnlessCan('validate', asSubject(current));
    assertVersion(current.version, expected);
    const consultation = current.priorConsultation;
    if (!consultation) throw new DpiaException(HttpStatus.CONFLICT, 'dpia_no_prior_consultation');
    if (consultation.answer) throw new DpiaException(HttpStatus.CONFLICT, 'dpia_consultation_answered', { receivedOn: consultation.answer.receivedOn });
    if (input.receivedOn < consultation.sentOn) {
      throw new DpiaException(HttpStatus.UNPROCESSABLE_ENTITY, 'dpia_answer_before_request', { sentOn: consultation.sentOn }, { sentOn: consultation.sentOn });
    }
    const context = this.connection.context;
    const answer = {
      receivedOn: input.receivedOn,
      outcome: input.outcome,
      summary: input.summary,
      recordedBy: context.userId ?? null,
      recordedByName: context.actorName ?? null,
      recordedAt: (await this.now()).toISOString(),
    };
    return this.save(current, { ...current, priorConsultation: { ...consultation, answer } }, 'consultation_answer');
  }

  // ——— helpers ———

  private async checkStep(access: DpiaAccess, dpiaId: string, transition: DpiaTransition, expected: number): Promise<Dpia> {
    const current = await this.lock(access.organizationId, dpiaId);
    ForbiddenError.from(access.ability).throwUnlessCan(STEP_ACTIONS[transition], asSubject(current));
    if (transition !== 'newRevision') this.assertWritable(current);
    assertVersion(current.version, expected);
    const from = DPIA_TRANSITIONS[transition];
    if (!from.includes(current.status)) {
      throw new DpiaException(HttpStatus.CONFLICT, 'dpia_invalid_transition', { status: current.status, transition, allowedFrom: from }, { status: current.status });
    }
    return current;
  }

  /** A validated or refused revision is closed: only a new revision changes anything. */
  private assertWritable(row: Dpia): void {
    if (LOCKED_STATUSES.includes(row.status)) throw dpiaLocked(row.status, row.revision);
  }

  private async save(current: Dpia, next: Dpia, action: string): Promise<DpiaDetail> {
    next.version = current.version + 1;
    next.updatedAt = await this.now();
    const { organizationId, id, ...changes } = next;
    await this.connection.getRepository(Dpia).update({ organizationId, id }, changes);
    await this.record(next, action, current);
    return this.detail(next);
  }

  /** The audit event, in the request's transaction: every field that changed, before → after. */
  private async record(row: Dpia, action: string, before: Dpia | null): Promise<void> {
    const [activity] = await this.connection.manager.query<{ reference: string; name: string; owner_id: string | null }[]>(
      'SELECT reference, name, owner_id FROM processing_activities WHERE organization_id = $1 AND id = $2',
      [row.organizationId, row.activityId],
    );
    await this.audit.record({
      action: `dpia_${action}`,
      entityType: 'Dpia',
      entityId: row.id,
      entityLabel: `DPIA ${activity?.reference ?? ''} (revision ${row.revision})`.trim(),
      before: before ? this.fields(before) : null,
      after: this.fields(row),
    });
    // Workflow notifications, in this transaction: the DPOs hear of a DPIA awaiting their opinion, the
    // activity's owner and the DPOs of the decision.
    const notice = action === 'submit' ? 'dpia_awaiting_opinion' : action === 'decide' ? 'dpia_decision_recorded' : null;
    if (notice && activity) {
      await this.notifier.notify({
        kind: notice,
        organizationId: row.organizationId,
        record: { type: 'dpia', id: row.id, reference: activity.reference, name: activity.name, subject: asSubject(row) },
        to: notice === 'dpia_awaiting_opinion' ? ['dpos'] : ['dpos', { userId: activity.owner_id }],
      });
    }
  }

  private fields(row: Dpia): Record<string, unknown> {
    return flattenFields({
      revision: row.revision,
      status: row.status,
      ...row.content,
      dpoOpinion: row.dpoOpinion,
      decision: row.decision,
      decisionComment: row.decisionComment,
      priorConsultation: row.priorConsultation,
    });
  }

  /** Whose public holidays move the authority's deadline (as for rights requests). */
  private async country(organizationId: string): Promise<string> {
    const [row] = await this.connection.manager.query<{ country: string | null }[]>('SELECT country FROM organizations WHERE id = $1', [organizationId]);
    return row?.country ?? DEFAULT_COUNTRY;
  }

  private async now(): Promise<Date> {
    const [{ now }] = await this.connection.manager.query<{ now: Date }[]>('SELECT clock_timestamp() AS now');
    return now;
  }

  private async find(organizationId: string, dpiaId: string): Promise<Dpia> {
    const row = await this.connection.getRepository(Dpia).findOneBy({ organizationId, id: dpiaId });
    if (!row) throw AppException.notFound();
    return row;
  }

  private async lock(organizationId: string, dpiaId: string): Promise<Dpia> {
    const row = await this.connection.getRepository(Dpia).findOne({ where: { organizationId, id: dpiaId }, lock: { mode: 'pessimistic_write' } });
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

  private async detail(row: Dpia): Promise<DpiaDetail> {
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
