import { Module } from '@nestjs/common';
import { ActivityDirectoryModule } from '../activities/directory/activity-directory.module';
import { TransfersModule } from '../transfers/transfers.module';
import { CataloguesModule } from '../catalogues/catalogues.module';
import { FindingsController } from './findings.controller';
import { FindingsDataService } from './findings-data.service';
import { FindingsService } from './findings.service';

@Module({
  imports: [ActivityDirectoryModule, TransfersModule, CataloguesModule],
  controllers: [FindingsController],
  providers: [FindingsService, FindingsDataService],
  exports: [FindingsService, FindingsDataService],
})
export class FindingsModule {}
