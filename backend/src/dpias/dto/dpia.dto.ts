import { TEXT_LIMITS } from '../../domain/field-limits';
import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../activities/dto/activity.dto';
import { sortValues } from '../../common/http/list-sql';
import { PageQuery } from '../../common/http/pagination';
import { NestedList } from '../../common/http/nested-list';
import { withArgs } from '../../common/http/validation';
import {
  ACTION_STATUSES,
  CONSULTATION_OUTCOMES,
  DPIA_DECISIONS,
  DPIA_STATUSES,
  JUDGEMENTS,
  OPINION_STATUSES,
  SCALE_VALUES,
  type ActionStatus,
  type ConsultationAnswer,
  type ConsultationOutcome,
  type PriorConsultationView as PriorConsultationDetail,
  type DpiaContent,
  type DpiaDecision,
  type DpiaDecisionRecord,
  type DpiaDetail,
  type DpiaProgress,
  type DpoOpinion,
  type RegisterContext,
  RISK_LEVELS,
  type DpiaRevisionItem,
  type RiskLevelName,
  type DpiaStatus,
  type DpiaSummary,
  type DueAction,
  type Judgement,
  type OpinionStatus,
  type ScaleValue,
} from '../../domain/dpias/dpia.types';

const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Text that may be null; blank counts as null. Sections are sent whole, so every field is given. */
function Text(max: number, description?: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: String, nullable: true, maxLength: max, description }),
    Transform(trimToNull),
    IsOptional(),
    IsString(),
    MaxLength(max, withArgs),
  );
}

function Nested(type: () => new () => object): PropertyDecorator {
  // `type: () => …` written here, so that the swagger scanner sees a lazy type (it goes by the function's name).
  return applyDecorators(ApiProperty({ type: () => type() }), IsDefined(), ValidateNested(), Type(type));
}

function Strings(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: [String], description }),
    IsArray(),
    ArrayMaxSize(50, withArgs),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(TEXT_LIMITS.paragraph, { ...withArgs, each: true }),
  );
}

function Scale(): PropertyDecorator {
  return applyDecorators(ApiProperty({ enum: SCALE_VALUES, nullable: true, description: '1 negligible … 4 maximum' }), IsOptional(), IsIn(SCALE_VALUES, withArgs));
}

export class DpiaContextDto {
  @Text(TEXT_LIMITS.document, 'processing under review (beyond what the register says)') processing!: string | null;
  @Text(TEXT_LIMITS.document) responsibilities!: string | null;
  @Text(TEXT_LIMITS.document, 'codes of conduct, certifications, standards') standards!: string | null;
  @Text(TEXT_LIMITS.document, 'data life cycle') lifecycle!: string | null;
  @Text(TEXT_LIMITS.document, 'supporting assets: systems, software, networks, people, paper') supportingAssets!: string | null;
}

export class PrincipleAssessmentDto {
  @ApiProperty({ enum: JUDGEMENTS, nullable: true }) @IsOptional() @IsIn(JUDGEMENTS, withArgs) judgement!: Judgement | null;
  @Text(TEXT_LIMITS.veryLong) comment!: string | null;
}

export class DpiaPrinciplesDto {
  @Nested(() => PrincipleAssessmentDto) purposes!: PrincipleAssessmentDto;
  @Nested(() => PrincipleAssessmentDto) legal_basis!: PrincipleAssessmentDto;
  @Nested(() => PrincipleAssessmentDto) minimisation!: PrincipleAssessmentDto;
  @Nested(() => PrincipleAssessmentDto) accuracy!: PrincipleAssessmentDto;
  @Nested(() => PrincipleAssessmentDto) retention!: PrincipleAssessmentDto;
  @Nested(() => PrincipleAssessmentDto) information!: PrincipleAssessmentDto;
  @Nested(() => PrincipleAssessmentDto) consent!: PrincipleAssessmentDto;
  @Nested(() => PrincipleAssessmentDto) access_portability!: PrincipleAssessmentDto;
  @Nested(() => PrincipleAssessmentDto) rectification_erasure!: PrincipleAssessmentDto;
  @Nested(() => PrincipleAssessmentDto) restriction_objection!: PrincipleAssessmentDto;
  @Nested(() => PrincipleAssessmentDto) processors!: PrincipleAssessmentDto;
  @Nested(() => PrincipleAssessmentDto) transfers!: PrincipleAssessmentDto;
}

export class RiskLevelDto {
  @Scale() severity!: ScaleValue | null;
  @Scale() likelihood!: ScaleValue | null;
}

export class DpiaRiskDto {
  @Strings('who or what could cause the event') riskSources!: string[];
  @Strings('how it could happen') threats!: string[];
  @Strings('what it would mean for the people') impacts!: string[];
  @Strings('security-measures codes or other:<text>') existingMeasures!: string[];
  @Strings('security-measures codes or other:<text>') plannedMeasures!: string[];
  @Nested(() => RiskLevelDto) before!: RiskLevelDto;
  @Nested(() => RiskLevelDto) after!: RiskLevelDto;
}

