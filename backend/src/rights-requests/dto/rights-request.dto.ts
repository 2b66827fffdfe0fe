import { TEXT_LIMITS } from '../../domain/field-limits';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IsIsoDate } from '../../activities/dto/activity.dto';
import { IsInstant } from '../../common/http/is-instant';
import { PageQuery } from '../../common/http/pagination';
import { NestedList } from '../../common/http/nested-list';
import { withArgs } from '../../common/http/validation';
import { LOCALES, type Locale } from '../../common/i18n/i18n';
import {
  IDENTITY_CHECK_STATUSES,
  REQUEST_CHANNELS,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  type IdentityCheckStatus,
  type RequestChannel,
  type RequestStatus,
  type RequestType,
  type RequestActivityTask,
  type RequestProcessorTask,
  type RequestTasks,
  type RightsRequestDetail,
  type RightsRequestSummary,
} from '../../domain/rights-requests/rights-request.types';

const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Optional text; blank counts as null. */
function OptionalText(max: number, description?: string): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: String, nullable: true, maxLength: max, description }), Transform(trimToNull), IsOptional(), IsString(), MaxLength(max, withArgs));
}

/** Required text, trimmed, not blank. */
function RequiredText(max: number, description?: string): PropertyDecorator {
  return applyDecorators(ApiProperty({ maxLength: max, description }), Transform(trim), IsDefined(), IsString(), IsNotEmpty(), MaxLength(max, withArgs));
}

function Version(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description: 'the version last seen (or an If-Match header)' }),
    IsOptional(),
    IsInt(),
    Min(1, withArgs),
  );
}

/** The person's category, on creation and correction alike: a catalogue code, or none. */
function SubjectCategory(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: 100, description: 'the person’s category, a code of the data-subject-categories catalogue (the activities are suggested from it)' }),
    Transform(trimToNull),
    IsOptional(),
    IsString(),
    MaxLength(100, withArgs),
  );
}

export class CreateRightsRequestDto {
  @ApiProperty({ format: 'date-time', description: 'when the request reached the organisation (with its offset); the due day counts from its date in the organisation’s time zone' })
  @IsDefined()
  @IsInstant()
  receivedAt!: string;

  @ApiProperty({ enum: REQUEST_CHANNELS }) @IsDefined() @IsIn(REQUEST_CHANNELS, withArgs) channel!: RequestChannel;
  @ApiProperty({ enum: REQUEST_TYPES }) @IsDefined() @IsIn(REQUEST_TYPES, withArgs) type!: RequestType;
  @OptionalText(TEXT_LIMITS.veryLong, 'what the person asks, in their words or summarised') description?: string | null;
  @RequiredText(TEXT_LIMITS.short, 'the requester: a name is enough') requesterName!: string;
  @OptionalText(TEXT_LIMITS.sentence, 'how to answer them (e-mail or postal address)') requesterContact?: string | null;
  @SubjectCategory() subjectCategory?: string | null;

  @ApiPropertyOptional({ enum: IDENTITY_CHECK_STATUSES, default: 'not_needed' })
  @IsOptional()
  @IsIn(IDENTITY_CHECK_STATUSES, withArgs)
  identityCheckStatus?: IdentityCheckStatus;

  @OptionalText(TEXT_LIMITS.sentence, 'how identity was or will be checked (never a copy of an identity document here)') identityCheckMethod?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'activities of the register the request touches' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200, withArgs)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  activityIds?: string[];
}

export class UpdateRightsRequestDto {
  @Version() version?: number;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsInstant() receivedAt?: string;
  @ApiPropertyOptional({ enum: REQUEST_CHANNELS }) @IsOptional() @IsIn(REQUEST_CHANNELS, withArgs) channel?: RequestChannel;
  @ApiPropertyOptional({ enum: REQUEST_TYPES }) @IsOptional() @IsIn(REQUEST_TYPES, withArgs) type?: RequestType;
  @OptionalText(TEXT_LIMITS.veryLong) description?: string | null;
  @ApiPropertyOptional({ maxLength: TEXT_LIMITS.short }) @Transform(trim) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(TEXT_LIMITS.short, withArgs) requesterName?: string;
  @OptionalText(TEXT_LIMITS.sentence) requesterContact?: string | null;
  @SubjectCategory() subjectCategory?: string | null;
  @ApiPropertyOptional({ enum: IDENTITY_CHECK_STATUSES }) @IsOptional() @IsIn(IDENTITY_CHECK_STATUSES, withArgs) identityCheckStatus?: IdentityCheckStatus;
  @OptionalText(TEXT_LIMITS.sentence) identityCheckMethod?: string | null;
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200, withArgs)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  activityIds?: string[];
  @OptionalText(TEXT_LIMITS.veryLong, 'what was sent (an answered request)') answerSummary?: string | null;
}

export class ExtendRightsRequestDto {
  @Version() version?: number;
  @RequiredText(TEXT_LIMITS.long, 'why two more months are needed (complexity, number of requests), as told to the person') reason!: string;
  @ApiProperty({ format: 'date', description: 'the day the person was told, within the first month' }) @IsDefined() @IsIsoDate() personInformedOn!: string;
}

export class RequestStepDto {
  @Version() version?: number;
}

export class IdentityCheckDto extends RequestStepDto {
  @OptionalText(TEXT_LIMITS.sentence, 'how identity will be checked') method?: string | null;
}

export class StartRequestDto extends RequestStepDto {
  @ApiPropertyOptional({ enum: IDENTITY_CHECK_STATUSES, description: 'the outcome of the identity check, if one was made' })
  @IsOptional()
  @IsIn(IDENTITY_CHECK_STATUSES, withArgs)
  identityCheckStatus?: IdentityCheckStatus;
}

