import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAccess, OrganizationAccess } from '../authorization/request-auth';
import { CheckPolicy } from '../authorization/route-policy';
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
  @ApiOperation({ summary: 'Recompute the organisation’s hash chain: { valid, checked, firstInvalidEventId }' })
  @ApiOkResponse({ type: ChainVerificationView })
  verify(@CurrentAccess() access: OrganizationAccess): Promise<ChainVerificationView> {
    return this.trail.verify(access.organizationId);
  }
}
