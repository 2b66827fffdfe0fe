import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ForbiddenError } from '@casl/ability';
import { AuditService } from '../audit/audit.service';
import { assertVersion } from '../common/concurrency/expected-version';
import { flattenFields } from '../common/diff/field-diff';
import { AppException } from '../common/errors/app-exception';
import { FieldValidationException } from '../common/http/validation';
import { unknownCatalogueCodes } from '../catalogues/activity-catalogues';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { extendedDueOn, localDate, rightsRequestDueOn } from '../domain/deadlines/legal-deadlines';
import type { AnswerRequestDto, CreateRightsRequestDto, ExtendRightsRequestDto, RefuseRequestDto, UpdateRequestTasksDto, UpdateRightsRequestDto } from './dto/rights-request.dto';
import { readRequestTasks, replaceRequestTasks, unknownMembers } from './request-tasks';
import { RightsRequestException } from './rights-request-errors';
import { RightsRequest } from './rights-request.entity';
import { asSubject, RequestAccess, RightsRequestQueries } from './rights-request-queries.service';
import {
  CLOSED_REQUEST_STATUSES,
  IdentityCheckStatus,
  isOpenRequest,
  REQUEST_TRANSITION_RULES,
  requestReference,
  RequestTasks,
  RequestTransition,
  RightsRequestDetail,
} from '../domain/rights-requests/rights-request.types';
import { ActivityDirectory } from '../activities/directory/activity-directory';

export type { OrganizationCalendar } from './rights-request-queries.service';

/** What a transition may carry besides the version. */
export type TransitionInput =
  | { transition: 'identity_check'; method?: string | null }
  | { transition: 'start'; identityCheckStatus?: IdentityCheckStatus }
  | { transition: 'answer'; answer: Pick<AnswerRequestDto, 'sentAt' | 'channel' | 'summary'> }
  | { transition: 'refuse'; refusal: Pick<RefuseRequestDto, 'grounds' | 'sentAt' | 'channel'> }
  | { transition: 'withdraw' };

