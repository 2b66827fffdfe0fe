import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { withArgs } from '../../common/http/validation';
import { EMAIL_FREQUENCIES, NOTIFICATION_KINDS, NOTIFICATION_RECORD_TYPES, type EmailFrequency, type NotificationKind, type NotificationRecordType } from '../../domain/notifications/notification-kinds';

export { EMAIL_FREQUENCIES, type EmailFrequency } from '../../domain/notifications/notification-kinds';

export class NotificationView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ enum: NOTIFICATION_RECORD_TYPES }) recordType!: NotificationRecordType;
  @ApiProperty() recordId!: string;
  @ApiProperty() recordReference!: string;
  @ApiProperty() recordName!: string;
  @ApiProperty({ type: String, nullable: true }) dueDate!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'who acted (workflow events); null for reminders' }) actorName!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() read!: boolean;
  @ApiProperty({ description: 'in the caller’s language' }) message!: string;
  @ApiProperty({ description: 'app path of the record' }) link!: string;
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationView] }) items!: NotificationView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ description: 'unread notifications of the caller in this organisation' }) unread!: number;
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], description: 'the notifications to mark read; all of the caller’s when absent' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500, withArgs)
  @IsUUID('all', { ...withArgs, each: true })
  ids?: string[];
}

export class MarkReadResult {
  @ApiProperty() marked!: number;
}

/** How one kind of notification reaches the user; a kind not listed reaches them both ways. */
export class KindPreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS }) @IsIn(NOTIFICATION_KINDS, withArgs) kind!: NotificationKind;
  @ApiProperty({ description: 'listed under the bell' }) @IsBoolean() inApp!: boolean;
  @ApiProperty({ description: 'sent by e-mail (at once or in the weekly digest, per emailFrequency)' }) @IsBoolean() email!: boolean;
}

export class NotificationPreferenceDto {
  @ApiProperty({ enum: EMAIL_FREQUENCIES, description: 'immediate: one e-mail per run with new reminders; weekly: one digest on Monday' })
  @IsIn(EMAIL_FREQUENCIES, withArgs)
  emailFrequency!: EmailFrequency;

  @ApiPropertyOptional({ description: 'the weekly digest of the register (what changed, what waits, what falls due), on Monday; on reading, always given. Absent: unchanged' })
  @IsOptional()
  @IsBoolean()
  weeklyDigest?: boolean;

  @ApiPropertyOptional({ type: [KindPreferenceDto], description: 'per kind, in-app and e-mail; on reading, every kind. Kinds not sent keep their setting' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_KINDS.length, withArgs)
  @ValidateNested({ each: true })
  @Type(() => KindPreferenceDto)
  kinds?: KindPreferenceDto[];
}

export class StoredEmailView {
  @ApiProperty() id!: string;
  @ApiProperty() to!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() text!: string;
  @ApiProperty() html!: string;
  @ApiProperty({ enum: ['fr', 'en'] }) locale!: string;
  @ApiProperty({ enum: ['immediate', 'digest', 'weekly'], description: 'weekly: the weekly digest of the register' }) kind!: string;
  @ApiProperty() createdAt!: Date;
}

export class StoredEmailPage {
  @ApiProperty({ type: [StoredEmailView] }) items!: StoredEmailView[];
  @ApiProperty({ description: 'true: an SMTP server is configured and e-mails are sent (those listed were stored before); false: e-mails are stored here instead' })
  smtpConfigured!: boolean;
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
