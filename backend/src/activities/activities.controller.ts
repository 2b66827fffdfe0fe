import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Injectable, Param, Patch, PipeTransform, Post, Query, Req } from '@nestjs/common';
import {
  ApiBody,
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
import { expectedVersion } from '../common/concurrency/expected-version';
import { AppException } from '../common/errors/app-exception';
import { Page, PageQuery } from '../common/http/pagination';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { FieldValidationException } from '../common/http/validation';
import { resolveLocale, translate } from '../common/i18n/i18n';
import { AdequacyConfirmationsService } from '../transfers/adequacy-confirmations.service';
import { AdequacyConfirmationView, ConfirmTransferAdequacyScopeDto } from '../transfers/dto/adequacy-confirmation.dto';
import { ActivityEditing } from './activity-editing.service';
import { ActivityImport, IMPORT_ACTIVITY_LIMIT } from './activity-import.service';
import { ActivityQueries } from './activity-queries.service';
import { ActivityWorkflow, Transition } from './activity-workflow.service';
import { translateRuleProblems } from './activity-errors';
import {
  ActivityPage,
  ActivityVersionDiff,
  ActivityVersionPage,
  ActivityVersionSummary,
  ActivityVersionView,
  ActivityView,
  CreateActivityDto,
  DuplicateActivityDto,
  ImportResultView,
  ListActivitiesQuery,
  RequestActivityChangesDto,
  TransitionDto,
  ValidateActivityDto,
  UpdateActivityDto,
} from './dto/activity.dto';

/** A version number in the path: anything but a positive integer names no version (404). */
@Injectable()
export class ParseVersionNumberPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,8}$/.test(value)) throw AppException.notFound();
    return Number(value);
  }
}


@ApiTags('activities')
@Controller('v1/organizations/:orgId/activities')
export class ActivitiesController {
  constructor(
    private readonly queries: ActivityQueries,
    private readonly editing: ActivityEditing,
    private readonly workflow: ActivityWorkflow,
    private readonly importer: ActivityImport,
    private readonly confirmations: AdequacyConfirmationsService,
  ) {}

  @Get()
  @CheckPolicy('read', 'Activity')
  @ApiOperation({ summary: 'The register: search, filters, sort, pages; with asOf, the register as it stood at that instant' })
  @ApiOkResponse({ type: ActivityPage })
  list(@CurrentAccess() access: OrganizationAccess, @Query() query: ListActivitiesQuery): Promise<ActivityPage> {
    return this.queries.list(access.organizationId, query);
  }

  @Post()
  @CheckPolicy('create', 'Activity')
  @ApiOperation({ summary: 'Create a draft activity (interchange format); the owner is the caller unless given' })
  @ApiCreatedResponse({ type: ActivityView })
  create(@CurrentAccess() access: OrganizationAccess, @Body() body: CreateActivityDto): Promise<ActivityView> {
    return this.editing.create(access, body);
  }

  @Post('import-json')
  @CheckPolicy('create', 'Activity')
  @ApiOperation({ summary: 'Import activities in the interchange format, all or nothing (422 with details.items[i].fields)' })
  @ApiBody({ type: [CreateActivityDto] })
  @ApiCreatedResponse({ type: ImportResultView })
  @ApiUnprocessableEntityResponse({ description: 'Nothing imported: per-item errors in details.items' })
  async importJson(@CurrentAccess() access: OrganizationAccess, @Body() body: unknown, @Req() request: Request): Promise<ImportResultView> {
    if (!Array.isArray(body)) throw new FieldValidationException([{ path: '', code: 'isArray', args: [] }]);
    if (body.length > IMPORT_ACTIVITY_LIMIT) throw new FieldValidationException([{ path: '', code: 'arrayMaxSize', args: [String(IMPORT_ACTIVITY_LIMIT)] }]);
    // The JSON import keeps unknown owners an error (the caller controls the document), so none are unassigned.
    const { unassignedOwners: _unassigned, awaitingValidation, ...result } = await this.importer.importActivities(access, body);
    const locale = resolveLocale(request);
    return { ...result, awaitingValidation: awaitingValidation.map(({ reference, blockers }) => ({ reference, blockers: translateRuleProblems(locale, blockers) })) };
  }