/** Writing the rights-request register: each change locked, versioned (409) and audited in its transaction. */
@Injectable()
export class RightsRequestsService {
  constructor(
    private readonly queries: RightsRequestQueries,
    private readonly activityDirectory: ActivityDirectory,
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  async create(access: RequestAccess, input: CreateRightsRequestDto): Promise<RightsRequestDetail> {
    const { organizationId } = access;
    const now = await this.queries.now();
    const receivedAt = new Date(input.receivedAt);
    if (receivedAt > now) throw new RightsRequestException(HttpStatus.UNPROCESSABLE_ENTITY, 'request_date_in_future', { field: 'receivedAt' });
    const calendar = await this.queries.calendar(organizationId);
    const row: RightsRequest = {
      organizationId,
      id: randomUUID(),
      number: 0,
      receivedAt,
      channel: input.channel,
      type: input.type,
      description: input.description ?? null,
      subjectCategory: input.subjectCategory ?? null,
      requesterName: input.requesterName,
      requesterContact: input.requesterContact ?? null,
      identityCheckStatus: input.identityCheckStatus ?? 'not_needed',
      identityCheckMethod: input.identityCheckMethod ?? null,
      status: 'received',
      dueOn: rightsRequestDueOn(receivedAt, calendar.timeZone, calendar.country),
      extendedDueOn: null,
      extensionReason: null,
      personInformedOn: null,
      answerSentAt: null,
      answerChannel: null,
      answerSummary: null,
      refusalGrounds: null,
      closedAt: null,
      identityErasedAt: null,
      recordedBy: this.connection.context.userId ?? null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    ForbiddenError.from(access.ability).throwUnlessCan('create', asSubject(row));
    await this.checkSubjectCategory(organizationId, row.subjectCategory);
    const activityIds = await this.checkActivities(organizationId, input.activityIds ?? []);
    row.number = await this.nextNumber(organizationId);
    await this.connection.getRepository(RightsRequest).insert(row);
    await this.linkActivities(row, activityIds);
    await this.record(row, activityIds, 'create', null, []);
    return this.queries.detail(row);
  }

  async update(access: RequestAccess, id: string, expected: number, input: Omit<UpdateRightsRequestDto, 'version'>): Promise<RightsRequestDetail> {
    const current = await this.lock(access, id, 'update');
    assertVersion(current.version, expected);
    // Once the retention job removed the identity, it does not come back through an edit.
    const identityFields = ['requesterName', 'requesterContact', 'identityCheckMethod', 'description'] as const;
    if (current.identityErasedAt && identityFields.some((field) => input[field] !== undefined))
      throw new RightsRequestException(HttpStatus.CONFLICT, 'request_identity_erased', {}, { reference: requestReference(current.number) });
    const beforeActivities = await this.queries.activityIds(current);
    const next: RightsRequest = { ...current };
    if (input.receivedAt !== undefined) {
      const receivedAt = new Date(input.receivedAt);
      if (receivedAt > (await this.queries.now())) throw new RightsRequestException(HttpStatus.UNPROCESSABLE_ENTITY, 'request_date_in_future', { field: 'receivedAt' });
      const calendar = await this.queries.calendar(current.organizationId);
      next.receivedAt = receivedAt;
      next.dueOn = rightsRequestDueOn(receivedAt, calendar.timeZone, calendar.country);
      if (current.extendedDueOn) next.extendedDueOn = extendedDueOn(receivedAt, calendar.timeZone, calendar.country);
    }
    if (input.channel !== undefined) next.channel = input.channel;
    if (input.type !== undefined) next.type = input.type;
    if (input.description !== undefined) next.description = input.description;
    if (input.subjectCategory !== undefined) {
      await this.checkSubjectCategory(current.organizationId, input.subjectCategory);
      next.subjectCategory = input.subjectCategory;
    }
    if (input.requesterName !== undefined) next.requesterName = input.requesterName;
    if (input.requesterContact !== undefined) next.requesterContact = input.requesterContact;
    if (input.identityCheckStatus !== undefined) next.identityCheckStatus = input.identityCheckStatus;
    if (input.identityCheckMethod !== undefined) next.identityCheckMethod = input.identityCheckMethod;
    if (input.answerSummary !== undefined) next.answerSummary = input.answerSummary;
    const activityIds = input.activityIds !== undefined ? await this.checkActivities(current.organizationId, input.activityIds) : beforeActivities;
    return this.save(current, next, 'update', { before: beforeActivities, after: activityIds });
  }

  /** Art 12(3): two further months, once, with the reason and the day the person was told (within the first month). */
  async extend(access: RequestAccess, id: string, expected: number, input: Pick<ExtendRightsRequestDto, 'reason' | 'personInformedOn'>): Promise<RightsRequestDetail> {
    const current = await this.lock(access, id, 'update');
    assertVersion(current.version, expected);
    if (!isOpenRequest(current.status)) throw new RightsRequestException(HttpStatus.CONFLICT, 'request_closed', { status: current.status });
    if (current.extendedDueOn) {
      throw new RightsRequestException(HttpStatus.CONFLICT, 'request_already_extended', { extendedDueOn: current.extendedDueOn }, { reference: requestReference(current.number) });
    }
    const calendar = await this.queries.calendar(current.organizationId);
    const receivedOn = localDate(current.receivedAt, calendar.timeZone);
    const today = localDate(await this.queries.now(), calendar.timeZone);
    const informed = input.personInformedOn;
    if (informed < receivedOn) throw new RightsRequestException(HttpStatus.UNPROCESSABLE_ENTITY, 'request_informed_before_receipt', { field: 'personInformedOn', receivedOn });
    if (informed > today) throw new RightsRequestException(HttpStatus.UNPROCESSABLE_ENTITY, 'request_date_in_future', { field: 'personInformedOn' });
    if (informed > current.dueOn) throw new RightsRequestException(HttpStatus.UNPROCESSABLE_ENTITY, 'request_extension_too_late', { field: 'personInformedOn', dueOn: current.dueOn });
    const next: RightsRequest = {
      ...current,
      extendedDueOn: extendedDueOn(current.receivedAt, calendar.timeZone, calendar.country),
      extensionReason: input.reason,
      personInformedOn: informed,
    };
    const activityIds = await this.queries.activityIds(current);
    return this.save(current, next, 'extend', { before: activityIds, after: activityIds });
  }

  async transition(access: RequestAccess, id: string, expected: number, input: TransitionInput): Promise<RightsRequestDetail> {
    const current = await this.lock(access, id, 'update');
    assertVersion(current.version, expected);
    const rule = REQUEST_TRANSITION_RULES[input.transition];
    if (!rule.from.includes(current.status)) {
      throw new RightsRequestException(
        HttpStatus.CONFLICT,
        'request_invalid_transition',
        { status: current.status, transition: input.transition, allowedFrom: rule.from },
        { reference: requestReference(current.number) },
      );
    }
    const now = await this.queries.now();
    const next: RightsRequest = { ...current, status: rule.to, closedAt: CLOSED_REQUEST_STATUSES.includes(rule.to) ? now : null };
    switch (input.transition) {
      case 'identity_check':
        next.identityCheckStatus = 'pending';
        if (input.method !== undefined) next.identityCheckMethod = input.method;
        break;
      case 'start':
        if (input.identityCheckStatus) next.identityCheckStatus = input.identityCheckStatus;
        break;
      case 'answer':
        this.assertNotFuture(new Date(input.answer.sentAt), now, 'sentAt');
        next.answerSentAt = new Date(input.answer.sentAt);
        next.answerChannel = input.answer.channel;
        next.answerSummary = input.answer.summary;
        break;
      case 'refuse':
        this.assertNotFuture(new Date(input.refusal.sentAt), now, 'sentAt');
        next.refusalGrounds = input.refusal.grounds;
        next.answerSentAt = new Date(input.refusal.sentAt);
        next.answerChannel = input.refusal.channel ?? null;
        break;
      case 'withdraw':
        break;
    }
    const activityIds = await this.queries.activityIds(current);
    return this.save(current, next, input.transition satisfies RequestTransition, { before: activityIds, after: activityIds });
  }

  /**
   * The request's tasks, replaced as a whole: who extracts and who erases for each linked activity
   * (members of the organisation), when each vendor of those activities was asked and confirmed. A
   * closed request keeps taking confirmations: a processor may confirm an erasure after the answer.
   * Bumps the request's version (409 on a stale one) and is audited with it.
   */
  async updateTasks(access: RequestAccess, id: string, expected: number, input: Pick<UpdateRequestTasksDto, 'activities' | 'processors'>): Promise<RightsRequestDetail> {
    const current = await this.lock(access, id, 'update');
    assertVersion(current.version, expected);
    const manager = this.connection.manager;
    const before = await readRequestTasks(manager, current);
    const invalid = (code: 'request_task_unknown_activity' | 'request_task_unknown_vendor' | 'request_task_unknown_member' | 'request_task_confirmed_before_asked' | 'request_date_in_future', field: string, details: Record<string, unknown> = {}) =>
      new RightsRequestException(HttpStatus.UNPROCESSABLE_ENTITY, code, { field, ...details });

    const linked = new Set(before.activities.map((task) => task.activityId));
    const vendors = new Map(before.processors.map((task) => [task.vendorId, task.vendorName]));
    const seenActivities = new Set<string>();
    input.activities.forEach((task, index) => {
      const activityId = task.activityId.toLowerCase();
      if (!linked.has(activityId) || seenActivities.has(activityId)) throw invalid('request_task_unknown_activity', `activities[${index}].activityId`);
      seenActivities.add(activityId);
    });
    const members = input.activities.flatMap((task) => [task.extractedBy, task.erasedBy]).filter((member): member is string => !!member).map((member) => member.toLowerCase());
    const strangers = await unknownMembers(manager, current.organizationId, members);
    input.activities.forEach((task, index) => {
      for (const field of ['extractedBy', 'erasedBy'] as const) {
        const member = task[field];
        if (member && strangers.includes(member.toLowerCase())) throw invalid('request_task_unknown_member', `activities[${index}].${field}`);
      }
    });
    const today = localDate(await this.queries.now(), (await this.queries.calendar(current.organizationId)).timeZone);
    const seenVendors = new Set<string>();
    input.processors.forEach((task, index) => {
      const vendorId = task.vendorId.toLowerCase();
      if (!vendors.has(vendorId) || seenVendors.has(vendorId)) throw invalid('request_task_unknown_vendor', `processors[${index}].vendorId`);
      seenVendors.add(vendorId);
      for (const field of ['askedOn', 'confirmedOn'] as const) {
        if (task[field] && task[field] > today) throw invalid('request_date_in_future', `processors[${index}].${field}`);
      }
      if (task.confirmedOn && (!task.askedOn || task.confirmedOn < task.askedOn)) throw invalid('request_task_confirmed_before_asked', `processors[${index}].confirmedOn`);
    });

    const after: RequestTasks = {
      activities: input.activities.map((task) => ({
        activityId: task.activityId.toLowerCase(),
        extractedBy: task.extractedBy?.toLowerCase() ?? null,
        erasedBy: task.erasedBy?.toLowerCase() ?? null,
        note: task.note ?? null,
      })),
      processors: input.processors.map((task) => ({
        vendorId: task.vendorId.toLowerCase(),
        vendorName: vendors.get(task.vendorId.toLowerCase()) ?? '',
        askedOn: task.askedOn ?? null,
        confirmedOn: task.confirmedOn ?? null,
        note: task.note ?? null,
      })),
    };
    await replaceRequestTasks(manager, current, after);
    const next: RightsRequest = { ...current, version: current.version + 1, updatedAt: await this.queries.now() };
    await this.connection.getRepository(RightsRequest).update({ organizationId: current.organizationId, id: current.id }, { version: next.version, updatedAt: next.updatedAt });
    await this.audit.record({
      action: 'rights_request_tasks',
      entityType: 'RightsRequest',
      entityId: current.id,
      entityLabel: requestReference(current.number),
      before: this.taskFields(before),
      after: this.taskFields(await readRequestTasks(manager, current)),
    });
    return this.queries.detail(next);
  }

  /** The tasks as audited: keyed by record so a change reads as that record's field, not a position. */
  private taskFields(tasks: RequestTasks): Record<string, unknown> {
    return flattenFields({
      activityTasks: tasks.activities.filter((task) => task.extractedBy || task.erasedBy || task.note),
      processorTasks: tasks.processors.filter((task) => task.askedOn || task.confirmedOn || task.note).map(({ vendorName: _name, ...task }) => task),
    });
  }

  // ——— helpers ———

  private assertNotFuture(instant: Date, now: Date, field: string): void {
    if (instant > now) throw new RightsRequestException(HttpStatus.UNPROCESSABLE_ENTITY, 'request_date_in_future', { field });
  }

  /** A code of the data-subject-categories catalogue, shipped or the organisation's own; 400 otherwise. */
  private async checkSubjectCategory(organizationId: string, code: string | null): Promise<void> {
    if (!code) return;
    const unknown = await unknownCatalogueCodes(this.connection.manager, organizationId, [{ path: 'subjectCategory', catalogue: 'data-subject-categories', code }]);
    if (unknown.length) throw new FieldValidationException(unknown);
  }

  private async checkActivities(organizationId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
    const missing = await this.activityDirectory.unknownIds(organizationId, wanted);
    if (missing.length) throw new RightsRequestException(HttpStatus.UNPROCESSABLE_ENTITY, 'request_unknown_activities', { field: 'activityIds', missing }, { count: missing.length });
    return wanted.sort();
  }

  private async linkActivities(row: RightsRequest, activityIds: string[]): Promise<void> {
    await this.connection.manager.query('DELETE FROM rights_request_activities WHERE organization_id = $1 AND request_id = $2', [row.organizationId, row.id]);
    if (!activityIds.length) return;
    await this.connection.manager.query(
      'INSERT INTO rights_request_activities (organization_id, request_id, activity_id) SELECT $1, $2, unnest($3::uuid[])',
      [row.organizationId, row.id, activityIds],
    );
  }

  /** D-0001, D-0002…: numbered one at a time per organisation. */
  private async nextNumber(organizationId: string): Promise<number> {
    await this.connection.manager.query("SELECT pg_advisory_xact_lock(hashtextextended($1 || ':rights_requests', 0))", [organizationId]);
    const [{ next }] = await this.connection.manager.query<{ next: number }[]>(
      'SELECT coalesce(max(number), 0) + 1 AS next FROM rights_requests WHERE organization_id = $1',
      [organizationId],
    );
    return next;
  }

  private async save(current: RightsRequest, next: RightsRequest, action: string, activities: { before: string[]; after: string[] }): Promise<RightsRequestDetail> {
    next.version = current.version + 1;
    next.updatedAt = await this.queries.now();
    const { organizationId, id, ...changes } = next;
    await this.connection.getRepository(RightsRequest).update({ organizationId, id }, changes);
    if (activities.after.join() !== activities.before.join()) await this.linkActivities(next, activities.after);
    await this.record(next, activities.after, action, current, activities.before);
    return this.queries.detail(next);
  }

  /** The audit event, in the request's transaction: every field that changed, before → after. */
  private async record(row: RightsRequest, activityIds: string[], action: string, before: RightsRequest | null, beforeActivities: string[]): Promise<void> {
    await this.audit.record({
      action: `rights_request_${action}`,
      entityType: 'RightsRequest',
      entityId: row.id,
      entityLabel: requestReference(row.number),
      before: before ? this.fields(before, beforeActivities) : null,
      after: this.fields(row, activityIds),
    });
  }

  private fields(row: RightsRequest, activityIds: string[]): Record<string, unknown> {
    const { organizationId: _organization, id: _id, number: _number, createdAt: _created, updatedAt: _updated, version: _version, ...rest } = row;
    return flattenFields({ ...rest, receivedAt: row.receivedAt.toISOString(), answerSentAt: row.answerSentAt?.toISOString() ?? null, closedAt: row.closedAt?.toISOString() ?? null, identityErasedAt: row.identityErasedAt?.toISOString() ?? null, activityIds });
  }

  private async lock(access: RequestAccess, id: string, action: 'update'): Promise<RightsRequest> {
    const row = await this.connection.getRepository(RightsRequest).findOne({ where: { organizationId: access.organizationId, id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw AppException.notFound();
    this.queries.assertReadable(access, row);
    ForbiddenError.from(access.ability).throwUnlessCan(action, asSubject(row));
    return row;
  }


}
