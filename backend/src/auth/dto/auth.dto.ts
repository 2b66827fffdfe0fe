import { TEXT_LIMITS } from '../../domain/field-limits';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { withArgs } from '../../common/http/validation';
import { MIN_PASSWORD_LENGTH } from '../password';

const normaliseEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class LoginDto {
  @ApiProperty({ example: 'dpo@example.com' })
  @Transform(normaliseEmail)
  @IsEmail()
  @MaxLength(254, withArgs)
  email!: string;

  @ApiProperty({ example: 'registre-demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256, withArgs)
  password!: string;
}

export class RegisterDto {
  @ApiProperty({ example: 'camille.martin@example.com' })
  @Transform(normaliseEmail)
  @IsEmail()
  @MaxLength(254, withArgs)
  email!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, withArgs)
  @MaxLength(256, withArgs)
  password!: string;

  @ApiProperty({ example: 'Camille Martin' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.name, withArgs)
  name!: string;
}

export class EmailDto {
  @ApiProperty({ example: 'camille.martin@example.com' })
  @Transform(normaliseEmail)
  @IsEmail()
  @MaxLength(254, withArgs)
  email!: string;
}

export class TokenDto {
  @ApiProperty({ description: 'The token=… value of the e-mailed link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200, withArgs)
  token!: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token=… value of the e-mailed link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200, withArgs)
  token!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, withArgs)
  @MaxLength(256, withArgs)
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256, withArgs)
  currentPassword!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, withArgs)
  @MaxLength(256, withArgs)
  newPassword!: string;
}

export class AcceptedResponse {
  @ApiProperty({ enum: ['check_email'], description: 'The same answer whether or not an account uses the address' })
  status!: 'check_email';
}

export class UpdateProfileDto {
  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.name, withArgs)
  name?: string;

  @ApiProperty({ required: false, enum: ['fr', 'en'] })
  @IsOptional()
  @IsIn(['fr', 'en'], withArgs)
  locale?: 'fr' | 'en';
}

export class UserView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['fr', 'en'] }) locale!: 'fr' | 'en';
}

export class AuthResponse {
  @ApiProperty({ type: UserView }) user!: UserView;
}

export class LoginResponse {
  @ApiProperty({ description: 'true: the password was right, the account uses two-factor sign-in: send a code to POST /api/v1/auth/login/mfa. No session is open yet.' })
  mfaRequired!: boolean;

  @ApiProperty({ type: UserView, required: false, description: 'The signed-in user, when no second factor is awaited' })
  user?: UserView;
}

export class CsrfResponse {
  @ApiProperty() token!: string;
}

export class MembershipView {
  @ApiProperty() organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ enum: ['admin', 'dpo', 'contributor', 'auditor'], isArray: true }) roles!: string[];
}

export class MeResponse extends UserView {
  @ApiProperty({ type: [MembershipView] }) memberships!: MembershipView[];
}