export class AnswerRequestDto extends RequestStepDto {
  @ApiProperty({ format: 'date-time' }) @IsDefined() @IsInstant() sentAt!: string;
  @RequiredText(TEXT_LIMITS.short, 'how the answer was sent (e-mail, registered letter…)') channel!: string;
  @RequiredText(TEXT_LIMITS.veryLong, 'what was sent') summary!: string;
}

export class RefuseRequestDto extends RequestStepDto {
  @RequiredText(TEXT_LIMITS.veryLong, 'Art 12(4)–(5): why the request is not acted on (manifestly unfounded or excessive, identity not established…), as told to the person') grounds!: string;
  @ApiProperty({ format: 'date-time', description: 'when the person was told' }) @IsDefined() @IsInstant() sentAt!: string;
  @OptionalText(TEXT_LIMITS.short) channel?: string | null;
}

/** An optional member (a user id); null unassigns. */
function OptionalMember(description: string): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description }), IsOptional(), IsUUID('all', withArgs));
}

/** An optional day (YYYY-MM-DD); null clears it. */
function OptionalDay(description: string): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: String, format: 'date', nullable: true, description }), IsOptional(), IsIsoDate());
}

export class ActivityTaskDto {
  @ApiProperty({ format: 'uuid', description: 'an activity linked to the request' }) @IsDefined() @IsUUID('all', withArgs) activityId!: string;
  @OptionalMember('the member who extracts the data of this activity') extractedBy?: string | null;
  @OptionalMember('the member who erases the data of this activity') erasedBy?: string | null;
  @OptionalText(TEXT_LIMITS.long) note?: string | null;
}

export class ProcessorTaskDto {
  @ApiProperty({ format: 'uuid', description: 'a vendor of the activities linked to the request' }) @IsDefined() @IsUUID('all', withArgs) vendorId!: string;
  @OptionalDay('the day the vendor was asked to act on the request') askedOn?: string | null;
  @OptionalDay('the day the vendor confirmed it had (on or after askedOn)') confirmedOn?: string | null;
  @OptionalText(TEXT_LIMITS.long) note?: string | null;
}

/** The request's tasks as a whole: what is left out is cleared. */
export class UpdateRequestTasksDto {
  @Version() version?: number;

  @NestedList(() => ActivityTaskDto, { max: 200, required: true }) activities!: ActivityTaskDto[];
  @NestedList(() => ProcessorTaskDto, { max: 500, required: true }) processors!: ProcessorTaskDto[];
}

export class ListRightsRequestsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES }) @IsOptional() @IsIn(REQUEST_STATUSES, withArgs) status?: RequestStatus;
  @ApiPropertyOptional({ enum: REQUEST_TYPES }) @IsOptional() @IsIn(REQUEST_TYPES, withArgs) type?: RequestType;
  @ApiPropertyOptional({ description: 'open requests past their due day (true), or the others (false)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;
}

// ——— responses (OpenAPI) ———

export class RightsRequestListItem implements RightsRequestSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'D-0001' }) reference!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ enum: REQUEST_CHANNELS }) channel!: RequestChannel;
  @ApiProperty({ enum: REQUEST_TYPES }) type!: RequestType;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: RequestStatus;
  @ApiProperty() requesterName!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when the requester’s identity was removed at the end of its retention' }) identityErasedAt!: string | null;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) extendedDueOn!: string | null;
  @ApiProperty({ format: 'date' }) effectiveDueOn!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedBy!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class RightsRequestPage {
  @ApiProperty({ type: [RightsRequestListItem] }) items!: RightsRequestListItem[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ActivityTaskView implements RequestActivityTask {
  @ApiProperty({ format: 'uuid' }) activityId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) extractedBy!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) erasedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class ProcessorTaskView implements RequestProcessorTask {
  @ApiProperty({ format: 'uuid' }) vendorId!: string;
  @ApiProperty() vendorName!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) askedOn!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) confirmedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class RequestTasksView implements RequestTasks {
  @ApiProperty({ type: [ActivityTaskView], description: 'one per linked activity' }) activities!: ActivityTaskView[];
  @ApiProperty({ type: [ProcessorTaskView], description: 'one per vendor of the linked activities (and any vendor a task was recorded for)' }) processors!: ProcessorTaskView[];
}

export class RightsRequestView extends RightsRequestListItem implements RightsRequestDetail {
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'a data-subject-categories catalogue code' }) subjectCategory!: string | null;
  @ApiProperty({ type: String, nullable: true }) requesterContact!: string | null;
  @ApiProperty({ enum: IDENTITY_CHECK_STATUSES }) identityCheckStatus!: IdentityCheckStatus;
  @ApiProperty({ type: String, nullable: true }) identityCheckMethod!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) activityIds!: string[];
  @ApiProperty({ type: String, nullable: true }) extensionReason!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) personInformedOn!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answerSentAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) answerChannel!: string | null;
  @ApiProperty({ type: String, nullable: true }) answerSummary!: string | null;
  @ApiProperty({ type: String, nullable: true }) refusalGrounds!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: RequestTasksView }) tasks!: RequestTasksView;
}

export class AnswerLetterQuery {
  @ApiPropertyOptional({ enum: LOCALES, description: 'language of the letter (default: the request’s language)' })
  @IsOptional()
  @IsIn(LOCALES, withArgs)
  lang?: Locale;
}

export class AnswerLetterView {
  @ApiProperty({ description: 'the draft answer to a right of access (Art 15(1)–(2)), in words, for the DPO to edit before sending' }) text!: string;
}
