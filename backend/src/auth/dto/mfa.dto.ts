import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { withArgs } from '../../common/http/validation';

export class MfaCodeDto {
  @ApiProperty({ description: 'The 6-digit code of the authenticator app, or (at sign-in and to turn it off) one of the recovery codes', example: '123456' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32, withArgs)
  code!: string;
}

export class DisableMfaDto {
  @ApiProperty({ required: false, description: 'A current code of the authenticator app, or a recovery code' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32, withArgs)
  code?: string;

  @ApiProperty({ required: false, description: 'The account password, instead of a code' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256, withArgs)
  password?: string;
}

export class TotpSetupResponse {
  @ApiProperty({ description: 'Base32 secret, for typing into the app by hand' }) secret!: string;
  @ApiProperty({ description: 'otpauth:// address, shown as a QR code' }) otpauthUrl!: string;
}

export class RecoveryCodesResponse {
  @ApiProperty({ type: [String], description: 'Ten single-use codes, shown this once' }) recoveryCodes!: string[];
}

export class MfaStatusResponse {
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ description: 'Set up but not confirmed with a code yet' }) pending!: boolean;
  @ApiProperty() recoveryCodesLeft!: number;
}

export class SessionView {
  @ApiProperty({ description: 'Opaque identifier of the session (not its cookie)' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) createdAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) lastSeenAt!: string;
  @ApiProperty({ type: String, nullable: true }) ipAddress!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Firefox 133' }) browser!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Windows' }) os!: string | null;
  @ApiProperty({ description: 'The session of this request' }) current!: boolean;
}

export class OrganizationSecurityDto {
  @ApiProperty({ description: 'Administrators and DPOs must use two-factor sign-in to work in the organisation' })
  @IsBoolean()
  requireMfaForAdmins!: boolean;

  @ApiPropertyOptional({ description: 'The organisation’s version last read (the requirement is one of its settings); or send If-Match' })
  @IsOptional()
  @IsInt()
  @Min(1, withArgs)
  version?: number;
}

export class OrganizationSecurityView {
  @ApiProperty() requireMfaForAdmins!: boolean;
  @ApiProperty({ description: 'The organisation’s version (shared with its other settings)' }) version!: number;
}
