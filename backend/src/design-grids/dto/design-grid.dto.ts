import { TEXT_LIMITS } from '../../domain/field-limits';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DATA_SOURCES, END_ACTIONS, LEGAL_BASES, type DataSource, type EndAction, type LegalBasis } from '../../domain/activities/activity.types';
import { CompletenessView, IsIsoDuration } from '../../activities/dto/activity.dto';
import { JSON_VALUE_SCHEMA } from '../../common/http/api-schemas';
import { PageQuery } from '../../common/http/pagination';
import { withArgs } from '../../common/http/validation';
import {
  GRID_DOCUMENT_STATES,
  GRID_DOCUMENTS,
  GRID_FIELDS,
  GRID_FLAG_CODES,
  GRID_PRACTICES,
  GRID_QUESTIONS,
  GRID_STATUSES,
  type DataAnswer,
  type DocumentationAnswer,
  type GridAnswers,
  type GridDataCategory,
  type GridDocument,
  type GridDocumentItem,
  type GridDocumentState,
  type GridField,
  type GridQuestion,
  type GridLegalBasis,
  type GridMinimisation,
  type GridPractice,
  type GridProcessor,
  type GridPurpose,
  type GridRecipient,
  type GridRetention,
  type GridStatus,
  type GridSubject,
  type InformationAnswer,
  type LegitimacyAnswer,
  type MinimisationAnswer,
  type PurposesAnswer,
  type ResilienceAnswer,
  type RetentionAnswer,
  type RightsAnswer,
  type SecurityAnswer,
} from '../../domain/design-grids/design-grid.types';

/*
 * The answers are validated at the edge like every body of the API (class-validator, whitelist,
 * unknown properties refused), one class per question implementing the shared answer interface, so
 * the compiler keeps these classes, the wizard's zod schemas and the mapping in step.
 */

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

/** Optional text that may be null; blank text counts as null. */
function NullableText(max: number, description?: string): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: String, nullable: true, maxLength: max, description }), Transform(trimToNull), IsOptional(), IsString(), MaxLength(max, withArgs));
}

/** Text being typed: may be empty while the team writes (the mapping leaves blank entries out). */
function DraftText(max: number, description?: string): PropertyDecorator {
  return applyDecorators(ApiProperty({ maxLength: max, description }), Transform(trim), IsDefined(), IsString(), MaxLength(max, withArgs));
}

/** A catalogue code (checked against the catalogues by the service). */
function Code(nullable: boolean, description: string): PropertyDecorator {
  return applyDecorators(
    nullable ? ApiPropertyOptional({ type: String, nullable: true, description }) : ApiProperty({ description }),
    Transform(trim),
    nullable ? IsOptional() : IsDefined(),
    IsString(),
    IsNotEmpty(),
    MaxLength(100, withArgs),
  );
}

const Present = () => ValidateIf((_: object, value: unknown) => value !== undefined);

function NestedList(type: () => new () => object, description?: string): PropertyDecorator {
  return applyDecorators(ApiProperty({ type: () => [type()], description }), IsDefined(), IsArray(), ArrayMaxSize(100, withArgs), ValidateNested({ each: true }), Type(type));
}

function CodeList(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: [String], description }),
    IsDefined(),
    IsArray(),
    ArrayMaxSize(100, withArgs),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(100, { ...withArgs, each: true }),
  );
}

function NullableBoolean(description?: string): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: Boolean, nullable: true, description }), IsOptional(), IsBoolean());
}

const Note = () => NullableText(TEXT_LIMITS.veryLong, '"I don’t know yet, here is what we know"');

// ——— 1. purposes ———

export class GridPurposeDto implements GridPurpose {
  @ApiProperty({ maxLength: 40, description: 'stable id chosen by the client' }) @IsString() @Matches(/^[A-Za-z0-9_-]{1,40}$/) id!: string;
  @DraftText(TEXT_LIMITS.long) description!: string;
  @ApiProperty() @IsBoolean() main!: boolean;
}

