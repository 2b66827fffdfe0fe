import { Controller, Get, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAccess, OrganizationAccess } from '../authorization/request-auth';
import { CheckPolicy } from '../authorization/route-policy';
import { resolveLocale } from '../common/i18n/i18n';
import { AuditTrailService } from './audit-trail.service';
import { AuditEventPage, ChainVerificationView, ListAuditEventsQuery } from './dto/audit.dto';

@ApiTags('audit')
@Controller('v1/organizations/:orgId/audit-events')
export class AuditController {
  constructor(private readonly trail: AuditTrailService) {}

  @Get()
  @CheckPolicy('read', 'AuditEvent')
  @ApiOperation({ summary: 'The audit trail, newest first, with filters (entity, actor, action, date range) and field-level changes' })
  @ApiOkResponse({ type: AuditEventPage })
  list(@CurrentAccess() access: OrganizationAccess, @Query() query: ListAuditEventsQuery): Promise<AuditEventPage> {
    return this.trail.list(access.organizationId, query);
  }

  @Get('verify')
  @CheckPolicy('read', 'AuditEvent')
  @ApiOperation({ summary: 'Recompute the organisation’s hash chain and check it against every signed checkpoint: { valid, checked, firstInvalidEventId, reason, message, … }' })
  @ApiOkResponse({ type: ChainVerificationView })
  verify(@CurrentAccess() access: OrganizationAccess, @Req() request: Request): Promise<ChainVerificationView> {
    return this.trail.verify(access.organizationId, null, resolveLocale(request));
  }
}
