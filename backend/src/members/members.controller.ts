import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAccess, CurrentUser, OrganizationAccess, SessionUser } from '../authorization/request-auth';
import { InvitationView } from '../invitations/dto/invitation.dto';
import { InvitationsService } from '../invitations/invitations.service';
import { Authenticated, CheckPolicy } from '../authorization/route-policy';
import { PageQuery } from '../common/http/pagination';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { AddMemberDto, MemberPage, MemberView, UpdateMemberDto } from './dto/member.dto';
import { MembersService } from './members.service';

@ApiTags('members')
@Controller('v1/organizations/:orgId/members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get()
  @CheckPolicy('read', 'Membership')
  @ApiOperation({ summary: 'Members of the organisation with their roles' })
  @ApiOkResponse({ type: MemberPage })
  list(@CurrentAccess() access: OrganizationAccess, @Query() query: PageQuery): Promise<MemberPage> {
    return this.members.list(access.organizationId, query);
  }

  @Post()
  @CheckPolicy('create', 'Membership')
  @ApiOperation({
    summary:
      'Add someone by e-mail: sends them an invitation (as POST …/invitations) instead of enrolling an existing account; the same answer whether or not an account uses the address',
  })
  @ApiCreatedResponse({ type: InvitationView })
  add(@CurrentAccess() access: OrganizationAccess, @CurrentUser() user: SessionUser, @Body() body: AddMemberDto): Promise<InvitationView> {
    return this.invitations.create(access.organizationId, user, { email: body.email, roles: body.roles, departmentId: body.departmentId });
  }

  @Patch(':memberId')
  @CheckPolicy('update', 'Membership')
  @ApiOperation({ summary: 'Change a member’s roles or department (the last admin cannot lose the admin role)' })
  @ApiOkResponse({ type: MemberView })
  update(
    @CurrentAccess() access: OrganizationAccess,
    @Param('memberId', ParseIdPipe) memberId: string,
    @Body() body: UpdateMemberDto,
  ): Promise<MemberView> {
    return this.members.update(access.organizationId, memberId, body);
  }

  @Delete(':memberId')
  @CheckPolicy('delete', 'Membership')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a member (the last admin cannot be removed)' })
  @ApiNoContentResponse()
  remove(@CurrentAccess() access: OrganizationAccess, @Param('memberId', ParseIdPipe) memberId: string): Promise<void> {
    return this.members.remove(access.organizationId, memberId);
  }
}

/** The signed-in user's own memberships. */
@ApiTags('members')
@Controller('v1/me/memberships')
export class OwnMembershipsController {
  constructor(private readonly members: MembersService) {}

  @Delete(':orgId')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Leave an organisation (404 if not a member; the last admin cannot: 409 last_admin)' })
  @ApiNoContentResponse()
  leave(@CurrentUser() user: SessionUser, @Param('orgId', ParseIdPipe) organizationId: string): Promise<void> {
    return this.members.leave(organizationId, user.id);
  }
}
