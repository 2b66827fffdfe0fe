import { HttpStatus } from '@nestjs/common';
import type { Locale, MessageParams } from '../i18n/i18n';

/**
 * The one error type services throw: a stable machine code, an HTTP status, details for the client,
 * and the parameters of its translated message (`errors.<code>` in the catalogues).
 */
export class AppException extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    readonly details: Record<string, unknown> = {},
    readonly messageParams: MessageParams = {},
  ) {
    super(code);
  }

  /** The message's key in the catalogues; a feature's own errors may keep theirs in its namespace. */
  get messageKey(): string {
    return `errors.${this.code}`;
  }

  /** The details sent to the client; exceptions carrying field messages translate them here. */
  localisedDetails(_locale: Locale): Record<string, unknown> {
    return this.details;
  }

  static notFound(): AppException {
    return new AppException(HttpStatus.NOT_FOUND, 'not_found');
  }

  static forbidden(): AppException {
    return new AppException(HttpStatus.FORBIDDEN, 'forbidden');
  }

  static versionConflict(currentVersion: number): AppException {
    return new AppException(HttpStatus.CONFLICT, 'version_conflict', { currentVersion }, { currentVersion });
  }
}

export interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
}
