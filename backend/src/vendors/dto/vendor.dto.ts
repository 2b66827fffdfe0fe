import { sortValues } from '../../common/http/list-sql';
import { TEXT_LIMITS } from '../../domain/field-limits';
import { applyDecorators } from '@nestjs/common';
import { ApiHideProperty, ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
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
import { IsIsoDate } from '../../activities/dto/activity.dto';
import { PageQuery } from '../../common/http/pagination';
import { IsPhone, withArgs } from '../../common/http/validation';
import { CONTACT_LIMITS } from '../../domain/contacts';
import { TRANSFER_STATUSES, type TransferStatus } from '../../domain/transfers/transfer-status';
import {
  END_OF_CONTRACT,
  REVIEW_RESULTS,
  SUB_PROCESSOR_CHANGE_NOTICES,
  VENDOR_CONTACTS_MAX,
  VENDOR_ROLES,
  VENDOR_STATUSES,
  type EndOfContract,
  type ReviewAnswers,
  type ReviewResult,
  type SubProcessorChangeNotice,
  type VendorRole,
  type VendorStatus,
} from '../../domain/vendors/vendor.types';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const upperEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? (value as unknown[]).map((item) => (typeof item === 'string' ? item.trim().toUpperCase() : item)) : value;
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : Array.isArray(value) ? (value as unknown[]) : value;
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

const COUNTRY = /^[A-Z]{2}$/;

/** Optional, but never null when given. */
const Present = () => ValidateIf((_: object, value: unknown) => value !== undefined);

function NullableText(max: number, description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: max, description }),
    Transform(trimToNull),
    IsOptional(),
    IsString(),
    MaxLength(max, withArgs),
  );
}

/** An ISO 3166-1 alpha-2 code (checked against the countries catalogue by the service). */
function NullableCountry(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, example: 'FR', description }),
    Transform(upper),
    IsOptional(),
    IsString(),
    Matches(COUNTRY),
  );
}

function StringList(maxItems: number, maxLength: number, description: string, transform = trimEach): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [String], description }),
    Transform(transform),
    Present(),
    IsArray(),
    ArrayMaxSize(maxItems, withArgs),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(maxLength, { ...withArgs, each: true }),
  );
}

function trimEach({ value }: { value: unknown }): unknown {
  return Array.isArray(value) ? (value as unknown[]).map((item) => (typeof item === 'string' ? item.trim() : item)) : value;
}

export class DpaDto {
  @ApiProperty({ description: 'a data processing agreement (Art 28(3)) is signed' }) @IsDefined() @IsBoolean() signed!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) @IsOptional() @IsIsoDate() signedOn?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'a document attached to this vendor' }) @IsOptional() @IsUUID() documentId?: string | null;
}

export class TiaDto {
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', description: 'date of the transfer impact assessment' }) @IsOptional() @IsIsoDate() date?: string | null;
  @NullableText(TEXT_LIMITS.veryLong, 'its conclusion (and the supplementary measures it calls for)') conclusion?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'a document attached to this vendor' }) @IsOptional() @IsUUID() documentId?: string | null;
}

/** Someone to reach at the vendor (its DPO, the account or security contact). */
export class VendorContactDto {
  @ApiProperty({ maxLength: TEXT_LIMITS.short, example: 'Délégué à la protection des données', description: 'their role, in words' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.short, withArgs)
  role!: string;

  @ApiProperty({ maxLength: TEXT_LIMITS.short, example: 'Hélène Lefèvre' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.short, withArgs)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: CONTACT_LIMITS.email, example: 'dpo@exemple.fr' })
  @Transform(trimToNull)
  @IsOptional()
  @IsString()
  @MaxLength(CONTACT_LIMITS.email, withArgs)
  @IsEmail()
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: CONTACT_LIMITS.phone, example: '+33 1 23 45 67 89', description: 'as people write it: digits, spaces, dots, dashes, brackets, a leading +' })
  @Transform(trimToNull)
  @IsOptional()
  @IsString()
  @MaxLength(CONTACT_LIMITS.phone, withArgs)
  @IsPhone()
  phone?: string | null;
}

/** A contact as stored and returned (absent e-mail or telephone: null). */
export class VendorContactView {
  @ApiProperty() role!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
}

/**
 * A vendor in its interchange format (the sample register's `vendors`), as POST and the JSON import
 * take it. Sub-processors are named, like the processors of an activity.
 */
