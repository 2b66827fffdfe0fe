import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { validatePlain } from '../common/http/validation';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { DepartmentsService } from '../departments/departments.service';
import { organizationLabels } from '../exports/catalogue-labels';
import { checkActivity, unresolvedBlockers, type ValidationBlocker } from '../domain/activities/activity-rules';
import { pick, VendorLinksService, type VendorName } from '../vendors/vendor-links.service';
import { VendorImport } from '../vendors/vendor-import.service';
import { ActivityCatalogues } from '../catalogues/activity-catalogues';
import { screeningThresholdsOf } from './screening-thresholds';
import { buildContent, toSnapshot } from './activity-document';
import { ImportInvalidException, ImportItemErrors } from './activity-errors';
import { ProcessingActivity } from './activity.entity';
import type { ActivitySnapshot, ActivityStatus } from '../domain/activities/activity.types';
import { CreateActivityDto, ImportResultView } from './dto/activity.dto';
import { ActivityAccess, ActivityFields, asSubject, names } from './activity-access';
import { ActivityReferences, REFERENCE_PATTERN } from './activity-references.service';
import { ActivityStore } from './activity-store.service';
import { ActivityBlockers } from './activity-blockers';

/**
 * The most activities one import takes, as a JSON body or a workbook: the register the export writes
 * for 10,000 activities comes back in one file. The import is batched (multi-row statements, the
 * audit chain computed in memory), so the bound is memory, not round trips: the workbook's rows and
 * the mapped activities are all held until the end (1.7 GB peak RSS measured at 10,000 on
 * 2026-12-03), so 50,000 waits for a mapping that consumes rows as they are read.
 */
export const IMPORT_ACTIVITY_LIMIT = 10_000;

/** An activity the file says « validée » that comes in « en revue »: what validation would refuse. */
export interface AwaitingValidation {
  /** The item's position in the file. */
  index: number;
  reference: string;
  blockers: ValidationBlocker[];
}

