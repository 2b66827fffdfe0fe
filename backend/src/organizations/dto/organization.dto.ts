import { TEXT_LIMITS } from '../../domain/field-limits';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsISO31661Alpha2, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { REQUESTER_IDENTITY_RETENTION_MONTHS as RETENTION } from '../../domain/rights-requests/identity-retention';
import { IsPhone, withArgs } from '../../common/http/validation';
import { ORGANIZATION_SECTORS, type OrganizationSector } from '../../domain/organizations/organization-profile';
import { LARGE_SCALE_PERSONS_RANGE as LARGE_SCALE } from '../../domain/activities/screening-criteria';

const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() || null : value);

export class CreateOrganizationDto {
  @ApiProperty({ example: 'Démo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.name, withArgs)
  name!: string;

  @ApiPropertyOptional({ default: false, description: 'the creator is also the organisation’s DPO: their membership holds the roles admin and dpo (a one-person office can then validate)' })
  @IsOptional()
  @IsBoolean()
  creatorIsDpo?: boolean;
}

/** Organisation settings: the controller's identity, its DPO and its EU representative (Art 30(1)(a), Art 27). */
export class UpdateOrganizationDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.name, withArgs)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trimToNull) @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(TEXT_LIMITS.short, withArgs) legalName?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'SIREN or other registration number' }) @IsOptional() @Transform(trimToNull) @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(50, withArgs) registrationNumber?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trimToNull) @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(TEXT_LIMITS.paragraph, withArgs) address?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'FR' }) @IsOptional() @Transform(upper) @ValidateIf((_, v) => v !== null) @IsISO31661Alpha2() country?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trimToNull) @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(TEXT_LIMITS.short, withArgs) legalRepresentative?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trimToNull) @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(TEXT_LIMITS.short, withArgs) dpoName?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trimToNull) @ValidateIf((_, v) => v !== null) @IsEmail() @MaxLength(254, withArgs) dpoEmail?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trimToNull) @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(50, withArgs) @IsPhone() dpoPhone?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the number the CNIL gave the DPO designation (e.g. DPO-12345)' }) @IsOptional() @Transform(trimToNull) @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(50, withArgs) dpoDesignationNumber?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trimToNull) @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(TEXT_LIMITS.short, withArgs) euRepresentativeName?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trimToNull) @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(TEXT_LIMITS.paragraph, withArgs) euRepresentativeAddress?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trimToNull) @ValidateIf((_, v) => v !== null) @IsEmail() @MaxLength(254, withArgs) euRepresentativeEmail?: string | null;

  @ApiPropertyOptional({ description: 'a public authority or body (Art 6(1) last subparagraph, Art 37(1)(a))' }) @IsOptional() @IsBoolean() publicBody?: boolean;
  @ApiPropertyOptional({ nullable: true, enum: ORGANIZATION_SECTORS }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsIn(ORGANIZATION_SECTORS, withArgs) sector?: OrganizationSector | null;

  @ApiPropertyOptional({ minimum: RETENTION.min, maximum: RETENTION.max, description: 'months a closed rights request keeps the requester’s identity; then a daily job removes it' })
  @IsOptional()
  @IsInt()
  @Min(RETENTION.min, withArgs)
  @Max(RETENTION.max, withArgs)
  requesterIdentityRetentionMonths?: number;

  @ApiPropertyOptional({
    minimum: LARGE_SCALE.min,
    maximum: LARGE_SCALE.max,
    description: 'persons concerned from which a processing is large scale (EDPB WP248 criterion 5); changing it screens every activity not archived again',
  })
  @IsOptional()
  @IsInt()
  @Min(LARGE_SCALE.min, withArgs)
  @Max(LARGE_SCALE.max, withArgs)
  largeScalePersons?: number;

  @ApiPropertyOptional({ description: 'The version last read; or send If-Match' })
  @IsOptional()
  @IsInt()
  @Min(1, withArgs)
  version?: number;
}

export class OrganizationView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) legalName!: string | null;
  @ApiProperty({ nullable: true, type: String }) registrationNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String }) country!: string | null;
  @ApiProperty({ nullable: true, type: String }) legalRepresentative!: string | null;
  @ApiProperty({ nullable: true, type: String }) dpoName!: string | null;
  @ApiProperty({ nullable: true, type: String }) dpoEmail!: string | null;
  @ApiProperty({ nullable: true, type: String }) dpoPhone!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the CNIL designation number of the DPO' }) dpoDesignationNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) euRepresentativeName!: string | null;
  @ApiProperty({ nullable: true, type: String }) euRepresentativeAddress!: string | null;
  @ApiProperty({ nullable: true, type: String }) euRepresentativeEmail!: string | null;
  @ApiProperty({ description: 'a public authority or body' }) publicBody!: boolean;
  @ApiProperty({ nullable: true, enum: ORGANIZATION_SECTORS }) sector!: OrganizationSector | null;
  @ApiProperty({ description: 'months a closed rights request keeps the requester’s identity' }) requesterIdentityRetentionMonths!: number;
  @ApiProperty({ description: 'persons concerned from which a processing is large scale (EDPB WP248 criterion 5)' }) largeScalePersons!: number;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

/** Art 6(1) last subparagraph: the DPO records why this processing falls outside the authority's tasks. */
export class OutsidePublicTasksDto {
  @ApiProperty({ maxLength: TEXT_LIMITS.veryLong, description: 'why the processing is not carried out in the performance of the authority’s tasks' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.veryLong, withArgs)
  reason!: string;
}

export class OutsidePublicTasksView {
  @ApiProperty({ format: 'uuid' }) activityId!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true }) recordedByName!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) recordedAt!: string | null;
}
