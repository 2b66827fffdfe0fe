import { ApiProperty } from '@nestjs/swagger';
import type { ErrorBody } from './app-exception';

/** Every error answer of the API (`AllExceptionsFilter`), declared once in the OpenAPI document. */
export class ErrorView implements ErrorBody {
  @ApiProperty({ description: 'stable machine code', example: 'version_conflict' }) code!: string;
  @ApiProperty({ description: 'translated per Accept-Language or ?lang=fr|en' }) message!: string;
  @ApiProperty({ description: 'per code, e.g. fields of validation_failed', type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}
