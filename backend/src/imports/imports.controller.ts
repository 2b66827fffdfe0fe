import { Controller, HttpCode, HttpStatus, Post, Query, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentAccess, OrganizationAccess } from '../authorization/request-auth';
import { CheckPolicy } from '../authorization/route-policy';
import { resolveLocale } from '../common/i18n/i18n';
import { ImportQuery, ImportReportView } from './dto/import.dto';
import { ImportFileException } from './import-errors';
import { ImportsService } from './imports.service';
import { XlsxUploadInterceptor, XLSX_UPLOAD_OPTIONS } from './upload';
import { XLSX_LIMITS } from './xlsx-guard';

@ApiTags('imports')
@Controller('v1/organizations/:orgId/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @CheckPolicy('create', 'Activity')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(XlsxUploadInterceptor, FileInterceptor('file', XLSX_UPLOAD_OPTIONS))
  @ApiOperation({ summary: 'Import a register workbook (Registre’s export or template): dryRun=true reports only; otherwise all or nothing' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: `.xlsx, at most ${XLSX_LIMITS.fileBytes} bytes` } } } })
  @ApiOkResponse({ type: ImportReportView })
  @ApiUnprocessableEntityResponse({ description: 'import_xlsx_invalid (details: the report, nothing written), or a refused file (corrupt, zip bomb, XML entities)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'import_not_xlsx: the content is not a workbook' })
  @ApiPayloadTooLargeResponse({ description: 'import_file_too_large, import_too_large_unpacked, import_too_many_rows, import_too_many_activities' })
  upload(
    @CurrentAccess() access: OrganizationAccess,
    @Query() query: ImportQuery,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Req() request: Request,
  ): Promise<ImportReportView> {
    if (!file?.buffer) throw new ImportFileException(HttpStatus.BAD_REQUEST, 'file_missing');
    return this.imports.importWorkbook(access, file.buffer, query.dryRun ?? false, resolveLocale(request));
  }
}