export class DpiaRisksDto {
  @Nested(() => DpiaRiskDto) illegitimate_access!: DpiaRiskDto;
  @Nested(() => DpiaRiskDto) unwanted_modification!: DpiaRiskDto;
  @Nested(() => DpiaRiskDto) disappearance!: DpiaRiskDto;
}

export class DpiaActionDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'kept when given; generated for a new action' }) @IsOptional() @IsUUID() id?: string;
  @ApiProperty({ maxLength: TEXT_LIMITS.long }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(TEXT_LIMITS.long, withArgs) measure!: string;
  @Text(TEXT_LIMITS.short, 'who carries it out') owner!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) @IsOptional() @IsIsoDate() dueDate!: string | null;
  @ApiProperty({ enum: ACTION_STATUSES }) @IsIn(ACTION_STATUSES, withArgs) status!: ActionStatus;
}

export class DataSubjectsViewDto {
  @ApiProperty({ type: Boolean, nullable: true }) @IsOptional() @IsBoolean() sought!: boolean | null;
  @Text(TEXT_LIMITS.veryLong) reasonNotSought!: string | null;
  @Text(TEXT_LIMITS.long, 'people or representatives consulted') names!: string | null;
  @ApiProperty({ enum: OPINION_STATUSES, nullable: true }) @IsOptional() @IsIn(OPINION_STATUSES, withArgs) status!: OpinionStatus | null;
  @Text(TEXT_LIMITS.document) opinion!: string | null;
}

/** Sections given replace the stored ones, whole; `version` (or If-Match) is the version last read. */
export class UpdateDpiaDto {
  @ApiPropertyOptional({ description: 'or an If-Match header' }) @IsOptional() @IsInt() @Min(1, withArgs) version?: number;
  @ApiPropertyOptional({ type: () => DpiaContextDto }) @IsOptional() @ValidateNested() @Type(() => DpiaContextDto) context?: DpiaContextDto;
  @ApiPropertyOptional({ type: () => DpiaPrinciplesDto }) @IsOptional() @ValidateNested() @Type(() => DpiaPrinciplesDto) principles?: DpiaPrinciplesDto;
  @ApiPropertyOptional({ type: () => DpiaRisksDto }) @IsOptional() @ValidateNested() @Type(() => DpiaRisksDto) risks?: DpiaRisksDto;

  @NestedList(() => DpiaActionDto, { max: 100 })
  actionPlan?: DpiaActionDto[];

  @ApiPropertyOptional({ type: () => DataSubjectsViewDto }) @IsOptional() @ValidateNested() @Type(() => DataSubjectsViewDto) dataSubjectsView?: DataSubjectsViewDto;
}

export class CreateDpiaDto {
  @ApiProperty({ format: 'uuid', description: 'the activity assessed' }) @IsUUID() activityId!: string;
}

export class DpiaStepDto {
  @ApiPropertyOptional({ description: 'or an If-Match header' }) @IsOptional() @IsInt() @Min(1, withArgs) version?: number;
}

export class DpoOpinionDto extends DpiaStepDto {
  @ApiProperty({ enum: OPINION_STATUSES }) @IsIn(OPINION_STATUSES, withArgs) status!: OpinionStatus;
  @ApiProperty({ maxLength: TEXT_LIMITS.document }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(TEXT_LIMITS.document, withArgs) opinion!: string;
}

/** Art 36(1): the request sent to the supervisory authority. */
export class PriorConsultationDto {
  @ApiProperty({ format: 'date', description: 'the day the request was sent' }) @IsDefined() @IsIsoDate() sentOn!: string;
  @ApiProperty({ maxLength: TEXT_LIMITS.name, description: 'the file number of the request' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(TEXT_LIMITS.name, withArgs) reference!: string;
}

export class DpiaDecisionDto extends DpiaStepDto {
  @ApiProperty({ enum: DPIA_DECISIONS }) @IsIn(DPIA_DECISIONS, withArgs) decision!: DpiaDecision;
  @ApiPropertyOptional({
    type: () => PriorConsultationDto,
    description: 'Art 36: required to validate a DPIA whose residual risk stays high (DPO only); the processing then waits for the answer',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PriorConsultationDto)
  priorConsultation?: PriorConsultationDto;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TEXT_LIMITS.document, description: 'the conditions (required for validated_with_conditions) or the reasons' })
  @Transform(trimToNull)
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.document, withArgs)
  comment?: string | null;
}

/** Art 36(2): the supervisory authority's answer. */
export class ConsultationAnswerDto extends DpiaStepDto {
  @ApiProperty({ format: 'date', description: 'the day the answer was received' }) @IsDefined() @IsIsoDate() receivedOn!: string;
  @ApiProperty({ enum: CONSULTATION_OUTCOMES }) @IsIn(CONSULTATION_OUTCOMES, withArgs) outcome!: ConsultationOutcome;
  @ApiProperty({ maxLength: TEXT_LIMITS.document, description: 'what the authority said' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(TEXT_LIMITS.document, withArgs) summary!: string;
}

export const DPIA_SORTS = ['activity', 'status', 'revision', 'nextActionDue', 'updatedAt'] as const;
export type DpiaSortKey = (typeof DPIA_SORTS)[number];
const SORT_VALUES = sortValues(DPIA_SORTS);

export class ListDpiasQuery extends PageQuery {
  @ApiPropertyOptional({ description: "search in the activity's reference and name (accent-insensitive)" })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.name, withArgs)
  q?: string;

  @ApiPropertyOptional({ enum: DPIA_STATUSES }) @IsOptional() @IsIn(DPIA_STATUSES, withArgs) status?: DpiaStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() activityId?: string;

  @ApiPropertyOptional({ enum: SORT_VALUES, description: 'a field, "-" first for descending; default the activity\'s reference' })
  @IsOptional()
  @IsIn(SORT_VALUES, withArgs)
  sort?: string;
}

export class ActionsDueQuery {
  @ApiProperty({ format: 'date', description: 'actions not done whose due date is before this day' }) @IsDefined() @IsIsoDate() before!: string;
}

// ——— responses (OpenAPI) ———

export class SectionProgressView {
  @ApiProperty() done!: number;
  @ApiProperty() total!: number;
}

export class DpiaListItem implements DpiaSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) activityId!: string;
  @ApiProperty() activityReference!: string;
  @ApiProperty() activityName!: string;
  @ApiProperty({ enum: DPIA_STATUSES }) status!: DpiaStatus;
  @ApiProperty() revision!: number;
  @ApiProperty({ enum: RISK_LEVELS, nullable: true }) residualRisk!: RiskLevelName | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) nextActionDue!: string | null;
  @ApiProperty({ enum: DPIA_DECISIONS, nullable: true }) decision!: DpiaDecision | null;
  @ApiProperty() version!: number;
  @ApiProperty() updatedAt!: Date;
}

