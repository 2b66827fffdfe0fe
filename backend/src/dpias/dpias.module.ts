import { ActivityDirectoryModule } from '../activities/directory/activity-directory.module';
import { VersionedRecordModule } from '../common/versioned-record/versioned-record.module';
import { Module } from '@nestjs/common';
import { WorkflowNotificationsModule } from '../notifications/workflow-notifications.module';
import { DpiasController } from './dpias.controller';
import { DpiaQueries } from './dpia-queries.service';
import { DpiasService } from './dpias.service';

@Module({
  imports: [ActivityDirectoryModule, WorkflowNotificationsModule, VersionedRecordModule],
  controllers: [DpiasController],
  providers: [DpiasService, DpiaQueries],
  exports: [DpiasService, DpiaQueries],
})
export class DpiasModule {}
