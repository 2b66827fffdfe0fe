import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentAccess, OrganizationAccess } from '../authorization/request-auth';
import { CheckPolicy } from '../authorization/route-policy';
import { expectedVersion } from '../common/concurrency/expected-version';
import { Page } from '../common/http/pagination';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { resolveLocale } from '../common/i18n/i18n';
import type { BreachDetail, BreachSummary } from '../domain/breaches/breach.types';
import { BreachesService } from './breaches.service';
import { BreachPage, BreachView, CreateBreachDto, ListBreachesQuery, NotificationSummaryView, UpdateBreachDto } from './dto/breach.dto';
import type { NotificationSummary } from './notification-summary';

const ART_33_REFUSALS =
  'breach_notification_late_without_reasons (Art 33(1)), breach_date_before_awareness, breach_date_in_future, breach_communication_and_exception, breach_unknown_links';

@ApiTags('breaches')
@Controller('v1/organizations/:orgId/breaches')
export class BreachesController {
  constructor(private readonly breaches: BreachesService) {}

  @Get()
  @CheckPolicy('read', 'Breach')
  @ApiOperation({ summary: 'Breaches, the latest known first (a contributor sees those they recorded); filter risk (or not_assessed)' })
  @ApiOkResponse({ type: BreachPage })
  list(@CurrentAccess() access: OrganizationAccess, @Query() query: ListBreachesQuery): Promise<Page<BreachSummary>> {
    return this.breaches.list(access, query);
  }

  @Post()
  @CheckPolicy('create', 'Breach')
  @ApiOperation({ summary: 'Record a breach (Art 33(5)); notificationDueAt is awareAt + 72 elapsed hours' })
  @ApiCreatedResponse({ type: BreachView })
  @ApiUnprocessableEntityResponse({ description: ART_33_REFUSALS })
  create(@CurrentAccess() access: OrganizationAccess, @Body() body: CreateBreachDto): Promise<BreachDetail> {
    return this.breaches.create(access, body);
  }

  @Get(':breachId')
  @CheckPolicy('read', 'Breach')
  @ApiOperation({ summary: 'One breach, with its 72-hour deadline and where the notification stands' })
  @ApiOkResponse({ type: BreachView })
  get(@CurrentAccess() access: OrganizationAccess, @Param('breachId', ParseIdPipe) breachId: string): Promise<BreachDetail> {
    return this.breaches.get(access, breachId);
  }

  @Get(':breachId/notification-summary')
  @CheckPolicy('read', 'Breach')
  @ApiOperation({ summary: 'The breach in the sections of the CNIL’s online notification form, in the caller’s language (Accept-Language or ?lang=), ready to copy' })
  @ApiOkResponse({ type: NotificationSummaryView })
  summary(@CurrentAccess() access: OrganizationAccess, @Param('breachId', ParseIdPipe) breachId: string, @Req() request: Request): Promise<NotificationSummary> {
    return this.breaches.notificationSummary(access, breachId, resolveLocale(request));
  }

  @Patch(':breachId')
  @CheckPolicy('update', 'Breach')
  @ApiOperation({ summary: 'Change the fields given (authorityNotification, personsCommunication and timeline replaced whole); version or If-Match' })
  @ApiOkResponse({ type: BreachView })
  @ApiConflictResponse({ description: 'version_conflict' })
  @ApiUnprocessableEntityResponse({ description: ART_33_REFUSALS })
  update(
    @CurrentAccess() access: OrganizationAccess,
    @Param('breachId', ParseIdPipe) breachId: string,
    @Body() body: UpdateBreachDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<BreachDetail> {
    const { version, ...changes } = body;
    return this.breaches.update(access, breachId, expectedVersion(version, ifMatch), changes);
  }
}
