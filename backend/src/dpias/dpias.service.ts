import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ForbiddenError, subject } from '@casl/ability';
import { ProcessingActivity } from '../activities/activity.entity';
import type { Action } from '../authorization/ability.factory';
import type { OrganizationAccess } from '../authorization/request-auth';
import { canonicalJson, flattenFields } from '../common/diff/field-diff';
import { AppException } from '../common/errors/app-exception';
import { onUniqueViolation } from '../common/errors/database-errors';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { VersionedRecords } from '../common/versioned-record/versioned-records';
import { WorkflowNotifier } from '../notifications/workflow-notifier';
import { DpiaException, dpiaLocked } from './dpia-errors';
import { DPIA_TRANSITIONS, DpiaTransition, emptyContent, missingForSubmission, priorConsultationRequired } from '../domain/dpias/dpia-rules';
import { Dpia, DpiaRevision } from './dpia.entity';
import { DpiaContent, DpiaDetail, DpoOpinion, EDITABLE_STATUSES, FEARED_EVENTS, LOCKED_STATUSES, PriorConsultation } from '../domain/dpias/dpia.types';
import type { ConsultationAnswerDto, DpiaDecisionDto, DpoOpinionDto, UpdateDpiaDto } from './dto/dpia.dto';
import { DpiaQueries } from './dpia-queries.service';
import { ActivityDirectory } from '../activities/directory/activity-directory';

type DpiaAccess = Pick<OrganizationAccess, 'organizationId' | 'ability'>;

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

/** Writing DPIAs: creation, sections, the steps to the DPO's opinion and the decision, the authority's answer. */
@Injectable()
export class DpiasService {
  constructor(
    private readonly activities: ActivityDirectory,
    private readonly connection: TransactionalConnection,
    private readonly records: VersionedRecords,
    private readonly notifier: WorkflowNotifier,
    private readonly queries: DpiaQueries,
  ) {}

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
    return this.queries.detail(row);
  }

  /** Sections given replace the stored ones; the first saved section moves a draft to in_progress. */
  async update(access: DpiaAccess, dpiaId: string, expected: number, input: Omit<UpdateDpiaDto, 'version'>): Promise<DpiaDetail> {
    const current = await this.records.open(Dpia, access.organizationId, dpiaId, expected, (row) => {
      ForbiddenError.from(access.ability).throwUnlessCan('update', asSubject(row));
      this.assertWritable(row);
    });
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
    if (canonicalJson(content) === canonicalJson(current.content)) return this.queries.detail(current);
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
    const current = await this.records.open(Dpia, access.organizationId, dpiaId, expected, (row) =>
      ForbiddenError.from(access.ability).throwUnlessCan('validate', asSubject(row)),
    );
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

  private async checkStep(access: DpiaAccess, dpiaId: string, transition: DpiaTransition, expected: number): Promise<Dpia> {
    const current = await this.records.open(Dpia, access.organizationId, dpiaId, expected, (row) => {
      ForbiddenError.from(access.ability).throwUnlessCan(STEP_ACTIONS[transition], asSubject(row));
      if (transition !== 'newRevision') this.assertWritable(row);
    });
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
    await this.records.advance(current, next);
    const { organizationId, id, ...changes } = next;
    await this.connection.getRepository(Dpia).update({ organizationId, id }, changes);
    await this.record(next, action, current);
    return this.queries.detail(next);
  }

  /** The audit event, in the request's transaction: every field that changed, before → after. */
  private async record(row: Dpia, action: string, before: Dpia | null): Promise<void> {
    const activity = await this.activities.summary(row.organizationId, row.activityId);
    await this.records.record({
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
        to: notice === 'dpia_awaiting_opinion' ? ['dpos'] : ['dpos', { userId: activity.ownerId }],
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

  private now(): Promise<Date> {
    return this.records.now();
  }
}
