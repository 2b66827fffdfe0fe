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

interface DocumentRouteTexts {
  /** The class name Nest and the OpenAPI document know the routes by (operation ids derive from it). */
  name: string;
  tag: string;
  path: string;
  /** The route parameter that names the parent record. */
  param: string;
  type: DocumentParent['type'];
  list: string;
  upload: string;
  remove: string;
}

/**
 * The same four operations for every record that carries evidence, declared once: each parent gets its
 * controller class from this factory, with its own path, tag and summaries.
 */
function documentRoutes(texts: DocumentRouteTexts) {
  const parent = (id: string): DocumentParent => ({ type: texts.type, id });

  @ApiTags(texts.tag)
  @Controller(texts.path)
  class DocumentRoutes {
    constructor(readonly evidence: EvidenceService) {}

    @Get()
    @CheckPolicy('read', 'Evidence')
    @ApiOperation({ summary: texts.list })
    @ApiOkResponse({ type: DocumentPage })
    list(@CurrentAccess() access: OrganizationAccess, @Param(texts.param, ParseIdPipe) parentId: string, @Query() query: PageQuery): Promise<DocumentPage> {
      return this.evidence.list(access.organizationId, parent(parentId), query);
    }

    @Post()
    @CheckPolicy('create', 'Evidence')
    @UseInterceptors(UploadLimitsInterceptor, FileInterceptor('file', UPLOAD_OPTIONS))
    @ApiOperation({ summary: texts.upload })
    @ApiConsumes('multipart/form-data')
    @ApiBody(UPLOAD_BODY)
    @ApiCreatedResponse({ type: DocumentView })
    @ApiPayloadTooLargeResponse({ description: 'document_too_large (details.limit in bytes)' })
    @ApiUnsupportedMediaTypeResponse({ description: 'document_type_not_allowed' })
    upload(
      @CurrentAccess() access: OrganizationAccess,
      @Param(texts.param, ParseIdPipe) parentId: string,
      @UploadedFile() file: UploadedContent | undefined,
      @Body() body: UploadDocumentDto,
    ): Promise<DocumentView> {
      return this.evidence.upload(access, parent(parentId), file, body);
    }

    @Get(':documentId')
    @CheckPolicy('read', 'Evidence')
    @ApiOperation({ summary: 'Download a document (as an attachment, with a safe file name)' })
    @ApiFileResponse('application/octet-stream', 'the file')
    async download(
      @CurrentAccess() access: OrganizationAccess,
      @Param(texts.param, ParseIdPipe) parentId: string,
      @Param('documentId', ParseIdPipe) documentId: string,
      @Res({ passthrough: true }) response: Response,
    ): Promise<StreamableFile> {
      const { document, content } = await this.evidence.download(access.organizationId, parent(parentId), documentId);
      response.setHeader('Cache-Control', 'private, no-store');
      return new StreamableFile(content, { type: document.contentType, disposition: attachmentDisposition(document.fileName), length: content.length });
    }

    @Delete(':documentId')
    @CheckPolicy('delete', 'Evidence')
    @HttpCode(HttpStatus.NO_CONTENT)
    @ApiOperation({ summary: texts.remove })
    @ApiNoContentResponse()
    remove(@CurrentAccess() access: OrganizationAccess, @Param(texts.param, ParseIdPipe) parentId: string, @Param('documentId', ParseIdPipe) documentId: string): Promise<void> {
      return this.evidence.remove(access, parent(parentId), documentId);
    }
  }
  Object.defineProperty(DocumentRoutes, 'name', { value: texts.name });
  return DocumentRoutes;
}

export const VendorDocumentsController = documentRoutes({
  name: 'VendorDocumentsController',
  tag: 'vendors',
  path: 'v1/organizations/:orgId/vendors/:vendorId/documents',
  param: 'vendorId',
  type: 'vendor',
  list: 'Evidence attached to a vendor (DPA, TIA, certificates, questionnaires), newest first',
  upload: 'Attach a document to a vendor (multipart, field "file"); type checked from the content, SHA-256 recorded',
  remove: 'Remove a document (DPO, admin, or its uploader); refused while it is the vendor’s DPA or TIA',
});

export const ActivityDocumentsController = documentRoutes({
  name: 'ActivityDocumentsController',
  tag: 'activities',
  path: 'v1/organizations/:orgId/activities/:activityId/documents',
  param: 'activityId',
  type: 'activity',
  list: 'Evidence attached to an activity (LIA, notices, DPIA material…), newest first',
  upload: 'Attach a document to an activity the caller may edit (multipart, field "file")',
  remove: 'Remove a document (DPO, admin, or its uploader)',
});
