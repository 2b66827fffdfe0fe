import { HttpStatus, Injectable } from '@nestjs/common';
import { ActivityEditing } from '../activities/activity-editing.service';
import { ActivityImport, IMPORT_ACTIVITY_LIMIT } from '../activities/activity-import.service';
import { ActivityQueries } from '../activities/activity-queries.service';
import { asSubject } from '../activities/activity-access';
import { ActivityDirectory, type CurrentActivity } from '../activities/directory/activity-directory';
import { ForbiddenError } from '@casl/ability';
import { ActivityIncompleteException, ImportInvalidException, translateRuleProblems } from '../activities/activity-errors';
import { UpdateActivityDto } from '../activities/dto/activity.dto';
import { canonicalJson } from '../common/diff/field-diff';
import type { OrganizationAccess } from '../authorization/request-auth';
import { AppException } from '../common/errors/app-exception';
import { FieldValidationException, translateFieldErrors, validatePlain } from '../common/http/validation';
import { Locale, translate } from '../common/i18n/i18n';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { CatalogueLabels } from '../exports/catalogue-labels';
import type { ImportErrorView, ImportReportView } from './dto/import.dto';
import { ImportFileException } from './import-errors';
import { MappedWorkbook, mapWorkbook } from './register-mapper';
import { readWorkbook } from './workbook-rows';
import { guardXlsx } from './xlsx-guard';


/** 422 on a real import with any error: the report is in details, nothing was written. */
export class ImportReportException extends AppException {
  constructor(readonly report: ImportReportView) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, 'import_xlsx_invalid', { ...report }, { count: report.errors.length });
  }

  override get messageKey(): string {
    return 'imports.invalid';
  }
}

