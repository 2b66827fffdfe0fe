import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentAccess, CurrentUser, OrganizationAccess, SessionUser } from '../authorization/request-auth';
import { Authenticated, CheckPolicy } from '../authorization/route-policy';
import { resolveLocale } from '../common/i18n/i18n';
import { PageQuery } from '../common/http/pagination';
import { MarkReadDto, MarkReadResult, NotificationPage, NotificationPreferenceDto, StoredEmailPage } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('v1')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('organizations/:orgId/notifications')
  @CheckPolicy('read', 'Organization')
  @ApiOperation({ summary: 'The caller’s notifications in this organisation (reminders), newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationPage })
  list(@CurrentAccess() access: OrganizationAccess, @CurrentUser() user: SessionUser, @Query() query: PageQuery, @Req() request: Request): Promise<NotificationPage> {
    return this.notifications.list(access.organizationId, user.id, query, resolveLocale(request));
  }

  @Post('organizations/:orgId/notifications/read')
  @CheckPolicy('read', 'Organization')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark the caller’s notifications read (those listed, or all)' })
  @ApiOkResponse({ type: MarkReadResult })
  async markRead(@CurrentAccess() access: OrganizationAccess, @CurrentUser() user: SessionUser, @Body() body: MarkReadDto): Promise<MarkReadResult> {
    return { marked: await this.notifications.markRead(access.organizationId, user.id, body.ids) };
  }

  @Get('organizations/:orgId/stored-emails')
  @CheckPolicy('manage', 'Organization')
  @ApiOperation({ summary: 'E-mails stored instead of sent (no SMTP server configured), newest first, and whether an SMTP server is configured — administrators' })
  @ApiOkResponse({ type: StoredEmailPage })
  storedEmails(@CurrentAccess() access: OrganizationAccess, @Query() query: PageQuery): Promise<StoredEmailPage> {
    return this.notifications.storedEmails(access.organizationId, query);
  }

  @Get('me/notification-preferences')
  @Authenticated()
  @ApiOperation({ summary: 'How the caller receives notifications: e-mails immediate or in a weekly digest; per kind, in-app and e-mail' })
  @ApiOkResponse({ type: NotificationPreferenceDto })
  preference(@CurrentUser() user: SessionUser): Promise<NotificationPreferenceDto> {
    return this.notifications.preference(user.id);
  }

  @Put('me/notification-preferences')
  @Authenticated()
  @ApiOperation({ summary: 'Choose immediate e-mails or a weekly digest, and per kind in-app and e-mail' })
  @ApiOkResponse({ type: NotificationPreferenceDto })
  setPreference(@CurrentUser() user: SessionUser, @Body() body: NotificationPreferenceDto): Promise<NotificationPreferenceDto> {
    return this.notifications.setPreference(user.id, body);
  }
}
