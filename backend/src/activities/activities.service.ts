import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ForbiddenError, subject } from '@casl/ability';
import { AuditService } from '../audit/audit.service';
import type { OrganizationAccess } from '../authorization/request-auth';
import { assertVersion } from '../common/concurrency/expected-version';
import { canonicalJson, diffFields, flattenFields } from '../common/diff/field-diff';
import { AppException } from '../common/errors/app-exception';
import { onUniqueViolation } from '../common/errors/database-errors';
import { Page, pageOf, PageQuery } from '../common/http/pagination';
import { FieldError, FieldValidationException, validatePlain } from '../common/http/validation';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { DepartmentsService } from '../departments/departments.service';
import { DpiaException } from '../dpias/dpia-errors';
import { DocumentStorage } from '../evidence/document-storage';
import type { WorkflowKind } from '../domain/notifications/notification-kinds';
import { WorkflowEvent, WorkflowNotifier } from '../notifications/workflow-notifier';
import { organizationLabels } from '../exports/catalogue-labels';
import { TransferFactsService } from '../transfers/transfer-facts.service';
import { assessTransfer, assessVendor, TransferAssessment } from '../domain/transfers/transfer-status';
import { transferInputOf, VENDOR_COLUMNS } from '../vendors/vendor-record';
import { blockingConcerns } from '../vendors/vendor-review';
import type { Vendor } from '../vendors/vendor.entity';
import { LinkedVendor, pick, VendorLinksService, VendorName } from '../vendors/vendor-links.service';
import { VendorsService } from '../vendors/vendors.service';
import { ActivityCatalogues, ActivityFacts } from './activity-catalogues';
import { buildContent, contentKeysIn, flagsOf, Labels, toSnapshot } from './activity-document';
import { ActivityIncompleteException, ImportInvalidException, ImportItemErrors } from './activity-errors';
import { buildListSql } from './activity-list-query';
import { consultationHold } from '../domain/dpias/dpia-rules';
import { checkActivity, completenessOf, RuleInput, ValidationBlocker, validationBlockers } from '../domain/activities/activity-rules';
import { ActivityVersion, ProcessingActivity } from './activity.entity';
import type { ActivitySnapshot, ActivityStatus, Completeness, DpiaScreening } from '../domain/activities/activity.types';
import { ACTIVITY_TRANSITION_RULES, type ActivityTransition } from '../domain/activities/activity-workflow';
import { changesDpoDecision, screenDpia } from '../domain/activities/dpia-screening';
import {
  ActivityListItem,
  ActivityVersionDiff,
  ActivityVersionSummary,
  ActivityVersionView,
  CreateActivityDto,
  ImportResultView,
  ListActivitiesQuery,
  UpdateActivityDto,
} from './dto/activity.dto';

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
  };

export type Transition = ActivityTransition;

/** Who hears of each transition: the DPOs for what waits for them, the owner and submitter otherwise. */
const TRANSITION_NOTICES: Record<Transition, { kind: WorkflowKind; to: 'dpos' | 'owner' }> = {
  submit: { kind: 'activity_submitted', to: 'dpos' },
  validate: { kind: 'activity_validated', to: 'owner' },
  archive: { kind: 'activity_archived', to: 'owner' },
  reopen: { kind: 'activity_reopened', to: 'owner' },
  request_changes: { kind: 'activity_changes_requested', to: 'owner' },
};

type ActivityAccess = Pick<OrganizationAccess, 'organizationId' | 'ability'>;
type ActivityFields = Pick<ProcessingActivity, 'organizationId' | 'ownerId' | 'departmentId' | 'status'>;

/** The record as CASL rules see it (organisation, owner, department, status). */
function asSubject(row: ActivityFields) {
  return subject('Activity', { organizationId: row.organizationId, ownerId: row.ownerId, departmentId: row.departmentId, status: row.status });
}

const names = (vendors: VendorName[]) => vendors.map((vendor) => vendor.name);

function label(row: Pick<ProcessingActivity, 'reference' | 'name'>): string {
  return `${row.reference} ${row.name}`;
}

/** Notes a field error; the field then counts as not given (the caller throws the errors). */
function reject(errors: FieldError[], error: FieldError): undefined {
  errors.push(error);
  return undefined;
}

const REFERENCE_PATTERN = /^T-(\d{1,9})$/;
const formatReference = (number: number) => `T-${String(number).padStart(4, '0')}`;

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