export class DpiaPage {
  @ApiProperty({ type: [DpiaListItem] }) items!: DpiaListItem[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ConsultationAnswerView implements ConsultationAnswer {
  @ApiProperty({ format: 'date' }) receivedOn!: string;
  @ApiProperty({ enum: CONSULTATION_OUTCOMES }) outcome!: ConsultationOutcome;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) recordedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) recordedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class PriorConsultationView implements PriorConsultationDetail {
  @ApiProperty({ format: 'date' }) sentOn!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) recordedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) recordedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: () => ConsultationAnswerView, nullable: true }) answer!: ConsultationAnswerView | null;
  @ApiProperty({ format: 'date', description: 'Art 36(2): eight weeks from the request' }) answerDueOn!: string;
  @ApiProperty({ format: 'date', description: 'Art 36(2): fourteen weeks, when the authority extends by six' }) extendedAnswerDueOn!: string;
}

@ApiExtraModels(SectionProgressView)
export class DpiaView implements DpiaDetail {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) activityId!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ enum: DPIA_STATUSES }) status!: DpiaStatus;
  @ApiProperty() locked!: boolean;
  @ApiProperty({ description: 'sections: context, principles, risks, actionPlan, dataSubjectsView', type: 'object', additionalProperties: true }) content!: DpiaContent;
  @ApiProperty({ description: 'what the register says about the activity (read at request time)', type: 'object', additionalProperties: true }) register!: RegisterContext;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) dpoOpinion!: DpoOpinion | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) decision!: DpiaDecisionRecord | null;
  @ApiProperty({ type: () => PriorConsultationView, nullable: true, description: 'Art 36: the prior consultation recorded with the decision' })
  priorConsultation!: PriorConsultationView | null;
  @ApiProperty({ description: 'Art 36(1): the residual risk stays high; validating needs the prior consultation' }) priorConsultationRequired!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(SectionProgressView) } }) progress!: DpiaProgress;
  @ApiProperty({ enum: RISK_LEVELS, nullable: true }) residualRisk!: RiskLevelName | null;
  @ApiProperty() version!: number;
  @ApiProperty({ type: Date }) createdAt!: Date | string;
  @ApiProperty({ type: Date }) updatedAt!: Date | string;
}

export class DpiaRevisionSummary implements DpiaRevisionItem {
  @ApiProperty() revision!: number;
  @ApiProperty({ enum: DPIA_STATUSES }) status!: DpiaStatus;
  @ApiProperty({ enum: DPIA_DECISIONS, nullable: true }) decision!: DpiaDecision | null;
  @ApiProperty({ nullable: true, type: Date }) closedAt!: Date | null;
  @ApiProperty({ description: 'the revision being worked on (not closed yet)' }) current!: boolean;
}

export class DpiaDueAction implements DueAction {
  @ApiProperty({ format: 'uuid' }) dpiaId!: string;
  @ApiProperty() activityReference!: string;
  @ApiProperty() activityName!: string;
  @ApiProperty({ format: 'uuid' }) actionId!: string;
  @ApiProperty() measure!: string;
  @ApiProperty({ type: String, nullable: true }) owner!: string | null;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ enum: ACTION_STATUSES }) status!: ActionStatus;
}
