import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { LEGAL_BASES } from '../../domain/activities/activity.types';
import { TEXT_LIMITS } from '../../domain/field-limits';
import { withArgs } from '../../common/http/validation';
import { LOCALES, Locale } from '../../common/i18n/i18n';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ActivityTemplatesQuery {
  @ApiPropertyOptional({ enum: LOCALES, description: 'language of the texts (default: the request’s language)' })
  @IsOptional()
  @IsIn(LOCALES, withArgs)
  lang?: Locale;
}

export class CreateFromTemplateDto {
  @ApiProperty({ maxLength: 100, description: 'a template code from GET …/activity-templates (an organisation’s template: its id)' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100, withArgs)
  template!: string;

  @ApiPropertyOptional({ maxLength: TEXT_LIMITS.short, description: 'the draft’s name; the template’s name in the caller’s language when absent' })
  @Transform(trim)
  @ValidateIf((_: object, value: unknown) => value !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.short, withArgs)
  name?: string;
}

/** Saving an activity as one of the organisation's templates. */
export class SaveAsTemplateDto {
  @ApiProperty({ format: 'uuid', description: 'the activity whose content the template keeps' })
  @IsUUID()
  activityId!: string;

  @ApiProperty({ maxLength: TEXT_LIMITS.short, description: 'the template’s name, unique in the organisation (any case)' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.short, withArgs)
  name!: string;

  @ApiPropertyOptional({ maxLength: TEXT_LIMITS.long, description: 'what it is for; the activity’s description when absent' })
  @Transform(trim)
  @ValidateIf((_: object, value: unknown) => value !== undefined)
  @IsString()
  @MaxLength(TEXT_LIMITS.long, withArgs)
  description?: string;
}

export class TemplatePurposeView {
  @ApiProperty() description!: string;
  @ApiProperty() main!: boolean;
  @ApiProperty({ enum: LEGAL_BASES, nullable: true, description: 'null only in an organisation’s template saved from a draft' })
  legalBasis!: (typeof LEGAL_BASES)[number] | null;
  @ApiProperty({ type: String, nullable: true }) legalReference!: string | null;
}

export class TemplateDataCategoryView {
  @ApiProperty({ description: 'data-categories code' }) category!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, nullable: true, description: 'retention-references code the retention is taken from; null when unlimited by law or left to the organisation' })
  retentionReference!: string | null;
}

export class ActivityTemplateView {
  @ApiProperty({ description: 'what POST …/activities/from-template takes: a shipped template’s code, or an organisation’s template’s id' })
  code!: string;
  @ApiProperty({ description: 'saved by the organisation from one of its activities (true), or shipped with Registre (false)' })
  organizationTemplate!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'the reference of the activity an organisation’s template was saved from' })
  sourceReference!: string | null;
  @ApiProperty({ description: 'in the caller’s language' }) name!: string;
  @ApiProperty({ description: 'in the caller’s language' }) description!: string;
  @ApiProperty({ description: 'written for public authorities and bodies' }) publicBody!: boolean;
  @ApiProperty({ type: [TemplatePurposeView] }) purposes!: TemplatePurposeView[];
  @ApiProperty({ type: [String], description: 'data-subject-categories codes' }) dataSubjects!: string[];
  @ApiProperty({ type: [TemplateDataCategoryView] }) dataCategories!: TemplateDataCategoryView[];
  @ApiProperty({ type: [String], description: 'recipient-categories codes' }) recipients!: string[];
  @ApiProperty({ type: [String], description: 'security-measures codes' }) securityMeasures!: string[];
  @ApiProperty({ type: [String], description: 'paths of the register’s rules the draft leaves for the organisation (dataSubjectInformation, rightsProcedure, dataCategories[i].retention)' })
  leftToOrganization!: string[];
}

export class ActivityTemplateList {
  @ApiProperty({ type: [ActivityTemplateView] }) items!: ActivityTemplateView[];
}
