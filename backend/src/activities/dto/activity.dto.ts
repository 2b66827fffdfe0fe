import { TEXT_LIMITS } from '../../domain/field-limits';
import { NotInFuture } from '../../common/http/is-instant';
import { applyDecorators } from '@nestjs/common';
import { ApiHideProperty, ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { FIELD_CHANGES_SCHEMA } from '../../common/http/api-schemas';
import { PageQuery } from '../../common/http/pagination';
import { withArgs } from '../../common/http/validation';
import { OVERRIDABLE_BLOCKER_CODES, type OverridableBlockerCode } from '../../domain/activities/activity-rules';
import { TRANSFER_STATUSES } from '../../domain/transfers/transfer-status';
import {
  ACTIVITY_ROLES,
  ACTIVITY_STATUSES,
  DATA_SOURCES,
  DPIA_SCREENING_DECISIONS,
  END_ACTIONS,
  FREE_MEASURE_PREFIX,
  ISO_DURATION,
  LEGAL_BASES,
  type ActivityRole,
  type ActivityStatus,
  type Completeness,
  type DataSource,
  type DpiaScreeningDecision,
  type EndAction,
  type LegalBasis,
} from '../../domain/activities/activity.types';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** ISO 8601 duration in years, months, weeks and days (P5Y, P6M, P0D). */
export function IsIsoDuration(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isIsoDuration', validator: { validate: (value: unknown) => typeof value === 'string' && ISO_DURATION.test(value) } }, options);
}

/** A calendar date, `YYYY-MM-DD`. */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
        },
      },
    },
    options,
  );
}

/** Optional text that may be null; blank text counts as null (so the rules see it as missing). */
function NullableText(max: number, description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: max, description }),
    Transform(trimToNull),
    IsOptional(),
    IsString(),
    MaxLength(max, withArgs),
  );
}

/** Optional, but never null when given. */
const Present = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/** A catalogue code (checked against the catalogue by the service). */
function Code(options: { nullable: boolean; description: string }): PropertyDecorator {
  return applyDecorators(
    options.nullable ? ApiPropertyOptional({ type: String, nullable: true, description: options.description }) : ApiProperty({ description: options.description }),
    Transform(trim),
    options.nullable ? IsOptional() : IsDefined(),
    IsString(),
    IsNotEmpty(),
    MaxLength(100, withArgs),
  );
}

/**
 * A list of the DPO's overrides, one per kind of blocker (a second reason for the same code would be
 * printed twice in the exports). `presence`: `Present()` where null is refused, `IsOptional()` where it means none.
 */
function OverrideList(presence: PropertyDecorator, description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: () => [ValidationOverrideDto], description }),
    presence,
    IsArray(),
    ArrayMaxSize(OVERRIDABLE_BLOCKER_CODES.length, withArgs),
    ArrayUnique((override: ValidationOverrideDto) => override?.code, withArgs),
    ValidateNested({ each: true }),
    Type(() => ValidationOverrideDto),
  );
}

function NestedList(type: () => new () => object, description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: () => [type()], description }),
    Present(),
    IsArray(),
    ArrayMaxSize(200, withArgs),
    ValidateNested({ each: true }),
    Type(type),
  );
}

function StringList(max: number, description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [String], description }),
    Present(),
    IsArray(),
    ArrayMaxSize(200, withArgs),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(max, { ...withArgs, each: true }),
  );
}

export class PartyDto {
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(TEXT_LIMITS.short, withArgs) name!: string;
  @NullableText(TEXT_LIMITS.sentence) contact?: string | null;
}

export class LegitimateInterestAssessmentDto {
  @NullableText(TEXT_LIMITS.veryLong, 'purpose test: the interest pursued') purpose?: string | null;
  @NullableText(TEXT_LIMITS.veryLong, 'necessity test') necessity?: string | null;
  @NullableText(TEXT_LIMITS.veryLong, 'balancing test') balancing?: string | null;
}