/**
 * Imports a register workbook: the file is guarded (type, zip bomb, XML entities, rows) before
 * exceljs reads it, mapped to the interchange format, then imported by the activities' own import and
 * update — the same checks, all or nothing — inside a savepoint that a dry run rolls back.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly activityQueries: ActivityQueries,
    private readonly activityEditing: ActivityEditing,
    private readonly activityImport: ActivityImport,
    private readonly activityDirectory: ActivityDirectory,
  ) {}

  async importWorkbook(access: OrganizationAccess, content: Buffer, dryRun: boolean, locale: Locale): Promise<ImportReportView> {
    const names = await guardXlsx(content);
    const sheets = await readWorkbook(content, names);
    const manager = this.connection.manager;
    const own = await manager.query<{ catalogue: string; code: string; labelFr: string; labelEn: string }[]>(
      'SELECT catalogue, code, label_fr AS "labelFr", label_en AS "labelEn" FROM organization_catalogue_entries WHERE organization_id = $1',
      [access.organizationId],
    );
    const mapped = mapWorkbook(sheets, new CatalogueLabels(own));
    if (mapped.items.length > IMPORT_ACTIVITY_LIMIT) {
      throw new ImportFileException(HttpStatus.PAYLOAD_TOO_LARGE, 'too_many_activities', { count: mapped.items.length, limit: IMPORT_ACTIVITY_LIMIT });
    }
    const report: ImportReportView = {
      dryRun,
      valid: false,
      activities: mapped.items.length,
      created: [],
      updated: [],
      createdDepartments: [],
      createdVendors: [],
      warnings: [],
      errors: mapped.problems.map((problem) => ({
        sheet: problem.sheet,
        row: problem.row,
        column: problem.column,
        code: problem.code,
        message: translate(locale, `imports.${problem.code}`, problem.params),
      })),
    };

    if (report.errors.length === 0) {
      await manager.query('SAVEPOINT registre_xlsx_import');
      let written = false;
      try {
        report.errors = await this.apply(access, mapped, report, locale);
        written = !dryRun && report.errors.length === 0;
      } finally {
        await manager.query(written ? 'RELEASE SAVEPOINT registre_xlsx_import' : 'ROLLBACK TO SAVEPOINT registre_xlsx_import');
      }
    }
    report.valid = report.errors.length === 0;
    if (!report.valid) {
      report.created = [];
      report.updated = [];
      report.createdDepartments = [];
      report.createdVendors = [];
      report.warnings = [];
    }
    if (!report.valid && !dryRun) throw new ImportReportException(report);
    return report;
  }

  /**
   * Writes the workbook (the caller's savepoint makes it all or nothing): rows whose reference is new
   * go through the activities' import; rows whose reference exists go through the activities' own
   * update, one by one, with the version read from the file as the expected version — a row read
   * before a later change is a conflict, never an overwrite. Every row is checked, so the report lists
   * every error; the errors found, by workbook place.
   */
  private async apply(access: OrganizationAccess, mapped: MappedWorkbook, report: ImportReportView, locale: Locale): Promise<ImportErrorView[]> {
    const manager = this.connection.manager;
    const references = mapped.items.map((item) => String(item.reference));
    const current = await this.activityDirectory.currentByReference(access.organizationId, references);
    const existing = new Map([...current].map(([reference, activity]) => [reference, activity.id]));
    const creations = mapped.items.map((_, index) => index).filter((index) => !existing.has(references[index]));
    const updates = mapped.items.map((_, index) => index).filter((index) => existing.has(references[index]));
    const errors: ImportErrorView[] = [];
    const at = (index: number, path: string) => mapped.place(mapped.locations[index], path);

    if (creations.length > 0) {
      try {
        // A register exported by another organisation names owners who are not members here: the
        // activity comes in unassigned, and the report says whose ownership was left out.
        const result = await this.activityImport.importActivities(
          access,
          creations.map((index) => mapped.items[index]),
          { unknownOwners: 'unassign' },
        );
        report.warnings = result.unassignedOwners.map(({ index, owner }) => {
          const reference = String(mapped.items[creations[index]].reference);
          return { ...at(creations[index], 'owner'), code: 'owner_not_member', message: translate(locale, 'imports.owner_not_member', { owner, reference }) };
        });
        // « Validée » in the file where validation would refuse it: imported « en revue », one line per reason.
        for (const { index, reference, blockers } of result.awaitingValidation) {
          for (const blocker of translateRuleProblems(locale, blockers)) {
            report.warnings.push({ ...at(creations[index], 'status'), code: 'validated_awaiting_dpo', message: translate(locale, 'imports.validated_awaiting_dpo', { reference, reason: blocker.message }) });
          }
        }
        report.created = result.items.map((item, position) => ({ reference: item.reference, name: String(mapped.items[creations[position]].name) }));
        report.createdDepartments = result.createdDepartments;
        report.createdVendors = result.createdVendors;
      } catch (error) {
        if (!(error instanceof ImportInvalidException)) throw error;
        errors.push(
          ...error.items.flatMap((item, position): ImportErrorView[] => {
            const index = creations[position];
            return [
              ...translateFieldErrors(locale, item.errors.fields, (path) => at(index, path).column).map((field) => ({ ...at(index, field.path), code: field.code, message: field.message })),
              ...translateRuleProblems(locale, item.errors.rules, error.labels).map((rule) => ({ ...at(index, rule.path), code: rule.code, message: rule.message })),
            ];
          }),
        );
      }
    }

    for (const index of updates) {
      const reference = references[index];
      const version = mapped.versions[index];
      // Without the version it was read at, an update could undo someone's change unseen.
      if (version === null) {
        errors.push({ ...at(index, 'reference'), code: 'reference_exists', message: translate(locale, 'imports.reference_exists', { reference }) });
        continue;
      }
      // A row sent back as stored (the register's own export re-imported) is not an edit: nothing to
      // write and nothing to check, without the per-row round trips of the update.
      if (unchanged(mapped.items[index], version, current.get(reference)!, access)) continue;
      const { value: input, errors: shapeErrors } = await validatePlain(UpdateActivityDto, mapped.items[index]);
      if (shapeErrors.length) {
        errors.push(...translateFieldErrors(locale, shapeErrors, (path) => at(index, path).column).map((field) => ({ ...at(index, field.path), code: field.code, message: field.message })));
        continue;
      }
      const id = existing.get(reference)!;
      // Each update in its own savepoint: a failed one leaves the transaction usable to check the next rows.
      await manager.query('SAVEPOINT registre_xlsx_update');
      try {
        const before = await this.activityQueries.get(access.organizationId, id);
        const after = await this.activityEditing.update(access, id, version, input);
        await manager.query('RELEASE SAVEPOINT registre_xlsx_update');
        const changes = INTERCHANGE_FIELDS.filter((field) => canonicalJson(before[field] ?? null) !== canonicalJson(after[field] ?? null));
        if (after.version !== before.version) report.updated.push({ reference, name: after.name, changes });
      } catch (error) {
        await manager.query('ROLLBACK TO SAVEPOINT registre_xlsx_update');
        errors.push(...this.updateErrors(error, index, mapped, locale));
      }
    }
    return errors;
  }

  /** An error of the update path, placed on its row (and column when the error names a field). */
  private updateErrors(error: unknown, index: number, mapped: MappedWorkbook, locale: Locale): ImportErrorView[] {
    const at = (path: string) => mapped.place(mapped.locations[index], path);
    const reference = String(mapped.items[index].reference);
    if (error instanceof FieldValidationException) {
      return translateFieldErrors(locale, error.fields, (path) => at(path).column).map((field) => ({ ...at(field.path), code: field.code, message: field.message }));
    }
    if (error instanceof ActivityIncompleteException) {
      return translateRuleProblems(locale, error.problems, error.labels).map((rule) => ({ ...at(rule.path), code: rule.code, message: rule.message }));
    }
    if (error instanceof AppException && error.code === 'version_conflict') {
      const params = { reference, version: String(mapped.versions[index]), current: String(error.details.currentVersion) };
      return [{ ...at('version'), code: 'version_conflict', message: translate(locale, 'imports.version_conflict', params) }];
    }
    if (error instanceof AppException) return [{ ...at('reference'), code: error.code, message: translate(locale, error.messageKey, error.messageParams) }];
    if (error instanceof ForbiddenError) return [{ ...at('reference'), code: 'forbidden', message: translate(locale, 'imports.update_forbidden', { reference }) }];
    throw error;
  }
}

/**
 * Whether a row of the file says exactly what the activity holds, at the version it holds, for a
 * caller who may edit it and an owner still a member (otherwise the update reports the problem):
 * every field of the row equals the current snapshot's (the update would find before = after).
 */
function unchanged(item: Record<string, unknown>, version: number, activity: CurrentActivity, access: OrganizationAccess): boolean {
  if (version !== activity.version || (activity.fields.ownerId !== null && !activity.ownerIsMember)) return false;
  if (!access.ability.can('update', asSubject(activity.fields))) return false;
  const snapshot = activity.snapshot as unknown as Record<string, unknown>;
  return Object.entries(item).every(([field, value]) => field === 'version' || canonicalJson(value ?? null) === canonicalJson(snapshot[field] ?? null));
}

/** The fields an update from the workbook may change, as the activity detail names them (for the report). */
const INTERCHANGE_FIELDS = [
  'name', 'description', 'department', 'owner', 'role', 'status', 'jointControllers', 'clientControllers', 'purposes', 'dataSubjects', 'dataCategories',
  'recipients', 'processors', 'transfers', 'securityMeasures', 'dataSubjectInformation', 'rightsProcedure', 'automatedDecisionMaking', 'dpiaScreening', 'nextReviewDate',
] as const;
