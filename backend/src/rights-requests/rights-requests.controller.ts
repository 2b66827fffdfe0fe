import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { resolveLocale } from '../common/i18n/i18n';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentAccess, OrganizationAccess } from '../authorization/request-auth';
import { CheckPolicy } from '../authorization/route-policy';
import { expectedVersion } from '../common/concurrency/expected-version';
import { Page } from '../common/http/pagination';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import {
  AnswerLetterQuery,
  AnswerLetterView,
  AnswerRequestDto,
  CreateRightsRequestDto,
  ExtendRightsRequestDto,
  IdentityCheckDto,
  ListRightsRequestsQuery,
  RefuseRequestDto,
  RequestStepDto,
  RightsRequestPage,
  RightsRequestView,
  StartRequestDto,
  UpdateRequestTasksDto,
  UpdateRightsRequestDto,
} from './dto/rights-request.dto';
import type { RightsRequestDetail, RightsRequestSummary } from '../domain/rights-requests/rights-request.types';
import { RightsRequestsService } from './rights-requests.service';
import { RightsRequestQueries } from './rights-request-queries.service';

@ApiTags('rights-requests')
@Controller('v1/organizations/:orgId/rights-requests')
export class RightsRequestsController {
  constructor(
    private readonly requests: RightsRequestsService,
    private readonly queries: RightsRequestQueries,
  ) {}

  @Get()
  @CheckPolicy('read', 'RightsRequest')
  @ApiOperation({ summary: 'Rights requests, the earliest due first (a contributor sees those they recorded); filters status, type, overdue' })
  @ApiOkResponse({ type: RightsRequestPage })
  list(@CurrentAccess() access: OrganizationAccess, @Query() query: ListRightsRequestsQuery): Promise<Page<RightsRequestSummary>> {
    return this.queries.list(access, query);
  }

  @Post()
  @CheckPolicy('create', 'RightsRequest')
  @ApiOperation({ summary: 'Record a request; dueOn is one month from the day of receipt, counted as EU law counts periods' })
  @ApiCreatedResponse({ type: RightsRequestView })
  @ApiUnprocessableEntityResponse({ description: 'request_date_in_future, request_unknown_activities' })
  create(@CurrentAccess() access: OrganizationAccess, @Body() body: CreateRightsRequestDto): Promise<RightsRequestDetail> {
    return this.requests.create(access, body);
  }

  @Get(':requestId')
  @CheckPolicy('read', 'RightsRequest')
  @ApiOperation({ summary: 'One request, with its due days and linked activities' })
  @ApiOkResponse({ type: RightsRequestView })
  get(@CurrentAccess() access: OrganizationAccess, @Param('requestId', ParseIdPipe) requestId: string): Promise<RightsRequestDetail> {
    return this.queries.get(access, requestId);
  }

  @Get(':requestId/answer-letter')
  @CheckPolicy('update', 'RightsRequest')
  @ApiOperation({
    summary: 'The draft answer to a right of access (Art 15(1)–(2)) from the linked activities: purposes and legal bases, data, recipients, retention, sources, transfers and safeguards, the rights that apply, the CNIL complaint, the DPO',
  })
  @ApiOkResponse({ type: AnswerLetterView })
  async answerLetter(
    @CurrentAccess() access: OrganizationAccess,
    @Param('requestId', ParseIdPipe) requestId: string,
    @Query() query: AnswerLetterQuery,
    @Req() request: Request,
  ): Promise<AnswerLetterView> {
    return { text: await this.queries.answerLetter(access, requestId, query.lang ?? resolveLocale(request)) };
  }

