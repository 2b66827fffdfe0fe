import { Module } from '@nestjs/common';
import { MailerService } from './mailer.service';
import { WorkflowNotifier } from './workflow-notifier';

/**
 * Apart from NotificationsModule: the feature modules whose changes notify (activities, grids, DPIAs,
 * vendors, invitations) import this one, not NotificationsModule, whose findings would import them back.
 * One MailerService for both.
 */
@Module({
  providers: [WorkflowNotifier, MailerService],
  exports: [WorkflowNotifier, MailerService],
})
export class WorkflowNotificationsModule {}
