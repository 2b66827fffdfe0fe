import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, ArrayMinSize, IsArray, IsEmail, IsIn, IsOptional, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { withArgs } from '../../common/http/validation';
import { ROLES, type Role } from '../../members/membership.entity';

export class CreateInvitationDto {
  @ApiProperty({ example: 'dpo@example.com' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254, withArgs)
  email!: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['admin', 'dpo'], description: 'one or more roles; the member will have the union of their rights' })
  @IsArray()
  @ArrayMinSize(1, withArgs)
  @ArrayMaxSize(ROLES.length, withArgs)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, ...withArgs })
  roles!: Role[];

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  departmentId?: string | null;
}

export class InvitationView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ enum: ['pending', 'accepted', 'revoked', 'expired'] }) status!: 'pending' | 'accepted' | 'revoked' | 'expired';
  @ApiProperty() expiresAt!: Date;
  @ApiProperty() createdAt!: Date;
}

export class InvitationList {
  @ApiProperty({ type: [InvitationView] }) items!: InvitationView[];
}

/** What the holder of an invitation link sees before accepting. */
export class InvitationPreview {
  @ApiProperty() organizationName!: string;
  @ApiProperty({ nullable: true, type: String }) invitedByName!: string | null;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty() expiresAt!: Date;
}

export class AcceptedInvitation {
  @ApiProperty() organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
}
