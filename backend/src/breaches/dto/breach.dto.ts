import { TEXT_LIMITS } from '../../domain/field-limits';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
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
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '../../common/http/is-instant';
import { PageQuery } from '../../common/http/pagination';
import { NestedList } from '../../common/http/nested-list';
import { withArgs } from '../../common/http/validation';
import {
  BREACH_NATURES,
  BREACH_RISKS,
  COMMUNICATION_EXCEPTIONS,
  FACTOR_LEVELS,
  NOTIFICATION_STATES,
  type AuthorityNotification,
  type BreachDetail,
  type BreachNature,
  type BreachRisk,
  type BreachSummary,
  type CommunicationException,
  type FactorLevel,
  type NotificationState,
  type PersonsCommunication,
  type RiskFactors,
  type TimelineEntry,
} from '../../domain/breaches/breach.types';
import { SUMMARY_SECTIONS, type SummarySection } from '../notification-summary';

const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

function OptionalText(max: number, description?: string): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: String, nullable: true, maxLength: max, description }), Transform(trimToNull), IsOptional(), IsString(), MaxLength(max, withArgs));
}

function OptionalInstant(description?: string): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description }), IsOptional(), IsInstant());
}

function Codes(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [String], description }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(100, withArgs),
    ArrayUnique(),
    IsString({ each: true }),
    Matches(/^[a-z0-9_]{1,64}$/, { each: true }),
  );
}

function Ids(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [String], format: 'uuid', description }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(200, withArgs),
    ArrayUnique(),
    IsUUID('all', { each: true }),
  );
}

export class AuthorityNotificationDto implements AuthorityNotification {
  @OptionalInstant('when the notification was made (CNIL online form)') notifiedAt!: string | null;
  @OptionalText(TEXT_LIMITS.name, 'the authority’s reference') reference!: string | null;
  @ApiProperty({ description: 'Art 33(4): information given in phases' }) @IsDefined() @IsBoolean() phased!: boolean;
  @OptionalText(TEXT_LIMITS.veryLong, 'Art 33(1): the reasons for a notification after 72 hours') delayReasons!: string | null;
}

export class PersonsCommunicationDto implements PersonsCommunication {
  @OptionalInstant('when the people concerned were told (Art 34(1))') communicatedAt!: string | null;
  @ApiPropertyOptional({ enum: COMMUNICATION_EXCEPTIONS, nullable: true, description: 'the Art 34(3) exception relied on instead' })
  @IsOptional()
  @IsIn(COMMUNICATION_EXCEPTIONS, withArgs)
  exception!: CommunicationException | null;
  @OptionalText(TEXT_LIMITS.veryLong, 'how and what they were told, or why the exception applies') details!: string | null;
}

/** EDPB Guidelines 9/2022 factors; the breach's type (natures) and number of people (approxPersons) are its own fields. Replaced whole. */
export class RiskFactorsDto implements RiskFactors {
  @ApiProperty({ description: 'special categories, offences, financial data, identity documents…' }) @IsDefined() @IsBoolean() sensitiveData!: boolean;
  @ApiPropertyOptional({ enum: FACTOR_LEVELS, nullable: true, description: 'ease of identification of the people; null: not assessed' })
  @IsOptional()
  @IsIn(FACTOR_LEVELS, withArgs)
  identifiability!: FactorLevel | null;
  @ApiPropertyOptional({ enum: FACTOR_LEVELS, nullable: true, description: 'severity of the consequences for them; null: not assessed' })
  @IsOptional()
  @IsIn(FACTOR_LEVELS, withArgs)
  severity!: FactorLevel | null;
  @ApiProperty({ description: 'children or other vulnerable people among them' }) @IsDefined() @IsBoolean() vulnerablePersons!: boolean;
  @OptionalText(TEXT_LIMITS.long, 'what about the controller weighs on the risk (e.g. a medical body)') controllerCharacteristics!: string | null;
}

export class TimelineEntryDto implements TimelineEntry {
  @ApiProperty({ format: 'date-time' }) @IsDefined() @IsInstant() at!: string;
  @ApiProperty({ maxLength: TEXT_LIMITS.long }) @Transform(trim) @IsDefined() @IsString() @IsNotEmpty() @MaxLength(TEXT_LIMITS.long, withArgs) event!: string;
}