/** The interchange-format import of activities, all or nothing. */
@Injectable()
export class ActivityImport {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly store: ActivityStore,
    private readonly references: ActivityReferences,
    private readonly catalogues: ActivityCatalogues,
    private readonly departments: DepartmentsService,
    private readonly links: VendorLinksService,
    private readonly vendors: VendorImport,
    private readonly blockers: ActivityBlockers,
  ) {}

  /**
   * Imports activities in the interchange format, all or nothing. Every item is checked before
   * anything is written; any problem answers 422 with `details.items[i].fields` for item i.
   * Departments named in the file are matched by name and created when missing. The status is taken
   * as given when the caller's role could have reached it (validated and archived: the DPO's), and a
   * validated activity must pass the register's rules. « Validée » stands only where validation would
   * have let it (`awaitingValidation`): an activity with a blocker the file's overrides do not cover
   * comes in « en revue », for the DPO to validate.
   * An owner e-mail that is not a member here is an error, unless `unknownOwners` is `unassign`: the
   * workbook import brings registers exported by another organisation, whose owners are not members;
   * the activity is then imported without an owner and `unassignedOwners` names them.
   */
  async importActivities(
    access: ActivityAccess,
    items: unknown[],
    options: { unknownOwners?: 'error' | 'unassign' } = {},
  ): Promise<Omit<ImportResultView, 'awaitingValidation'> & { unassignedOwners: { index: number; owner: string }[]; awaitingValidation: AwaitingValidation[] }> {
    const { organizationId } = access;
    const manager = this.connection.manager;
    const facts = await this.catalogues.facts();
    const thresholds = await screeningThresholdsOf(manager, organizationId, true);
    const callerId = this.store.callerId();
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

    // Shapes first, then every item's catalogue codes in one query (not one round trip per item).
    const shaped: ({ input: CreateActivityDto; document: ProcessingActivity['document'] } | null)[] = [];
    for (const item of items) {
      const errors: ImportItemErrors = { fields: [], rules: [] };
      const given = (item as { reference?: unknown } | null)?.reference;
      report.push({ reference: typeof given === 'string' ? given : null, errors });
      const { value: input, errors: shapeErrors } = await validatePlain(CreateActivityDto, item);
      errors.fields.push(...shapeErrors);
      shaped.push(shapeErrors.length ? null : { input, document: buildContent(input, null, facts, thresholds) });
    }
    const valid = shaped.flatMap((entry, index) => (entry ? [{ index, document: entry.document }] : []));
    const codeErrors = await this.catalogues.unknownCodesOfMany(organizationId, valid.map(({ document }) => document));
    valid.forEach(({ index }, position) => report[index].errors.fields.push(...codeErrors[position]));

    for (const [index, entry] of shaped.entries()) {
      if (!entry) continue;
      const { input, document } = entry;
      const errors = report[index].errors;
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
      // Validation records the overrides, and a return to draft clears them: a draft cannot carry any.
      if (input.validationOverrides?.length) {
        if (status === 'draft') errors.fields.push({ path: 'validationOverrides', code: 'overridesNeedValidation', args: [] });
        else document.validationOverrides = input.validationOverrides.map(({ code, reason }) => ({ code, reason }));
      }
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

    // Nothing reaches « validée » past validation's blockers: what the file's overrides leave
    // uncovered sends the activity to the DPO's review instead (the caller's report says why).
    const awaitingValidation: AwaitingValidation[] = [];
    const claimed = prepared.flatMap((item, index) => (item.status === 'validated' ? [{ item, index }] : []));
    const found = await this.blockers.ofNew(organizationId, claimed.map(({ item }) => item.document), thresholds);
    claimed.forEach(({ item, index }, position) => {
      const { uncovered } = unresolvedBlockers(found[position], item.document.validationOverrides ?? []);
      if (uncovered.length === 0) return;
      item.status = 'in_review';
      awaitingValidation.push({ index, reference: '', blockers: uncovered });
    });

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
    if (highest > 0) await this.references.raiseCounter(organizationId, highest);
    const now = await this.store.now();
    // References for every item without one in a single raise of the counter.
    const generated = await this.references.nextMany(organizationId, prepared.filter((item) => !item.input.reference).length);
    // The snapshot's labels from what was read above (what `queries.snapshot` would read row by row):
    // department names, including those created here, and owners' e-mails.
    const departmentNames = new Map(departmentRows.map((row) => [row.id, row.name]));
    for (const name of createdDepartments) departmentNames.set(departmentsByName.get(name.toLowerCase())!, name);
    const ownerEmails = new Map(memberRows.map((row) => [row.id, row.email]));
    const strangers = [...new Set(prepared.flatMap((item) => (item.ownerId && !ownerEmails.has(item.ownerId) ? [item.ownerId] : [])))];
    if (strangers.length > 0) {
      const users = await manager.query<{ id: string; email: string }[]>('SELECT id, email FROM users WHERE id = ANY($1::uuid[])', [strangers]);
      for (const user of users) ownerEmails.set(user.id, user.email);
    }
    const rows: ProcessingActivity[] = [];
    const snapshots: ActivitySnapshot[] = [];
    const links: { activityId: string; vendors: VendorName[] }[] = [];
    let nextGenerated = 0;
    for (const item of prepared) {
      const processors = pick(item.document.processors, vendorsByName, 'processors').vendors;
      item.document.processors = names(processors);
      const row: ProcessingActivity = {
        organizationId,
        id: randomUUID(),
        reference: item.input.reference ?? generated[nextGenerated++],
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
      rows.push(row);
      snapshots.push(
        toSnapshot(row, {
          department: row.departmentId ? (departmentNames.get(row.departmentId) ?? null) : null,
          owner: row.ownerId ? (ownerEmails.get(row.ownerId) ?? null) : null,
        }),
      );
      if (processors.length > 0) links.push({ activityId: row.id, vendors: processors });
    }
    // Multi-row statements: the activities with their version rows and audit events, then the links.
    await this.store.insertMany(rows, snapshots, 'import');
    await this.links.insertActivityLinks(organizationId, links);
    const imported = rows.map((row) => ({ id: row.id, reference: row.reference }));
    for (const entry of awaitingValidation) entry.reference = rows[entry.index].reference;
    return { imported: imported.length, items: imported, createdDepartments, createdVendors: names(createdVendors), unassignedOwners, awaitingValidation };
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
}