export class PurposesAnswerDto implements PurposesAnswer {
  @NestedList(() => GridPurposeDto) purposes!: GridPurposeDto[];
  @ApiProperty({ enum: GRID_PRACTICES, isArray: true }) @IsArray() @ArrayMaxSize(GRID_PRACTICES.length, withArgs) @IsIn(GRID_PRACTICES, { ...withArgs, each: true }) practices!: GridPractice[];
  @Note() note?: string | null;
}

// ——— 2. legitimacy ———

export class GridLegalBasisDto implements GridLegalBasis {
  @ApiProperty() @IsString() @Matches(/^[A-Za-z0-9_-]{1,40}$/) purposeId!: string;
  @ApiProperty({ enum: LEGAL_BASES, nullable: true }) @ValidateIf((_: object, value: unknown) => value !== null) @IsIn(LEGAL_BASES, withArgs) legalBasis!: LegalBasis | null;
  @NullableText(TEXT_LIMITS.long, 'the text setting the obligation or the task') legalReference?: string | null;
  @NullableText(TEXT_LIMITS.veryLong, 'legitimate interest: the interest pursued') interest?: string | null;
  @NullableText(TEXT_LIMITS.veryLong, 'legitimate interest: why the processing is necessary') necessity?: string | null;
  @NullableText(TEXT_LIMITS.veryLong, 'legitimate interest: the balance with people’s rights') balancing?: string | null;
}

export class LegitimacyAnswerDto implements LegitimacyAnswer {
  @NestedList(() => GridLegalBasisDto) bases!: GridLegalBasisDto[];
  @Note() note?: string | null;
}

// ——— 3. data ———

export class GridSubjectDto implements GridSubject {
  @Code(false, 'data-subject-categories code') category!: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(0, withArgs) estimatedCount?: number | null;
  @NullableBoolean('defaults to the catalogue’s vulnerableByDefault') vulnerable?: boolean | null;
}

export class GridDataCategoryDto implements GridDataCategory {
  @Code(false, 'data-categories code') category!: string;
  @NullableText(TEXT_LIMITS.long) description?: string | null;
  @ApiPropertyOptional({ enum: DATA_SOURCES, nullable: true }) @IsOptional() @IsIn(DATA_SOURCES, withArgs) source?: DataSource | null;
  @NullableText(TEXT_LIMITS.paragraph) sourceDetail?: string | null;
  @ApiPropertyOptional() @Present() @IsBoolean() mandatory?: boolean;
  @Code(true, 'art9-conditions code') art9Condition?: string | null;
}

export class GridRecipientDto implements GridRecipient {
  @Code(false, 'recipient-categories code') category!: string;
  @NullableText(TEXT_LIMITS.short) name?: string | null;
}

export class GridProcessorDto implements GridProcessor {
  @DraftText(TEXT_LIMITS.short, 'the provider’s name (a vendor of the organisation, proposed when new)') name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'US' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() || null : value))
  @ValidateIf((_: object, value: unknown) => value !== null)
  @IsString()
  @Matches(/^[A-Z]{2}$/)
  country!: string | null;
  @Code(true, 'transfer-mechanisms code') mechanism?: string | null;
}

export class DataAnswerDto implements DataAnswer {
  @NestedList(() => GridSubjectDto) subjects!: GridSubjectDto[];
  @NullableBoolean('many people (EDPB large-scale criterion)') largeScale?: boolean | null;
  @NestedList(() => GridDataCategoryDto) dataCategories!: GridDataCategoryDto[];
  @NestedList(() => GridRecipientDto) recipients!: GridRecipientDto[];
  @NestedList(() => GridProcessorDto) processors!: GridProcessorDto[];
  @Note() note?: string | null;
}

// ——— 4. minimisation ———

export class GridMinimisationDto implements GridMinimisation {
  @Code(false, 'data-categories code') category!: string;
  @ApiProperty({ type: String, nullable: true }) @Transform(trimToNull) @IsOptional() @IsString() @MaxLength(TEXT_LIMITS.long, withArgs) justification!: string | null;
}

export class MinimisationAnswerDto implements MinimisationAnswer {
  @NestedList(() => GridMinimisationDto) justifications!: GridMinimisationDto[];
  @Note() note?: string | null;
}

