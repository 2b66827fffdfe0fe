import { HttpStatus, Injectable } from '@nestjs/common';
import { ForbiddenError, subject } from '@casl/ability';
import { ActivityEditing } from '../activities/activity-editing.service';
import { ActivityDetail, ActivityQueries } from '../activities/activity-queries.service';
import { ActivityWorkflow } from '../activities/activity-workflow.service';
import type { CreateActivityDto } from '../activities/dto/activity.dto';
import { unknownCatalogueCodes, type CodeReference } from '../catalogues/activity-catalogues';
import type { OrganizationAccess } from '../authorization/request-auth';
import { canonicalJson, flattenFields } from '../common/diff/field-diff';
import { FieldError, FieldValidationException } from '../common/http/validation';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { VersionedRecords } from '../common/versioned-record/versioned-records';
import type { QueryDeepPartialEntity } from 'typeorm';
import { VendorLinksService } from '../vendors/vendor-links.service';
import { VendorImport } from '../vendors/vendor-import.service';
import { GridConflictsException, GridException } from './design-grid-errors';
import { GridContent, mapAnswers, planSync, Resolutions, SyncState } from './design-grid-mapping';
import { DesignGrid } from './design-grid.entity';
import { DesignGridQueries } from './design-grid-queries.service';
import {
  EDITABLE_GRID_STATUSES,
  GRID_FIELDS,
  GRID_QUESTIONS,
  GridAnswers,
  GridConflict,
  GridField,
  GridView,
} from '../domain/design-grids/design-grid.types';
import type { WorkflowKind } from '../domain/notifications/notification-kinds';
import { WorkflowNotifier } from '../notifications/workflow-notifier';
import type { CreateDesignGridDto, QuestionCommentsDto, UpdateDesignGridDto } from './dto/design-grid.dto';

type GridAccess = Pick<OrganizationAccess, 'organizationId' | 'ability'>;

/** The record as CASL rules see it (organisation, creator). */
function asSubject(row: Pick<DesignGrid, 'organizationId' | 'createdById'>) {
  return subject('DesignGrid', { organizationId: row.organizationId, createdById: row.createdById ?? '' });
}

/** What the audit trail records of a grid: one field per answer part. */
function auditFields(row: DesignGrid): Record<string, unknown> {
  return flattenFields({
    projectName: row.projectName,
    departmentId: row.departmentId,
    pitch: row.pitch,
    status: row.status,
    activityId: row.activityId,
    answers: row.answers,
    comments: row.comments,
  });
}

/** Every catalogue code of the answers, with its path in the request (`answers.data.subjects[0].category`). */
function codeReferences(answers: GridAnswers): CodeReference[] {
  const references: CodeReference[] = [];
  const add = (path: string, catalogue: string, code: string | null | undefined) => {
    if (code) references.push({ path: `answers.${path}`, catalogue, code });
  };
  const data = answers.data;
  data?.subjects.forEach((item, i) => add(`data.subjects[${i}].category`, 'data-subject-categories', item.category));
  data?.dataCategories.forEach((item, i) => {
    add(`data.dataCategories[${i}].category`, 'data-categories', item.category);
    add(`data.dataCategories[${i}].art9Condition`, 'art9-conditions', item.art9Condition);
  });
  data?.recipients.forEach((item, i) => add(`data.recipients[${i}].category`, 'recipient-categories', item.category));
  data?.processors.forEach((item, i) => {
    add(`data.processors[${i}].country`, 'countries', item.country);
    add(`data.processors[${i}].mechanism`, 'transfer-mechanisms', item.mechanism);
  });
  answers.minimisation?.justifications.forEach((item, i) => add(`minimisation.justifications[${i}].category`, 'data-categories', item.category));
  answers.retention?.rules.forEach((item, i) => add(`retention.rules[${i}].category`, 'data-categories', item.category));
  answers.security?.measures.forEach((code, i) => add(`security.measures[${i}]`, 'security-measures', code));
  answers.resilience?.measures.forEach((code, i) => add(`resilience.measures[${i}]`, 'security-measures', code));
  return references;
}

/** The DTO instances as plain JSON (what the JSONB column stores and the mapping reads). */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