/** Every field of a breach but its date of awareness; all optional (the record fills in over time). */
class BreachFieldsDto {
  @OptionalInstant('when it happened (if known)') occurredAt?: string | null;
  @OptionalText(TEXT_LIMITS.veryLong, 'how it was discovered') discovery?: string | null;
  @ApiPropertyOptional({ enum: BREACH_NATURES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(BREACH_NATURES, { ...withArgs, each: true })
  natures?: BreachNature[];
  @Codes('codes of the data-categories catalogue') dataCategories?: string[];
  @Codes('codes of the data-subject-categories catalogue') subjectCategories?: string[];
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @Type(() => Number) @IsInt() @Min(0, withArgs) approxPersons?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @Type(() => Number) @IsInt() @Min(0, withArgs) approxRecords?: number | null;
  @Ids('activities of the register concerned') activityIds?: string[];
  @Ids('vendors involved (a processor’s breach)') vendorIds?: string[];
  @OptionalInstant('Art 33(2): when the processor told us') processorNotifiedAt?: string | null;
  @OptionalText(TEXT_LIMITS.veryLong, 'likely consequences for the people') consequences?: string | null;
  @OptionalText(TEXT_LIMITS.veryLong) measuresTaken?: string | null;
  @OptionalText(TEXT_LIMITS.veryLong) measuresProposed?: string | null;
  @ApiPropertyOptional({ enum: BREACH_RISKS, nullable: true, description: 'null: not assessed yet' }) @IsOptional() @IsIn(BREACH_RISKS, withArgs) risk?: BreachRisk | null;
  @OptionalText(TEXT_LIMITS.veryLong, 'the assessment (EDPB Guidelines 9/2022 factors: type, sensitivity, volume, identification, severity, special characteristics, number of people)') riskRationale?: string | null;
  @ApiPropertyOptional({ type: RiskFactorsDto }) @IsOptional() @ValidateNested() @Type(() => RiskFactorsDto) riskFactors?: RiskFactorsDto;
  @ApiPropertyOptional({ type: AuthorityNotificationDto }) @IsOptional() @ValidateNested() @Type(() => AuthorityNotificationDto) authorityNotification?: AuthorityNotificationDto;
  @ApiPropertyOptional({ type: PersonsCommunicationDto }) @IsOptional() @ValidateNested() @Type(() => PersonsCommunicationDto) personsCommunication?: PersonsCommunicationDto;
  @NestedList(() => TimelineEntryDto, { max: 500 }) timeline?: TimelineEntryDto[];
}

export class CreateBreachDto extends BreachFieldsDto {
  @ApiProperty({ maxLength: TEXT_LIMITS.sentence, description: 'what happened, in a sentence' }) @Transform(trim) @IsDefined() @IsString() @IsNotEmpty() @MaxLength(TEXT_LIMITS.sentence, withArgs) summary!: string;
  @ApiProperty({ format: 'date-time', description: 'when the organisation became aware of it: the 72 hours of Art 33(1) run from here' })
  @IsDefined()
  @IsInstant()
  awareAt!: string;
}

export class UpdateBreachDto extends BreachFieldsDto {
  @ApiPropertyOptional({ description: 'the version last seen (or an If-Match header)' }) @IsOptional() @IsInt() @Min(1, withArgs) version?: number;
  @ApiPropertyOptional({ maxLength: TEXT_LIMITS.sentence }) @Transform(trim) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(TEXT_LIMITS.sentence, withArgs) summary?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsInstant() awareAt?: string;
}

export class ListBreachesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: BREACH_RISKS }) @IsOptional() @IsIn([...BREACH_RISKS, 'not_assessed'], withArgs) risk?: BreachRisk | 'not_assessed';
}

// ——— responses (OpenAPI) ———

export class BreachListItem implements BreachSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'V-0001' }) reference!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ format: 'date-time' }) awareAt!: string;
  @ApiProperty({ enum: BREACH_NATURES, isArray: true }) natures!: BreachNature[];
  @ApiProperty({ enum: BREACH_RISKS, nullable: true }) risk!: BreachRisk | null;
  @ApiProperty({ format: 'date-time', description: 'awareAt + 72 elapsed hours (Art 33(1))' }) notificationDueAt!: string;
  @ApiProperty({ enum: NOTIFICATION_STATES }) notificationState!: NotificationState;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) authorityNotifiedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) personsCommunicatedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedBy!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class BreachPage {
  @ApiProperty({ type: [BreachListItem] }) items!: BreachListItem[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class BreachView extends BreachListItem implements BreachDetail {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) occurredAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) discovery!: string | null;
  @ApiProperty({ type: [String] }) dataCategories!: string[];
  @ApiProperty({ type: [String] }) subjectCategories!: string[];
  @ApiProperty({ type: Number, nullable: true }) approxPersons!: number | null;
  @ApiProperty({ type: Number, nullable: true }) approxRecords!: number | null;
  @ApiProperty({ type: [String], format: 'uuid' }) activityIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) vendorIds!: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) processorNotifiedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) consequences!: string | null;
  @ApiProperty({ type: String, nullable: true }) measuresTaken!: string | null;
  @ApiProperty({ type: String, nullable: true }) measuresProposed!: string | null;
  @ApiProperty({ type: String, nullable: true }) riskRationale!: string | null;
  @ApiProperty({ type: RiskFactorsDto }) riskFactors!: RiskFactors;
  @ApiProperty({ type: AuthorityNotificationDto }) authorityNotification!: AuthorityNotification;
  @ApiProperty({ type: PersonsCommunicationDto }) personsCommunication!: PersonsCommunication;
  @ApiProperty({ type: [TimelineEntryDto] }) timeline!: TimelineEntry[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SummarySectionView {
  @ApiProperty({ enum: SUMMARY_SECTIONS }) key!: SummarySection;
  @ApiProperty() title!: string;
  @ApiProperty() text!: string;
}

export class NotificationSummaryView {
  @ApiProperty({ type: [SummarySectionView] }) sections!: SummarySectionView[];
  @ApiProperty({ description: 'every section, titled, as one text' }) text!: string;
}
