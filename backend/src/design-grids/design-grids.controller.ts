import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentAccess, OrganizationAccess } from '../authorization/request-auth';
import { CheckPolicy } from '../authorization/route-policy';
import { expectedVersion } from '../common/concurrency/expected-version';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { resolveLocale, translate } from '../common/i18n/i18n';
import { DesignGridQueries } from './design-grid-queries.service';
import { DesignGridsService } from './design-grids.service';
import {
  CreateDesignGridDto,
  DesignGridPage,
  DesignGridView,
  GridTransitionDto,
  ListDesignGridsQuery,
  RequestChangesDto,
  ResolveConflictDto,
  UpdateDesignGridDto,
} from './dto/design-grid.dto';

@ApiTags('design-grids')
@Controller('v1/organizations/:orgId/design-grids')
export class DesignGridsController {
  constructor(
    private readonly grids: DesignGridsService,
    private readonly queries: DesignGridQueries,
  ) {}

  @Get()
  @CheckPolicy('read', 'DesignGrid')
  @ApiOperation({ summary: 'Design grids, most recently changed first; filter by status (the DPO’s review list), by activity or to one’s own' })
  @ApiOkResponse({ type: DesignGridPage })
  list(@CurrentAccess() access: OrganizationAccess, @Query() query: ListDesignGridsQuery): Promise<DesignGridPage> {
    return this.queries.list(access.organizationId, query);
  }

  @Post()
  @CheckPolicy('create', 'DesignGrid')
  @ApiOperation({ summary: 'Start a grid for a project (name, department, pitch)' })
  @ApiCreatedResponse({ type: DesignGridView })
  create(@CurrentAccess() access: OrganizationAccess, @Body() body: CreateDesignGridDto): Promise<DesignGridView> {
    return this.grids.create(access, body);
  }

  @Get(':gridId')
  @CheckPolicy('read', 'DesignGrid')
  @ApiOperation({ summary: 'A grid with its answers, the DPO’s comments, the flags, the DPIA criteria, the completeness of its draft and any conflict' })
  @ApiOkResponse({ type: DesignGridView })
  get(@CurrentAccess() access: OrganizationAccess, @Param('gridId', ParseIdPipe) gridId: string): Promise<DesignGridView> {
    return this.queries.get(access.organizationId, gridId);
  }

  @Patch(':gridId')
  @CheckPolicy('update', 'DesignGrid')
  @ApiOperation({ summary: 'Autosave: project fields and the answers of the questions given (version or If-Match); a linked draft follows unless the DPO edited it' })
  @ApiOkResponse({ type: DesignGridView })
  @ApiConflictResponse({ description: 'Stale version (details.currentVersion), or a grid under review or accepted' })
  update(
    @CurrentAccess() access: OrganizationAccess,
    @Param('gridId', ParseIdPipe) gridId: string,
    @Body() body: UpdateDesignGridDto,
    @Req() request: Request,
    @Headers('if-match') ifMatch?: string,
  ): Promise<DesignGridView> {
    const { version, ...changes } = body;
    return this.grids.update(access, gridId, expectedVersion(version, ifMatch), changes, this.note(request));
  }

  @Post(':gridId/submit')
  @CheckPolicy('update', 'DesignGrid')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Send to the DPO: creates or updates the draft activity from the answers' })
  @ApiOkResponse({ type: DesignGridView })
  @ApiConflictResponse({ description: 'design_grid_conflicts (details.conflicts), stale version, or not a draft' })
  submit(
    @CurrentAccess() access: OrganizationAccess,
    @Param('gridId', ParseIdPipe) gridId: string,
    @Body() body: GridTransitionDto,
    @Req() request: Request,
    @Headers('if-match') ifMatch?: string,
  ): Promise<DesignGridView> {
    return this.grids.submit(access, gridId, expectedVersion(body.version, ifMatch), this.note(request));
  }

  @Post(':gridId/resolve')
  @CheckPolicy('update', 'DesignGrid')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Settle a conflict on one field: write the answers’ value (grid) or keep the draft’s (activity)' })
  @ApiOkResponse({ type: DesignGridView })
  resolve(
    @CurrentAccess() access: OrganizationAccess,
    @Param('gridId', ParseIdPipe) gridId: string,
    @Body() body: ResolveConflictDto,
    @Req() request: Request,
    @Headers('if-match') ifMatch?: string,
  ): Promise<DesignGridView> {
    return this.grids.resolve(access, gridId, expectedVersion(body.version, ifMatch), body.field, body.keep, this.note(request));
  }

  @Post(':gridId/request-changes')
  @CheckPolicy('validate', 'DesignGrid')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'DPO: send the grid back with a comment per question' })
  @ApiOkResponse({ type: DesignGridView })
  requestChanges(
    @CurrentAccess() access: OrganizationAccess,
    @Param('gridId', ParseIdPipe) gridId: string,
    @Body() body: RequestChangesDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<DesignGridView> {
    return this.grids.requestChanges(access, gridId, expectedVersion(body.version, ifMatch), body.comments);
  }

  @Post(':gridId/accept')
  @CheckPolicy('validate', 'DesignGrid')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'DPO: accept; the draft activity goes to in_review' })
  @ApiOkResponse({ type: DesignGridView })
  accept(
    @CurrentAccess() access: OrganizationAccess,
    @Param('gridId', ParseIdPipe) gridId: string,
    @Body() body: GridTransitionDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<DesignGridView> {
    return this.grids.accept(access, gridId, expectedVersion(body.version, ifMatch), body.comment ?? null);
  }

  /** The note kept with each version of the draft the grid writes. */
  private note(request: Request): string {
    return translate(resolveLocale(request), 'design_grids.activity_note');
  }
}
