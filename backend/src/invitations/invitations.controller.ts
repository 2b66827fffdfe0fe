import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAccess, CurrentUser, OrganizationAccess, SessionUser } from '../authorization/request-auth';
import { Authenticated, CheckPolicy, Public } from '../authorization/route-policy';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { AcceptedInvitation, CreateInvitationDto, InvitationList, InvitationPreview, InvitationView } from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('members')
@Controller('v1/organizations/:orgId/invitations')
export class OrganizationInvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @CheckPolicy('create', 'Membership')
  @ApiOperation({ summary: 'Invite an e-mail address with a role: the link goes to that address only; the same answer whether or not an account uses it' })
  @ApiCreatedResponse({ type: InvitationView })
  create(@CurrentAccess() access: OrganizationAccess, @CurrentUser() user: SessionUser, @Body() body: CreateInvitationDto): Promise<InvitationView> {
    return this.invitations.create(access.organizationId, user, body);
  }

  @Get()
  @CheckPolicy('read', 'Membership')
  @ApiOperation({ summary: 'The organisation’s invitations (pending, accepted, revoked, expired)' })
  @ApiOkResponse({ type: InvitationList })
  async list(@CurrentAccess() access: OrganizationAccess): Promise<InvitationList> {
    return { items: await this.invitations.list(access.organizationId) };
  }

  @Post(':invitationId/resend')
  @CheckPolicy('create', 'Membership')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Send a new link (the previous one stops working), valid 7 more days' })
  @ApiOkResponse({ type: InvitationView })
  resend(@CurrentAccess() access: OrganizationAccess, @CurrentUser() user: SessionUser, @Param('invitationId', ParseIdPipe) invitationId: string): Promise<InvitationView> {
    return this.invitations.resend(access.organizationId, user, invitationId);
  }

  @Delete(':invitationId')
  @CheckPolicy('delete', 'Membership')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke a pending invitation' })
  @ApiNoContentResponse()
  revoke(@CurrentAccess() access: OrganizationAccess, @Param('invitationId', ParseIdPipe) invitationId: string): Promise<void> {
    return this.invitations.revoke(access.organizationId, invitationId);
  }
}

@ApiTags('members')
@Controller('v1/invitations/:token')
export class InvitationLinksController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'What an invitation link offers: the organisation, who invited, the invited address and role' })
  @ApiOkResponse({ type: InvitationPreview })
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.invitations.preview(token);
  }

  @Post('accept')
  @Authenticated()
  @ApiOperation({ summary: 'Accept the invitation as the signed-in user whose proven address is the invited one; creates the membership' })
  @ApiCreatedResponse({ type: AcceptedInvitation })
  accept(@Param('token') token: string, @CurrentUser() user: SessionUser): Promise<AcceptedInvitation> {
    return this.invitations.accept(token, user);
  }
}
