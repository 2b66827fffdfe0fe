import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { ActivityDirectoryModule } from '../activities/directory/activity-directory.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { XlsxUploadInterceptor } from './upload';

@Module({
  imports: [ActivitiesModule, ActivityDirectoryModule],
  controllers: [ImportsController],
  providers: [ImportsService, XlsxUploadInterceptor],
})
export class ImportsModule {}