export class PurposeDto {
  @ApiProperty({ maxLength: TEXT_LIMITS.long }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(TEXT_LIMITS.long, withArgs) description!: string;
  @ApiPropertyOptional() @Present() @IsBoolean() main?: boolean;

  @ApiPropertyOptional({ enum: LEGAL_BASES, nullable: true, description: 'null only in drafts' })
  @IsOptional()
  @IsIn(LEGAL_BASES, withArgs)
  legalBasis?: LegalBasis | null;

  @NullableText(TEXT_LIMITS.long, 'required for legal_obligation and public_task') legalReference?: string | null;

  @ApiPropertyOptional({ type: () => LegitimateInterestAssessmentDto, nullable: true, description: 'required for legitimate_interests' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LegitimateInterestAssessmentDto)
  legitimateInterestAssessment?: LegitimateInterestAssessmentDto | null;
}

export class DataSubjectDto {
  @Code({ nullable: false, description: 'data-subject-categories code (or an own entry)' }) category!: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(0, withArgs) estimatedCount?: number | null;
  @ApiPropertyOptional({ description: 'defaults to the catalogue’s vulnerableByDefault' }) @Present() @IsBoolean() vulnerable?: boolean;
}

export class RetentionDto {
  @ApiProperty({ type: String, nullable: true, example: 'P5Y', description: 'null means unlimited, which needs unlimitedJustification' })
  @ValidateIf((_: object, value: unknown) => value !== null)
  @IsIsoDuration()
  activePeriod!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'P45Y' }) @IsOptional() @IsIsoDuration() archivePeriod?: string | null;
  @NullableText(TEXT_LIMITS.short, 'retention-start-events code or free text') startEvent?: string | null;
  @NullableText(TEXT_LIMITS.long) legalReference?: string | null;
  @ApiPropertyOptional({ enum: END_ACTIONS, default: 'delete' }) @Present() @IsIn(END_ACTIONS, withArgs) endAction?: EndAction;
  @NullableText(TEXT_LIMITS.long) unlimitedJustification?: string | null;
}

export class DataCategoryDto {
  @Code({ nullable: false, description: 'data-categories code (or an own entry)' }) category!: string;
  @NullableText(TEXT_LIMITS.long) description?: string | null;
  @ApiPropertyOptional({ enum: DATA_SOURCES, nullable: true }) @IsOptional() @IsIn(DATA_SOURCES, withArgs) source?: DataSource | null;
  @NullableText(TEXT_LIMITS.paragraph) sourceDetail?: string | null;
  @ApiPropertyOptional() @Present() @IsBoolean() mandatory?: boolean;
  @NullableText(TEXT_LIMITS.long) minimisationJustification?: string | null;
  @Code({ nullable: true, description: 'art9-conditions code; required for special categories' }) art9Condition?: string | null;

  @ApiPropertyOptional({ type: () => RetentionDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RetentionDto)
  retention?: RetentionDto | null;
}

export class RecipientDto {
  @Code({ nullable: false, description: 'recipient-categories code' }) category!: string;
  @NullableText(TEXT_LIMITS.short) name?: string | null;
}

export class TransferDto {
  @ApiProperty({ example: 'US' }) @Transform(upper) @IsString() @Matches(/^[A-Z]{2}$/) country!: string;
  @NullableText(TEXT_LIMITS.short) recipient?: string | null;
  @Code({ nullable: true, description: 'transfer-mechanisms code' }) mechanism?: string | null;
  @NullableText(TEXT_LIMITS.long) documentation?: string | null;
}

/** A criterion the register's facts meet that the DPO finds not met for this activity, and why. */
export class DismissedCriterionDto {
  @Code({ nullable: false, description: 'dpia-criteria code' }) criterion!: string;
  @ApiProperty({ maxLength: TEXT_LIMITS.long }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(TEXT_LIMITS.long, withArgs) reason!: string;
}

export class DpiaScreeningDto {
  @StringList(100, 'dpia-criteria codes') criteria?: string[];
  @Code({ nullable: true, description: 'dpia-cnil-required code' }) onCnilRequiredList?: string | null;
  @Code({ nullable: true, description: 'dpia-cnil-exempt code' }) onCnilExemptList?: string | null;
  @ApiPropertyOptional({ enum: DPIA_SCREENING_DECISIONS, default: 'to_assess' }) @Present() @IsIn(DPIA_SCREENING_DECISIONS, withArgs) decision?: DpiaScreeningDecision;
  @NullableText(TEXT_LIMITS.veryLong) justification?: string | null;
  @NestedList(() => DismissedCriterionDto, 'derived criteria found not met for this activity, with the reason; absent when none') dismissed?: DismissedCriterionDto[];
}

/**
 * A processing activity in the interchange format (activity.schema.json), as POST and the JSON import
 * take it. Lists left out are empty; the register's rules (not this shape) say what a validated
 * activity must hold, so a draft can be saved half-filled.
 */
export class CreateActivityDto {
  @ApiPropertyOptional({ maxLength: 40, description: 'unique per organisation; generated (T-0001…) when absent' })
  @Transform(trim)
  @Present()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40, withArgs)
  reference?: string;

