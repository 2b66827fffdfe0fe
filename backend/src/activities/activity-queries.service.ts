import { Injectable } from '@nestjs/common';
import { diffFields, flattenFields } from '../common/diff/field-diff';
import { AppException } from '../common/errors/app-exception';
import { Page, pageOf, PageQuery } from '../common/http/pagination';
import { AuditTrailService } from '../audit/audit-trail.service';
import { screeningThresholdsAt } from './screening-thresholds';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { AdequacyConfirmationsService } from '../transfers/adequacy-confirmations.service';
import { TransferFactsService } from '../transfers/transfer-facts.service';
import { assessTransfer, TransferAssessment } from '../domain/transfers/transfer-status';
import { LinkedVendor, VendorLinksService } from '../vendors/vendor-links.service';
import { ActivityCatalogues } from '../catalogues/activity-catalogues';
import { flagsOf, Labels, toSnapshot } from './activity-document';
import { buildListSql } from './activity-list-query';
import { completenessOf, RuleInput } from '../domain/activities/activity-rules';
import { ActivityVersion, ProcessingActivity } from './activity.entity';
import type { ActivitySnapshot, ActivityStatus, Completeness } from '../domain/activities/activity.types';
import { ActivityListItem, ActivityVersionDiff, ActivityVersionSummary, ActivityVersionView, ListActivitiesQuery } from './dto/activity.dto';

/** GET /activities/:id: the interchange format with what the server computes. */
export type ActivityDetail = { id: string } & ActivitySnapshot & {
    ownerName: string | null;
    version: number;
    completeness: Completeness;
    flags: ReturnType<typeof flagsOf>;
    createdAt: Date;
    updatedAt: Date;
    validatedAt: Date | null;
    validatedBy: string | null;
    /** The vendors its processors name, with their contract and transfer flags. */
    vendors: LinkedVendor[];
    /** The computed status of each transfer, in the order of `transfers`. */
    transferStatuses: TransferAssessment[];
    /** The DPO's latest scope confirmations for the recipients the transfers name. */
    scopeConfirmations: { recipient: string; country: string; decision: string }[];
  };

interface ListRow {
  id: string;
  reference: string;
  name: string;
  status: ActivityStatus;
  role: RuleInput['role'];
  department_id: string | null;
  department: string | null;
  owner_id: string | null;
  owner: string | null;
  owner_name: string | null;
  next_review_date: string | null;
  version: number;
  updated_at: Date;
  purposes: RuleInput['purposes'];
  data_subjects: RuleInput['dataSubjects'];
  data_categories: RuleInput['dataCategories'];
  data_subject_information: string | null;
  rights_procedure: string | null;
  joint_controllers: RuleInput['jointControllers'];
  client_controllers: RuleInput['clientControllers'];
}

/** What an activity's department and owner read as, in its snapshot and its detail. */
export type ActivityLabels = Labels & { ownerName: string | null };

/** The snapshot's fields as the audit trail and the version diff compare them (`purposes[0].legalBasis`). */
export function activityFields(snapshot: ActivitySnapshot): Record<string, unknown> {
  return flattenFields(snapshot as unknown as Record<string, unknown>);
}

