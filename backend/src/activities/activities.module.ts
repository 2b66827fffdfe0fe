import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { VersionedRecordModule } from '../common/versioned-record/versioned-record.module';
import { VendorsModule } from '../vendors/vendors.module';
import { ActivitiesController } from './activities.controller';
import { ActivityEditing } from './activity-editing.service';
import { ActivityImport } from './activity-import.service';
import { ActivityQueries } from './activity-queries.service';
import { ActivityReferences } from './activity-references.service';
import { ActivityStore } from './activity-store.service';
import { ActivityWorkflow } from './activity-workflow.service';
import { ActivityCatalogues } from './activity-catalogues';

@Module({
  imports: [DepartmentsModule, VendorsModule, EvidenceModule, VersionedRecordModule],
  controllers: [ActivitiesController],
  providers: [ActivityQueries, ActivityStore, ActivityReferences, ActivityWorkflow, ActivityEditing, ActivityImport, ActivityCatalogues],
  exports: [ActivityQueries, ActivityEditing, ActivityWorkflow, ActivityImport],
})
export class ActivitiesModule {}
