import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import type { MulterModuleOptions } from '@nestjs/platform-express';
import { catchError, Observable, throwError } from 'rxjs';
import { ImportFileException } from './import-errors';
import { XLSX_LIMITS } from './xlsx-guard';

/** One workbook, in memory, up to the limit; nothing else in the form. */
export const XLSX_UPLOAD_OPTIONS: MulterModuleOptions = {
  limits: { fileSize: XLSX_LIMITS.fileBytes, files: 1, fields: 5, fieldSize: 1000, parts: 6 },
};

/** Turns multer's "File too large" into the import's translated 413. */
@Injectable()
export class XlsxUploadInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) =>
        throwError(() =>
          error instanceof PayloadTooLargeException
            ? new ImportFileException(HttpStatus.PAYLOAD_TOO_LARGE, 'file_too_large', { limit: `${XLSX_LIMITS.fileBytes / (1024 * 1024)} MB` })
            : error,
        ),
      ),
    );
  }
}
