import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { VersionedRecordModule } from '../common/versioned-record/versioned-record.module';
import { VendorsModule } from '../vendors/vendors.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesService } from './activities.service';
import { ActivityCatalogues } from './activity-catalogues';

@Module({
  imports: [DepartmentsModule, VendorsModule, EvidenceModule, VersionedRecordModule],
  controllers: [ActivitiesController],
  providers: [ActivitiesService, ActivityCatalogues],
  exports: [ActivitiesService],
})
export class ActivitiesModule {}