  @Get(':activityId')
  @CheckPolicy('read', 'Activity')
  @ApiOperation({ summary: 'An activity in the interchange format, with id, version, timestamps and completeness' })
  @ApiOkResponse({ type: ActivityView })
  get(@CurrentAccess() access: OrganizationAccess, @Param('activityId', ParseIdPipe) activityId: string): Promise<ActivityView> {
    return this.queries.get(access.organizationId, activityId);
  }

  @Patch(':activityId')
  @CheckPolicy('update', 'Activity')
  @ApiOperation({ summary: 'Change an activity (optimistic concurrency: version or If-Match); fields given replace the stored ones' })
  @ApiOkResponse({ type: ActivityView })
  @ApiConflictResponse({ description: 'Stale version (details.currentVersion), or an archived activity' })
  update(
    @CurrentAccess() access: OrganizationAccess,
    @Param('activityId', ParseIdPipe) activityId: string,
    @Body() body: UpdateActivityDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ActivityView> {
    const { version, ...changes } = body;
    return this.editing.update(access, activityId, expectedVersion(version, ifMatch), changes);
  }

  @Delete(':activityId')
  @CheckPolicy('delete', 'Activity')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a draft' })
  @ApiNoContentResponse()
  remove(@CurrentAccess() access: OrganizationAccess, @Param('activityId', ParseIdPipe) activityId: string): Promise<void> {
    return this.editing.remove(access, activityId);
  }

  @Post(':activityId/duplicate')
  @CheckPolicy('create', 'Activity')
  @ApiOperation({ summary: 'Copy an activity into a new draft owned by the caller' })
  @ApiCreatedResponse({ type: ActivityView })
  duplicate(
    @CurrentAccess() access: OrganizationAccess,
    @Param('activityId', ParseIdPipe) activityId: string,
    @Body() body: DuplicateActivityDto,
    @Req() request: Request,
  ): Promise<ActivityView> {
    const locale = resolveLocale(request);
    return this.editing.duplicate(access, activityId, (source) => ({
      name: body.name ?? translate(locale, 'activities.copy_name', { name: source.name }).slice(0, 300),
      comment: translate(locale, 'activities.copied_from', { reference: source.reference }),
    }));
  }

  @Post(':activityId/submit')
  @CheckPolicy('submit', 'Activity')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'draft → in_review' })
  @ApiOkResponse({ type: ActivityView })
  submit(@CurrentAccess() access: OrganizationAccess, @Param('activityId', ParseIdPipe) activityId: string, @Body() body: TransitionDto, @Headers('if-match') ifMatch?: string) {
    return this.transition(access, activityId, 'submit', body, ifMatch);
  }

  @Post(':activityId/validate')
  @CheckPolicy('validate', 'Activity')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'in_review → validated (DPO); 422 activity_incomplete lists every missing or invalid field; the DPO may validate despite the blockers with `overrides` (a reason each)' })
  @ApiOkResponse({ type: ActivityView })
  @ApiUnprocessableEntityResponse({ description: 'details.fields: [{ path, code, message }]; override_not_needed when an override names a blocker that is not there' })
  validate(@CurrentAccess() access: OrganizationAccess, @Param('activityId', ParseIdPipe) activityId: string, @Body() body: ValidateActivityDto, @Headers('if-match') ifMatch?: string) {
    return this.workflow.transition(access, activityId, 'validate', expectedVersion(body.version, ifMatch), body.comment ?? null, body.overrides ?? []);
  }

  @Post(':activityId/request-changes')
  @CheckPolicy('validate', 'Activity')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'in_review → draft with the DPO’s comment for the owner (the version’s comment, action request_changes)' })
  @ApiOkResponse({ type: ActivityView })
  @ApiConflictResponse({ description: 'stale version, or the activity is not in review' })
  requestChanges(
    @CurrentAccess() access: OrganizationAccess,
    @Param('activityId', ParseIdPipe) activityId: string,
    @Body() body: RequestActivityChangesDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.workflow.transition(access, activityId, 'request_changes', expectedVersion(body.version, ifMatch), body.comment);
  }

  @Post(':activityId/archive')
  @CheckPolicy('validate', 'Activity')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'validated → archived (DPO)' })
  @ApiOkResponse({ type: ActivityView })
  archive(@CurrentAccess() access: OrganizationAccess, @Param('activityId', ParseIdPipe) activityId: string, @Body() body: TransitionDto, @Headers('if-match') ifMatch?: string) {
    return this.transition(access, activityId, 'archive', body, ifMatch);
  }

  @Post(':activityId/reopen')
  @CheckPolicy('update', 'Activity')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Back to draft to amend: from in_review (whoever may edit it), from validated or archived (DPO)' })
  @ApiOkResponse({ type: ActivityView })
  reopen(@CurrentAccess() access: OrganizationAccess, @Param('activityId', ParseIdPipe) activityId: string, @Body() body: TransitionDto, @Headers('if-match') ifMatch?: string) {
    return this.transition(access, activityId, 'reopen', body, ifMatch);
  }

  @Post(':activityId/adequacy-confirmations')
  @CheckPolicy('create', 'AdequacyConfirmation')
  @ApiOperation({
    summary:
      'The DPO confirms that the recipient one of the activity’s transfers names (not a vendor of the register) is in the scope of the partial adequacy decision of that country (Art 45(1)): the transfers to it are then covered',
  })
  @ApiCreatedResponse({ type: AdequacyConfirmationView })
  @ApiUnprocessableEntityResponse({ description: 'adequacy_not_partial: no partial decision applies to the country today; adequacy_not_a_transfer: no transfer of the activity names this recipient in this country' })
  async confirmTransferAdequacyScope(
    @CurrentAccess() access: OrganizationAccess,
    @Param('activityId', ParseIdPipe) activityId: string,
    @Body() body: ConfirmTransferAdequacyScopeDto,
  ): Promise<AdequacyConfirmationView> {
    const activity = await this.queries.find(access.organizationId, activityId);
    const named = (activity.document.transfers ?? []).filter((transfer) => transfer.recipient?.trim().toLowerCase() === body.recipient.toLowerCase());
    // The recipient as the transfer writes it: the findings match it in lower case, like vendors.
    const recipient = named[0]?.recipient?.trim() ?? body.recipient;
    return this.confirmations.confirm(
      access.organizationId,
      {
        entityType: 'Activity',
        entityId: activity.id,
        entityLabel: `${activity.reference} ${activity.name}`,
        name: recipient,
        dataLocations: named.map((transfer) => transfer.country),
      },
      { country: body.country, reason: body.reason },
    );
  }

  @Get(':activityId/versions')
  @CheckPolicy('read', 'Activity')
  @ApiOperation({ summary: 'History of an activity, newest first' })
  @ApiOkResponse({ type: ActivityVersionPage })
  versions(@CurrentAccess() access: OrganizationAccess, @Param('activityId', ParseIdPipe) activityId: string, @Query() query: PageQuery): Promise<Page<ActivityVersionSummary>> {
    return this.queries.versions(access.organizationId, activityId, query);
  }

  @Get(':activityId/versions/:number')
  @CheckPolicy('read', 'Activity')
  @ApiOperation({ summary: 'One version: the full snapshot in the interchange format' })
  @ApiOkResponse({ type: ActivityVersionView })
  version(
    @CurrentAccess() access: OrganizationAccess,
    @Param('activityId', ParseIdPipe) activityId: string,
    @Param('number', ParseVersionNumberPipe) number: number,
  ): Promise<ActivityVersionView> {
    return this.queries.version(access.organizationId, activityId, number);
  }

  @Get(':activityId/versions/:from/diff/:to')
  @CheckPolicy('read', 'Activity')
  @ApiOperation({ summary: 'Field-level difference between two versions' })
  @ApiOkResponse({ type: ActivityVersionDiff })
  diff(
    @CurrentAccess() access: OrganizationAccess,
    @Param('activityId', ParseIdPipe) activityId: string,
    @Param('from', ParseVersionNumberPipe) from: number,
    @Param('to', ParseVersionNumberPipe) to: number,
  ): Promise<ActivityVersionDiff> {
    return this.queries.diff(access.organizationId, activityId, from, to);
  }

  private transition(access: OrganizationAccess, activityId: string, transition: Transition, body: TransitionDto, ifMatch?: string): Promise<ActivityView> {
    return this.workflow.transition(access, activityId, transition, expectedVersion(body.version, ifMatch), body.comment ?? null);
  }
}
