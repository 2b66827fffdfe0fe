import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class ImportQuery {
  @ApiPropertyOptional({ description: 'true: check and report what would be imported, write nothing' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' || value === '' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

export class ImportErrorView {
  @ApiProperty({ description: 'sheet name as in the file' }) sheet!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'row number in the sheet (1 = header)' }) row!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'column header as in the file' }) column!: string | null;
  @ApiProperty() code!: string;
  @ApiProperty({ description: 'in the request’s language' }) message!: string;
}

export class ImportedActivityView {
  @ApiProperty() reference!: string;
  @ApiProperty() name!: string;
}

export class UpdatedActivityView extends ImportedActivityView {
  @ApiProperty({ type: [String], description: 'the fields the import changes (activity detail names)' }) changes!: string[];
}

export class ImportReportView {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ description: 'no error: the import can go ahead (or went ahead)' }) valid!: boolean;
  @ApiProperty({ description: 'activities found in the workbook' }) activities!: number;
  @ApiProperty({ type: [ImportedActivityView], description: 'activities created (or that would be)' }) created!: ImportedActivityView[];
  @ApiProperty({ type: [UpdatedActivityView], description: 'existing activities (same reference) updated, or that would be, with the fields changed; rows unchanged are not listed' }) updated!: UpdatedActivityView[];
  @ApiProperty({ type: [String] }) createdDepartments!: string[];
  @ApiProperty({ type: [String], description: 'processors not known yet, proposed as vendors under review' }) createdVendors!: string[];
  @ApiProperty({ type: [ImportErrorView] }) errors!: ImportErrorView[];
  @ApiProperty({ type: [ImportErrorView], description: 'what is imported differently from the file without stopping the import (an owner who is not a member is imported as unassigned)' })
  warnings!: ImportErrorView[];
}
