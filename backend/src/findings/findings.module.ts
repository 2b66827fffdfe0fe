import { Module } from '@nestjs/common';
import { ActivityCatalogues } from '../activities/activity-catalogues';
import { FindingsController } from './findings.controller';
import { FindingsDataService } from './findings-data.service';
import { FindingsService } from './findings.service';

@Module({
  controllers: [FindingsController],
  providers: [FindingsService, FindingsDataService, ActivityCatalogues],
  exports: [FindingsService, FindingsDataService],
})
export class FindingsModule {}
