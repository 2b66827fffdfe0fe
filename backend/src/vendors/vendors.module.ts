import { AuditModule } from '../audit/audit.module';
import { ActivityDirectoryModule } from '../activities/directory/activity-directory.module';
import { Module } from '@nestjs/common';
import { WorkflowNotificationsModule } from '../notifications/workflow-notifications.module';
import { TransfersModule } from '../transfers/transfers.module';
import { VersionedRecordModule } from '../common/versioned-record/versioned-record.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { VendorLinksService } from './vendor-links.service';
import { VendorsController } from './vendors.controller';
import { VendorGraph } from './vendor-graph.service';
import { VendorImport } from './vendor-import.service';
import { VendorQueries } from './vendor-queries.service';
import { VendorReviews } from './vendor-reviews.service';
import { VendorStore } from './vendor-store.service';
import { VendorsService } from './vendors.service';

@Module({
  imports: [AuditModule, ActivityDirectoryModule, WorkflowNotificationsModule, TransfersModule, EvidenceModule, VersionedRecordModule],
  controllers: [VendorsController],
  providers: [VendorsService, VendorQueries, VendorReviews, VendorImport, VendorGraph, VendorStore, VendorLinksService],
  exports: [VendorImport, VendorLinksService],
})
export class VendorsModule {}
