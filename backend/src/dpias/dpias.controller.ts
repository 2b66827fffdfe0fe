import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ParseVersionNumberPipe } from '../activities/activities.controller';
import { CurrentAccess, OrganizationAccess } from '../authorization/request-auth';
import { CheckPolicy } from '../authorization/route-policy';
import { expectedVersion } from '../common/concurrency/expected-version';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { DpiaQueries } from './dpia-queries.service';
import { DpiasService } from './dpias.service';
import {
  ActionsDueQuery,
  ConsultationAnswerDto,
  CreateDpiaDto,
  DpiaDecisionDto,
  DpiaDueAction,
  DpiaPage,
  DpiaRevisionSummary,
  DpiaStepDto,
  DpiaView,
  DpoOpinionDto,
  ListDpiasQuery,
  UpdateDpiaDto,
} from './dto/dpia.dto';

@ApiTags('dpias')
@Controller('v1/organizations/:orgId/dpias')
export class DpiasController {
  constructor(
    private readonly dpias: DpiasService,
    private readonly queries: DpiaQueries,
  ) {}

  @Get()
  @CheckPolicy('read', 'Dpia')
  @ApiOperation({ summary: 'DPIAs with their activity, status, residual risk and next action due' })
  @ApiOkResponse({ type: DpiaPage })
  list(@CurrentAccess() access: OrganizationAccess, @Query() query: ListDpiasQuery): Promise<DpiaPage> {
    return this.queries.list(access.organizationId, query);
  }

  @Get('actions-due')
  @CheckPolicy('read', 'Dpia')
  @ApiOperation({ summary: 'Action-plan items not done, due before a date (current revisions), earliest first' })
  @ApiOkResponse({ type: [DpiaDueAction] })
  actionsDue(@CurrentAccess() access: OrganizationAccess, @Query() query: ActionsDueQuery): Promise<DpiaDueAction[]> {
    return this.queries.actionsDueBefore(access.organizationId, query.before);
  }

  @Post()
  @CheckPolicy('create', 'Dpia')
  @ApiOperation({ summary: 'Start the DPIA of an activity (one per activity; 409 dpia_exists names it)' })
  @ApiCreatedResponse({ type: DpiaView })
  create(@CurrentAccess() access: OrganizationAccess, @Body() body: CreateDpiaDto): Promise<DpiaView> {
    return this.dpias.create(access, body.activityId);
  }

  @Get(':dpiaId')
  @CheckPolicy('read', 'Dpia')
  @ApiOperation({ summary: 'The current revision, with progress, residual risk and the register context of the activity' })
  @ApiOkResponse({ type: DpiaView })
  get(@CurrentAccess() access: OrganizationAccess, @Param('dpiaId', ParseIdPipe) dpiaId: string): Promise<DpiaView> {
    return this.queries.get(access.organizationId, dpiaId);
  }

