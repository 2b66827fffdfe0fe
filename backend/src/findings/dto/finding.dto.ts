import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { withArgs } from '../../common/http/validation';
import { FINDING_CODES, type FindingCode, type FindingRecordType, SEVERITIES, type Severity } from '../finding.types';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : Array.isArray(value) ? (value as unknown[]) : value;

export class ListFindingsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SEVERITIES, isArray: true, description: 'one or several (comma-separated or repeated)' })
  @IsOptional()
  @Transform(toList)
  @IsIn(SEVERITIES, { ...withArgs, each: true })
  severity?: Severity[];

  @ApiPropertyOptional({ enum: FINDING_CODES, isArray: true, description: 'one or several (comma-separated or repeated)' })
  @IsOptional()
  @Transform(toList)
  @IsIn(FINDING_CODES, { ...withArgs, each: true })
  code?: FindingCode[];

  @ApiPropertyOptional({ description: 'findings on the activities of this department (vendor findings have none)' })
  @IsOptional()
  @IsUUID('all', withArgs)
  departmentId?: string;

  @ApiPropertyOptional({ description: 'findings on this record only (an activity or a vendor)' })
  @IsOptional()
  @IsUUID('all', withArgs)
  recordId?: string;
}

export class FindingView {
  @ApiProperty({ enum: FINDING_CODES }) code!: FindingCode;
  @ApiProperty({ enum: SEVERITIES }) severity!: Severity;
  @ApiProperty({ enum: ['activity', 'vendor', 'dpia', 'rights_request', 'breach', 'organization'] }) recordType!: FindingRecordType;
  @ApiProperty() recordId!: string;
  @ApiProperty({ description: 'T-0042 for an activity, the name for a vendor' }) recordReference!: string;
  @ApiProperty() recordName!: string;
  @ApiProperty({ type: String, nullable: true }) departmentId!: string | null;
  @ApiProperty({ description: 'API field path to fix (purposes[1].legalBasis) or section of the record page' }) field!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) params!: Record<string, string>;
  @ApiProperty({ description: 'What is wrong and what to do, in the caller’s language' }) message!: string;
  @ApiProperty({ description: 'Path of the web page where the field is fixed (/orgs/…/register/…?field=…)' }) link!: string;
}

export class SeverityCountsView {
  @ApiProperty() high!: number;
  @ApiProperty() medium!: number;
  @ApiProperty() low!: number;
}

export class FindingPage {
  @ApiProperty({ type: [FindingView] }) items!: FindingView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: SeverityCountsView, description: 'All findings of the organisation, before filters' }) bySeverity!: SeverityCountsView;
}
