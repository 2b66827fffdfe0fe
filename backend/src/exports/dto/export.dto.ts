import { NotInFuture } from '../../common/http/is-instant';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { ACTIVITY_STATUSES, ActivityStatus } from '../../domain/activities/activity.types';
import { withArgs } from '../../common/http/validation';
import { LOCALES, Locale } from '../../common/i18n/i18n';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : Array.isArray(value) ? (value as unknown[]) : value;

export class ExportQuery {
  @ApiPropertyOptional({ enum: LOCALES, description: 'language of labels and headers (default: the request’s language)' })
  @IsOptional()
  @IsIn(LOCALES, withArgs)
  lang?: Locale;

  @ApiPropertyOptional({
    description: 'the register as it stood then: an instant, or a date (the end of that day, UTC)',
    example: '2026-01-31',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @NotInFuture()
  asOf?: string;
}

export class RegisterExportQuery extends ExportQuery {
  @ApiPropertyOptional({ enum: ACTIVITY_STATUSES, isArray: true, description: 'comma-separated statuses' })
  @IsOptional()
  @Transform(toList)
  @IsIn(ACTIVITY_STATUSES, { ...withArgs, each: true })
  status?: ActivityStatus[];
}

/** A date alone means the register at the end of that day (UTC); an instant is taken as is. */
export function asOfInstant(asOf: string | undefined): Date | null {
  if (!asOf) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return new Date(`${asOf}T23:59:59.999Z`);
  return new Date(asOf);
}