  @Patch(':dpiaId')
  @CheckPolicy('update', 'Dpia')
  @ApiOperation({ summary: 'Save sections (context, principles, risks, actionPlan, dataSubjectsView), each replaced whole; version or If-Match' })
  @ApiOkResponse({ type: DpiaView })
  @ApiConflictResponse({ description: 'version_conflict, dpia_locked (validated or refused), dpia_not_editable (awaiting the opinion)' })
  update(
    @CurrentAccess() access: OrganizationAccess,
    @Param('dpiaId', ParseIdPipe) dpiaId: string,
    @Body() body: UpdateDpiaDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<DpiaView> {
    const { version, ...sections } = body;
    return this.dpias.update(access, dpiaId, expectedVersion(version, ifMatch), sections);
  }

  @Post(':dpiaId/submit')
  @CheckPolicy('submit', 'Dpia')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Ask the DPO for an opinion (every feared event rated before and after measures)' })
  @ApiOkResponse({ type: DpiaView })
  @ApiUnprocessableEntityResponse({ description: 'dpia_incomplete: details.fearedEvents not rated' })
  submit(@CurrentAccess() access: OrganizationAccess, @Param('dpiaId', ParseIdPipe) dpiaId: string, @Body() body: DpiaStepDto, @Headers('if-match') ifMatch?: string) {
    return this.dpias.step(access, dpiaId, 'submit', expectedVersion(body.version, ifMatch));
  }

  @Post(':dpiaId/reopen')
  @CheckPolicy('update', 'Dpia')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Back to in_progress to change the assessment (the DPO opinion given, if any, is withdrawn)' })
  @ApiOkResponse({ type: DpiaView })
  reopen(@CurrentAccess() access: OrganizationAccess, @Param('dpiaId', ParseIdPipe) dpiaId: string, @Body() body: DpiaStepDto, @Headers('if-match') ifMatch?: string) {
    return this.dpias.step(access, dpiaId, 'reopen', expectedVersion(body.version, ifMatch));
  }

  @Post(':dpiaId/opinion')
  @CheckPolicy('validate', 'Dpia')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The DPO’s opinion (Art 35(2)); DPO only' })
  @ApiOkResponse({ type: DpiaView })
  opinion(@CurrentAccess() access: OrganizationAccess, @Param('dpiaId', ParseIdPipe) dpiaId: string, @Body() body: DpoOpinionDto, @Headers('if-match') ifMatch?: string) {
    return this.dpias.giveOpinion(access, dpiaId, expectedVersion(body.version, ifMatch), body);
  }

  @Post(':dpiaId/decision')
  @CheckPolicy('decide', 'Dpia')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record the decision (admin or DPO): validated, validated_with_conditions (conditions required) or refused; locks the revision' })
  @ApiOkResponse({ type: DpiaView })
  @ApiUnprocessableEntityResponse({
    description: 'dpia_opinion_missing, dpia_conditions_missing, dpia_prior_consultation_missing (residual risk high: Art 36), dpia_prior_consultation_not_required',
  })
  decision(@CurrentAccess() access: OrganizationAccess, @Param('dpiaId', ParseIdPipe) dpiaId: string, @Body() body: DpiaDecisionDto, @Headers('if-match') ifMatch?: string) {
    return this.dpias.decide(access, dpiaId, expectedVersion(body.version, ifMatch), body);
  }

  @Post(':dpiaId/prior-consultation/answer')
  @CheckPolicy('validate', 'Dpia')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record the supervisory authority’s answer to the prior consultation (Art 36(2)); DPO only; ends the hold on the processing unless it bans it' })
  @ApiOkResponse({ type: DpiaView })
  @ApiConflictResponse({ description: 'version_conflict, dpia_no_prior_consultation, dpia_consultation_answered' })
  @ApiUnprocessableEntityResponse({ description: 'dpia_answer_before_request' })
  consultationAnswer(
    @CurrentAccess() access: OrganizationAccess,
    @Param('dpiaId', ParseIdPipe) dpiaId: string,
    @Body() body: ConsultationAnswerDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<DpiaView> {
    return this.dpias.recordConsultationAnswer(access, dpiaId, expectedVersion(body.version, ifMatch), body);
  }

  @Get(':dpiaId/revisions')
  @CheckPolicy('read', 'Dpia')
  @ApiOperation({ summary: 'Revisions: the closed ones, then the one being worked on' })
  @ApiOkResponse({ type: [DpiaRevisionSummary] })
  revisions(@CurrentAccess() access: OrganizationAccess, @Param('dpiaId', ParseIdPipe) dpiaId: string): Promise<DpiaRevisionSummary[]> {
    return this.queries.revisions(access.organizationId, dpiaId);
  }

  @Post(':dpiaId/revisions')
  @CheckPolicy('update', 'Dpia')
  @ApiOperation({ summary: 'Open a new draft revision of a validated or refused DPIA (the closed one stays readable)' })
  @ApiCreatedResponse({ type: DpiaView })
  newRevision(@CurrentAccess() access: OrganizationAccess, @Param('dpiaId', ParseIdPipe) dpiaId: string, @Body() body: DpiaStepDto, @Headers('if-match') ifMatch?: string) {
    return this.dpias.step(access, dpiaId, 'newRevision', expectedVersion(body.version, ifMatch));
  }

  @Get(':dpiaId/revisions/:number')
  @CheckPolicy('read', 'Dpia')
  @ApiOperation({ summary: 'One revision, as it was closed (or the current one)' })
  @ApiOkResponse({ type: DpiaView })
  revision(
    @CurrentAccess() access: OrganizationAccess,
    @Param('dpiaId', ParseIdPipe) dpiaId: string,
    @Param('number', ParseVersionNumberPipe) number: number,
  ): Promise<DpiaView> {
    return this.queries.revision(access.organizationId, dpiaId, number);
  }
}
