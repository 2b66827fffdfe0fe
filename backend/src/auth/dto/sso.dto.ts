import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { withArgs } from '../../common/http/validation';

/** Roles a newcomer may receive by single sign-on; administrators are named by an administrator. */
export const SSO_ROLES = ['dpo', 'contributor', 'auditor'] as const;
export type SsoRole = (typeof SSO_ROLES)[number];

const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class SsoStartDto {
  @ApiProperty({ example: 'jeanne@example.com', description: 'The address typed on the sign-in page: its domain names the organisation' })
  @Transform(lower)
  @IsEmail()
  @MaxLength(254, withArgs)
  email!: string;
}

export class SsoStartResponse {
  @ApiProperty({ description: 'Where the browser goes next: the identity provider’s sign-in page (authorization code flow with PKCE, state and nonce)' })
  authorizationUrl!: string;
}

export class SsoSettingsDto {
  @ApiProperty({ example: 'https://login.example.com/realms/staff', description: 'Issuer of the OpenID provider (its discovery document is read when saving)' })
  @IsString()
  @IsUrl({ require_protocol: true, protocols: ['https', 'http'], require_tld: false }, withArgs)
  @MaxLength(500, withArgs)
  issuer!: string;

  @ApiProperty({ example: 'registre' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500, withArgs)
  clientId!: string;

  @ApiPropertyOptional({ description: 'Required the first time; absent: the stored one is kept. Stored encrypted, never returned.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000, withArgs)
  clientSecret?: string;

  @ApiProperty({ type: [String], example: ['example.com'], description: 'E-mail domains whose addresses sign in through this provider' })
  @IsArray()
  @ArrayMinSize(1, withArgs)
  @ArrayMaxSize(20, withArgs)
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((item: unknown) => (typeof item === 'string' ? item.trim().toLowerCase() : item)) : value))
  @IsString({ each: true })
  @MaxLength(253, { each: true, ...withArgs })
  @Matches(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { each: true })
  emailDomains!: string[];

  @ApiProperty({ enum: SSO_ROLES, description: 'Role given to a newcomer of these domains at their first single sign-on' })
  @IsIn(SSO_ROLES, withArgs)
  defaultRole!: SsoRole;

  @ApiProperty({ description: 'Members of the organisation may no longer sign in with a password' })
  @IsBoolean()
  requireSso!: boolean;

  @ApiPropertyOptional({ description: 'Version read, for optimistic concurrency (absent when configuring for the first time)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class SsoSettingsView {
  @ApiProperty() issuer!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ description: 'A secret is stored (it is never returned)' }) clientSecretSet!: boolean;
  @ApiProperty({ type: [String] }) emailDomains!: string[];
  @ApiProperty({ enum: SSO_ROLES }) defaultRole!: SsoRole;
  @ApiProperty() requireSso!: boolean;
  @ApiProperty() version!: number;
}

export class SsoConfigurationView {
  @ApiProperty({ description: 'The address to register at the provider as the redirect URI' }) callbackUrl!: string;
  @ApiProperty({ type: SsoSettingsView, nullable: true, description: 'null: single sign-on is not configured' }) settings!: SsoSettingsView | null;
}