@Injectable()
export class ActivitiesService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
    private readonly catalogues: ActivityCatalogues,
    private readonly departments: DepartmentsService,
    private readonly links: VendorLinksService,
    private readonly vendors: VendorsService,
    private readonly transferFacts: TransferFactsService,
    private readonly storage: DocumentStorage,
    private readonly notifier: WorkflowNotifier,
  ) {}

  // ——— reading ———

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

  async get(organizationId: string, activityId: string): Promise<ActivityDetail> {
    return this.detail(await this.find(organizationId, activityId));
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
    };
  }

  /** Field-level difference between two versions (`purposes[0].legalBasis`: before → after). */
  async diff(organizationId: string, activityId: string, from: number, to: number): Promise<ActivityVersionDiff> {
    const [a, b] = await Promise.all([this.findVersion(organizationId, activityId, from), this.findVersion(organizationId, activityId, to)]);
    return { from, to, changes: diffFields(this.fields(a.snapshot), this.fields(b.snapshot)) };
  }

  // ——— writing ———

  /** A new draft; its owner is the caller unless the body names one (`owner: null` for none). */
  async create(access: ActivityAccess, input: CreateActivityDto): Promise<ActivityDetail> {
    const { organizationId } = access;
    const errors: FieldError[] = [];
    if (input.status !== undefined && input.status !== 'draft') errors.push({ path: 'status', code: 'statusViaWorkflow', args: [] });
    const departmentId = await this.resolveDepartment(organizationId, input, errors);
    const ownerId = await this.resolveOwner(organizationId, input, errors);
    const facts = await this.catalogues.facts();
    const document = buildContent(input, null, facts);
    errors.push(...(await this.catalogues.unknownCodes(organizationId, document)));
    const processors = await this.resolveProcessors(organizationId, input.processors, errors);
    if (errors.length) throw new FieldValidationException(errors);
    document.processors = names(processors);

    const now = await this.now();
    const row: ProcessingActivity = {
      organizationId,
      id: randomUUID(),
      reference: '',
      name: input.name,
      description: input.description ?? null,
      departmentId: departmentId ?? null,
      ownerId: ownerId === undefined ? this.callerId() : ownerId,
      role: input.role,
      status: 'draft',
      nextReviewDate: input.nextReviewDate ?? null,
      document,
      version: 1,
      createdAt: now,
      updatedAt: now,
      validatedAt: null,
      validatedBy: null,
    };
    ForbiddenError.from(access.ability).throwUnlessCan('create', asSubject(row));
    row.reference = input.reference ? await this.reserveReference(organizationId, input.reference) : await this.nextReference(organizationId);
    await this.insert(row);
    await this.links.replaceActivityLinks(organizationId, row.id, processors);
    const view = await this.detail(row);
    await this.recordVersion(row, 'create', null, null);
    return view;
  }

  /** Top-level fields given replace the stored ones; a stale version gets 409 and changes nothing. */
  async update(access: ActivityAccess, activityId: string, expected: number, input: Omit<UpdateActivityDto, 'version'>): Promise<ActivityDetail> {
    const { organizationId } = access;
    const current = await this.lock(organizationId, activityId);
    ForbiddenError.from(access.ability).throwUnlessCan('update', asSubject(current));
    assertVersion(current.version, expected);
    const errors: FieldError[] = [];
    if (input.status !== undefined && input.status !== current.status) errors.push({ path: 'status', code: 'statusViaWorkflow', args: [] });
    const departmentId = await this.resolveDepartment(organizationId, input, errors);
    const ownerId = await this.resolveOwner(organizationId, input, errors);
    const facts = await this.catalogues.facts();
    const document = buildContent(input, current.document, facts);
    errors.push(...(await this.catalogues.unknownCodes(organizationId, document, contentKeysIn(input))));
    document.dpiaScreening = this.screeningDecision(access, current.document.dpiaScreening, document.dpiaScreening, errors);
    // Processors sent back as read keep their links (a vendor renamed since still reads under its old name).
    const processorsChanged = input.processors !== undefined && canonicalJson(input.processors) !== canonicalJson(current.document.processors);
    const processors = processorsChanged ? await this.resolveProcessors(organizationId, input.processors, errors) : undefined;
    if (errors.length) throw new FieldValidationException(errors);
    if (processors) document.processors = names(processors);

    const next: ProcessingActivity = {
      ...current,
      reference: input.reference ?? current.reference,
      name: input.name ?? current.name,
      description: input.description !== undefined ? input.description : current.description,
      departmentId: departmentId !== undefined ? departmentId : current.departmentId,
      ownerId: ownerId !== undefined ? ownerId : current.ownerId,
      role: input.role ?? current.role,
      nextReviewDate: input.nextReviewDate !== undefined ? input.nextReviewDate : current.nextReviewDate,
      document,
    };
    // The record after the change must still be the caller's to edit (a contributor cannot hand it away).
    ForbiddenError.from(access.ability).throwUnlessCan('update', asSubject(next));
    // A validated activity stays complete: the DPO's validation would otherwise no longer hold.
    if (next.status === 'validated') await this.assertComplete(next, facts);

    const before = await this.snapshot(current);
    const after = await this.snapshot(next);
    if (processors) await this.links.replaceActivityLinks(organizationId, activityId, processors);
    if (canonicalJson(before) === canonicalJson(after)) return this.detail(current);
    // Checked once nothing-changed is known: sending an archived record back as read (an import of the
    // register's own export) is not an edit.
    if (current.status === 'archived') throw new AppException(HttpStatus.CONFLICT, 'activity_archived');

    if (next.reference !== current.reference) await this.reserveReference(organizationId, next.reference);
    next.version = current.version + 1;
    next.updatedAt = await this.now();
    await this.save(next);
    // The answer is read before the audit event: the event takes the organisation's audit lock, held
    // until commit, so every write of the organisation waits for what follows it.
    const view = await this.detail(next);
    await this.recordVersion(next, 'update', input.comment ?? null, before);
    return view;
  }

  /** Only drafts may disappear; their history goes with them (the audit trail keeps the deletion). */
  async remove(access: ActivityAccess, activityId: string): Promise<void> {
    const current = await this.lock(access.organizationId, activityId);
    ForbiddenError.from(access.ability).throwUnlessCan('delete', asSubject(current));
    if (current.status !== 'draft') throw new AppException(HttpStatus.CONFLICT, 'activity_not_draft', { status: current.status });
    // Its DPIA is a record of its own (the activity is its subject): it is not deleted with a draft.
    const [dpia] = await this.connection.manager.query<{ id: string }[]>('SELECT id FROM dpias WHERE organization_id = $1 AND activity_id = $2', [current.organizationId, current.id]);
    if (dpia) throw new DpiaException(HttpStatus.CONFLICT, 'activity_has_dpia', { dpiaId: dpia.id });
    const before = await this.snapshot(current);
    const documents = await this.connection.manager.query<{ id: string }[]>('SELECT id FROM evidence_documents WHERE organization_id = $1 AND activity_id = $2', [
      current.organizationId,
      current.id,
    ]);
    await this.storage.remove(
      current.organizationId,
      documents.map((document) => document.id),
    );
    // Versions, vendor links and documents go with it (foreign keys).
    await this.connection.getRepository(ProcessingActivity).delete({ organizationId: current.organizationId, id: current.id });
    await this.audit.record({ action: 'delete', entityType: 'Activity', entityId: current.id, entityLabel: label(current), before: this.fields(before) });
  }

  /** A new draft with the same content, owned by the caller; `copy` names it and notes its origin. */
  async duplicate(
    access: ActivityAccess,
    activityId: string,
    copy: (source: { reference: string; name: string }) => { name: string; comment: string },
  ): Promise<ActivityDetail> {
    const source = await this.find(access.organizationId, activityId);
    const { name, comment } = copy(source);
    const now = await this.now();
    const row: ProcessingActivity = {
      ...source,
      id: randomUUID(),
      reference: '',
      name,
      ownerId: this.callerId(),
      status: 'draft',
      document: structuredClone(source.document),
      version: 1,
      createdAt: now,
      updatedAt: now,
      validatedAt: null,
      validatedBy: null,
    };
    ForbiddenError.from(access.ability).throwUnlessCan('create', asSubject(row));
    row.reference = await this.nextReference(access.organizationId);
    await this.insert(row);
    await this.links.copyActivityLinks(access.organizationId, source.id, row.id);
    const view = await this.detail(row);
    await this.recordVersion(row, 'duplicate', comment, null);
    return view;
  }

  async transition(access: ActivityAccess, activityId: string, transition: Transition, expected: number, comment: string | null): Promise<ActivityDetail> {
    const current = await this.lock(access.organizationId, activityId);
    const rule = ACTIVITY_TRANSITION_RULES[transition];
    ForbiddenError.from(access.ability).throwUnlessCan(rule.permission(current.status), asSubject(current));
    assertVersion(current.version, expected);
    if (!rule.from.includes(current.status)) {
      throw new AppException(HttpStatus.CONFLICT, 'invalid_transition', { status: current.status, transition, allowedFrom: rule.from }, { status: current.status });
    }
    if (transition === 'validate') await this.assertComplete(current, await this.catalogues.facts(), await this.blockers(current));

    const before = await this.snapshot(current);
    const now = await this.now();
    const next: ProcessingActivity = {
      ...current,
      status: rule.to,
      version: current.version + 1,
      updatedAt: now,
      validatedAt: transition === 'validate' ? now : rule.to === 'draft' ? null : current.validatedAt,
      validatedBy: transition === 'validate' ? this.callerId() : rule.to === 'draft' ? null : current.validatedBy,
    };
    await this.save(next);
    const view = await this.detail(next);
    await this.recordVersion(next, transition, comment, before);
    await this.notifyTransition(next, transition);
    return view;
  }

  private async notifyTransition(row: ProcessingActivity, transition: Transition): Promise<void> {
    const notice = TRANSITION_NOTICES[transition];
    let to: WorkflowEvent['to'] = ['dpos'];
    if (notice.to === 'owner') {
      // The owner, and whoever submitted it last (an administrator may submit for the owner).
      const [submitter] = await this.connection.manager.query<{ author_id: string | null }[]>(
        `SELECT author_id FROM activity_versions WHERE organization_id = $1 AND activity_id = $2 AND action = 'submit' ORDER BY number DESC LIMIT 1`,
        [row.organizationId, row.id],
      );
      to = [{ userId: row.ownerId }, { userId: submitter?.author_id ?? null }];
    }
    await this.notifier.notify({
      kind: notice.kind,
      organizationId: row.organizationId,
      record: { type: 'activity', id: row.id, reference: row.reference, name: row.name, subject: asSubject(row) },
      to,
    });
  }

  /**
   * Imports activities in the interchange format, all or nothing. Every item is checked before
   * anything is written; any problem answers 422 with `details.items[i].fields` for item i.
   * Departments named in the file are matched by name and created when missing. The status is taken
   * as given when the caller's role could have reached it (validated and archived: the DPO's), and a
   * validated activity must pass the register's rules.
   * An owner e-mail that is not a member here is an error, unless `unknownOwners` is `unassign`: the
   * workbook import brings registers exported by another organisation, whose owners are not members;
   * the activity is then imported without an owner and `unassignedOwners` names them.
   */
  async importActivities(
    access: ActivityAccess,
    items: unknown[],
    options: { unknownOwners?: 'error' | 'unassign' } = {},
  ): Promise<ImportResultView & { unassignedOwners: { index: number; owner: string }[] }> {
    const { organizationId } = access;
    const manager = this.connection.manager;
    const facts = await this.catalogues.facts();
    const callerId = this.callerId();
    const departmentRows = await manager.query<{ id: string; name: string }[]>('SELECT id, name FROM departments WHERE organization_id = $1', [organizationId]);
    const departmentsByName = new Map(departmentRows.map((row) => [row.name.toLowerCase(), row.id]));
    const departmentIds = new Set(departmentRows.map((row) => row.id));
    const memberRows = await manager.query<{ id: string; email: string }[]>(
      'SELECT u.id, u.email FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1',
      [organizationId],
    );
    const membersByEmail = new Map(memberRows.map((row) => [row.email, row.id]));
    const memberIds = new Set(memberRows.map((row) => row.id));
    // Processors name vendors; a name the organisation does not know becomes a vendor proposal
    // (under_review) when the caller may propose vendors, and an error otherwise.
    const vendorsByName = await this.links.byName(organizationId);
    const mayProposeVendors = access.ability.can('create', subject('Vendor', { organizationId, status: 'under_review' }));
    const proposedVendors = new Map<string, string>();

    interface Prepared {
      input: CreateActivityDto;
      document: ProcessingActivity['document'];
      departmentId: string | null;
      newDepartment: string | null;
      ownerId: string | null;
      status: ActivityStatus;
    }
    const prepared: Prepared[] = [];
    const unassignedOwners: { index: number; owner: string }[] = [];
    const report: { reference: string | null; errors: ImportItemErrors }[] = [];
    const firstWithReference = new Map<string, number>();

    for (const [index, item] of items.entries()) {
      const errors: ImportItemErrors = { fields: [], rules: [] };
      const given = (item as { reference?: unknown } | null)?.reference;
      report.push({ reference: typeof given === 'string' ? given : null, errors });
      const { value: input, errors: shapeErrors } = await validatePlain(CreateActivityDto, item);
      if (shapeErrors.length) {
        errors.fields.push(...shapeErrors);
        continue;
      }
      const document = buildContent(input, null, facts);
      errors.fields.push(...(await this.catalogues.unknownCodes(organizationId, document)));
      document.processors.forEach((name, i) => {
        const key = name.toLowerCase();
        if (vendorsByName.has(key) || proposedVendors.has(key)) return;
        if (mayProposeVendors) proposedVendors.set(key, name);
        else errors.fields.push({ path: `processors[${i}]`, code: 'unknownVendor', args: [name] });
      });

      let departmentId: string | null = null;
      let newDepartment: string | null = null;
      if (input.departmentId) {
        if (departmentIds.has(input.departmentId)) departmentId = input.departmentId;
        else errors.fields.push({ path: 'departmentId', code: 'unknownDepartment', args: [input.departmentId] });
      } else if (input.department) {
        departmentId = departmentsByName.get(input.department.toLowerCase()) ?? null;
        if (!departmentId) newDepartment = input.department;
      }

      let ownerId: string | null = input.owner === undefined && input.ownerId === undefined ? callerId : null;
      if (input.ownerId) {
        if (memberIds.has(input.ownerId)) ownerId = input.ownerId;
        else errors.fields.push({ path: 'ownerId', code: 'unknownMember', args: [input.ownerId] });
      } else if (input.owner) {
        ownerId = membersByEmail.get(input.owner) ?? null;
        if (!ownerId && options.unknownOwners === 'unassign') unassignedOwners.push({ index, owner: input.owner });
        else if (!ownerId) errors.fields.push({ path: 'owner', code: 'unknownMember', args: [input.owner] });
      }

      const status = input.status ?? 'draft';
      // A department the file creates has no id yet; no CASL condition depends on a new department.
      const record = { organizationId, ownerId, departmentId, status };
      if (!this.mayImportWithStatus(access, record)) errors.fields.push({ path: 'status', code: 'statusNotAllowed', args: [status] });
      if (status === 'validated') errors.rules.push(...checkActivity({ ...document, role: input.role }, facts).problems);

      if (input.reference) {
        const first = firstWithReference.get(input.reference);
        if (first !== undefined) errors.fields.push({ path: 'reference', code: 'duplicateInFile', args: [input.reference, String(first)] });
        else firstWithReference.set(input.reference, index);
      }
      prepared.push({ input, document, departmentId, newDepartment, ownerId, status });
    }

    if (firstWithReference.size > 0) {
      const taken = await manager.query<{ reference: string }[]>(
        'SELECT reference FROM processing_activities WHERE organization_id = $1 AND reference = ANY($2::text[])',
        [organizationId, [...firstWithReference.keys()]],
      );
      for (const { reference } of taken) {
        report[firstWithReference.get(reference)!].errors.fields.push({ path: 'reference', code: 'referenceTaken', args: [reference] });
      }
    }
    if (report.some(({ errors }) => errors.fields.length + errors.rules.length > 0)) {
      throw new ImportInvalidException(report, await organizationLabels((sql, params) => this.connection.manager.query(sql, params), organizationId));
    }

    const createdDepartments: string[] = [];
    for (const item of prepared) {
      if (!item.newDepartment) continue;
      const key = item.newDepartment.toLowerCase();
      if (!departmentsByName.has(key)) {
        const created = await this.departments.create(organizationId, { name: item.newDepartment });
        departmentsByName.set(key, created.id);
        createdDepartments.push(created.name);
      }
      item.departmentId = departmentsByName.get(key)!;
    }

    const createdVendors = await this.vendors.createProposals(access, [...proposedVendors.values()]);
    for (const vendor of createdVendors) vendorsByName.set(vendor.name.toLowerCase(), vendor);

    // References given in the file first, so generated ones never take them.
    const highest = Math.max(0, ...[...firstWithReference.keys()].map((reference) => Number(REFERENCE_PATTERN.exec(reference)?.[1] ?? 0)));
    if (highest > 0) await this.raiseCounter(organizationId, highest);
    const now = await this.now();
    const imported: { id: string; reference: string }[] = [];
    for (const item of prepared) {
      const processors = pick(item.document.processors, vendorsByName, 'processors').vendors;
      item.document.processors = names(processors);
      const row: ProcessingActivity = {
        organizationId,
        id: randomUUID(),
        reference: item.input.reference ?? (await this.nextReference(organizationId)),
        name: item.input.name,
        description: item.input.description ?? null,
        departmentId: item.departmentId,
        ownerId: item.ownerId,
        role: item.input.role,
        status: item.status,
        nextReviewDate: item.input.nextReviewDate ?? null,
        document: item.document,
        version: 1,
        createdAt: now,
        updatedAt: now,
        validatedAt: item.status === 'validated' ? now : null,
        validatedBy: item.status === 'validated' ? callerId : null,
      };
      await this.insert(row);
      await this.links.replaceActivityLinks(organizationId, row.id, processors);
      await this.recordVersion(row, 'import', null, null);
      imported.push({ id: row.id, reference: row.reference });
    }
    return { imported: imported.length, items: imported, createdDepartments, createdVendors: names(createdVendors), unassignedOwners };
  }

  // ——— helpers ———

  /** The vendors the processors name, or a field error per unknown name. */
  private async resolveProcessors(organizationId: string, given: string[] | undefined, errors: FieldError[]): Promise<VendorName[]> {
    if (!given?.length) return [];
    const { vendors, errors: unknown } = await this.links.resolve(organizationId, given);
    errors.push(...unknown);
    return vendors;
  }

  /** Whether the caller could have brought an activity to this status through the workflow. */
  private mayImportWithStatus(access: ActivityAccess, record: ActivityFields): boolean {
    const ability = access.ability;
    const asDraft = asSubject({ ...record, status: 'draft' });
    switch (record.status) {
      case 'draft':
        return ability.can('create', asDraft);
      case 'in_review':
        return ability.can('create', asDraft) && ability.can('submit', asDraft);
      case 'validated':
      case 'archived':
        return ability.can('create', asDraft) && ability.can('validate', asSubject({ ...record, status: 'in_review' }));
    }
  }

  /**
   * With one criterion the DPO decides whether a DPIA is needed, and writes why. A new decision from
   * anyone else is not recorded (the previous DPO decision stays, or the activity awaits one); the
   * DPO's needs a justification. Creation and import keep the decision the file records: it was taken
   * before the activity reached Registre.
   */
  private screeningDecision(access: ActivityAccess, before: DpiaScreening, after: DpiaScreening, errors: FieldError[]): DpiaScreening {
    if (!changesDpoDecision(before, after)) return after;
    if (!access.ability.can('validate', subject('Dpia', { organizationId: access.organizationId }))) {
      const previous = screenDpia(before, before);
      const kept = previous.dpoDecides ? before : { decision: 'to_assess' as const, justification: after.justification };
      return { ...after, decision: kept.decision, justification: kept.justification };
    }
    if (!after.justification?.trim()) errors.push({ path: 'dpiaScreening.justification', code: 'isNotEmpty', args: [] });
    return after;
  }

  private async assertComplete(row: ProcessingActivity, facts: ActivityFacts, blockers: ValidationBlocker[] = []): Promise<void> {
    const input: RuleInput = { ...row.document, role: row.role };
    const { problems } = checkActivity(input, facts);
    if (!problems.length && !blockers.length) return;
    const labels = await organizationLabels((sql, params) => this.connection.manager.query(sql, params), row.organizationId);
    throw new ActivityIncompleteException([...problems, ...blockers], completenessOf(input, facts), labels);
  }

  /** The unlawful states validation refuses: transfers without a tool, processors without a contract, a required DPIA not validated. */
  private async blockers(row: ProcessingActivity): Promise<ValidationBlocker[]> {
    const manager = this.connection.manager;
    const transferFacts = await this.transferFacts.facts();
    const recipients = await this.links.recipients(
      row.organizationId,
      row.document.transfers.map((transfer) => transfer.recipient),
    );
    const vendors = await manager.query<Vendor[]>(
      `SELECT ${VENDOR_COLUMNS} FROM activity_processors ap
       JOIN vendors v ON v.organization_id = ap.organization_id AND v.id = ap.vendor_id
       WHERE ap.organization_id = $1 AND ap.activity_id = $2 ORDER BY ap.position, lower(v.name)`,
      [row.organizationId, row.id],
    );
    const [profile] = await manager.query<{ public_body: boolean; outside_public_tasks: object | null }[]>(
      'SELECT o.public_body, a.outside_public_tasks FROM organizations o JOIN processing_activities a ON a.organization_id = o.id WHERE o.id = $1 AND a.id = $2',
      [row.organizationId, row.id],
    );
    const [dpia] = await manager.query<{ status: string; prior_consultation: { answer: { outcome: string } | null } | null }[]>(
      'SELECT status, prior_consultation FROM dpias WHERE organization_id = $1 AND activity_id = $2',
      [row.organizationId, row.id],
    );
    return validationBlockers({
      transfers: row.document.transfers.map((transfer) => ({
        country: transfer.country,
        recipient: transfer.recipient,
        needsMechanism: assessTransfer(
          { country: transfer.country, mechanism: transfer.mechanism, vendor: transfer.recipient ? (recipients.get(transfer.recipient.toLowerCase()) ?? null) : null },
          transferFacts,
        ).needsMechanism,
      })),
      processors: vendors.map((vendor) => ({ name: vendor.name, concerns: blockingConcerns(vendor, assessVendor(transferInputOf(vendor), transferFacts)) })),
      dpiaDecision: row.document.dpiaScreening?.decision ?? null,
      dpiaStatus: dpia?.status ?? null,
      consultationHold: consultationHold(dpia?.prior_consultation ?? null),
      publicBody: profile?.public_body ?? false,
      purposes: row.document.purposes,
      outsidePublicTasks: profile?.outside_public_tasks != null,
    });
  }

  private callerId(): string | null {
    return this.connection.context.userId ?? null;
  }

  /** The time of the write: taken after the row lock, so versions of one activity are in time order. */
  private async now(): Promise<Date> {
    const [{ now }] = await this.connection.manager.query<{ now: Date }[]>('SELECT clock_timestamp() AS now');
    return now;
  }

  private fields(snapshot: ActivitySnapshot): Record<string, unknown> {
    return flattenFields(snapshot as unknown as Record<string, unknown>);
  }

  private async find(organizationId: string, activityId: string): Promise<ProcessingActivity> {
    const row = await this.connection.getRepository(ProcessingActivity).findOneBy({ organizationId, id: activityId });
    if (!row) throw AppException.notFound();
    return row;
  }

  private async lock(organizationId: string, activityId: string): Promise<ProcessingActivity> {
    const row = await this.connection
      .getRepository(ProcessingActivity)
      .findOne({ where: { organizationId, id: activityId }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw AppException.notFound();
    return row;
  }

  private async findVersion(organizationId: string, activityId: string, number: number): Promise<ActivityVersion> {
    const version = await this.connection.getRepository(ActivityVersion).findOneBy({ organizationId, activityId, number });
    if (!version) throw AppException.notFound();
    return version;
  }

  private async labels(organizationId: string, departmentId: string | null, ownerId: string | null): Promise<Labels & { ownerName: string | null }> {
    const [row] = await this.connection.manager.query<{ department: string | null; owner: string | null; owner_name: string | null }[]>(
      `SELECT (SELECT d.name FROM departments d WHERE d.organization_id = $1 AND d.id = $2::uuid) AS department,
              u.email AS owner, u.name AS owner_name
       FROM (SELECT 1) AS one LEFT JOIN users u ON u.id = $3::uuid`,
      [organizationId, departmentId, ownerId],
    );
    return { department: row.department, owner: row.owner, ownerName: row.owner_name };
  }

  private async snapshot(row: ProcessingActivity): Promise<ActivitySnapshot> {
    return toSnapshot(row, await this.labels(row.organizationId, row.departmentId, row.ownerId));
  }

  private async detail(row: ProcessingActivity): Promise<ActivityDetail> {
    const labels = await this.labels(row.organizationId, row.departmentId, row.ownerId);
    const facts = await this.catalogues.facts();
    const snapshot = toSnapshot(row, labels);
    const vendors = await this.links.linkedVendors(row.organizationId, row.id);
    const transferFacts = await this.transferFacts.facts();
    const recipients = await this.links.recipients(
      row.organizationId,
      row.document.transfers.map((transfer) => transfer.recipient),
    );
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
          { country: transfer.country, mechanism: transfer.mechanism, vendor: transfer.recipient ? (recipients.get(transfer.recipient.toLowerCase()) ?? null) : null },
          transferFacts,
        ),
      ),
    };
  }

  /** Writes version `row.version` (full snapshot) and the audit event, in the request's transaction. */
  private async recordVersion(row: ProcessingActivity, action: string, comment: string | null, before: ActivitySnapshot | null): Promise<void> {
    const snapshot = await this.snapshot(row);
    const context = this.connection.context;
    const versions = this.connection.getRepository(ActivityVersion);
    await versions.insert(
      versions.create({
        organizationId: row.organizationId,
        activityId: row.id,
        number: row.version,
        action,
        snapshot,
        authorId: context.userId ?? null,
        authorName: context.actorName ?? null,
        comment,
        createdAt: row.updatedAt,
      }),
    );
    await this.audit.record({
      action,
      entityType: 'Activity',
      entityId: row.id,
      entityLabel: label(row),
      before: before ? this.fields(before) : null,
      after: this.fields(snapshot),
    });
  }

  private async insert(row: ProcessingActivity): Promise<void> {
    await this.uniqueReference(row.reference, () => this.connection.getRepository(ProcessingActivity).insert(row));
  }

  private async save(row: ProcessingActivity): Promise<void> {
    const { organizationId, id, ...changes } = row;
    await this.uniqueReference(row.reference, () => this.connection.getRepository(ProcessingActivity).update({ organizationId, id }, changes));
  }

  private async uniqueReference(reference: string, write: () => Promise<unknown>): Promise<void> {
    await onUniqueViolation(write, () => new AppException(HttpStatus.CONFLICT, 'activity_reference_taken', { reference }, { reference }));
  }

  /**
   * The next free T-nnnn of the organisation. The counter row stays locked by this transaction until
   * it ends, so concurrent creations queue on it and never draw the same number.
   */
  private async nextReference(organizationId: string): Promise<string> {
    for (;;) {
      const [{ last_number }] = await this.connection.manager.query<{ last_number: number }[]>(
        `INSERT INTO activity_reference_counters (organization_id, last_number) VALUES ($1, 1)
         ON CONFLICT (organization_id) DO UPDATE SET last_number = activity_reference_counters.last_number + 1
         RETURNING last_number`,
        [organizationId],
      );
      const reference = formatReference(last_number);
      // A reference typed by hand (or imported) may already hold this number.
      const taken = await this.connection.manager.query<unknown[]>('SELECT 1 FROM processing_activities WHERE organization_id = $1 AND reference = $2', [
        organizationId,
        reference,
      ]);
      if (taken.length === 0) return reference;
    }
  }

  /** A reference chosen by hand: generated numbers continue after it when it has the T-nnnn form. */
  private async reserveReference(organizationId: string, reference: string): Promise<string> {
    const number = REFERENCE_PATTERN.exec(reference)?.[1];
    if (number) await this.raiseCounter(organizationId, Number(number));
    return reference;
  }

  private async raiseCounter(organizationId: string, number: number): Promise<void> {
    await this.connection.manager.query(
      `INSERT INTO activity_reference_counters (organization_id, last_number) VALUES ($1, $2)
       ON CONFLICT (organization_id) DO UPDATE SET last_number = GREATEST(activity_reference_counters.last_number, EXCLUDED.last_number)`,
      [organizationId, number],
    );
  }

  /** `departmentId` or `department` (a name); both given must agree. undefined: not given. */
  private async resolveDepartment(
    organizationId: string,
    input: Pick<CreateActivityDto, 'department' | 'departmentId'>,
    errors: FieldError[],
  ): Promise<string | null | undefined> {
    const manager = this.connection.manager;
    let byId: string | null | undefined;
    let byName: string | null | undefined;
    if (input.departmentId !== undefined) {
      byId = input.departmentId;
      if (byId !== null) {
        const found = await manager.query<unknown[]>('SELECT 1 FROM departments WHERE organization_id = $1 AND id = $2', [organizationId, byId]);
        if (found.length === 0) return reject(errors, { path: 'departmentId', code: 'unknownDepartment', args: [byId] });
      }
    }
    if (input.department !== undefined) {
      byName = null;
      if (input.department !== null) {
        const [found] = await manager.query<{ id: string }[]>('SELECT id FROM departments WHERE organization_id = $1 AND lower(name) = lower($2)', [
          organizationId,
          input.department,
        ]);
        if (!found) return reject(errors, { path: 'department', code: 'unknownDepartment', args: [input.department] });
        byName = found.id;
      }
    }
    if (byId !== undefined && byName !== undefined && byId !== byName) return reject(errors, { path: 'department', code: 'mismatch', args: ['departmentId'] });
    return byId !== undefined ? byId : byName;
  }

  /** `ownerId` or `owner` (an e-mail), which must be a member of the organisation. undefined: not given. */
  private async resolveOwner(organizationId: string, input: Pick<CreateActivityDto, 'owner' | 'ownerId'>, errors: FieldError[]): Promise<string | null | undefined> {
    const manager = this.connection.manager;
    let byId: string | null | undefined;
    let byEmail: string | null | undefined;
    if (input.ownerId !== undefined) {
      byId = input.ownerId;
      if (byId !== null) {
        const found = await manager.query<unknown[]>('SELECT 1 FROM memberships WHERE organization_id = $1 AND user_id = $2', [organizationId, byId]);
        if (found.length === 0) return reject(errors, { path: 'ownerId', code: 'unknownMember', args: [byId] });
      }
    }
    if (input.owner !== undefined) {
      byEmail = null;
      if (input.owner !== null) {
        const [found] = await manager.query<{ id: string }[]>(
          'SELECT u.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND u.email = $2',
          [organizationId, input.owner],
        );
        if (!found) return reject(errors, { path: 'owner', code: 'unknownMember', args: [input.owner] });
        byEmail = found.id;
      }
    }
    if (byId !== undefined && byEmail !== undefined && byId !== byEmail) return reject(errors, { path: 'owner', code: 'mismatch', args: ['ownerId'] });
    return byId !== undefined ? byId : byEmail;
  }
}