export class CreateVendorDto {
  @ApiProperty({ maxLength: TEXT_LIMITS.short, description: 'unique in the organisation (case-insensitive); activities name their processors with it' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.short, withArgs)
  name!: string;

  @NullableText(TEXT_LIMITS.short, 'legal entity (company name)') legalEntity?: string | null;
  @NullableText(TEXT_LIMITS.long, 'service provided') service?: string | null;
  @ApiPropertyOptional({ enum: VENDOR_ROLES, default: 'processor' }) @Present() @IsIn(VENDOR_ROLES, withArgs) role?: VendorRole;
  @NullableCountry('headquarters country') headquartersCountry?: string | null;
  @NullableText(TEXT_LIMITS.short, 'parent company') parentCompany?: string | null;
  @NullableCountry('country of the parent company (exposure to extraterritorial access laws)') parentCountry?: string | null;
  @StringList(60, 2, 'countries where the data are stored or accessed from', upperEach) dataLocations?: string[];
  @StringList(50, 100, 'ISO27001, SOC2, HDS, SecNumCloud, DPF…') certifications?: string[];

  @ApiPropertyOptional({ type: () => DpaDto })
  @Present()
  @ValidateNested()
  @Type(() => DpaDto)
  dpa?: DpaDto;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'transfer-mechanisms code (adequacy, dpf, scc, bcr, art49_…)' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100, withArgs)
  transferMechanism?: string | null;

  @ApiPropertyOptional({ type: () => TiaDto })
  @Present()
  @ValidateNested()
  @Type(() => TiaDto)
  tia?: TiaDto;

  @StringList(200, TEXT_LIMITS.short, 'names of its own sub-processors (vendors of the organisation)') subProcessors?: string[];

  @ApiPropertyOptional({ enum: VENDOR_STATUSES, default: 'under_review', description: 'contributors propose (under_review); later changes go through review or terminate' })
  @Present()
  @IsIn(VENDOR_STATUSES, withArgs)
  status?: VendorStatus;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) @IsOptional() @IsIsoDate() nextReviewDate?: string | null;
  @NullableText(TEXT_LIMITS.document) notes?: string | null;

  @ApiPropertyOptional({ type: () => [VendorContactDto], maxItems: VENDOR_CONTACTS_MAX, description: 'its DPO, account or security contacts; the list given replaces the stored one' })
  @Present()
  @IsArray()
  @ArrayMaxSize(VENDOR_CONTACTS_MAX, withArgs)
  @ValidateNested({ each: true })
  @Type(() => VendorContactDto)
  contacts?: VendorContactDto[];

  // Computed by the server: accepted so a vendor read from the API can be sent back, then ignored.
  @ApiHideProperty() @Allow() id?: unknown;
  @ApiHideProperty() @Allow() createdAt?: unknown;
  @ApiHideProperty() @Allow() updatedAt?: unknown;
  @ApiHideProperty() @Allow() assessment?: unknown;
  @ApiHideProperty() @Allow() dpaMissing?: unknown;
  @ApiHideProperty() @Allow() reviewOverdue?: unknown;
  @ApiHideProperty() @Allow() subProcessorChain?: unknown;
  @ApiHideProperty() @Allow() usedBy?: unknown;
  @ApiHideProperty() @Allow() activities?: unknown;
  @ApiHideProperty() @Allow() lastReview?: unknown;
  @ApiHideProperty() @Allow() activitiesStillUsing?: unknown;
}

/** Top-level fields given replace the stored ones (a list replaces the whole list). */
export class UpdateVendorDto extends PartialType(CreateVendorDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ description: 'The version last read; or send If-Match' })
  @IsOptional()
  @IsInt()
  @Min(1, withArgs)
  version?: number;

  @NullableText(TEXT_LIMITS.long, 'a note kept with the version') comment?: string | null;
}