  @ApiProperty({ maxLength: TEXT_LIMITS.short }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(TEXT_LIMITS.short, withArgs) name!: string;
  @NullableText(TEXT_LIMITS.document) description?: string | null;

  @NullableText(TEXT_LIMITS.name, 'department name (or give departmentId)') department?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @IsOptional() @IsUUID() departmentId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'e-mail of the owning member (or give ownerId); defaults to the caller' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() || null : value))
  @IsOptional()
  @IsEmail()
  @MaxLength(254, withArgs)
  owner?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @IsOptional() @IsUUID() ownerId?: string | null;

  @ApiProperty({ enum: ACTIVITY_ROLES }) @IsIn(ACTIVITY_ROLES, withArgs) role!: ActivityRole;
  @ApiPropertyOptional({ enum: ACTIVITY_STATUSES, description: 'changes only through the workflow routes (the import takes it as given)' })
  @Present()
  @IsIn(ACTIVITY_STATUSES, withArgs)
  status?: ActivityStatus;

  @NestedList(() => PartyDto, 'when role is joint_controller') jointControllers?: PartyDto[];
  @NestedList(() => PartyDto, 'when role is processor (Art 30(2))') clientControllers?: PartyDto[];
  @NestedList(() => PurposeDto) purposes?: PurposeDto[];
  @NestedList(() => DataSubjectDto) dataSubjects?: DataSubjectDto[];
  @NestedList(() => DataCategoryDto) dataCategories?: DataCategoryDto[];
  @NestedList(() => RecipientDto) recipients?: RecipientDto[];
  @StringList(TEXT_LIMITS.short, 'vendor names') processors?: string[];
  @NestedList(() => TransferDto) transfers?: TransferDto[];
  @StringList(TEXT_LIMITS.sentence, `security-measures codes, or free text prefixed '${FREE_MEASURE_PREFIX}'`) securityMeasures?: string[];
  @NullableText(TEXT_LIMITS.veryLong) dataSubjectInformation?: string | null;
  @NullableText(TEXT_LIMITS.veryLong) rightsProcedure?: string | null;
  @ApiPropertyOptional() @Present() @IsBoolean() automatedDecisionMaking?: boolean;

  @ApiPropertyOptional({ type: () => DpiaScreeningDto })
  @Present()
  @ValidateNested()
  @Type(() => DpiaScreeningDto)
  dpiaScreening?: DpiaScreeningDto;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) @IsOptional() @IsIsoDate() nextReviewDate?: string | null;

  @OverrideList(
    Present(),
    'the blockers the DPO validated despite, each with its reason: taken by the import with a validated (or in-review, archived) status; otherwise they change only through validation',
  )
  validationOverrides?: ValidationOverrideDto[];

  // Computed by the server: accepted so an activity read from the API can be sent back, then ignored.
  @ApiHideProperty() @Allow() id?: unknown;
  @ApiHideProperty() @Allow() completeness?: unknown;
  @ApiHideProperty() @Allow() createdAt?: unknown;
  @ApiHideProperty() @Allow() updatedAt?: unknown;
  @ApiHideProperty() @Allow() validatedAt?: unknown;
  @ApiHideProperty() @Allow() validatedBy?: unknown;
  @ApiHideProperty() @Allow() flags?: unknown;
  @ApiHideProperty() @Allow() ownerName?: unknown;
  @ApiHideProperty() @Allow() vendors?: unknown;
  @ApiHideProperty() @Allow() transferStatuses?: unknown;
  @ApiHideProperty() @Allow() scopeConfirmations?: unknown;
}

