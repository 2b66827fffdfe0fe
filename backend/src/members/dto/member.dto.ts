import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { withArgs } from '../../common/http/validation';
import { ROLES, type Role } from '../membership.entity';

export class AddMemberDto {
  @ApiProperty({ example: 'dpo@example.com' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254, withArgs)
  email!: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['admin', 'dpo'], description: 'one or more roles; the member has the union of their rights' })
  @IsArray()
  @ArrayMinSize(1, withArgs)
  @ArrayMaxSize(ROLES.length, withArgs)
  @ArrayUnique()
  @IsIn(ROLES, { ...withArgs, each: true })
  roles!: Role[];

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  departmentId?: string | null;
}

export class UpdateMemberDto {
  @ApiPropertyOptional({ enum: ROLES, isArray: true, description: 'the whole set of roles (replaces the current one)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, withArgs)
  @ArrayMaxSize(ROLES.length, withArgs)
  @ArrayUnique()
  @IsIn(ROLES, { ...withArgs, each: true })
  roles?: Role[];

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  departmentId?: string | null;
}

export class MemberView {
  @ApiProperty() id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty() version!: number;
}

export class MemberPage {
  @ApiProperty({ type: [MemberView] }) items!: MemberView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
