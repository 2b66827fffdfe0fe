import { Module } from '@nestjs/common';
import { AccountMailModule } from '../account-mail/account-mail.module';
import { InvitationLinksController, OrganizationInvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';

@Module({
  imports: [AccountMailModule],
  controllers: [OrganizationInvitationsController, InvitationLinksController],
  providers: [InvitationsService],
  exports: [InvitationsService],
})
export class InvitationsModule {}