/** Reading the register: the list, one activity with what the server computes, its versions and their differences. */
@Injectable()
export class ActivityQueries {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly catalogues: ActivityCatalogues,
    private readonly links: VendorLinksService,
    private readonly transferFacts: TransferFactsService,
    private readonly confirmations: AdequacyConfirmationsService,
    private readonly trail: AuditTrailService,
  ) {}

  async list(organizationId: string, query: ListActivitiesQuery): Promise<Page<ActivityListItem>> {
    const sql = buildListSql(organizationId, query);
    const manager = this.connection.manager;
    const [rows, facts] = await Promise.all([manager.query<(ListRow & { total: number | null })[]>(sql.page, sql.pageParams), this.catalogues.facts()]);
    // The page carries the count of every match, unless counting apart is cheaper; a page past the end has no row to carry it.
    const carried = rows[0]?.total;
    const total = typeof carried === 'number' ? carried : (await manager.query<{ total: number }[]>(sql.count, sql.countParams))[0].total;
    const items = rows.map((row): ActivityListItem => {
      const completeness = completenessOf(
        {
          role: row.role,
          purposes: row.purposes ?? [],
          dataSubjects: row.data_subjects ?? [],
          dataCategories: row.data_categories ?? [],
          dataSubjectInformation: row.data_subject_information,
          rightsProcedure: row.rights_procedure,
          jointControllers: row.joint_controllers ?? [],
          clientControllers: row.client_controllers ?? [],
        },
        facts,
      );
      return {
        id: row.id,
        reference: row.reference,
        name: row.name,
        status: row.status,
        departmentId: row.department_id,
        department: row.department,
        ownerId: row.owner_id,
        owner: row.owner,
        ownerName: row.owner_name,
        completeness,
        nextReviewDate: row.next_review_date,
        version: row.version,
        updatedAt: row.updated_at,
      };
    });
    return pageOf(items, total, query);
  }

  /** The row and its labels in one read (plain SQL, no entity hydration): the most frequent request. */
  async get(organizationId: string, activityId: string): Promise<ActivityDetail> {
    const [found] = await this.connection.manager.query<(ProcessingActivity & { department: string | null; owner: string | null; owner_name: string | null })[]>(
      `SELECT a.organization_id AS "organizationId", a.id, a.reference, a.name, a.description, a.department_id AS "departmentId",
              a.owner_id AS "ownerId", a.role, a.status, to_char(a.next_review_date, 'YYYY-MM-DD') AS "nextReviewDate", a.document,
              a.version, a.created_at AS "createdAt", a.updated_at AS "updatedAt", a.validated_at AS "validatedAt",
              a.validated_by AS "validatedBy", d.name AS department, u.email AS owner, u.name AS owner_name
       FROM processing_activities a
       LEFT JOIN departments d ON d.organization_id = a.organization_id AND d.id = a.department_id
       LEFT JOIN users u ON u.id = a.owner_id
       WHERE a.organization_id = $1 AND a.id = $2`,
      [organizationId, activityId],
    );
    if (!found) throw AppException.notFound();
    const { department, owner, owner_name: ownerName, ...row } = found;
    return this.detail(row, { department, owner, ownerName });
  }

  async versions(organizationId: string, activityId: string, query: PageQuery): Promise<Page<ActivityVersionSummary>> {
    await this.find(organizationId, activityId);
    const manager = this.connection.manager;
    const [items, [{ total }]] = await Promise.all([
      manager.query<ActivityVersionSummary[]>(
        `SELECT number, action, snapshot ->> 'status' AS status, snapshot ->> 'name' AS name, author_id AS "authorId",
                author_name AS "authorName", comment, created_at AS "createdAt"
         FROM activity_versions WHERE organization_id = $1 AND activity_id = $2
         ORDER BY number DESC LIMIT $3 OFFSET $4`,
        [organizationId, activityId, query.pageSize, (query.page - 1) * query.pageSize],
      ),
      manager.query<{ total: number }[]>('SELECT count(*)::int AS total FROM activity_versions WHERE organization_id = $1 AND activity_id = $2', [
        organizationId,
        activityId,
      ]),
    ]);
    return pageOf(items, total, query);
  }

  async version(organizationId: string, activityId: string, number: number): Promise<ActivityVersionView> {
    const version = await this.findVersion(organizationId, activityId, number);
    return {
      number: version.number,
      action: version.action,
      status: version.snapshot.status,
      name: version.snapshot.name,
      authorId: version.authorId,
      authorName: version.authorName,
      comment: version.comment,
      createdAt: version.createdAt,
      activity: version.snapshot as unknown as Record<string, unknown>,
      completeness: completenessOf(version.snapshot, await this.catalogues.facts()),
      screeningThresholds: await screeningThresholdsAt(this.connection.manager, this.trail, organizationId, version.createdAt),
    };
  }

  /** Field-level difference between two versions (`purposes[0].legalBasis`: before → after). */
  async diff(organizationId: string, activityId: string, from: number, to: number): Promise<ActivityVersionDiff> {
    const [a, b] = await Promise.all([this.findVersion(organizationId, activityId, from), this.findVersion(organizationId, activityId, to)]);
    return { from, to, changes: diffFields(activityFields(a.snapshot), activityFields(b.snapshot)) };
  }

  async find(organizationId: string, activityId: string): Promise<ProcessingActivity> {
    const row = await this.connection.getRepository(ProcessingActivity).findOneBy({ organizationId, id: activityId });
    if (!row) throw AppException.notFound();
    return row;
  }

  private async findVersion(organizationId: string, activityId: string, number: number): Promise<ActivityVersion> {
    const version = await this.connection.getRepository(ActivityVersion).findOneBy({ organizationId, activityId, number });
    if (!version) throw AppException.notFound();
    return version;
  }

  /**
   * The department's name and the owner's e-mail and name, as the snapshot and the answer show them.
   * One read per request: an edit passes what it read to the snapshots, the answer and the version.
   */
  async labelsOf(row: Pick<ProcessingActivity, 'organizationId' | 'departmentId' | 'ownerId'>): Promise<ActivityLabels> {
    const [found] = await this.connection.manager.query<{ department: string | null; owner: string | null; owner_name: string | null }[]>(
      `SELECT (SELECT d.name FROM departments d WHERE d.organization_id = $1 AND d.id = $2::uuid) AS department,
              u.email AS owner, u.name AS owner_name
       FROM (SELECT 1) AS one LEFT JOIN users u ON u.id = $3::uuid`,
      [row.organizationId, row.departmentId, row.ownerId],
    );
    return { department: found.department, owner: found.owner, ownerName: found.owner_name };
  }

  /** `labels` when the caller read them for the same department and owner. */
  async snapshot(row: ProcessingActivity, labels?: ActivityLabels): Promise<ActivitySnapshot> {
    return toSnapshot(row, labels ?? (await this.labelsOf(row)));
  }

  async detail(row: ProcessingActivity, known?: ActivityLabels): Promise<ActivityDetail> {
    const labels = known ?? (await this.labelsOf(row));
    const facts = await this.catalogues.facts();
    const snapshot = toSnapshot(row, labels);
    const vendors = await this.links.linkedVendors(row.organizationId, row.id);
    const transferFacts = await this.transferFacts.facts();
    const confirmed = await this.confirmations.byRecipient(row.organizationId);
    const recipients = await this.links.recipients(
      row.organizationId,
      row.document.transfers.map((transfer) => transfer.recipient),
    );
    const named = new Map(row.document.transfers.flatMap((transfer) => (transfer.recipient?.trim() ? [[transfer.recipient.trim().toLowerCase(), transfer.recipient.trim()] as const] : [])));
    return {
      id: row.id,
      ...snapshot,
      ownerName: labels.ownerName,
      version: row.version,
      completeness: completenessOf({ ...row.document, role: row.role }, facts),
      flags: flagsOf(row.document, facts),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      validatedAt: row.validatedAt,
      validatedBy: row.validatedBy,
      vendors,
      transferStatuses: row.document.transfers.map((transfer) =>
        assessTransfer(
          {
            country: transfer.country,
            mechanism: transfer.mechanism,
            vendor: transfer.recipient ? (recipients.get(transfer.recipient.toLowerCase()) ?? null) : null,
            scopeConfirmation: transfer.recipient ? (confirmed.get(transfer.recipient.toLowerCase())?.find((item) => item.country === transfer.country) ?? null) : null,
          },
          transferFacts,
        ),
      ),
      scopeConfirmations: [...named].flatMap(([key, recipient]) => (confirmed.get(key) ?? []).map(({ country, decision }) => ({ recipient, country, decision }))),
    };
  }
}
