import { HttpException, HttpStatus } from '@nestjs/common';
import { ForbiddenError } from '@casl/ability';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { resolveLocale, translate } from '../i18n/i18n';
import { requestIdOf } from '../http/request-id';
import { AppException, ErrorBody } from './app-exception';
import { isDatabaseUnavailable, sqlState } from './database-errors';
import { HostileJsonError } from '../http/json-body';

/** Maps any thrown value to the structured, translated error the API answers with. */
export function toAppException(error: unknown): AppException | undefined {
  if (error instanceof AppException) return error;
  if (error instanceof ForbiddenError) return AppException.forbidden();
  if (error instanceof HostileJsonError) return new AppException(HttpStatus.BAD_REQUEST, error.message);
  if (isDatabaseUnavailable(error)) return new AppException(HttpStatus.SERVICE_UNAVAILABLE, 'database_unavailable');
  // Text PostgreSQL cannot store (NUL, invalid UTF-8) that reached a query through another door.
  const state = sqlState(error);
  if (state === '22021' || state === '22P05') return new AppException(HttpStatus.BAD_REQUEST, 'invalid_characters');
  // Races the services did not name themselves (they map their own unique keys to a precise 409, e.g.
  // department_name_taken): a unique key taken by a concurrent request, a deadlock or a serialization
  // failure is the caller's conflict, never a 500. The transaction was rolled back, so nothing was written.
  if (state === '23505') return new AppException(HttpStatus.CONFLICT, 'already_exists');
  if (state === '40P01' || state === '40001') return new AppException(HttpStatus.CONFLICT, 'concurrent_conflict');
  if (error instanceof HttpException) {
    const status = error.getStatus() as HttpStatus;
    if (status === HttpStatus.NOT_FOUND) return new AppException(status, 'route_not_found');
    if (status === HttpStatus.PAYLOAD_TOO_LARGE) return new AppException(status, 'payload_too_large', {}, { limit: '?' });
    if (status === HttpStatus.UNAUTHORIZED) return new AppException(status, 'unauthenticated');
    if (status === HttpStatus.FORBIDDEN) return AppException.forbidden();
    if (status === HttpStatus.BAD_REQUEST) return new AppException(status, 'validation_failed');
  }
  // Errors raised by Express middleware (body parser) carry a status and a type.
  const withType = error as { status?: number; type?: string; limit?: number } | undefined;
  if (withType?.type === 'entity.too.large') {
    return new AppException(HttpStatus.PAYLOAD_TOO_LARGE, 'payload_too_large', { limit: withType.limit }, { limit: `${withType.limit} bytes` });
  }
  if (withType?.type === 'entity.parse.failed') return new AppException(HttpStatus.BAD_REQUEST, 'invalid_json');
  if (withType?.status === 400 || withType?.type?.startsWith('entity.') || withType?.type?.startsWith('encoding.')) {
    return new AppException(HttpStatus.BAD_REQUEST, 'invalid_json');
  }
  return undefined;
}

export function buildErrorResponse(error: unknown, request: Request, logger: Logger): { status: number; body: ErrorBody } {
  const locale = resolveLocale(request);
  const known = toAppException(error);
  const requestId = requestIdOf(request);
  if (!known) {
    logger.error({ err: error, requestId }, 'unhandled error');
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { code: 'internal_error', message: translate(locale, 'errors.internal_error', { requestId }), details: { requestId } },
    };
  }
  if (known.status >= HttpStatus.INTERNAL_SERVER_ERROR) logger.warn({ err: error, requestId, code: known.code }, 'request failed');
  const details = known.localisedDetails(locale);
  return {
    status: known.status,
    body: { code: known.code, message: translate(locale, known.messageKey, known.messageParams), details },
  };
}
