import { HttpStatus, Injectable } from '@nestjs/common';
import { ActivitiesService } from '../activities/activities.service';
import { ImportInvalidException, translateRuleProblems } from '../activities/activity-errors';
import type { OrganizationAccess } from '../authorization/request-auth';
import { AppException } from '../common/errors/app-exception';
import { translateFieldErrors } from '../common/http/validation';
import { Locale, translate } from '../common/i18n/i18n';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { CatalogueLabels } from '../exports/catalogue-labels';
import type { ImportErrorView, ImportReportView } from './dto/import.dto';
import { ImportFileException } from './import-errors';
import { mapWorkbook } from './register-mapper';
import { readWorkbook } from './workbook-rows';
import { guardXlsx } from './xlsx-guard';

/** The JSON import's limit: larger registers are imported in parts. */
export const IMPORT_ACTIVITY_LIMIT = 1000;

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
 * exceljs reads it, mapped to the interchange format, then imported by the activities' own import —
 * the same checks, all or nothing — inside a savepoint that a dry run rolls back.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly activities: ActivitiesService,
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
        const result = await this.activities.importActivities(access, mapped.items);
        report.created = result.items.map((item, index) => ({ reference: item.reference, name: String(mapped.items[index].name) }));
        report.createdDepartments = result.createdDepartments;
        report.createdVendors = result.createdVendors;
        written = !dryRun;
      } catch (error) {
        if (!(error instanceof ImportInvalidException)) throw error;
        report.errors = error.items.flatMap((item, index): ImportErrorView[] => {
          const location = mapped.locations[index];
          return [
            ...translateFieldErrors(locale, item.errors.fields).map((field) => ({ ...mapped.place(location, field.path), code: field.code, message: field.message })),
            ...translateRuleProblems(locale, item.errors.rules).map((rule) => ({ ...mapped.place(location, rule.path), code: rule.code, message: rule.message })),
          ];
        });
      } finally {
        await manager.query(written ? 'RELEASE SAVEPOINT registre_xlsx_import' : 'ROLLBACK TO SAVEPOINT registre_xlsx_import');
      }
    }
    report.valid = report.errors.length === 0;
    if (!report.valid && !dryRun) throw new ImportReportException(report);
    return report;
  }
}
