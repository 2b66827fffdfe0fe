import { TEXT_LIMITS } from '../../domain/field-limits';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { withArgs } from '../../common/http/validation';
import { DOCUMENT_KINDS, type DocumentKind } from '../evidence-document.entity';

/** The text fields of the multipart upload (the file itself is the `file` part). */
export class UploadDocumentDto {
  @ApiPropertyOptional({ enum: DOCUMENT_KINDS, default: 'other' }) @IsOptional() @IsIn(DOCUMENT_KINDS, withArgs) kind?: DocumentKind;

  @ApiPropertyOptional({ maxLength: TEXT_LIMITS.long })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value))
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.long, withArgs)
  description?: string | null;
}

export class DocumentView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiProperty({ description: 'safe name, with the extension of the detected type' }) fileName!: string;
  @ApiProperty({ description: 'detected from the content' }) contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) vendorId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) activityId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) uploadedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) uploadedByName!: string | null;
  @ApiProperty() uploadedAt!: Date;
}

export class DocumentPage {
  @ApiProperty({ type: [DocumentView] }) items!: DocumentView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
