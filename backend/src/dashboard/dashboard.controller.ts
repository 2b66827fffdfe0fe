import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { readsWholeIntakeRegister } from '../authorization/ability.factory';
import { CurrentAccess, CurrentUser, OrganizationAccess, SessionUser } from '../authorization/request-auth';
import { Authenticated, CheckPolicy } from '../authorization/route-policy';
import { DashboardService } from './dashboard.service';
import { DashboardView, OrganizationSummaryList } from './dto/dashboard.dto';

@ApiTags('dashboard')
@Controller('v1')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('organizations/:orgId/dashboard')
  @CheckPolicy('read', 'Activity')
  @ApiOperation({ summary: 'Headline numbers and charts: activities, findings, vendors by status, reviews due in 30 days, legal bases, data flows, completeness by department, changes per week; rights requests and breaches for those who read those registers' })
  @ApiOkResponse({ type: DashboardView })
  get(@CurrentAccess() access: OrganizationAccess): Promise<DashboardView> {
    return this.dashboard.dashboard(access.organizationId, {
      rightsRequests: readsWholeIntakeRegister(access.ability, 'RightsRequest', access.organizationId),
      breaches: readsWholeIntakeRegister(access.ability, 'Breach', access.organizationId),
    });
  }

  @Get('me/organization-summaries')
  @Authenticated()
  @ApiOperation({ summary: 'One summary row (activities, findings by severity, reviews) per organisation the caller belongs to' })
  @ApiOkResponse({ type: OrganizationSummaryList })
  async summaries(@CurrentUser() user: SessionUser): Promise<OrganizationSummaryList> {
    return { items: await this.dashboard.summaries(user.id) };
  }
}