@Injectable()
export class DesignGridsService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly records: VersionedRecords,
    private readonly activities: ActivityQueries,
    private readonly activityEditing: ActivityEditing,
    private readonly activityWorkflow: ActivityWorkflow,
    private readonly vendors: VendorImport,
    private readonly links: VendorLinksService,
    private readonly notifier: WorkflowNotifier,
    private readonly queries: DesignGridQueries,
  ) {}

  // ——— writing ———

  async create(access: GridAccess, input: CreateDesignGridDto): Promise<GridView> {
    const { organizationId } = access;
    const context = this.connection.context;
    const answers = plain(input.answers ?? {});
    await this.checkInput(organizationId, input.departmentId, answers);
    const now = await this.now();
    const row: DesignGrid = {
      organizationId,
      id: crypto.randomUUID(),
      projectName: input.projectName,
      departmentId: input.departmentId ?? null,
      pitch: input.pitch ?? null,
      answers,
      status: 'draft',
      version: 1,
      activityId: null,
      syncState: {},
      comments: {},
      createdById: context.userId ?? null,
      createdByName: context.actorName ?? null,
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
      reviewedAt: null,
      reviewedById: null,
    };
    ForbiddenError.from(access.ability).throwUnlessCan('create', asSubject(row));
    await this.connection.getRepository(DesignGrid).insert(row as QueryDeepPartialEntity<DesignGrid>);
    await this.record('create', row, null);
    return this.queries.view(row);
  }

  /**
   * Autosave: project fields and the answers of the questions given (each replaces its question's
   * answer). Once the grid has a draft activity, the draft follows, field by field, unless the DPO
   * edited that field there: the view then lists the conflict for the team to settle.
   */
  async update(access: GridAccess, gridId: string, expected: number, input: Omit<UpdateDesignGridDto, 'version'>, note: string): Promise<GridView> {
    const current = await this.open(access, 'update', gridId, expected);
    this.assertEditable(current);
    const answers = plain(input.answers ?? {});
    await this.checkInput(access.organizationId, input.departmentId, answers);

    const next: DesignGrid = {
      ...current,
      projectName: input.projectName ?? current.projectName,
      departmentId: input.departmentId !== undefined ? input.departmentId : current.departmentId,
      pitch: input.pitch !== undefined ? input.pitch : current.pitch,
      answers: { ...current.answers, ...answers },
    };
    let conflicts: GridConflict[] = [];
    if (next.activityId) conflicts = await this.sync(access, next, {}, note);
    if (canonicalJson(auditFields(next)) === canonicalJson(auditFields(current)) && canonicalJson(next.syncState) === canonicalJson(current.syncState)) {
      return this.queries.view(current, conflicts);
    }
    await this.records.advance(current, next);
    await this.save(next);
    await this.record('update', next, current);
    return this.queries.view(next, conflicts);
  }

  /**
   * "Send to the DPO": creates the draft activity the first time, brings it up to date afterwards,
   * all or nothing; unsettled conflicts keep the grid where it is (409 with the conflicts).
   */
  async submit(access: GridAccess, gridId: string, expected: number, note: string): Promise<GridView> {
    const current = await this.open(access, 'update', gridId, expected);
    if (!EDITABLE_GRID_STATUSES.includes(current.status)) throw this.invalidTransition(current, 'submit');
    const next: DesignGrid = { ...current };
    const conflicts = await this.sync(access, next, {}, note);
    if (conflicts.length) throw new GridConflictsException(conflicts);
    const now = await this.now();
    Object.assign(next, { status: 'submitted', version: current.version + 1, updatedAt: now, submittedAt: now });
    await this.save(next);
    await this.record('submit', next, current);
    await this.notify('grid_submitted', next, ['dpos']);
    return this.queries.view(next);
  }

  /** The team settles a conflict: the answers' value is written, or the DPO's edit stays. */
  async resolve(access: GridAccess, gridId: string, expected: number, field: GridField, keep: 'grid' | 'activity', note: string): Promise<GridView> {
    const current = await this.open(access, 'update', gridId, expected);
    this.assertEditable(current);
    if (!current.activityId) throw new GridException(HttpStatus.CONFLICT, 'no_conflict', { field });
    const next: DesignGrid = { ...current };
    const conflicts = await this.sync(access, next, { [field]: keep }, note);
    await this.records.advance(current, next);
    await this.save(next);
    await this.record('resolve', next, current);
    return this.queries.view(next, conflicts);
  }

  /** The DPO sends the grid back with a comment per question (blank clears a question's comment). */
  async requestChanges(access: GridAccess, gridId: string, expected: number, comments: QuestionCommentsDto): Promise<GridView> {
    const current = await this.open(access, 'validate', gridId, expected);
    if (current.status !== 'submitted') throw this.invalidTransition(current, 'request_changes');
    const given = GRID_QUESTIONS.filter((question) => comments[question] !== undefined);
    if (!given.some((question) => comments[question])) throw new FieldValidationException([{ path: 'comments', code: 'isNotEmpty', args: [] }]);

    const context = this.connection.context;
    const now = await this.now();
    const next: DesignGrid = { ...current, comments: { ...current.comments } };
    for (const question of given) {
      const text = comments[question];
      if (text) next.comments[question] = { text, authorId: context.userId ?? null, authorName: context.actorName ?? null, at: now.toISOString() };
      else delete next.comments[question];
    }
    Object.assign(next, { status: 'changes_requested', version: current.version + 1, updatedAt: now, reviewedAt: now, reviewedById: context.userId ?? null });
    await this.save(next);
    await this.record('request_changes', next, current);
    await this.notify('grid_changes_requested', next, [{ userId: next.createdById }]);
    return this.queries.view(next);
  }

  /** The DPO accepts: the draft activity goes to in_review, where they validate it as any other. */
  async accept(access: GridAccess, gridId: string, expected: number, comment: string | null): Promise<GridView> {
    const current = await this.open(access, 'validate', gridId, expected);
    if (current.status !== 'submitted' || !current.activityId) throw this.invalidTransition(current, 'accept');
    const activity = await this.activities.get(access.organizationId, current.activityId);
    if (activity.status === 'draft') await this.activityWorkflow.transition(access, activity.id, 'submit', activity.version, comment);

    const context = this.connection.context;
    const now = await this.now();
    const next: DesignGrid = { ...current, status: 'accepted', version: current.version + 1, updatedAt: now, reviewedAt: now, reviewedById: context.userId ?? null };
    await this.save(next);
    await this.record('accept', next, current);
    return this.queries.view(next);
  }

  /** The workflow notification of a grid event, in this transaction (the project name is its reference). */
  private notify(kind: WorkflowKind, row: DesignGrid, to: Parameters<WorkflowNotifier['notify']>[0]['to']): Promise<string[]> {
    return this.notifier.notify({
      kind,
      organizationId: row.organizationId,
      record: { type: 'design_grid', id: row.id, reference: row.projectName, name: row.projectName, subject: asSubject(row) },
      to,
    });
  }

  // ——— the draft activity ———

  /**
   * Brings the linked draft in step with the answers (creating it the first time), through the
   * activities service in the request's transaction. Updates `row.activityId` and `row.syncState`;
   * returns the conflicts left for the team.
   */
  private async sync(access: GridAccess, row: DesignGrid, resolutions: Resolutions, note: string): Promise<GridConflict[]> {
    const facts = await this.queries.facts(row.organizationId);
    const mapped = mapAnswers(row, row.answers, facts);
    if (!row.activityId) {
      await this.proposeVendors(access, mapped.processors, row.answers);
      const input = { ...mapped, role: 'controller', departmentId: row.departmentId } as unknown as CreateActivityDto;
      const created = await this.activityEditing.create(access, input);
      row.activityId = created.id;
      row.syncState = this.stateAfter({}, mapped, created, GRID_FIELDS);
      return [];
    }
    const current = await this.activities.get(access.organizationId, row.activityId);
    const plan = planSync(mapped, row.syncState, current, resolutions);
    let state = row.syncState;
    const written = Object.keys(plan.writes) as GridField[];
    if (written.length) {
      await this.proposeVendors(access, plan.writes.processors ?? [], row.answers);
      const updated = await this.activityEditing.update(access, current.id, current.version, { ...(plan.writes as object), comment: note });
      state = this.stateAfter(state, mapped, updated, written);
    }
    // A kept edit of the DPO stays protected: the grid's own last write remains the reference, so the
    // next different answer meets it again as a conflict.
    for (const field of plan.kept) state = { ...state, [field]: plain({ mapped: mapped[field], written: state[field]?.written ?? null }) };
    row.syncState = state;
    return plan.conflicts;
  }

  private stateAfter(state: SyncState, mapped: GridContent, activity: ActivityDetail, fields: readonly GridField[]): SyncState {
    const next: SyncState = { ...state };
    for (const field of fields) next[field] = plain({ mapped: mapped[field], written: activity[field] ?? null });
    return next;
  }

  /** Providers the organisation does not know yet are proposed as vendors (under review), as the import does. */
  private async proposeVendors(access: GridAccess, names: string[], answers: GridAnswers): Promise<void> {
    if (!names.length) return;
    const { vendors } = await this.links.resolve(access.organizationId, names);
    const known = new Set(vendors.map((vendor) => vendor.name.toLowerCase()));
    const unknown = [...new Map(names.filter((name) => !known.has(name.toLowerCase())).map((name) => [name.toLowerCase(), name])).values()];
    if (!unknown.length) return;
    // Each new vendor carries the country and mechanism the team gave, so its record and the
    // activity's transfer say the same thing.
    const given = new Map((answers.data?.processors ?? []).map((processor) => [processor.name.trim().toLowerCase(), processor]));
    await this.vendors.createProposals(
      access,
      unknown.map((name) => {
        const processor = given.get(name.toLowerCase());
        return { name, country: processor?.country ?? null, mechanism: processor?.mechanism ?? null };
      }),
    );
  }

  // ——— helpers ———

  private assertEditable(row: DesignGrid): void {
    if (!EDITABLE_GRID_STATUSES.includes(row.status)) throw new GridException(HttpStatus.CONFLICT, 'locked', { status: row.status });
  }

  private invalidTransition(row: DesignGrid, transition: string): GridException {
    return new GridException(HttpStatus.CONFLICT, 'invalid_transition', { status: row.status, transition }, { status: row.status });
  }

  /** The department must be the organisation's; every code must be in its catalogue. */
  private async checkInput(organizationId: string, departmentId: string | null | undefined, answers: GridAnswers): Promise<void> {
    const errors: FieldError[] = [];
    const manager = this.connection.manager;
    if (departmentId) {
      const found = await manager.query<unknown[]>('SELECT 1 FROM departments WHERE organization_id = $1 AND id = $2', [organizationId, departmentId]);
      if (found.length === 0) errors.push({ path: 'departmentId', code: 'unknownDepartment', args: [departmentId] });
    }
    errors.push(...(await unknownCatalogueCodes(manager, organizationId, codeReferences(answers))));
    if (errors.length) throw new FieldValidationException(errors);
  }

  private now(): Promise<Date> {
    return this.records.now();
  }

  /** The locked grid the caller may `action`, at the version the client saw. */
  private open(access: GridAccess, action: 'update' | 'validate', gridId: string, expected: number): Promise<DesignGrid> {
    return this.records.open(DesignGrid, access.organizationId, gridId, expected, (row) => ForbiddenError.from(access.ability).throwUnlessCan(action, asSubject(row)));
  }

  private async save(row: DesignGrid): Promise<void> {
    const { organizationId, id, ...changes } = row;
    // JSONB columns hold plain JSON; TypeORM's deep-partial type cannot see through `unknown` values.
    await this.connection.getRepository(DesignGrid).update({ organizationId, id }, changes as QueryDeepPartialEntity<DesignGrid>);
  }

  private async record(action: string, row: DesignGrid, before: DesignGrid | null): Promise<void> {
    await this.records.record({
      action,
      entityType: 'DesignGrid',
      entityId: row.id,
      entityLabel: row.projectName,
      before: before ? auditFields(before) : null,
      after: auditFields(row),
    });
  }
}
