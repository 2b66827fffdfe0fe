import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAccess, OrganizationAccess } from '../authorization/request-auth';
import { CheckPolicy } from '../authorization/route-policy';
import { PageQuery } from '../common/http/pagination';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { AddMemberDto, MemberPage, MemberView, UpdateMemberDto } from './dto/member.dto';
import { MembersService } from './members.service';

@ApiTags('members')
@Controller('v1/organizations/:orgId/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @CheckPolicy('read', 'Membership')
  @ApiOperation({ summary: 'Members of the organisation with their roles' })
  @ApiOkResponse({ type: MemberPage })
  list(@CurrentAccess() access: OrganizationAccess, @Query() query: PageQuery): Promise<MemberPage> {
    return this.members.list(access.organizationId, query);
  }

  @Post()
  @CheckPolicy('create', 'Membership')
  @ApiOperation({ summary: 'Add an existing account to the organisation, by e-mail, with a role' })
  @ApiCreatedResponse({ type: MemberView })
  add(@CurrentAccess() access: OrganizationAccess, @Body() body: AddMemberDto): Promise<MemberView> {
    return this.members.add(access.organizationId, body);
  }

  @Patch(':memberId')
  @CheckPolicy('update', 'Membership')
  @ApiOperation({ summary: 'Change a member’s role or department (the last admin cannot be demoted)' })
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
