import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentAccess, OrganizationAccess } from '../authorization/request-auth';
import { CheckPolicy } from '../authorization/route-policy';
import { resolveLocale } from '../common/i18n/i18n';
import { FindingPage, ListFindingsQuery } from './dto/finding.dto';
import { FindingsService } from './findings.service';
import { intakeFindingsVisibleTo } from './intake-register-data';

@ApiTags('findings')
@Controller('v1/organizations/:orgId/findings')
export class FindingsController {
  constructor(private readonly findings: FindingsService) {}

  @Get()
  @CheckPolicy('read', 'Activity')
  @ApiOperation({ summary: 'What is wrong in the register: each finding with its severity, record, translated message and link to the field to fix' })
  @ApiOkResponse({ type: FindingPage })
  list(@CurrentAccess() access: OrganizationAccess, @Query() query: ListFindingsQuery, @Req() request: Request): Promise<FindingPage> {
    return this.findings.list(access.organizationId, query, resolveLocale(request), intakeFindingsVisibleTo(access));
  }
}