export class ReviewAnswersDto {
  @StringList(50, 100, 'certifications the vendor holds, as checked') certifications?: string[];
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'certificates seen and valid' }) @IsOptional() @IsBoolean() certificationsVerified?: boolean | null;
  @StringList(60, 2, 'countries where the vendor says the data are stored or accessed from', upperEach) dataLocations?: string[];
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'the vendor lists its own sub-processors' }) @IsOptional() @IsBoolean() subProcessorsListed?: boolean | null;
  @ApiPropertyOptional({ enum: SUB_PROCESSOR_CHANGE_NOTICES, nullable: true, description: 'how changes of sub-processors are announced (Art 28(2))' })
  @IsOptional()
  @IsIn(SUB_PROCESSOR_CHANGE_NOTICES, withArgs)
  subProcessorChangeNotice?: SubProcessorChangeNotice | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'commits to notify personal data breaches' }) @IsOptional() @IsBoolean() breachNotificationCommitment?: boolean | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'notification delay committed to, in hours' })
  @IsOptional()
  @IsInt()
  @Min(0, withArgs)
  breachNotificationDelayHours?: number | null;
  @ApiPropertyOptional({ enum: END_OF_CONTRACT, nullable: true, description: 'what happens to the data at the end of the contract (Art 28(3)(g))' })
  @IsOptional()
  @IsIn(END_OF_CONTRACT, withArgs)
  endOfContract?: EndOfContract | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'audit rights granted (Art 28(3)(h))' }) @IsOptional() @IsBoolean() auditRights?: boolean | null;
  @NullableText(TEXT_LIMITS.veryLong, 'security measures described by the vendor') securityMeasures?: string | null;
}

export class ReviewVendorDto {
  @ApiPropertyOptional({ description: 'The version last read; or send If-Match' })
  @IsOptional()
  @IsInt()
  @Min(1, withArgs)
  version?: number;

  @ApiProperty({ type: () => ReviewAnswersDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ReviewAnswersDto)
  answers!: ReviewAnswersDto;

  @ApiProperty({ enum: REVIEW_RESULTS, description: 'the status the review sets' }) @IsIn(REVIEW_RESULTS, withArgs) result!: ReviewResult;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', description: 'next review; kept when absent' }) @IsOptional() @IsIsoDate() nextReviewDate?: string | null;
  @NullableText(TEXT_LIMITS.long, 'the reviewer’s note') comment?: string | null;
}

export class TerminateVendorDto {
  @ApiPropertyOptional({ description: 'The version last read; or send If-Match' })
  @IsOptional()
  @IsInt()
  @Min(1, withArgs)
  version?: number;

  @NullableText(TEXT_LIMITS.long, 'why the vendor is terminated') comment?: string | null;
}

export const VENDOR_SORTS = ['name', 'status', 'nextReviewDate', 'updatedAt'] as const;
export type VendorSortKey = (typeof VENDOR_SORTS)[number];
const SORT_VALUES = sortValues(VENDOR_SORTS);

export class ListVendorsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'search in name, legal entity and service (accent-insensitive)' }) @IsOptional() @IsString() @MaxLength(TEXT_LIMITS.name, withArgs) q?: string;

  @ApiPropertyOptional({ enum: VENDOR_STATUSES, isArray: true, description: 'one or several (comma-separated or repeated)' })
  @IsOptional()
  @Transform(toList)
  @IsIn(VENDOR_STATUSES, { ...withArgs, each: true })
  status?: VendorStatus[];

  @ApiPropertyOptional({ enum: VENDOR_ROLES }) @IsOptional() @IsIn(VENDOR_ROLES, withArgs) role?: VendorRole;
  @ApiPropertyOptional({ example: 'US', description: 'vendors with data in, or headquartered in, this country' }) @IsOptional() @Transform(upper) @IsString() @Matches(COUNTRY) country?: string;
  @ApiPropertyOptional({ description: 'true: processors without a signed DPA (terminated ones excluded)' }) @IsOptional() @Transform(toBoolean) @IsBoolean() dpaMissing?: boolean;
  @ApiPropertyOptional({ description: 'true: exposed to extraterritorial access laws (parent or headquarters)' }) @IsOptional() @Transform(toBoolean) @IsBoolean() exposed?: boolean;
  @ApiPropertyOptional({ description: 'true: a data location outside the EEA needs a transfer mechanism' }) @IsOptional() @Transform(toBoolean) @IsBoolean() needsMechanism?: boolean;
  @ApiPropertyOptional({ description: 'true: next review date passed (terminated vendors excluded)' }) @IsOptional() @Transform(toBoolean) @IsBoolean() reviewOverdue?: boolean;

  @ApiPropertyOptional({ enum: SORT_VALUES, description: 'a field, "-" first for descending; default name' })
  @IsOptional()
  @IsIn(SORT_VALUES, withArgs)
  sort?: string;
}

// ——— views (OpenAPI) ———

class ReasonView {
  @ApiProperty() code!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) params!: Record<string, string>;
}

