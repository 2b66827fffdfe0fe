import { Body, Controller, Delete, Get, Headers, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAccess, CurrentUser, OrganizationAccess, SessionUser } from '../authorization/request-auth';
import { Authenticated, CheckPolicy } from '../authorization/route-policy';
import { expectedVersion } from '../common/concurrency/expected-version';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { CreateOrganizationDto, OrganizationView, OutsidePublicTasksDto, OutsidePublicTasksView, UpdateOrganizationDto } from './dto/organization.dto';
import { OrganizationsService, toOrganizationView } from './organizations.service';
import { OnboardingView } from './dto/onboarding.dto';
import { OnboardingService } from './onboarding.service';

@ApiTags('organizations')
@Controller('v1/organizations')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly onboarding: OnboardingService,
  ) {}

  @Post()
  @Authenticated()
  @ApiOperation({ summary: 'Create an organisation; the caller becomes its admin' })
  @ApiCreatedResponse({ type: OrganizationView })
  async create(@CurrentUser() user: SessionUser, @Body() body: CreateOrganizationDto): Promise<OrganizationView> {
    return toOrganizationView(await this.organizations.create(user.id, body));
  }

  @Get(':orgId')
  @CheckPolicy('read', 'Organization')
  @ApiOperation({ summary: 'Organisation settings' })
  @ApiOkResponse({ type: OrganizationView })
  async get(@CurrentAccess() access: OrganizationAccess): Promise<OrganizationView> {
    return toOrganizationView(await this.organizations.get(access.organizationId));
  }

  @Get(':orgId/onboarding')
  @CheckPolicy('read', 'Onboarding')
  @ApiOperation({ summary: 'Admin or DPO: the steps of setting up the organisation (identity, DPO, departments, members, a first activity), each done or not' })
  @ApiOkResponse({ type: OnboardingView })
  getOnboarding(@CurrentAccess() access: OrganizationAccess): Promise<OnboardingView> {
    return this.onboarding.checklist(access.organizationId);
  }

  @Patch(':orgId')
  @CheckPolicy('update', 'Organization')
  @ApiOperation({ summary: 'Change organisation settings (optimistic concurrency: version or If-Match)' })
  @ApiOkResponse({ type: OrganizationView })
  async update(@CurrentAccess() access: OrganizationAccess, @Body() body: UpdateOrganizationDto, @Headers('if-match') ifMatch?: string): Promise<OrganizationView> {
    const { version, ...changes } = body;
    return toOrganizationView(await this.organizations.update(access.organizationId, expectedVersion(version, ifMatch), changes, access.ability));
  }

  @Put(':orgId/activities/:activityId/outside-public-tasks')
  @CheckPolicy('validate', 'Activity')
  @ApiOperation({ summary: 'DPO: record that this processing falls outside the public authority’s tasks (Art 6(1) last subparagraph), so legitimate interests may be its basis' })
  @ApiOkResponse({ type: OutsidePublicTasksView })
  outsidePublicTasks(
    @CurrentAccess() access: OrganizationAccess,
    @Param('activityId', ParseIdPipe) activityId: string,
    @Body() body: OutsidePublicTasksDto,
  ): Promise<OutsidePublicTasksView> {
    return this.organizations.setOutsidePublicTasks(access.organizationId, activityId, body.reason);
  }

  @Delete(':orgId/activities/:activityId/outside-public-tasks')
  @CheckPolicy('validate', 'Activity')
  @ApiOperation({ summary: 'DPO: withdraw that record' })
  @ApiOkResponse({ type: OutsidePublicTasksView })
  withdrawOutsidePublicTasks(@CurrentAccess() access: OrganizationAccess, @Param('activityId', ParseIdPipe) activityId: string): Promise<OutsidePublicTasksView> {
    return this.organizations.setOutsidePublicTasks(access.organizationId, activityId, null);
  }
}
