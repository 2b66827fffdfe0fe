import { createHash } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ForbiddenError, subject } from '@casl/ability';
import { AuditService } from '../audit/audit.service';
import type { OrganizationAccess } from '../authorization/request-auth';
import { AppException } from '../common/errors/app-exception';
import { Page, pageOf, PageQuery } from '../common/http/pagination';
import { FieldValidationException } from '../common/http/validation';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { detectContentType } from './content-type';
import { DocumentStorage } from './document-storage';
import type { DocumentView, UploadDocumentDto } from './dto/evidence.dto';
import { EvidenceDocument } from './evidence-document.entity';
import { safeFileName } from './file-name';
import { ActivityDirectory } from '../activities/directory/activity-directory';

/** The record a document is attached to. */
export type DocumentParent = { type: 'vendor'; id: string } | { type: 'activity'; id: string };

/** What the upload interceptor hands over (multer's memory storage). */
export interface UploadedContent {
  originalname: string;
  buffer: Buffer;
  size: number;
}

type EvidenceAccess = Pick<OrganizationAccess, 'organizationId' | 'ability'>;

export function toDocumentView(row: EvidenceDocument): DocumentView {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    description: row.description,
    vendorId: row.vendorId,
    activityId: row.activityId,
    uploadedBy: row.uploadedBy,
    uploadedByName: row.uploadedByName,
    uploadedAt: row.uploadedAt,
  };
}

const parentColumn = (parent: DocumentParent) => (parent.type === 'vendor' ? 'vendorId' : 'activityId');

/**
 * Evidence documents of vendors and activities. Attaching one needs the right to create evidence and
 * to change the record it is attached to; removing one is the DPO's or an admin's, or its uploader's.
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly activities: ActivityDirectory,
    private readonly connection: TransactionalConnection,
    private readonly storage: DocumentStorage,
    private readonly audit: AuditService,
  ) {}

  async list(organizationId: string, parent: DocumentParent, query: PageQuery): Promise<Page<DocumentView>> {
    await this.parentSubject(organizationId, parent);
    const [rows, total] = await this.connection.getRepository(EvidenceDocument).findAndCount({
      where: { organizationId, [parentColumn(parent)]: parent.id },
      order: { uploadedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return pageOf(rows.map(toDocumentView), total, query);
  }

  async upload(access: EvidenceAccess, parent: DocumentParent, file: UploadedContent | undefined, input: UploadDocumentDto): Promise<DocumentView> {
    const { organizationId } = access;
    const parentRecord = await this.parentSubject(organizationId, parent);
    // Evidence goes with the record: whoever may not change it may not attach to it either.
    ForbiddenError.from(access.ability).throwUnlessCan('update', parentRecord.subject);
    const uploadedBy = this.connection.context.userId ?? null;
    ForbiddenError.from(access.ability).throwUnlessCan('create', subject('Evidence', { organizationId, uploadedById: uploadedBy }));
    if (!file) throw new FieldValidationException([{ path: 'file', code: 'isDefined', args: [] }]);
    const type = detectContentType(file.buffer);
    if (!type) throw new AppException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'document_type_not_allowed', { allowed: ['pdf', 'png', 'jpeg', 'docx', 'xlsx'] });

    const repository = this.connection.getRepository(EvidenceDocument);
    const [{ now }] = await this.connection.manager.query<{ now: Date }[]>('SELECT clock_timestamp() AS now');
    const row = repository.create({
      organizationId,
      vendorId: parent.type === 'vendor' ? parent.id : null,
      activityId: parent.type === 'activity' ? parent.id : null,
      kind: input.kind ?? 'other',
      fileName: safeFileName(file.originalname, type),
      contentType: type.mime,
      sizeBytes: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      description: input.description ?? null,
      uploadedBy,
      uploadedByName: this.connection.context.actorName ?? null,
      uploadedAt: now,
    });
    const saved = await repository.save(row);
    await this.storage.put(organizationId, saved.id, file.buffer);
    const view = toDocumentView(saved);
    await this.audit.record({ action: 'upload', entityType: 'Evidence', entityId: saved.id, entityLabel: `${parentRecord.label} — ${saved.fileName}`, after: view });
    return view;
  }

  async download(organizationId: string, parent: DocumentParent, documentId: string): Promise<{ document: DocumentView; content: Buffer }> {
    const row = await this.find(organizationId, parent, documentId);
    const content = await this.storage.get(organizationId, row.id);
    if (!content) throw AppException.notFound();
    return { document: toDocumentView(row), content };
  }

  async remove(access: EvidenceAccess, parent: DocumentParent, documentId: string): Promise<void> {
    const { organizationId } = access;
    const parentRecord = await this.parentSubject(organizationId, parent);
    const row = await this.find(organizationId, parent, documentId);
    ForbiddenError.from(access.ability).throwUnlessCan('delete', subject('Evidence', { organizationId, uploadedById: row.uploadedBy }));
    const [usage] = await this.connection.manager.query<{ id: string; name: string; usage: string }[]>(
      `SELECT id, name, CASE WHEN dpa_document_id = $2 THEN 'dpa' ELSE 'tia' END AS usage
       FROM vendors WHERE organization_id = $1 AND (dpa_document_id = $2 OR tia_document_id = $2) LIMIT 1`,
      [organizationId, row.id],
    );
    if (usage) throw new AppException(HttpStatus.CONFLICT, 'document_in_use', { vendorId: usage.id, usage: usage.usage }, { vendor: usage.name });
    await this.storage.remove(organizationId, [row.id]);
    await this.connection.getRepository(EvidenceDocument).delete({ organizationId, id: row.id });
    await this.audit.record({ action: 'delete', entityType: 'Evidence', entityId: row.id, entityLabel: `${parentRecord.label} — ${row.fileName}`, before: toDocumentView(row) });
  }

  private async find(organizationId: string, parent: DocumentParent, documentId: string): Promise<EvidenceDocument> {
    const row = await this.connection.getRepository(EvidenceDocument).findOneBy({ organizationId, id: documentId, [parentColumn(parent)]: parent.id });
    if (!row) throw AppException.notFound();
    return row;
  }

  /** The parent as CASL rules see it (404 when it is not in the organisation). */
  private async parentSubject(organizationId: string, parent: DocumentParent) {
    const manager = this.connection.manager;
    if (parent.type === 'vendor') {
      const [vendor] = await manager.query<{ name: string; status: string }[]>('SELECT name, status FROM vendors WHERE organization_id = $1 AND id = $2', [organizationId, parent.id]);
      if (!vendor) throw AppException.notFound();
      return { label: vendor.name, subject: subject('Vendor', { organizationId, status: vendor.status }) };
    }
    const activity = await this.activities.summary(organizationId, parent.id);
    if (!activity) throw AppException.notFound();
    return {
      label: `${activity.reference} ${activity.name}`,
      subject: subject('Activity', { organizationId, ownerId: activity.ownerId, departmentId: activity.departmentId, status: activity.status }),
    };
  }
}
