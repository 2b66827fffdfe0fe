import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ForbiddenError, subject } from '@casl/ability';
import { canonicalJson } from '../common/diff/field-diff';
import { AppException } from '../common/errors/app-exception';
import { FieldError, FieldValidationException } from '../common/http/validation';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { VersionedRecords } from '../common/versioned-record/versioned-records';
import { DpiaException } from '../dpias/dpia-errors';
import { DocumentStorage } from '../evidence/document-storage';
import { VendorLinksService, VendorName } from '../vendors/vendor-links.service';
import { ActivityCatalogues, type ActivityFacts } from '../catalogues/activity-catalogues';
import { buildContent, contentKeysIn } from './activity-document';
import { ProcessingActivity } from './activity.entity';
import type { ActivityContent, DpiaScreening } from '../domain/activities/activity.types';
import { changesActivityDpoDecision, changesDismissals, screenActivity, ScreeningThresholds, settleActivityScreening } from '../domain/activities/screening-criteria';
import { CreateActivityDto, UpdateActivityDto } from './dto/activity.dto';
import { ActivityAccess, asSubject, label, names } from './activity-access';
import { ActivityDetail, activityFields, ActivityQueries } from './activity-queries.service';
import { ActivityReferences } from './activity-references.service';
import { ActivityStore } from './activity-store.service';
import { ActivityWorkflow } from './activity-workflow.service';
import { ActivityBlockers } from './activity-blockers';
import { ActivityIncompleteException } from './activity-errors';
import { unresolvedBlockers, type ValidationBlocker, type ValidationOverride } from '../domain/activities/activity-rules';
import { screeningThresholdsOf } from './screening-thresholds';

/** Notes a field error; the field then counts as not given (the caller throws the errors). */
function reject(errors: FieldError[], error: FieldError): undefined {
  errors.push(error);
  return undefined;
}

