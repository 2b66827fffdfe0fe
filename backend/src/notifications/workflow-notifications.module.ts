import { Global, Module } from '@nestjs/common';
import { MailerService } from './mailer.service';
import { WorkflowNotifier } from './workflow-notifier';

/**
 * Global: the feature modules whose changes notify (activities, grids, DPIAs, vendors, invitations)
 * inject WorkflowNotifier without importing NotificationsModule, whose findings would import them back.
 */
@Global()
@Module({
  providers: [WorkflowNotifier, MailerService],
  exports: [WorkflowNotifier],
})
export class WorkflowNotificationsModule {}
