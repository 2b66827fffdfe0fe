import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesService } from './activities.service';
import { ActivityCatalogues } from './activity-catalogues';

@Module({
  imports: [DepartmentsModule],
  controllers: [ActivitiesController],
  providers: [ActivitiesService, ActivityCatalogues],
  exports: [ActivitiesService],
})
export class ActivitiesModule {}
