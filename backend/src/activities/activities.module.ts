import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { WorkflowNotificationsModule } from '../notifications/workflow-notifications.module';
import { TransfersModule } from '../transfers/transfers.module';
import { CataloguesModule } from '../catalogues/catalogues.module';
import { DepartmentsModule } from '../departments/departments.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { VersionedRecordModule } from '../common/versioned-record/versioned-record.module';
import { VendorsModule } from '../vendors/vendors.module';
import { ActivitiesController } from './activities.controller';
import { ActivityEditing } from './activity-editing.service';
import { ActivityImport } from './activity-import.service';
import { ActivityTemplatesController } from './activity-templates.controller';
import { ActivityTemplates } from './activity-templates.service';
import { ActivityQueries } from './activity-queries.service';
import { ActivityReferences } from './activity-references.service';
import { ActivityStore } from './activity-store.service';
import { ActivityWorkflow } from './activity-workflow.service';
import { ActivityBlockers } from './activity-blockers';
import { ActivityRescreening } from './activity-rescreening.service';

@Module({
  imports: [AuditModule, WorkflowNotificationsModule, TransfersModule, CataloguesModule, DepartmentsModule, VendorsModule, EvidenceModule, VersionedRecordModule],
  controllers: [ActivitiesController, ActivityTemplatesController],
  providers: [ActivityQueries, ActivityStore, ActivityReferences, ActivityBlockers, ActivityWorkflow, ActivityEditing, ActivityImport, ActivityTemplates, ActivityRescreening],
  exports: [ActivityQueries, ActivityEditing, ActivityWorkflow, ActivityImport, ActivityRescreening],
})
export class ActivitiesModule {}