export class TransferAssessmentView {
  @ApiProperty() country!: string;
  @ApiProperty({ type: String, nullable: true }) mechanism!: string | null;
  @ApiProperty({ enum: TRANSFER_STATUSES }) status!: TransferStatus;
  @ApiProperty() needsMechanism!: boolean;
  @ApiProperty() tiaRequired!: boolean;
  @ApiProperty({ description: 'Art 49 derogation: occasional transfers only' }) occasionalOnly!: boolean;
  @ApiProperty({ description: 'a partial adequacy decision may cover the recipient: the DPO is to confirm it' }) scopeToConfirm!: boolean;
  @ApiProperty({ type: [ReasonView] }) reasons!: ReasonView[];
}

export class VendorAssessmentView {
  @ApiProperty() dpfCertified!: boolean;
  @ApiProperty({ type: [TransferAssessmentView] }) locations!: TransferAssessmentView[];
  @ApiProperty() needsMechanism!: boolean;
  @ApiProperty() tiaRequired!: boolean;
  @ApiProperty() tiaMissing!: boolean;
  @ApiProperty() occasionalOnly!: boolean;
  @ApiProperty({ description: 'a data location under a partial adequacy decision not yet confirmed for this vendor' }) scopeToConfirm!: boolean;
  @ApiProperty({ description: 'reachable by extraterritorial access laws (parent or headquarters), wherever its data are' }) exposed!: boolean;
  @ApiProperty({ type: [ReasonView] }) exposure!: ReasonView[];
}

export class VendorListItem {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) legalEntity!: string | null;
  @ApiProperty({ type: String, nullable: true }) service!: string | null;
  @ApiProperty({ enum: VENDOR_ROLES }) role!: VendorRole;
  @ApiProperty({ enum: VENDOR_STATUSES }) status!: VendorStatus;
  @ApiProperty({ type: String, nullable: true }) headquartersCountry!: string | null;
  @ApiProperty({ type: String, nullable: true }) parentCompany!: string | null;
  @ApiProperty({ type: String, nullable: true }) parentCountry!: string | null;
  @ApiProperty({ type: [String] }) dataLocations!: string[];
  @ApiProperty({ type: [String] }) certifications!: string[];
  @ApiProperty() dpaSigned!: boolean;
  @ApiProperty({ type: String, nullable: true }) transferMechanism!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) nextReviewDate!: string | null;
  @ApiProperty() dpaMissing!: boolean;
  @ApiProperty() reviewOverdue!: boolean;
  @ApiProperty() exposed!: boolean;
  @ApiProperty() needsMechanism!: boolean;
  @ApiProperty({ description: 'activities using it' }) activityCount!: number;
  @ApiProperty() version!: number;
  @ApiProperty() updatedAt!: Date;
}

export class VendorPage {
  @ApiProperty({ type: [VendorListItem] }) items!: VendorListItem[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class LinkedActivityView {
  @ApiProperty() id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() name!: string;
  @ApiProperty() status!: string;
}

export class VendorReferenceView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: VENDOR_STATUSES }) status!: VendorStatus;
}

export class ChainNodeView extends VendorReferenceView {
  @ApiProperty({ format: 'uuid', description: 'the vendor listing it as sub-processor' }) parentId!: string;
  @ApiProperty({ description: '1 for a direct sub-processor' }) depth!: number;
  @ApiProperty({ enum: VENDOR_ROLES }) role!: VendorRole;
  @ApiProperty() exposed!: boolean;
  @ApiProperty() needsMechanism!: boolean;
}

export class ConcernView {
  @ApiProperty() code!: string;
  @ApiProperty() blocking!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) params!: Record<string, string>;
  @ApiPropertyOptional({ description: 'translated; in the details of a 422 vendor_cannot_approve' }) message?: string;
}

/** The answers a review recorded (a review stores only what the reviewer filled in). */
export class ReviewAnswersView implements Partial<ReviewAnswers> {
  @ApiPropertyOptional({ type: [String], nullable: true }) certifications?: string[] | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true }) certificationsVerified?: boolean | null;
  @ApiPropertyOptional({ type: [String], nullable: true }) dataLocations?: string[] | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true }) subProcessorsListed?: boolean | null;
  @ApiPropertyOptional({ enum: SUB_PROCESSOR_CHANGE_NOTICES, nullable: true }) subProcessorChangeNotice?: SubProcessorChangeNotice | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true }) breachNotificationCommitment?: boolean | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) breachNotificationDelayHours?: number | null;
  @ApiPropertyOptional({ enum: END_OF_CONTRACT, nullable: true }) endOfContract?: EndOfContract | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true }) auditRights?: boolean | null;
  @ApiPropertyOptional({ type: String, nullable: true }) securityMeasures?: string | null;
}