  @Patch(':requestId')
  @CheckPolicy('update', 'RightsRequest')
  @ApiOperation({ summary: 'Change the request’s details (a new receivedAt recomputes the due days); version or If-Match' })
  @ApiOkResponse({ type: RightsRequestView })
  @ApiConflictResponse({ description: 'version_conflict' })
  update(
    @CurrentAccess() access: OrganizationAccess,
    @Param('requestId', ParseIdPipe) requestId: string,
    @Body() body: UpdateRightsRequestDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<RightsRequestDetail> {
    const { version, ...changes } = body;
    return this.requests.update(access, requestId, expectedVersion(version, ifMatch), changes);
  }

  @Put(':requestId/tasks')
  @CheckPolicy('update', 'RightsRequest')
  @ApiOperation({
    summary: 'The request’s tasks as a whole: who extracts and who erases for each linked activity, when each vendor of those activities was asked and confirmed; version or If-Match',
  })
  @ApiOkResponse({ type: RightsRequestView })
  @ApiConflictResponse({ description: 'version_conflict' })
  @ApiUnprocessableEntityResponse({ description: 'request_task_unknown_activity, request_task_unknown_vendor, request_task_unknown_member, request_task_confirmed_before_asked, request_date_in_future' })
  updateTasks(
    @CurrentAccess() access: OrganizationAccess,
    @Param('requestId', ParseIdPipe) requestId: string,
    @Body() body: UpdateRequestTasksDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<RightsRequestDetail> {
    return this.requests.updateTasks(access, requestId, expectedVersion(body.version, ifMatch), body);
  }

  @Post(':requestId/extend')
  @CheckPolicy('update', 'RightsRequest')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Art 12(3): extend by two further months, once, with the reason and the day the person was told (within the first month)' })
  @ApiOkResponse({ type: RightsRequestView })
  @ApiConflictResponse({ description: 'request_already_extended, request_closed, version_conflict' })
  @ApiUnprocessableEntityResponse({ description: 'request_extension_too_late, request_informed_before_receipt, request_date_in_future' })
  extend(
    @CurrentAccess() access: OrganizationAccess,
    @Param('requestId', ParseIdPipe) requestId: string,
    @Body() body: ExtendRightsRequestDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<RightsRequestDetail> {
    return this.requests.extend(access, requestId, expectedVersion(body.version, ifMatch), body);
  }

  @Post(':requestId/identity-check')
  @CheckPolicy('update', 'RightsRequest')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Art 12(6): ask the person for what proves their identity (received → identity_check)' })
  @ApiOkResponse({ type: RightsRequestView })
  identityCheck(@CurrentAccess() access: OrganizationAccess, @Param('requestId', ParseIdPipe) requestId: string, @Body() body: IdentityCheckDto, @Headers('if-match') ifMatch?: string) {
    return this.requests.transition(access, requestId, expectedVersion(body.version, ifMatch), { transition: 'identity_check', method: body.method });
  }

  @Post(':requestId/start')
  @CheckPolicy('update', 'RightsRequest')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Work on the request (→ in_progress), with the identity check’s outcome if any' })
  @ApiOkResponse({ type: RightsRequestView })
  start(@CurrentAccess() access: OrganizationAccess, @Param('requestId', ParseIdPipe) requestId: string, @Body() body: StartRequestDto, @Headers('if-match') ifMatch?: string) {
    return this.requests.transition(access, requestId, expectedVersion(body.version, ifMatch), { transition: 'start', identityCheckStatus: body.identityCheckStatus });
  }

  @Post(':requestId/answer')
  @CheckPolicy('update', 'RightsRequest')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record the answer sent: when, how, what (→ answered)' })
  @ApiOkResponse({ type: RightsRequestView })
  answer(@CurrentAccess() access: OrganizationAccess, @Param('requestId', ParseIdPipe) requestId: string, @Body() body: AnswerRequestDto, @Headers('if-match') ifMatch?: string) {
    return this.requests.transition(access, requestId, expectedVersion(body.version, ifMatch), { transition: 'answer', answer: body });
  }

  @Post(':requestId/refuse')
  @CheckPolicy('update', 'RightsRequest')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Art 12(4)–(5): not acting on the request, with the grounds told to the person (→ refused)' })
  @ApiOkResponse({ type: RightsRequestView })
  refuse(@CurrentAccess() access: OrganizationAccess, @Param('requestId', ParseIdPipe) requestId: string, @Body() body: RefuseRequestDto, @Headers('if-match') ifMatch?: string) {
    return this.requests.transition(access, requestId, expectedVersion(body.version, ifMatch), { transition: 'refuse', refusal: body });
  }

  @Post(':requestId/withdraw')
  @CheckPolicy('update', 'RightsRequest')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The person withdrew the request (→ withdrawn)' })
  @ApiOkResponse({ type: RightsRequestView })
  withdraw(@CurrentAccess() access: OrganizationAccess, @Param('requestId', ParseIdPipe) requestId: string, @Body() body: RequestStepDto, @Headers('if-match') ifMatch?: string) {
    return this.requests.transition(access, requestId, expectedVersion(body.version, ifMatch), { transition: 'withdraw' });
  }
}
