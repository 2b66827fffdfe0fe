import { Module } from '@nestjs/common';
import { WorkflowNotificationsModule } from '../notifications/workflow-notifications.module';
import { AuditModule } from '../audit/audit.module';
import { AccountMailModule } from '../account-mail/account-mail.module';
import { InvitationLinksController, OrganizationInvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';

@Module({
  imports: [WorkflowNotificationsModule, AuditModule, AccountMailModule],
  controllers: [OrganizationInvitationsController, InvitationLinksController],
  providers: [InvitationsService],
  exports: [InvitationsService],
})
export class InvitationsModule {}
