import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import type { MulterModuleOptions } from '@nestjs/platform-express';
import { catchError, Observable, throwError } from 'rxjs';
import { AppException } from '../common/errors/app-exception';

/** The largest evidence file accepted. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/**
 * Multipart parsing for evidence: one file held in memory (never on disk) up to the limit, a few
 * short text fields, and UTF-8 file names (accents in "Contrat signé.pdf" survive).
 */
export const UPLOAD_OPTIONS: MulterModuleOptions = {
  limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, fieldSize: 10_000, parts: 12 },
  defParamCharset: 'utf8',
};

const formatBytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Turns multer's "File too large" into the API's structured 413, with the limit in bytes. */
@Injectable()
export class UploadLimitsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) =>
        throwError(() =>
          error instanceof PayloadTooLargeException
            ? new AppException(HttpStatus.PAYLOAD_TOO_LARGE, 'document_too_large', { limit: MAX_DOCUMENT_BYTES }, { limit: formatBytes(MAX_DOCUMENT_BYTES) })
            : error,
        ),
      ),
    );
  }
}