export class ReviewView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'the vendor version the review produced' }) vendorVersion!: number;
  @ApiProperty({ type: ReviewAnswersView }) answers!: ReviewAnswersView;
  @ApiProperty({ type: [ConcernView] }) concerns!: ConcernView[];
  @ApiProperty({ enum: VENDOR_STATUSES }) previousStatus!: VendorStatus;
  @ApiProperty({ enum: REVIEW_RESULTS }) result!: ReviewResult;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) nextReviewDate!: string | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) reviewerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewerName!: string | null;
  @ApiProperty() reviewedAt!: Date;
}

export class ReviewPage {
  @ApiProperty({ type: [ReviewView] }) items!: ReviewView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

const COMPUTED = ['id', 'createdAt', 'updatedAt', 'assessment', 'dpaMissing', 'reviewOverdue', 'subProcessorChain', 'usedBy', 'activities', 'lastReview', 'activitiesStillUsing'] as const;

export class VendorView extends OmitType(CreateVendorDto, [...COMPUTED, 'contacts'] as const) {
  @ApiProperty() id!: string;
  @ApiProperty({ type: [VendorContactView] }) contacts!: VendorContactView[];
  @ApiProperty() version!: number;
  @ApiProperty({ type: VendorAssessmentView }) assessment!: VendorAssessmentView;
  @ApiProperty() dpaMissing!: boolean;
  @ApiProperty() reviewOverdue!: boolean;
  @ApiProperty({ type: [ChainNodeView], description: 'sub-processors, theirs, and so on (depth first)' }) subProcessorChain!: ChainNodeView[];
  @ApiProperty({ type: [VendorReferenceView], description: 'vendors listing this one as their sub-processor' }) usedBy!: VendorReferenceView[];
  @ApiProperty({ type: [LinkedActivityView], description: 'activities using it' }) activities!: LinkedActivityView[];
  @ApiProperty({ type: ReviewView, nullable: true }) lastReview!: ReviewView | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class TerminatedVendorView extends VendorView {
  @ApiProperty({ type: [LinkedActivityView], description: 'activities (not archived) still using the vendor' }) activitiesStillUsing!: LinkedActivityView[];
}

export class VendorVersionSummary {
  @ApiProperty() number!: number;
  @ApiProperty({ description: 'create, update, review, terminate, import' }) action!: string;
  @ApiProperty({ enum: VENDOR_STATUSES }) status!: VendorStatus;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) authorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) authorName!: string | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty() createdAt!: Date;
}

export class VendorVersionPage {
  @ApiProperty({ type: [VendorVersionSummary] }) items!: VendorVersionSummary[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class VendorVersionView extends VendorVersionSummary {
  @ApiProperty({ description: 'the vendor as it stood, in the interchange format', type: 'object', additionalProperties: true }) vendor!: Record<string, unknown>;
}

export class VendorImportResultView {
  @ApiProperty() imported!: number;
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } })
  items!: { id: string; name: string }[];
}

export class CountryBreakdownRow {
  @ApiProperty() country!: string;
  @ApiProperty({ enum: ['eea', 'adequate', 'needs_safeguards'] }) zone!: string;
  @ApiProperty({ description: 'vendors (not terminated) with data there' }) vendors!: number;
  @ApiProperty({ description: 'transfers of activities (not archived) to this country' }) activityTransfers!: number;
  @ApiProperty({ description: 'of these vendor locations and transfers, how many need a mechanism' }) needsMechanism!: number;
}

export class ZoneTotals {
  @ApiProperty({ enum: ['eea', 'adequate', 'needs_safeguards'] }) zone!: string;
  @ApiProperty() countries!: number;
  @ApiProperty() vendors!: number;
  @ApiProperty() activityTransfers!: number;
  @ApiProperty() needsMechanism!: number;
}

export class CountryBreakdownView {
  @ApiProperty({ type: [CountryBreakdownRow] }) countries!: CountryBreakdownRow[];
  @ApiProperty({ type: [ZoneTotals] }) zones!: ZoneTotals[];
}