/** Top-level fields given replace the stored ones (a list replaces the whole list). */
export class UpdateActivityDto extends PartialType(CreateActivityDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ description: 'The version last read; or send If-Match' })
  @IsOptional()
  @IsInt()
  @Min(1, withArgs)
  version?: number;

  @NullableText(TEXT_LIMITS.long, 'a note kept with the version') comment?: string | null;
}

/** Workflow transitions act on the version the caller saw. */
export class TransitionDto {
  @ApiPropertyOptional({ description: 'The version last read; or send If-Match' })
  @IsOptional()
  @IsInt()
  @Min(1, withArgs)
  version?: number;

  @NullableText(TEXT_LIMITS.long, 'a note kept with the version (the DPO’s remark, the reason to reopen…)') comment?: string | null;
}

/** One blocker the DPO validates despite, and why (recorded, audited, printed in the exports). */
export class ValidationOverrideDto {
  @ApiProperty({ enum: OVERRIDABLE_BLOCKER_CODES, description: 'the blocker the 422 named (details.fields[].code)' })
  @IsIn(OVERRIDABLE_BLOCKER_CODES, withArgs)
  code!: OverridableBlockerCode;

  @ApiProperty({ maxLength: TEXT_LIMITS.long, description: 'why the DPO validates despite it; printed in the exports' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.long, withArgs)
  reason!: string;
}

/** in_review → validated: the DPO may validate despite the blockers, each with a reason. */
export class ValidateActivityDto extends TransitionDto {
  @OverrideList(IsOptional(), 'one per blocker code the validation would refuse; only the blockers present')
  overrides?: ValidationOverrideDto[];
}

/** The DPO sends a submitted activity back to its owner: the comment says what to change. */
export class RequestActivityChangesDto {
  @ApiPropertyOptional({ description: 'The version last read; or send If-Match' })
  @IsOptional()
  @IsInt()
  @Min(1, withArgs)
  version?: number;

  @ApiProperty({ maxLength: TEXT_LIMITS.long, description: 'what the owner should change; shown on the activity page' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.long, withArgs)
  comment!: string;
}

export class DuplicateActivityDto {
  @ApiPropertyOptional({ maxLength: TEXT_LIMITS.short, description: 'defaults to the name followed by "(copie)" / "(copy)"' })
  @Transform(trim)
  @Present()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.short, withArgs)
  name?: string;
}

export const ACTIVITY_SORTS = ['reference', 'name', 'status', 'department', 'nextReviewDate', 'updatedAt'] as const;
export type ActivitySortKey = (typeof ACTIVITY_SORTS)[number];
const SORT_VALUES = ACTIVITY_SORTS.flatMap((key) => [key, `-${key}`]);

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : Array.isArray(value) ? (value as unknown[]) : value;
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListActivitiesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'full-text search over reference, name, description and purposes (prefix match, accent-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.name, withArgs)
  q?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_STATUSES, isArray: true, description: 'one or several (comma-separated or repeated)' })
  @IsOptional()
  @Transform(toList)
  @IsIn(ACTIVITY_STATUSES, { ...withArgs, each: true })
  status?: ActivityStatus[];

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ownerId?: string;
  @ApiPropertyOptional({ enum: LEGAL_BASES, description: 'activities with at least one purpose on this legal basis' }) @IsOptional() @IsIn(LEGAL_BASES, withArgs) legalBasis?: LegalBasis;
  @ApiPropertyOptional({ maxLength: 100, description: 'activities whose data subjects include this data-subject-categories code (e.g. customers): the register a rights request from such a person touches' })
  @IsOptional()
  @IsString()
  @MaxLength(100, withArgs)
  dataSubject?: string;
  @ApiPropertyOptional({ description: 'true: with Art 9 special-category data; false: without' }) @IsOptional() @Transform(toBoolean) @IsBoolean() specialData?: boolean;
  @ApiPropertyOptional({ enum: DPIA_SCREENING_DECISIONS }) @IsOptional() @IsIn(DPIA_SCREENING_DECISIONS, withArgs) dpiaDecision?: DpiaScreeningDecision;
  @ApiPropertyOptional({ description: 'true: next review date passed (archived activities excluded); false: the others' }) @IsOptional() @Transform(toBoolean) @IsBoolean() reviewOverdue?: boolean;

  @ApiPropertyOptional({ enum: SORT_VALUES, description: 'a field, "-" first for descending; default: relevance with q, else reference' })
  @IsOptional()
  @IsIn(SORT_VALUES, withArgs)
  sort?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'the register as it stood at this instant (each activity’s last version at or before it)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @NotInFuture()
  asOf?: string;
}