// ——— 5. retention ———

export class GridRetentionDto implements GridRetention {
  @Code(false, 'data-categories code') category!: string;
  @ApiProperty({ type: String, nullable: true, example: 'P5Y', description: 'null: no end (needs unlimitedJustification), or undecided' })
  @ValidateIf((_: object, value: unknown) => value !== null)
  @IsIsoDuration()
  activePeriod!: string | null;
  @ApiPropertyOptional({ description: '"I don’t know yet": to decide with the DPO (activePeriod null, never read as unlimited)' })
  @IsOptional()
  @IsBoolean()
  undecided?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'P10Y' }) @IsOptional() @IsIsoDuration() archivePeriod?: string | null;
  @NullableText(TEXT_LIMITS.short, 'retention-start-events code or free text') startEvent?: string | null;
  @NullableText(TEXT_LIMITS.long) legalReference?: string | null;
  @ApiPropertyOptional({ enum: END_ACTIONS }) @Present() @IsIn(END_ACTIONS, withArgs) endAction?: EndAction;
  @NullableText(TEXT_LIMITS.long) unlimitedJustification?: string | null;
}

export class RetentionAnswerDto implements RetentionAnswer {
  @NestedList(() => GridRetentionDto) rules!: GridRetentionDto[];
  @Note() note?: string | null;
}

// ——— 6, 7. information and rights ———

export class InformationAnswerDto implements InformationAnswer {
  @ApiProperty({ type: String, nullable: true }) @Transform(trimToNull) @IsOptional() @IsString() @MaxLength(TEXT_LIMITS.veryLong, withArgs) description!: string | null;
  @Note() note?: string | null;
}

export class RightsAnswerDto implements RightsAnswer {
  @ApiProperty({ type: String, nullable: true }) @Transform(trimToNull) @IsOptional() @IsString() @MaxLength(TEXT_LIMITS.veryLong, withArgs) description!: string | null;
  @Note() note?: string | null;
}

// ——— 8, 9. security and resilience ———

export class SecurityAnswerDto implements SecurityAnswer {
  @CodeList('security-measures codes') measures!: string[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(50, withArgs) @IsString({ each: true }) @MaxLength(490, { ...withArgs, each: true }) otherMeasures!: string[];
  @Note() note?: string | null;
}

export class ResilienceAnswerDto implements ResilienceAnswer {
  @CodeList('security-measures codes (incident, backup, continuity, logging…)') measures!: string[];
  @NullableText(TEXT_LIMITS.veryLong) incidentProcedure?: string | null;
  @NullableText(TEXT_LIMITS.veryLong) patching?: string | null;
  @NullableText(TEXT_LIMITS.veryLong) rollback?: string | null;
  @Note() note?: string | null;
}

// ——— 10. documentation ———

export class GridDocumentItemDto implements GridDocumentItem {
  @ApiProperty({ enum: GRID_DOCUMENTS }) @IsIn(GRID_DOCUMENTS, withArgs) kind!: GridDocument;
  @ApiProperty({ enum: GRID_DOCUMENT_STATES }) @IsIn(GRID_DOCUMENT_STATES, withArgs) state!: GridDocumentState;
}

export class DocumentationAnswerDto implements DocumentationAnswer {
  @NestedList(() => GridDocumentItemDto) documents!: GridDocumentItemDto[];
  @Note() note?: string | null;
}

function Answer(type: () => new () => object): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: () => type() }), Present(), ValidateNested(), Type(type));
}

/** The answers of the questions given (each replaces the stored answer of its question). */
export class GridAnswersDto implements GridAnswers {
  @Answer(() => PurposesAnswerDto) purposes?: PurposesAnswerDto;
  @Answer(() => LegitimacyAnswerDto) legitimacy?: LegitimacyAnswerDto;
  @Answer(() => DataAnswerDto) data?: DataAnswerDto;
  @Answer(() => MinimisationAnswerDto) minimisation?: MinimisationAnswerDto;
  @Answer(() => RetentionAnswerDto) retention?: RetentionAnswerDto;
  @Answer(() => InformationAnswerDto) information?: InformationAnswerDto;
  @Answer(() => RightsAnswerDto) rights?: RightsAnswerDto;
  @Answer(() => SecurityAnswerDto) security?: SecurityAnswerDto;
  @Answer(() => ResilienceAnswerDto) resilience?: ResilienceAnswerDto;
  @Answer(() => DocumentationAnswerDto) documentation?: DocumentationAnswerDto;
}

