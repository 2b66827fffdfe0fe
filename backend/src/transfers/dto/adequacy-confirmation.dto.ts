import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { withArgs } from '../../common/http/validation';
import { TEXT_LIMITS } from '../../domain/field-limits';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** The DPO confirms that a vendor is in the scope of the partial adequacy decision of a country. */
export class ConfirmAdequacyScopeDto {
  @ApiProperty({ example: 'CA', description: 'one of the vendor’s data locations, under a partial adequacy decision in force' })
  @Transform(upper)
  @IsString()
  @Matches(/^[A-Z]{2}$/)
  country!: string;

  @ApiProperty({ maxLength: TEXT_LIMITS.long, example: 'Organisation commerciale soumise à la LPRPDE (vérifié le 3 décembre 2026)', description: 'why the recipient is in scope' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.long, withArgs)
  reason!: string;
}

/** The DPO confirms that the recipient an activity's transfer names is in the scope of a partial decision. */
export class ConfirmTransferAdequacyScopeDto extends ConfirmAdequacyScopeDto {
  @ApiProperty({ maxLength: TEXT_LIMITS.short, example: 'Sakura Honyaku KK', description: 'the recipient as one of the activity’s transfers to that country names it' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.short, withArgs)
  recipient!: string;
}

export class AdequacyConfirmationView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'the recipient as named' }) recipient!: string;
  @ApiProperty() country!: string;
  @ApiProperty({ description: 'the decision the confirmation was made under' }) decision!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, nullable: true }) confirmedByName!: string | null;
  @ApiProperty() confirmedAt!: Date;
  @ApiProperty({ description: 'made under the decision in force today: the recipient is covered' }) current!: boolean;
}