/** Creating, editing, duplicating and deleting an activity. */
@Injectable()
export class ActivityEditing {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly records: VersionedRecords,
    private readonly store: ActivityStore,
    private readonly queries: ActivityQueries,
    private readonly references: ActivityReferences,
    private readonly workflow: ActivityWorkflow,
    private readonly blockers: ActivityBlockers,
    private readonly catalogues: ActivityCatalogues,
    private readonly links: VendorLinksService,
    private readonly storage: DocumentStorage,
  ) {}

  /** A new draft; its owner is the caller unless the body names one (`owner: null` for none). */
  async create(access: ActivityAccess, input: CreateActivityDto): Promise<ActivityDetail> {
    const { organizationId } = access;
    const errors: FieldError[] = [];
    if (input.status !== undefined && input.status !== 'draft') errors.push({ path: 'status', code: 'statusViaWorkflow', args: [] });
    // The DPO's overrides are recorded by validation (or brought by the import), never on a new draft.
    if (input.validationOverrides?.length) errors.push({ path: 'validationOverrides', code: 'statusViaWorkflow', args: [] });
    const departmentId = await this.resolveDepartment(organizationId, input, errors);
    const ownerId = await this.resolveOwner(organizationId, input, errors);
    const facts = await this.catalogues.facts();
    const thresholds = await screeningThresholdsOf(this.connection.manager, organizationId, true);
    const document = buildContent(input, null, facts, thresholds);
    errors.push(...(await this.catalogues.unknownCodes(organizationId, document)));
    const processors = await this.resolveProcessors(organizationId, input.processors, errors);
    if (errors.length) throw new FieldValidationException(errors);
    document.processors = names(processors);

    const now = await this.store.now();
    const row: ProcessingActivity = {
      organizationId,
      id: randomUUID(),
      reference: '',
      name: input.name,
      description: input.description ?? null,
      departmentId: departmentId ?? null,
      ownerId: ownerId === undefined ? this.store.callerId() : ownerId,
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
    row.reference = input.reference ? await this.references.reserve(organizationId, input.reference) : await this.references.next(organizationId);
    await this.store.insert(row);
    await this.links.replaceActivityLinks(organizationId, row.id, processors);
    const labels = await this.queries.labelsOf(row);
    const view = await this.queries.detail(row, labels);
    await this.store.recordVersion(row, 'create', null, null, await this.queries.snapshot(row, labels));
    return view;
  }

  /** Top-level fields given replace the stored ones; a stale version gets 409 and changes nothing. */
  async update(access: ActivityAccess, activityId: string, expected: number, input: Omit<UpdateActivityDto, 'version'>): Promise<ActivityDetail> {
    const { organizationId } = access;
    const current = await this.records.open(ProcessingActivity, organizationId, activityId, expected, (row) =>
      ForbiddenError.from(access.ability).throwUnlessCan('update', asSubject(row)),
    );
    const errors: FieldError[] = [];
    if (input.status !== undefined && input.status !== current.status) errors.push({ path: 'status', code: 'statusViaWorkflow', args: [] });
    // Sent back as read they are no change (an export re-imported); a different list is validation's to record.
    if (input.validationOverrides !== undefined && canonicalJson(overridesOf(input.validationOverrides)) !== canonicalJson(overridesOf(current.document.validationOverrides))) {
      errors.push({ path: 'validationOverrides', code: 'statusViaWorkflow', args: [] });
    }
    const departmentId = await this.resolveDepartment(organizationId, input, errors);
    const ownerId = await this.resolveOwner(organizationId, input, errors);
    const facts = await this.catalogues.facts();
    const thresholds = await screeningThresholdsOf(this.connection.manager, organizationId);
    const document = buildContent(input, current.document, facts, thresholds);
    errors.push(...(await this.catalogues.unknownCodes(organizationId, document, contentKeysIn(input))));
    document.dpiaScreening = this.screeningDecision(access, current.document, document, { facts, thresholds }, errors);
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
    // A validated activity stays complete, and an edit adds none of the states validation refuses
    // (a processor without a contract, a transfer without a tool, a DPIA now required…) that the DPO's
    // overrides do not cover: the DPO's validation would otherwise no longer hold. Blockers that were
    // already there (a contract lapsed since) are the findings' to raise, not a reason to refuse an edit.
    // Blockers read the document and the processors' links only: an edit of neither (a description, the
    // next review date) cannot add one, and skips the reads.
    const blockersMayChange = processors !== undefined || canonicalJson(current.document) !== canonicalJson(document);
    if (next.status === 'validated' && !blockersMayChange) await this.workflow.assertComplete(next, facts);
    if (next.status === 'validated' && blockersMayChange) {
      const before = await this.blockers.ofStored(current);
      const after = await this.blockers.ofStored(next, processors?.map((vendor) => vendor.id));
      await this.workflow.assertComplete(next, facts, addedBlockers(before, after, next.document.validationOverrides ?? [])).catch((error: unknown) => {
        throw error instanceof ActivityIncompleteException ? new ActivityIncompleteException(error.problems, error.completeness, error.labels, true) : error;
      });
    }

    // The labels are read once: again only when the edit moves the activity to another department or owner.
    const beforeLabels = await this.queries.labelsOf(current);
    const afterLabels =
      next.departmentId === current.departmentId && next.ownerId === current.ownerId ? beforeLabels : await this.queries.labelsOf(next);
    const before = await this.queries.snapshot(current, beforeLabels);
    const after = await this.queries.snapshot(next, afterLabels);
    if (processors) await this.links.replaceActivityLinks(organizationId, activityId, processors);
    if (canonicalJson(before) === canonicalJson(after)) return this.queries.detail(current, beforeLabels);
    // Checked once nothing-changed is known: sending an archived record back as read (an import of the
    // register's own export) is not an edit.
    if (current.status === 'archived') throw new AppException(HttpStatus.CONFLICT, 'activity_archived');

    if (next.reference !== current.reference) await this.references.reserve(organizationId, next.reference);
    next.version = current.version + 1;
    next.updatedAt = await this.store.now();
    await this.store.save(next);
    // The answer is read before the audit event: the event takes the organisation's audit lock, held
    // until commit, so every write of the organisation waits for what follows it.
    // Version and time are not part of the snapshot: `after` is the version's snapshot.
    const view = await this.queries.detail(next, afterLabels);
    await this.store.recordVersion(next, 'update', input.comment ?? null, before, after);
    return view;
  }

  /** Only drafts may disappear; their history goes with them (the audit trail keeps the deletion). */
  async remove(access: ActivityAccess, activityId: string): Promise<void> {
    const current = await this.records.lock(ProcessingActivity, access.organizationId, activityId);
    ForbiddenError.from(access.ability).throwUnlessCan('delete', asSubject(current));
    if (current.status !== 'draft') throw new AppException(HttpStatus.CONFLICT, 'activity_not_draft', { status: current.status });
    // Its DPIA is a record of its own (the activity is its subject): it is not deleted with a draft.
    const [dpia] = await this.connection.manager.query<{ id: string }[]>('SELECT id FROM dpias WHERE organization_id = $1 AND activity_id = $2', [current.organizationId, current.id]);
    if (dpia) throw new DpiaException(HttpStatus.CONFLICT, 'activity_has_dpia', { dpiaId: dpia.id });
    const before = await this.queries.snapshot(current);
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
    await this.records.record({ action: 'delete', entityType: 'Activity', entityId: current.id, entityLabel: label(current), before: activityFields(before) });
  }

  /** A new draft with the same content, owned by the caller; `copy` names it and notes its origin. */
  async duplicate(
    access: ActivityAccess,
    activityId: string,
    copy: (source: { reference: string; name: string }) => { name: string; comment: string },
  ): Promise<ActivityDetail> {
    const source = await this.queries.find(access.organizationId, activityId);
    const { name, comment } = copy(source);
    const now = await this.store.now();
    // A copy is a new draft: the DPO's overrides qualified the source's validation, not the copy.
    const { validationOverrides: _overrides, ...document } = structuredClone(source.document);
    const row: ProcessingActivity = {
      ...source,
      id: randomUUID(),
      reference: '',
      name,
      ownerId: this.store.callerId(),
      status: 'draft',
      document,
      version: 1,
      createdAt: now,
      updatedAt: now,
      validatedAt: null,
      validatedBy: null,
    };
    ForbiddenError.from(access.ability).throwUnlessCan('create', asSubject(row));
    row.reference = await this.references.next(access.organizationId);
    await this.store.insert(row);
    await this.links.copyActivityLinks(access.organizationId, source.id, row.id);
    const labels = await this.queries.labelsOf(row);
    const view = await this.queries.detail(row, labels);
    await this.store.recordVersion(row, 'duplicate', comment, null, await this.queries.snapshot(row, labels));
    return view;
  }

  /** The vendors the processors name, or a field error per unknown name. */
  private async resolveProcessors(organizationId: string, given: string[] | undefined, errors: FieldError[]): Promise<VendorName[]> {
    if (!given?.length) return [];
    const { vendors, errors: unknown } = await this.links.resolve(organizationId, given);
    errors.push(...unknown);
    return vendors;
  }

  /**
   * With one criterion the DPO decides whether a DPIA is needed, and writes why; dismissing a criterion
   * the facts meet is the DPO's call too. A new decision or dismissal from anyone else is not recorded
   * (the previous one stays, or the activity awaits one); the DPO's decision needs a justification.
   * Creation and import keep what the file records: it was decided before the activity reached Registre.
   */
  private screeningDecision(
    access: ActivityAccess,
    before: ActivityContent,
    after: ActivityContent,
    { facts, thresholds }: { facts: ActivityFacts; thresholds: ScreeningThresholds },
    errors: FieldError[],
  ): DpiaScreening {
    const isDpo = access.ability.can('validate', subject('Dpia', { organizationId: access.organizationId }));
    let screening = after.dpiaScreening;
    if (!isDpo && changesDismissals(before.dpiaScreening, screening)) {
      const { dismissed: _ignored, ...rest } = screening;
      screening = settleActivityScreening({ ...after, dpiaScreening: { ...rest, ...(before.dpiaScreening.dismissed ? { dismissed: before.dpiaScreening.dismissed } : {}) } }, facts, thresholds);
    }
    const content = { ...after, dpiaScreening: screening };
    if (!changesActivityDpoDecision(before, content, facts, thresholds)) return screening;
    if (!isDpo) {
      const previous = screenActivity(before, facts, thresholds, before.dpiaScreening).outcome;
      const kept = previous.dpoDecides ? before.dpiaScreening : { decision: 'to_assess' as const, justification: screening.justification };
      return { ...screening, decision: kept.decision, justification: kept.justification };
    }
    if (!screening.justification?.trim()) errors.push({ path: 'dpiaScreening.justification', code: 'isNotEmpty', args: [] });
    return screening;
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

/** The blockers `after` has that `before` had not (by kind and what they name, not by position), less those the overrides cover. */
function addedBlockers(before: readonly ValidationBlocker[], after: readonly ValidationBlocker[], overrides: readonly ValidationOverride[]): ValidationBlocker[] {
  const known = new Set(before.map((blocker) => canonicalJson({ code: blocker.code, params: blocker.params })));
  const added = after.filter((blocker) => !known.has(canonicalJson({ code: blocker.code, params: blocker.params })));
  return unresolvedBlockers(added, overrides).uncovered;
}

/** Overrides as compared: code and reason only, none as an empty list. */
function overridesOf(overrides: readonly { code: string; reason: string }[] | undefined): { code: string; reason: string }[] {
  return (overrides ?? []).map(({ code, reason }) => ({ code, reason }));
}
