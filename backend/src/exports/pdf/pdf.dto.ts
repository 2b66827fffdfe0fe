import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { withArgs } from '../../common/http/validation';
import { LOCALES, Locale } from '../../common/i18n/i18n';

/** A record's PDF: its language only (a record sheet and a DPIA report show the record as it is now). */
export class PdfQuery {
  @ApiPropertyOptional({ enum: LOCALES, description: 'language of labels (default: the request’s language)' })
  @IsOptional()
  @IsIn(LOCALES, withArgs)
  lang?: Locale;
}
