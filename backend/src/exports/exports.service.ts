import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { ActivityCatalogues } from '../catalogues/activity-catalogues';
import { AppException } from '../common/errors/app-exception';
import type { Locale } from '../common/i18n/i18n';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { Organization } from '../organizations/organization.entity';
import { AuditTrailService } from '../audit/audit-trail.service';
import { screeningThresholdsAt } from '../activities/screening-thresholds';
import { AdequacyConfirmationsService } from '../transfers/adequacy-confirmations.service';
import { TransferFactsService } from '../transfers/transfer-facts.service';
import { CatalogueLabels } from './catalogue-labels';
import type { ExportContext, SheetWriter } from './sheet-writer';
import { writeWorkbook } from './xlsx-workbook';

export interface ExportOptions {
  locale: Locale;
  asOf: Date | null;
  statuses?: string[] | null;
  template?: boolean;
  /** The intake registers the exporting member reads whole (see readsWholeIntakeRegister); none by default. */
  intakeRegisters?: { rightsRequests: boolean; breaches: boolean };
}

/** Builds the context every sheet reads and writes workbooks, in the request's transaction. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly catalogues: ActivityCatalogues,
    private readonly transferFacts: TransferFactsService,
    private readonly confirmations: AdequacyConfirmationsService,
    private readonly trail: AuditTrailService,
  ) {}

  async context(organizationId: string, options: ExportOptions): Promise<ExportContext> {
    const manager = this.connection.manager;
    const organization = await manager.getRepository(Organization).findOneBy({ id: organizationId });
    if (!organization) throw AppException.notFound();
    const own = await manager.query<{ catalogue: string; code: string; labelFr: string; labelEn: string }[]>(
      'SELECT catalogue, code, label_fr AS "labelFr", label_en AS "labelEn" FROM organization_catalogue_entries WHERE organization_id = $1',
      [organizationId],
    );
    const userId = this.connection.context.userId;
    const [user] = userId ? await manager.query<{ name: string; email: string }[]>('SELECT name, email FROM users WHERE id = $1', [userId]) : [];
    return {
      organizationId,
      locale: options.locale,
      asOf: options.asOf,
      statuses: options.statuses?.length ? options.statuses : null,
      labels: new CatalogueLabels(own),
      facts: await this.catalogues.facts(),
      // The register as of a date shows transfers as assessed that day: the decisions then in force
      // (a later annulment or adoption does not rewrite the past) and the confirmations made by then.
      transferFacts: await this.transferFacts.facts(options.asOf ? options.asOf.toISOString().slice(0, 10) : undefined),
      scopeConfirmations: await this.confirmations.byRecipient(organizationId, options.asOf),
      // The criteria printed beside each stored decision are those of the threshold then in force.
      thresholds: await screeningThresholdsAt(manager, this.trail, organizationId, options.asOf),
      query: <T>(sql: string, params: unknown[]) => manager.query<T[]>(sql, params),
      template: options.template ?? false,
      shared: new Map(),
      organization: { ...organization },
      exportedBy: user ? `${user.name} <${user.email}>` : null,
      exportedAt: new Date(),
      intakeRegisters: options.intakeRegisters ?? { rightsRequests: false, breaches: false },
    };
  }

  async write(organizationId: string, sheets: SheetWriter[], options: ExportOptions, output: Writable): Promise<void> {
    await writeWorkbook(output, sheets, await this.context(organizationId, options));
  }

  writeWith(ctx: ExportContext, sheets: SheetWriter[], output: Writable): Promise<void> {
    return writeWorkbook(output, sheets, ctx);
  }
}