export class CompletenessView implements Completeness {
  @ApiProperty({ minimum: 0, maximum: 100 }) score!: number;
  @ApiProperty({ type: [String], example: ['purposes[1].legalBasis'] }) missing!: string[];
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, code: { type: 'string' } }, required: ['path', 'code'] } }) problems!: { path: string; code: string }[];
}

export class ActivityFlagsView {
  @ApiProperty({ description: 'Art 9 special-category data' }) specialData!: boolean;
  @ApiProperty({ description: 'Art 10 criminal-offence data' }) criminalData!: boolean;
  @ApiProperty({ description: 'national identification number (NIR)' }) nationalIdentifier!: boolean;
}

/** GET /activities/:id: the interchange format plus what the server computes. */
const COMPUTED = ['id', 'reference', 'status', 'completeness', 'flags', 'ownerName', 'createdAt', 'updatedAt', 'validatedAt', 'validatedBy', 'vendors', 'transferStatuses', 'scopeConfirmations'] as const;

export class LinkedVendorView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) legalEntity!: string | null;
  @ApiProperty({ enum: ['processor', 'sub_processor', 'recipient'] }) role!: string;
  @ApiProperty({ enum: ['under_review', 'approved', 'restricted', 'terminated'] }) status!: string;
  @ApiProperty() dpaSigned!: boolean;
  @ApiProperty() dpfCertified!: boolean;
  @ApiProperty({ description: 'reachable by extraterritorial access laws (parent or headquarters)' }) exposed!: boolean;
  @ApiProperty({ description: 'one of its data locations needs a transfer mechanism' }) needsMechanism!: boolean;
}

class TransferReasonView {
  @ApiProperty() code!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) params!: Record<string, string>;
}

export class TransferStatusView {
  @ApiProperty() country!: string;
  @ApiProperty({ type: String, nullable: true }) mechanism!: string | null;
  @ApiProperty({ enum: TRANSFER_STATUSES }) status!: string;
  @ApiProperty() needsMechanism!: boolean;
  @ApiProperty() tiaRequired!: boolean;
  @ApiProperty({ description: 'Art 49 derogation: occasional transfers only' }) occasionalOnly!: boolean;
  @ApiProperty({ type: [TransferReasonView] }) reasons!: TransferReasonView[];
}

export class ScopeConfirmationView {
  @ApiProperty({ description: 'the recipient as the transfer names it' }) recipient!: string;
  @ApiProperty({ description: 'country code (countries catalogue)' }) country!: string;
  @ApiProperty({ description: 'the partial adequacy decision the DPO confirmed the recipient is in the scope of' }) decision!: string;
}

