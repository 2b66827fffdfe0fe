import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { withArgs } from '../../common/http/validation';
import { EMAIL_FREQUENCIES, NOTIFICATION_KINDS, type EmailFrequency, type NotificationKind } from '../notification-kinds';

export { EMAIL_FREQUENCIES, type EmailFrequency } from '../notification-kinds';

export class NotificationView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ enum: ['activity', 'vendor', 'dpia', 'design_grid'] }) recordType!: 'activity' | 'vendor' | 'dpia' | 'design_grid';
  @ApiProperty() recordId!: string;
  @ApiProperty() recordReference!: string;
  @ApiProperty() recordName!: string;
  @ApiProperty({ type: String, nullable: true }) dueDate!: string | null;
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

export class NotificationPreferenceDto {
  @ApiProperty({ enum: EMAIL_FREQUENCIES, description: 'immediate: one e-mail per run with new reminders; weekly: one digest on Monday' })
  @IsIn(EMAIL_FREQUENCIES, withArgs)
  emailFrequency!: EmailFrequency;
}

export class StoredEmailView {
  @ApiProperty() id!: string;
  @ApiProperty() to!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() text!: string;
  @ApiProperty() html!: string;
  @ApiProperty({ enum: ['fr', 'en'] }) locale!: string;
  @ApiProperty({ enum: ['immediate', 'digest'] }) kind!: string;
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
