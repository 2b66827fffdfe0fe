import { ActivityDirectoryModule } from '../activities/directory/activity-directory.module';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DocumentStorage, PostgresDocumentStorage } from './document-storage';
import { ActivityDocumentsController, VendorDocumentsController } from './evidence.controller';
import { EvidenceService } from './evidence.service';
import { UploadLimitsInterceptor } from './upload';

/** Evidence documents; the content store is PostgreSQL unless another DocumentStorage is provided here. */
@Module({
  imports: [ActivityDirectoryModule, AuditModule],
  controllers: [VendorDocumentsController, ActivityDocumentsController],
  providers: [EvidenceService, UploadLimitsInterceptor, { provide: DocumentStorage, useClass: PostgresDocumentStorage }],
  exports: [EvidenceService, DocumentStorage],
})
export class EvidenceModule {}