export class ActivityView extends OmitType(CreateActivityDto, COMPUTED) {
  @ApiProperty() id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: ACTIVITY_STATUSES }) status!: ActivityStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ type: CompletenessView }) completeness!: CompletenessView;
  @ApiProperty({ type: ActivityFlagsView }) flags!: ActivityFlagsView;
  @ApiProperty({ type: String, nullable: true }) ownerName!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) validatedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) validatedBy!: string | null;
  @ApiProperty({ type: [LinkedVendorView], description: 'the vendors its processors name' }) vendors!: LinkedVendorView[];
  @ApiProperty({ type: [TransferStatusView], description: 'the computed status of each transfer, in the order of transfers' }) transferStatuses!: TransferStatusView[];
  @ApiProperty({
    type: [ScopeConfirmationView],
    description: 'the DPO’s latest scope confirmations (partial adequacy) for the recipients the transfers name, so an editor assesses its rows as the server does',
  })
  scopeConfirmations!: ScopeConfirmationView[];
  @ApiPropertyOptional({ type: () => [ValidationOverrideDto], description: 'the blockers the DPO validated despite, with the reasons; absent when none' })
  override validationOverrides?: ValidationOverrideDto[];
}

export class ActivityListItem {
  @ApiProperty() id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ACTIVITY_STATUSES }) status!: ActivityStatus;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) departmentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) department!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) ownerId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'e-mail' }) owner!: string | null;
  @ApiProperty({ type: String, nullable: true }) ownerName!: string | null;
  @ApiProperty({ type: CompletenessView }) completeness!: CompletenessView;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) nextReviewDate!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'with asOf: when this version was written' }) updatedAt!: Date;
}

export class ActivityPage {
  @ApiProperty({ type: [ActivityListItem] }) items!: ActivityListItem[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ActivityVersionSummary {
  @ApiProperty() number!: number;
  @ApiProperty({ description: 'create, update, submit, validate, archive, reopen, import, duplicate, rescreen' }) action!: string;
  @ApiProperty({ enum: ACTIVITY_STATUSES }) status!: ActivityStatus;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) authorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) authorName!: string | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty() createdAt!: Date;
}

export class ActivityVersionPage {
  @ApiProperty({ type: [ActivityVersionSummary] }) items!: ActivityVersionSummary[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** The organisation's screening thresholds (EDPB WP248 criterion 5), as they stood at some instant. */
export class ScreeningThresholdsView {
  @ApiProperty({ description: 'persons concerned from which a processing is large scale' }) largeScalePersons!: number;
}

export class ActivityVersionView extends ActivityVersionSummary {
  @ApiProperty({ description: 'the activity as it stood, in the interchange format', type: 'object', additionalProperties: true }) activity!: Record<string, unknown>;
  @ApiProperty({ type: CompletenessView }) completeness!: CompletenessView;
  @ApiProperty({ type: ScreeningThresholdsView, description: 'the organisation’s thresholds when this version was written: the page screens the version with them' })
  screeningThresholds!: ScreeningThresholdsView;
}

export class ActivityVersionDiff {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty({
    description: 'field path → { before, after }',
    ...FIELD_CHANGES_SCHEMA,
    example: { 'purposes[0].legalBasis': { before: null, after: 'contract' } },
  })
  changes!: Record<string, { before: unknown; after: unknown }>;
}

/** Why an activity the file says « validée » comes in « en revue »: one of validation's blockers, in words. */
export class ImportBlockerView {
  @ApiProperty({ description: 'the field the blocker is on' }) path!: string;
  @ApiProperty({ description: 'the blocker, as the validation 422 names it' }) code!: string;
  @ApiProperty({ description: 'in the request’s language' }) message!: string;
}

export class AwaitingValidationView {
  @ApiProperty() reference!: string;
  @ApiProperty({ type: [ImportBlockerView], description: 'what validation would refuse and no override in the file covers' }) blockers!: ImportBlockerView[];
}

export class ImportResultView {
  @ApiProperty() imported!: number;
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, reference: { type: 'string' } } } })
  items!: { id: string; reference: string }[];
  @ApiProperty({ type: [String], description: 'departments created because the file named them' }) createdDepartments!: string[];
  @ApiProperty({ type: [String], description: 'vendors proposed (under_review) because processors named them' }) createdVendors!: string[];
  @ApiProperty({ type: [AwaitingValidationView], description: 'activities given as validated that come in in_review: validation would refuse them and the file gives no override for it' })
  awaitingValidation!: AwaitingValidationView[];
}