// ——— requests ———

export class CreateDesignGridDto {
  @ApiProperty({ maxLength: TEXT_LIMITS.short }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(TEXT_LIMITS.short, withArgs) projectName!: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @IsOptional() @IsUUID() departmentId?: string | null;
  @NullableText(TEXT_LIMITS.long, 'the project in two or three sentences') pitch?: string | null;
  @ApiPropertyOptional({ type: () => GridAnswersDto }) @Present() @ValidateNested() @Type(() => GridAnswersDto) answers?: GridAnswersDto;
}

/** Autosave: the project fields and the answers of the questions given; `version` guards concurrent saves. */
export class UpdateDesignGridDto {
  @ApiPropertyOptional({ description: 'The version last read; or send If-Match' }) @IsOptional() @IsInt() @Min(1, withArgs) version?: number;
  @ApiPropertyOptional({ maxLength: TEXT_LIMITS.short }) @Transform(trim) @Present() @IsString() @IsNotEmpty() @MaxLength(TEXT_LIMITS.short, withArgs) projectName?: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @IsOptional() @IsUUID() departmentId?: string | null;
  @NullableText(TEXT_LIMITS.long) pitch?: string | null;
  @ApiPropertyOptional({ type: () => GridAnswersDto }) @Present() @ValidateNested() @Type(() => GridAnswersDto) answers?: GridAnswersDto;
}

export class GridTransitionDto {
  @ApiPropertyOptional({ description: 'The version last read; or send If-Match' }) @IsOptional() @IsInt() @Min(1, withArgs) version?: number;
  @NullableText(TEXT_LIMITS.long, 'a note kept with the change') comment?: string | null;
}

export class ResolveConflictDto {
  @ApiPropertyOptional({ description: 'The version last read; or send If-Match' }) @IsOptional() @IsInt() @Min(1, withArgs) version?: number;
  @ApiProperty({ enum: GRID_FIELDS }) @IsIn(GRID_FIELDS, withArgs) field!: GridField;
  @ApiProperty({ enum: ['grid', 'activity'], description: 'grid: write the answers’ value; activity: keep what the draft holds' })
  @IsIn(['grid', 'activity'], withArgs)
  keep!: 'grid' | 'activity';
}

export class QuestionCommentsDto implements Partial<Record<(typeof GRID_QUESTIONS)[number], string | null>> {
  @NullableText(TEXT_LIMITS.veryLong) purposes?: string | null;
  @NullableText(TEXT_LIMITS.veryLong) legitimacy?: string | null;
  @NullableText(TEXT_LIMITS.veryLong) data?: string | null;
  @NullableText(TEXT_LIMITS.veryLong) minimisation?: string | null;
  @NullableText(TEXT_LIMITS.veryLong) retention?: string | null;
  @NullableText(TEXT_LIMITS.veryLong) information?: string | null;
  @NullableText(TEXT_LIMITS.veryLong) rights?: string | null;
  @NullableText(TEXT_LIMITS.veryLong) security?: string | null;
  @NullableText(TEXT_LIMITS.veryLong) resilience?: string | null;
  @NullableText(TEXT_LIMITS.veryLong) documentation?: string | null;
}

export class RequestChangesDto {
  @ApiPropertyOptional({ description: 'The version last read; or send If-Match' }) @IsOptional() @IsInt() @Min(1, withArgs) version?: number;
  @ApiProperty({ type: () => QuestionCommentsDto, description: 'per question: the comment (null or blank clears it); at least one' })
  @IsDefined()
  @ValidateNested()
  @Type(() => QuestionCommentsDto)
  comments!: QuestionCommentsDto;
}

const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value);
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListDesignGridsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: GRID_STATUSES, isArray: true, description: 'one or several (comma-separated)' })
  @IsOptional()
  @Transform(toList)
  @IsIn(GRID_STATUSES, { ...withArgs, each: true })
  status?: GridStatus[];

  @ApiPropertyOptional({ format: 'uuid', description: 'the grid that designed this activity' }) @IsOptional() @IsUUID() activityId?: string;
  @ApiPropertyOptional({ description: 'true: the caller’s own grids' }) @IsOptional() @Transform(toBoolean) @IsBoolean() mine?: boolean;
}

