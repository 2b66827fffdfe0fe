import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentAccess, OrganizationAccess } from '../../authorization/request-auth';
import { CheckPolicy } from '../../authorization/route-policy';
import { ApiFileResponse } from '../../common/http/api-schemas';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { resolveLocale } from '../../common/i18n/i18n';
import { attachmentDisposition } from '../../evidence/file-name';
import { asOfInstant, RegisterExportQuery } from '../dto/export.dto';
import { ExportsService } from '../exports.service';
import { PdfQuery } from './pdf.dto';
import { fileSafe, found, readActivityRecord, readDpia, writeActivityRecordPdf, writeDpiaPdf, writeRegisterPdf } from './pdf-documents';

const PDF = 'application/pdf';

/**
 * The register, an activity's record sheet and a DPIA's report as PDF, written by pdfkit straight to
 * the response inside the request's tenant transaction (one consistent snapshot). Each record is
 * looked up, and can fail with a clean 404, before the first byte is sent. The same policies as the
 * Excel export, the activity read and the DPIA read.
 */
@ApiTags('exports')
@Controller('v1/organizations/:orgId')
export class PdfController {
  constructor(private readonly exports: ExportsService) {}

  @Get('exports/register.pdf')
  @CheckPolicy('export', 'Register')
  @ApiOperation({ summary: 'The register as a PDF in the Article 30 layout: cover with the controller and the DPO, one section per activity; as it stood at asOf' })
  @ApiFileResponse(PDF, 'the PDF')
  async register(@CurrentAccess() access: OrganizationAccess, @Query() query: RegisterExportQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const asOf = asOfInstant(query.asOf);
    const ctx = await this.exports.context(access.organizationId, { locale: query.lang ?? resolveLocale(request), asOf, statuses: query.status ?? null });
    this.headers(response, `register-${(asOf ?? ctx.exportedAt).toISOString().slice(0, 10)}.pdf`);
    await writeRegisterPdf(response, ctx);
  }

  @Get('activities/:activityId/record.pdf')
  @CheckPolicy('read', 'Activity')
  @ApiOperation({ summary: 'One activity’s record sheet as a PDF (its Article 30 items, the controller and the DPO)' })
  @ApiFileResponse(PDF, 'the PDF')
  async activity(
    @CurrentAccess() access: OrganizationAccess,
    @Param('activityId', ParseIdPipe) activityId: string,
    @Query() query: PdfQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const ctx = await this.exports.context(access.organizationId, { locale: query.lang ?? resolveLocale(request), asOf: null });
    const row = found(await readActivityRecord(ctx, activityId));
    this.headers(response, `${fileSafe(row.reference)}-${ctx.exportedAt.toISOString().slice(0, 10)}.pdf`);
    await writeActivityRecordPdf(response, ctx, row);
  }

  @Get('dpias/:dpiaId/report.pdf')
  @CheckPolicy('read', 'Dpia')
  @ApiOperation({ summary: 'A DPIA’s report as a PDF (the current revision)' })
  @ApiFileResponse(PDF, 'the PDF')
  async dpia(
    @CurrentAccess() access: OrganizationAccess,
    @Param('dpiaId', ParseIdPipe) dpiaId: string,
    @Query() query: PdfQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const ctx = await this.exports.context(access.organizationId, { locale: query.lang ?? resolveLocale(request), asOf: null });
    const state = found(await readDpia(ctx, dpiaId));
    this.headers(response, `dpia-${fileSafe(state.activityReference)}-r${state.revision}.pdf`);
    await writeDpiaPdf(response, ctx, state);
  }

  private headers(response: Response, fileName: string): void {
    response.setHeader('Content-Type', PDF);
    response.setHeader('Content-Disposition', attachmentDisposition(fileName));
    response.setHeader('Cache-Control', 'private, no-store');
  }
}
