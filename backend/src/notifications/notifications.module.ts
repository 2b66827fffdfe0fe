import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { FindingsModule } from '../findings/findings.module';
import { JobsService } from './jobs.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { WorkflowNotificationsModule } from './workflow-notifications.module';
import { WeeklyDigestService } from './weekly-digest.service';
import { ReviewQueueModule } from '../review-queue/review-queue.module';
import { RightsRequestsModule } from '../rights-requests/rights-requests.module';

@Module({
  imports: [ActivitiesModule, FindingsModule, WorkflowNotificationsModule, ReviewQueueModule, RightsRequestsModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, WeeklyDigestService, JobsService],
  exports: [NotificationsService, WeeklyDigestService, JobsService],
})
export class NotificationsModule {}
