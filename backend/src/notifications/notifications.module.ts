import { Module } from '@nestjs/common';
import { FindingsModule } from '../findings/findings.module';
import { JobsService } from './jobs.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { WorkflowNotificationsModule } from './workflow-notifications.module';

@Module({
  imports: [FindingsModule, WorkflowNotificationsModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, JobsService],
  exports: [NotificationsService, JobsService],
})
export class NotificationsModule {}
