import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_CHANGES_SCHEMA } from '../../common/http/api-schemas';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { withArgs } from '../../common/http/validation';

export class ListAuditEventsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'Activity' }) @IsOptional() @IsString() @MaxLength(100, withArgs) entityType?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() entityId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the user who acted' }) @IsOptional() @IsUUID() actorUserId?: string;
  @ApiPropertyOptional({ example: 'update' }) @IsOptional() @IsString() @MaxLength(100, withArgs) action?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'events at or after this instant (a date: its start, UTC)' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'events at or before this instant (a date: its end, UTC)' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

export class AuditEventView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'position in the organisation’s chain' }) sequence!: string;
  @ApiProperty() occurredAt!: Date;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) actorUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) entityId!: string | null;
  @ApiProperty({ type: String, nullable: true }) entityLabel!: string | null;
  @ApiProperty({ description: 'field → { before, after }', ...FIELD_CHANGES_SCHEMA }) changes!: Record<string, { before: unknown; after: unknown }>;
  @ApiProperty({ type: String, nullable: true }) previousHash!: string | null;
  @ApiProperty() hash!: string;
}

export class AuditEventPage {
  @ApiProperty({ type: [AuditEventView] }) items!: AuditEventView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export const CHAIN_FAILURE_REASONS = ['event_altered', 'chain_broken', 'checkpoint_signature_invalid', 'checkpoint_mismatch', 'truncated'] as const;
export type ChainFailureReason = (typeof CHAIN_FAILURE_REASONS)[number];

export class CheckpointSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'the last event the checkpoint signed' }) lastEventId!: string;
  @ApiProperty({ description: 'its position in the chain' }) lastSequence!: string;
  @ApiProperty({ description: 'events in the chain when signed' }) eventCount!: number;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({ description: 'SHA-256 fingerprint of the Ed25519 public key that signed it' }) keyId!: string;
}

export class ChainVerificationView {
  @ApiProperty({ description: 'every event’s hash matches its content and links to the previous one, and every signed checkpoint still matches the chain' }) valid!: boolean;
  @ApiProperty({ description: 'events checked' }) checked!: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'the first event whose hash or link does not match (or the event at a signed position that no longer matches)' }) firstInvalidEventId!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: CHAIN_FAILURE_REASONS, description: 'why the chain is not valid; null when it is' }) reason!: ChainFailureReason | null;
  @ApiProperty({ description: 'the outcome, in the reader’s language' }) message!: string;
  @ApiProperty({ description: 'signed checkpoints verified (0 when the chain is not valid)' }) checkpointsChecked!: number;
  @ApiProperty({ type: CheckpointSummaryView, nullable: true, description: 'the latest signed checkpoint, when the chain is valid' }) latestCheckpoint!: CheckpointSummaryView | null;
}
