import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentAccess, OrganizationAccess } from '../authorization/request-auth';
import { CheckPolicy } from '../authorization/route-policy';
import { resolveLocale } from '../common/i18n/i18n';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { ActivityTemplates } from './activity-templates.service';
import { ActivityTemplateList, ActivityTemplatesQuery, ActivityTemplateView, CreateFromTemplateDto, SaveAsTemplateDto } from './dto/activity-template.dto';
import { ActivityView } from './dto/activity.dto';

@ApiTags('activities')
@Controller('v1/organizations/:orgId')
export class ActivityTemplatesController {
  constructor(private readonly templates: ActivityTemplates) {}

  @Get('activity-templates')
  @CheckPolicy('read', 'Activity')
  @ApiOperation({ summary: 'The organisation’s own templates, then the ready processings shipped with Registre, in the caller’s language (?lang or Accept-Language)' })
  @ApiOkResponse({ type: ActivityTemplateList })
  async list(@CurrentAccess() access: OrganizationAccess, @Query() query: ActivityTemplatesQuery, @Req() request: Request): Promise<ActivityTemplateList> {
    return { items: await this.templates.list(access.organizationId, query.lang ?? resolveLocale(request)) };
  }

  @Post('activity-templates')
  @CheckPolicy('create', 'ActivityTemplate')
  @ApiOperation({ summary: 'Admin or DPO: save an activity’s content as one of the organisation’s templates, under a name' })
  @ApiCreatedResponse({ type: ActivityTemplateView })
  @ApiConflictResponse({ description: 'template_name_taken: another template of the organisation has this name' })
  save(@CurrentAccess() access: OrganizationAccess, @Body() body: SaveAsTemplateDto): Promise<ActivityTemplateView> {
    return this.templates.save(access.organizationId, body);
  }

  @Delete('activity-templates/:templateId')
  @CheckPolicy('delete', 'ActivityTemplate')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Admin or DPO: delete one of the organisation’s templates (drafts made from it stay)' })
  @ApiNoContentResponse()
  remove(@CurrentAccess() access: OrganizationAccess, @Param('templateId', ParseIdPipe) templateId: string): Promise<void> {
    return this.templates.remove(access.organizationId, templateId);
  }

  @Post('activities/from-template')
  @CheckPolicy('create', 'Activity')
  @ApiOperation({ summary: 'Create a draft activity from a template (shipped, or the organisation’s own), in the caller’s language; what only the organisation knows is left to fill' })
  @ApiCreatedResponse({ type: ActivityView })
  @ApiUnprocessableEntityResponse({ description: 'template_unknown: no template has this code' })
  createFromTemplate(@CurrentAccess() access: OrganizationAccess, @Body() body: CreateFromTemplateDto, @Req() request: Request): Promise<ActivityView> {
    return this.templates.createFrom(access, body, resolveLocale(request));
  }
}