// ——— responses (OpenAPI) ———

class GridFlagView {
  @ApiProperty({ enum: GRID_FLAG_CODES }) code!: string;
  @ApiProperty({ enum: GRID_QUESTIONS }) question!: string;
  @ApiProperty({ type: [String] }) items!: string[];
}

class GridDpiaCriterionView {
  @ApiProperty({ description: 'dpia-criteria code' }) code!: string;
  @ApiProperty({ type: [String], description: 'the answers implying it (codes)' }) because!: string[];
}

class GridDpiaView {
  @ApiProperty({ type: [GridDpiaCriterionView] }) criteria!: GridDpiaCriterionView[];
  @ApiProperty({ enum: ['required', 'not_required', 'to_assess'] }) decision!: string;
}

class GridProblemView {
  @ApiProperty({ example: 'dataCategories[1].retention' }) path!: string;
  @ApiProperty({ description: 'activity_rules code' }) code!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) params!: Record<string, string>;
}

class GridConflictView {
  @ApiProperty({ enum: GRID_FIELDS }) field!: GridField;
  @ApiProperty({ enum: [...GRID_QUESTIONS, 'project'], isArray: true }) questions!: readonly (GridQuestion | 'project')[];
  @ApiProperty({ description: 'what the answers would write', nullable: true, oneOf: JSON_VALUE_SCHEMA.oneOf }) gridValue!: unknown;
  @ApiProperty({ description: 'what the draft holds now', nullable: true, oneOf: JSON_VALUE_SCHEMA.oneOf }) activityValue!: unknown;
}

export class DesignGridView {
  @ApiProperty() id!: string;
  @ApiProperty() projectName!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) departmentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) department!: string | null;
  @ApiProperty({ type: String, nullable: true }) pitch!: string | null;
  @ApiProperty({ type: () => GridAnswersDto }) answers!: GridAnswersDto;
  @ApiProperty({ enum: GRID_STATUSES }) status!: GridStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) activityId!: string | null;
  @ApiProperty({ type: String, nullable: true }) activityReference!: string | null;
  @ApiProperty({ type: String, nullable: true }) createdById!: string | null;
  @ApiProperty({ type: String, nullable: true }) createdByName!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: String, nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewedAt!: string | null;
  @ApiProperty({ description: 'per question: { text, authorId, authorName, at }', type: 'object', additionalProperties: true }) comments!: Record<string, unknown>;
  @ApiProperty({ enum: GRID_QUESTIONS, isArray: true }) answered!: string[];
  @ApiProperty({ type: [GridFlagView] }) flags!: GridFlagView[];
  @ApiProperty({ type: GridDpiaView }) dpia!: GridDpiaView;
  @ApiProperty({ type: CompletenessView }) completeness!: CompletenessView;
  @ApiProperty({ type: [GridProblemView], description: 'what the draft still lacks for validation' }) problems!: GridProblemView[];
  @ApiProperty({ type: [GridConflictView] }) conflicts!: GridConflictView[];
}

export class DesignGridListItem {
  @ApiProperty() id!: string;
  @ApiProperty() projectName!: string;
  @ApiProperty({ type: String, nullable: true }) department!: string | null;
  @ApiProperty({ enum: GRID_STATUSES }) status!: GridStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, nullable: true }) activityId!: string | null;
  @ApiProperty({ type: String, nullable: true }) createdByName!: string | null;
  @ApiProperty() answeredCount!: number;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: String, nullable: true }) submittedAt!: string | null;
}

export class DesignGridPage {
  @ApiProperty({ type: [DesignGridListItem] }) items!: DesignGridListItem[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
