import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { MembersController, OwnMembershipsController } from './members.controller';
import { MembersService } from './members.service';

@Module({ imports: [AuditModule, InvitationsModule], controllers: [MembersController, OwnMembershipsController], providers: [MembersService] })
export class MembersModule {}
