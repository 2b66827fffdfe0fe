import type { ApiErrorBody, FieldErrorDetail } from './api-types';

/** Codes the frontend itself produces when the server gave no structured answer. */
export const NETWORK_ERROR = 'network_error';
export const UNEXPECTED_RESPONSE = 'unexpected_response';

/**
 * A non-2xx answer from the API, carrying the server's structured body `{ code, message, details }`.
 * `message` is already translated by the server; it is empty when the server gave none.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, body: Pick<ApiErrorBody, 'code' | 'message'> & { details?: unknown }) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }

  /** Turns whatever the server sent (JSON or not) into an ApiError. */
  static fromBody(status: number, body: unknown): ApiError {
    if (typeof body === 'object' && body !== null) {
      const record = body as Record<string, unknown>;
      if (typeof record.code === 'string') {
        return new ApiError(status, {
          code: record.code,
          message: typeof record.message === 'string' ? record.message : '',
          details: record.details,
        });
      }
    }
    return new ApiError(status, { code: UNEXPECTED_RESPONSE, message: '' });
  }

  static network(): ApiError {
    return new ApiError(0, { code: NETWORK_ERROR, message: '' });
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

function pathToString(path: unknown): string | null {
  if (typeof path === 'string') return path;
  if (Array.isArray(path) && path.every((part) => typeof part === 'string' || typeof part === 'number')) {
    return path.join('.');
  }
  return null;
}

/** The field errors of a 400 `validation_failed` answer (`details.fields`), tolerant of array paths. */
export function fieldErrorsOf(error: unknown): FieldErrorDetail[] {
  if (!isApiError(error, 'validation_failed')) return [];
  const details = error.details;
  if (typeof details !== 'object' || details === null) return [];
  const fields = (details as { fields?: unknown }).fields;
  if (!Array.isArray(fields)) return [];
  const result: FieldErrorDetail[] = [];
  for (const field of fields as unknown[]) {
    if (typeof field !== 'object' || field === null) continue;
    const record = field as Record<string, unknown>;
    const path = pathToString(record.path);
    if (path === null) continue;
    result.push({
      path,
      code: typeof record.code === 'string' ? record.code : 'invalid',
      message: typeof record.message === 'string' ? record.message : '',
    });
  }
  return result;
}
