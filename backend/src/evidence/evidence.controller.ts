import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { ApiFileResponse } from '../common/http/api-schemas';
import type { Response } from 'express';
import { CurrentAccess, OrganizationAccess } from '../authorization/request-auth';
import { CheckPolicy } from '../authorization/route-policy';
import { PageQuery } from '../common/http/pagination';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { DocumentPage, DocumentView, UploadDocumentDto } from './dto/evidence.dto';
import { DocumentParent, EvidenceService, UploadedContent } from './evidence.service';
import { attachmentDisposition } from './file-name';
import { MAX_DOCUMENT_BYTES, UPLOAD_OPTIONS, UploadLimitsInterceptor } from './upload';

const UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'binary', description: `PDF, PNG, JPEG, DOCX or XLSX (type read from the content), at most ${MAX_DOCUMENT_BYTES} bytes` },
      kind: { type: 'string', enum: ['dpa', 'tia', 'certificate', 'questionnaire', 'contract', 'policy', 'other'] },
      description: { type: 'string' },
    },
  },
};

/** The same four operations for every record that carries evidence. */
class DocumentRoutes {
  constructor(protected readonly evidence: EvidenceService) {}

  protected async serve(organizationId: string, parent: DocumentParent, documentId: string, response: Response): Promise<StreamableFile> {
    const { document, content } = await this.evidence.download(organizationId, parent, documentId);
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(content, { type: document.contentType, disposition: attachmentDisposition(document.fileName), length: content.length });
  }
}

@ApiTags('vendors')
@Controller('v1/organizations/:orgId/vendors/:vendorId/documents')
export class VendorDocumentsController extends DocumentRoutes {
  constructor(evidence: EvidenceService) {
    super(evidence);
  }

  @Get()
  @CheckPolicy('read', 'Evidence')
  @ApiOperation({ summary: 'Evidence attached to a vendor (DPA, TIA, certificates, questionnaires), newest first' })
  @ApiOkResponse({ type: DocumentPage })
  list(@CurrentAccess() access: OrganizationAccess, @Param('vendorId', ParseIdPipe) vendorId: string, @Query() query: PageQuery): Promise<DocumentPage> {
    return this.evidence.list(access.organizationId, { type: 'vendor', id: vendorId }, query);
  }

  @Post()
  @CheckPolicy('create', 'Evidence')
  @UseInterceptors(UploadLimitsInterceptor, FileInterceptor('file', UPLOAD_OPTIONS))
  @ApiOperation({ summary: 'Attach a document to a vendor (multipart, field "file"); type checked from the content, SHA-256 recorded' })
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiCreatedResponse({ type: DocumentView })
  @ApiPayloadTooLargeResponse({ description: 'document_too_large (details.limit in bytes)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'document_type_not_allowed' })
  upload(
    @CurrentAccess() access: OrganizationAccess,
    @Param('vendorId', ParseIdPipe) vendorId: string,
    @UploadedFile() file: UploadedContent | undefined,
    @Body() body: UploadDocumentDto,
  ): Promise<DocumentView> {
    return this.evidence.upload(access, { type: 'vendor', id: vendorId }, file, body);
  }

  @Get(':documentId')
  @CheckPolicy('read', 'Evidence')
  @ApiOperation({ summary: 'Download a document (as an attachment, with a safe file name)' })
  @ApiFileResponse('application/octet-stream', 'the file')
  download(
    @CurrentAccess() access: OrganizationAccess,
    @Param('vendorId', ParseIdPipe) vendorId: string,
    @Param('documentId', ParseIdPipe) documentId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.serve(access.organizationId, { type: 'vendor', id: vendorId }, documentId, response);
  }

  @Delete(':documentId')
  @CheckPolicy('delete', 'Evidence')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a document (DPO, admin, or its uploader); refused while it is the vendor’s DPA or TIA' })
  @ApiNoContentResponse()
  remove(@CurrentAccess() access: OrganizationAccess, @Param('vendorId', ParseIdPipe) vendorId: string, @Param('documentId', ParseIdPipe) documentId: string): Promise<void> {
    return this.evidence.remove(access, { type: 'vendor', id: vendorId }, documentId);
  }
}

@ApiTags('activities')
@Controller('v1/organizations/:orgId/activities/:activityId/documents')
export class ActivityDocumentsController extends DocumentRoutes {
  constructor(evidence: EvidenceService) {
    super(evidence);
  }

  @Get()
  @CheckPolicy('read', 'Evidence')
  @ApiOperation({ summary: 'Evidence attached to an activity (LIA, notices, DPIA material…), newest first' })
  @ApiOkResponse({ type: DocumentPage })
  list(@CurrentAccess() access: OrganizationAccess, @Param('activityId', ParseIdPipe) activityId: string, @Query() query: PageQuery): Promise<DocumentPage> {
    return this.evidence.list(access.organizationId, { type: 'activity', id: activityId }, query);
  }

  @Post()
  @CheckPolicy('create', 'Evidence')
  @UseInterceptors(UploadLimitsInterceptor, FileInterceptor('file', UPLOAD_OPTIONS))
  @ApiOperation({ summary: 'Attach a document to an activity the caller may edit (multipart, field "file")' })
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiCreatedResponse({ type: DocumentView })
  @ApiPayloadTooLargeResponse({ description: 'document_too_large (details.limit in bytes)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'document_type_not_allowed' })
  upload(
    @CurrentAccess() access: OrganizationAccess,
    @Param('activityId', ParseIdPipe) activityId: string,
    @UploadedFile() file: UploadedContent | undefined,
    @Body() body: UploadDocumentDto,
  ): Promise<DocumentView> {
    return this.evidence.upload(access, { type: 'activity', id: activityId }, file, body);
  }

  @Get(':documentId')
  @CheckPolicy('read', 'Evidence')
  @ApiOperation({ summary: 'Download a document (as an attachment, with a safe file name)' })
  @ApiFileResponse('application/octet-stream', 'the file')
  download(
    @CurrentAccess() access: OrganizationAccess,
    @Param('activityId', ParseIdPipe) activityId: string,
    @Param('documentId', ParseIdPipe) documentId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.serve(access.organizationId, { type: 'activity', id: activityId }, documentId, response);
  }

  @Delete(':documentId')
  @CheckPolicy('delete', 'Evidence')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a document (DPO, admin, or its uploader)' })
  @ApiNoContentResponse()
  remove(@CurrentAccess() access: OrganizationAccess, @Param('activityId', ParseIdPipe) activityId: string, @Param('documentId', ParseIdPipe) documentId: string): Promise<void> {
    return this.evidence.remove(access, { type: 'activity', id: activityId }, documentId);
  }
}
