import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { OrganizationAccess } from '../authorization/request-auth';
import { AppException } from '../common/errors/app-exception';
import { Page, pageOf } from '../common/http/pagination';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { DEFAULT_COUNTRY, DEFAULT_TIME_ZONE, localDate } from '../domain/deadlines/legal-deadlines';
import { isOpenRequest, requestReference, RightsRequestDetail, RightsRequestSummary } from '../domain/rights-requests/rights-request.types';
import { ActivityDirectory } from '../activities/directory/activity-directory';
import type { Locale } from '../common/i18n/i18n';
import { organizationLabels } from '../exports/catalogue-labels';
import type { ListRightsRequestsQuery } from './dto/rights-request.dto';
import { answerLetter } from './answer-letter';
import { readRequestTasks } from './request-tasks';
import { RightsRequest } from './rights-request.entity';

export type RequestAccess = Pick<OrganizationAccess, 'organizationId' | 'ability'>;

/** The organisation's calendar: its time zone (Europe/Paris until organisations carry one) and country. */
export interface OrganizationCalendar {
  timeZone: string;
  country: string;
}

/** The request as CASL sees it: a contributor's rules are conditioned on who recorded it. */
export const asSubject = (row: Pick<RightsRequest, 'organizationId' | 'recordedBy'>) =>
  subject('RightsRequest', { organizationId: row.organizationId, recordedById: row.recordedBy });

const OPEN_STATUSES = "('received', 'identity_check', 'in_progress')";

/** Reading the rights-request register: the list, a request with its links and tasks, the draft answer letter. */
@Injectable()
export class RightsRequestQueries {
  constructor(
    private readonly activityDirectory: ActivityDirectory,
    private readonly connection: TransactionalConnection,
  ) {}

  async list(access: RequestAccess, query: ListRightsRequestsQuery): Promise<Page<RightsRequestSummary>> {
    const { organizationId } = access;
    const calendar = await this.calendar(organizationId);
    const today = localDate(await this.now(), calendar.timeZone);
    const qb = this.connection.getRepository(RightsRequest).createQueryBuilder('r').where('r.organization_id = :organizationId', { organizationId });
    // A contributor reads only the requests they recorded: the rule's condition, as SQL.
    if (!this.readsAll(access)) qb.andWhere('r.recorded_by = :userId', { userId: this.connection.context.userId ?? null });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.type) qb.andWhere('r.type = :type', { type: query.type });
    if (query.overdue !== undefined) {
      const overdue = `(r.status IN ${OPEN_STATUSES} AND coalesce(r.extended_due_on, r.due_on) < :today::date)`;
      qb.andWhere(query.overdue ? overdue : `NOT ${overdue}`, { today });
    }
    const [rows, total] = await qb
      .orderBy('coalesce(r.extended_due_on, r.due_on)', 'ASC')
      .addOrderBy('r.number', 'ASC')
      .take(query.pageSize)
      .skip((query.page - 1) * query.pageSize)
      .getManyAndCount();
    return pageOf(
      rows.map((row) => this.summary(row, today)),
      total,
      query,
    );
  }

  async get(access: RequestAccess, id: string): Promise<RightsRequestDetail> {
    const row = await this.find(access.organizationId, id);
    this.assertReadable(access, row);
    return this.detail(row);
  }

  /**
   * The draft Art 15 answer, written from the activities linked to the request as they stand now, in
   * `locale`. Read-only: nothing is stored until the DPO records the answer they sent.
   */
  async answerLetter(access: RequestAccess, id: string, locale: Locale): Promise<string> {
    const request = await this.get(access, id);
    const manager = this.connection.manager;
    const [[organization], activities, labels] = await Promise.all([
      manager.query<{ name: string; address: string | null; dpoName: string | null; dpoEmail: string | null }[]>(
        'SELECT coalesce(legal_name, name) AS name, address, dpo_name AS "dpoName", dpo_email AS "dpoEmail" FROM organizations WHERE id = $1',
        [access.organizationId],
      ),
      this.activityDirectory.contents(access.organizationId, request.activityIds),
      organizationLabels((sql, params) => manager.query(sql, params), access.organizationId),
    ]);
    return answerLetter({ locale, organization, request: { reference: request.reference, receivedAt: new Date(request.receivedAt) }, activities, labels });
  }

  /** Whether the caller reads every request (admin, DPO, auditor) or only those they recorded (contributor). */
  private readsAll(access: RequestAccess): boolean {
    return access.ability.can('read', subject('RightsRequest', { organizationId: access.organizationId, recordedById: null }));
  }

  /** Someone else's request is as good as absent for a contributor: 404, nothing about it leaks. */
  assertReadable(access: RequestAccess, row: RightsRequest): void {
    if (!access.ability.can('read', asSubject(row))) throw AppException.notFound();
  }

  async activityIds(row: Pick<RightsRequest, 'organizationId' | 'id'>): Promise<string[]> {
    const rows = await this.connection.manager.query<{ activity_id: string }[]>(
      'SELECT activity_id FROM rights_request_activities WHERE organization_id = $1 AND request_id = $2 ORDER BY activity_id',
      [row.organizationId, row.id],
    );
    return rows.map((link) => link.activity_id);
  }

  async calendar(organizationId: string): Promise<OrganizationCalendar> {
    const [row] = await this.connection.manager.query<{ country: string | null }[]>('SELECT country FROM organizations WHERE id = $1', [organizationId]);
    return { timeZone: DEFAULT_TIME_ZONE, country: row?.country ?? DEFAULT_COUNTRY };
  }

  async now(): Promise<Date> {
    const [{ now }] = await this.connection.manager.query<{ now: Date }[]>('SELECT clock_timestamp() AS now');
    return now;
  }

  async find(organizationId: string, id: string): Promise<RightsRequest> {
    const row = await this.connection.getRepository(RightsRequest).findOneBy({ organizationId, id });
    if (!row) throw AppException.notFound();
    return row;
  }

  private summary(row: RightsRequest, today: string): RightsRequestSummary {
    const effectiveDueOn = row.extendedDueOn ?? row.dueOn;
    return {
      id: row.id,
      reference: requestReference(row.number),
      receivedAt: row.receivedAt.toISOString(),
      channel: row.channel,
      type: row.type,
      status: row.status,
      requesterName: row.requesterName,
      identityErasedAt: row.identityErasedAt?.toISOString() ?? null,
      dueOn: row.dueOn,
      extendedDueOn: row.extendedDueOn,
      effectiveDueOn,
      overdue: isOpenRequest(row.status) && effectiveDueOn < today,
      recordedBy: row.recordedBy,
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async detail(row: RightsRequest): Promise<RightsRequestDetail> {
    const calendar = await this.calendar(row.organizationId);
    const today = localDate(await this.now(), calendar.timeZone);
    return {
      ...this.summary(row, today),
      description: row.description,
      subjectCategory: row.subjectCategory,
      requesterContact: row.requesterContact,
      identityCheckStatus: row.identityCheckStatus,
      identityCheckMethod: row.identityCheckMethod,
      activityIds: await this.activityIds(row),
      extensionReason: row.extensionReason,
      personInformedOn: row.personInformedOn,
      answerSentAt: row.answerSentAt?.toISOString() ?? null,
      answerChannel: row.answerChannel,
      answerSummary: row.answerSummary,
      refusalGrounds: row.refusalGrounds,
      closedAt: row.closedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      tasks: await readRequestTasks(this.connection.manager, row),
    };
  }
}
