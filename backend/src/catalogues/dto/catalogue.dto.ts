import { TEXT_LIMITS } from '../../domain/field-limits';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { withArgs } from '../../common/http/validation';

export class LocalisedTextDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT_LIMITS.paragraph, withArgs) fr!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT_LIMITS.paragraph, withArgs) en!: string;
}

export class CreateCatalogueEntryDto {
  @ApiProperty({ example: 'loyalty_card_number', description: 'lowercase snake_case, stable once used' })
  @Matches(/^[a-z][a-z0-9_]{1,62}$/)
  code!: string;

  @ApiProperty({ example: 'Numéro de carte de fidélité' }) @IsString() @IsNotEmpty() @MaxLength(TEXT_LIMITS.name, withArgs) fr!: string;
  @ApiProperty({ example: 'Loyalty card number' }) @IsString() @IsNotEmpty() @MaxLength(TEXT_LIMITS.name, withArgs) en!: string;

  @ApiPropertyOptional({ type: LocalisedTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  help?: LocalisedTextDto;
}

export class CatalogueItemView {
  @ApiProperty() code!: string;
  @ApiProperty() fr!: string;
  @ApiProperty() en!: string;
  @ApiProperty({ nullable: true, type: LocalisedTextDto }) help!: { fr: string; en: string } | null;
  @ApiProperty({ description: "true for the organisation's own entries" }) custom!: boolean;
  [fact: string]: unknown;
}

export class CatalogueView {
  @ApiProperty() name!: string;
  @ApiProperty() version!: string;
  @ApiProperty({ description: 'organisations may add entries' }) open!: boolean;
  @ApiProperty({ type: [CatalogueItemView] }) items!: CatalogueItemView[];
}

export class CatalogueSummary {
  @ApiProperty() name!: string;
  @ApiProperty() version!: string;
  @ApiProperty() open!: boolean;
  @ApiProperty() count!: number;
}
