import { Body, Controller, Get, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentAccess, OrganizationAccess } from '../authorization/request-auth';
import { CheckPolicy } from '../authorization/route-policy';
import { resolveLocale } from '../common/i18n/i18n';
import { ActivityTemplates } from './activity-templates.service';
import { ActivityTemplateList, ActivityTemplatesQuery, CreateFromTemplateDto } from './dto/activity-template.dto';
import { ActivityView } from './dto/activity.dto';

@ApiTags('activities')
@Controller('v1/organizations/:orgId')
export class ActivityTemplatesController {
  constructor(private readonly templates: ActivityTemplates) {}

  @Get('activity-templates')
  @CheckPolicy('read', 'Activity')
  @ApiOperation({ summary: 'The ready processings a draft can start from, in the caller’s language (?lang or Accept-Language)' })
  @ApiOkResponse({ type: ActivityTemplateList })
  list(@Query() query: ActivityTemplatesQuery, @Req() request: Request): ActivityTemplateList {
    return { items: this.templates.list(query.lang ?? resolveLocale(request)) };
  }

  @Post('activities/from-template')
  @CheckPolicy('create', 'Activity')
  @ApiOperation({ summary: 'Create a draft activity from a template, in the caller’s language; what only the organisation knows is left to fill' })
  @ApiCreatedResponse({ type: ActivityView })
  @ApiUnprocessableEntityResponse({ description: 'template_unknown: no template has this code' })
  createFromTemplate(@CurrentAccess() access: OrganizationAccess, @Body() body: CreateFromTemplateDto, @Req() request: Request): Promise<ActivityView> {
    return this.templates.createFrom(access, body, resolveLocale(request));
  }
}
