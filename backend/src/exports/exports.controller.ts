import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '../common/http/api-schemas';
import type { Request, Response } from 'express';
import { auditProofProvider } from '../audit/audit-evidence';
import { AuditTrailService } from '../audit/audit-trail.service';
import { CheckpointService } from '../audit/checkpoint.service';
import { readsWholeIntakeRegister } from '../authorization/ability.factory';
import { CurrentAccess, OrganizationAccess } from '../authorization/request-auth';
import { CheckPolicy } from '../authorization/route-policy';
import { resolveLocale } from '../common/i18n/i18n';
import { attachmentDisposition } from '../evidence/file-name';
import { asOfInstant, ExportQuery, RegisterExportQuery } from './dto/export.dto';
import { writeEvidencePack } from './evidence-pack';
import { DocumentsProvider, dpiaReportsProvider, workbookProvider } from './evidence-providers';
import { pdfEvidenceProvider } from './pdf/pdf-documents';
import { ExportOptions, ExportsService } from './exports.service';
import { PROCESSOR_REGISTER_SHEETS, REGISTER_SHEETS, TEMPLATE_SHEETS, VENDOR_SHEETS } from './register-sheets';
import type { SheetWriter } from './sheet-writer';
import { listsSheet, templateContext } from './template';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The register and its evidence as files. Each handler writes the response itself and returns only
 * when the file is complete, so the reads stay inside the request's tenant transaction (one
 * consistent snapshot of the register) while the file streams out.
 */
@ApiTags('exports')
@Controller('v1/organizations/:orgId/exports')
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly trail: AuditTrailService,
    private readonly documents: DocumentsProvider,
    private readonly checkpoints: CheckpointService,
  ) {}

  @Get('register.xlsx')
  @CheckPolicy('export', 'Register')
  @ApiOperation({ summary: 'The register as a workbook: cover, register, detail sheets, vendors, Art 30(2); as it stood at asOf; filtered by status' })
  @ApiFileResponse(XLSX, 'the workbook')
  register(@CurrentAccess() access: OrganizationAccess, @Query() query: RegisterExportQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.workbook(access, 'register', REGISTER_SHEETS, { ...this.options(query, request, access), statuses: query.status ?? null }, response);
  }

  @Get('vendors.xlsx')
  @CheckPolicy('export', 'Register')
  @ApiOperation({ summary: 'The vendors list alone (as of asOf)' })
  @ApiFileResponse(XLSX, 'the workbook')
  vendors(@CurrentAccess() access: OrganizationAccess, @Query() query: ExportQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.workbook(access, 'vendors', VENDOR_SHEETS, this.options(query, request), response);
  }

  @Get('processor-register.xlsx')
  @CheckPolicy('export', 'Register')
  @ApiOperation({ summary: 'The Art 30(2) register (activities carried out as a processor) alone' })
  @ApiFileResponse(XLSX, 'the workbook')
  processorRegister(@CurrentAccess() access: OrganizationAccess, @Query() query: ExportQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.workbook(access, 'processor-register', PROCESSOR_REGISTER_SHEETS, this.options(query, request), response);
  }

  @Get('template.xlsx')
  @CheckPolicy('export', 'Register')
  @ApiOperation({ summary: 'A blank import template: the import’s sheets and columns, with drop-down lists from the catalogues' })
  @ApiFileResponse(XLSX, 'the workbook')
  template(@CurrentAccess() access: OrganizationAccess, @Query() query: ExportQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.workbook(access, 'template', [...TEMPLATE_SHEETS, listsSheet], { ...this.options(query, request), asOf: null, template: true }, response);
  }

  @Get('evidence.zip')
  @CheckPolicy('export', 'Evidence')
  @ApiOperation({
    summary:
      'The auditor’s pack: register, audit trail with hashes, vendors, every DPIA’s report, every document, the register and DPIA reports as PDF, the audit events with every hashed field, the signed checkpoints and their public keys, a standalone verifier (verify-evidence.mjs) and its README, manifest.json with SHA-256 and the chain check, and the manifest’s signature',
  })
  @ApiFileResponse('application/zip', 'the zip')
  async evidence(@CurrentAccess() access: OrganizationAccess, @Query() query: ExportQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const options = this.options(query, request, access);
    const ctx = await this.exports.context(access.organizationId, options);
    // Every pack of the present signs the chain's head; a pack as of a past instant carries the
    // checkpoints signed by then (a new one would cover events the pack leaves out).
    if (!options.asOf) await this.checkpoints.signNow(access.organizationId, 'export');
    this.headers(response, 'application/zip', this.fileName('evidence', options, 'zip'));
    await writeEvidencePack(
      response,
      [workbookProvider, dpiaReportsProvider, this.documents, pdfEvidenceProvider, auditProofProvider(this.trail, this.checkpoints)],
      ctx,
      () => this.trail.verify(access.organizationId, options.asOf, options.locale),
      (content) => this.checkpoints.signDocument(content),
    );
  }

  private options(query: ExportQuery, request: Request, access?: OrganizationAccess): ExportOptions {
    // The rights-request and breach sheets go to those who read those registers whole.
    const intakeRegisters = access && {
      rightsRequests: readsWholeIntakeRegister(access.ability, 'RightsRequest', access.organizationId),
      breaches: readsWholeIntakeRegister(access.ability, 'Breach', access.organizationId),
    };
    return { locale: query.lang ?? resolveLocale(request), asOf: asOfInstant(query.asOf), intakeRegisters };
  }

  private async workbook(access: OrganizationAccess, base: string, sheets: SheetWriter[], options: ExportOptions, response: Response): Promise<void> {
    // The context is built (and can fail with a clean error) before the first byte is sent.
    const ctx = await this.exports.context(access.organizationId, options);
    if (options.template) templateContext(ctx);
    this.headers(response, XLSX, this.fileName(base, options, 'xlsx'));
    await this.exports.writeWith(ctx, sheets, response);
  }

  private headers(response: Response, type: string, fileName: string): void {
    response.setHeader('Content-Type', type);
    response.setHeader('Content-Disposition', attachmentDisposition(fileName));
    response.setHeader('Cache-Control', 'private, no-store');
  }

  private fileName(base: string, options: ExportOptions, extension: string): string {
    const day = (options.asOf ?? new Date()).toISOString().slice(0, 10);
    return `${base}-${day}.${extension}`;
  }
}
