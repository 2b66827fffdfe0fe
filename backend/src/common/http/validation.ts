import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { AppException } from '../errors/app-exception';
import { hasMessage, Locale, translate } from '../i18n/i18n';

export interface FieldError {
  path: string;
  code: string;
  /** Constraint arguments, used to translate the message per request. */
  args: string[];
}

/**
 * Pass to constraints that take arguments (`@MinLength(12, withArgs)`): the constraint's arguments
 * travel as its message, so the error can be translated per request with them.
 */
export const withArgs: ValidationOptions = {
  message: (validation: ValidationArguments) => JSON.stringify((validation.constraints ?? []).map((value: unknown) => (Array.isArray(value) ? value.join(', ') : value))),
};

function argsOf(message: string | undefined): string[] {
  if (!message?.startsWith('[')) return [];
  try {
    const parsed: unknown = JSON.parse(message);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

/** Field errors with paths such as `purposes[1].legalBasis` (list positions in brackets). */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = !prefix ? error.property : /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : `${prefix}.${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({ path, code, args: argsOf(message) }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/** Field errors in the caller's language; `errors.validation_failed` is the summary. */
export function translateFieldErrors(locale: Locale, fields: FieldError[]): { path: string; code: string; message: string }[] {
  return fields.map(({ path, code, args }) => {
    const key = hasMessage(`validation.${code}`) ? `validation.${code}` : 'validation.invalid';
    const params: Record<string, string> = { field: path };
    args.forEach((value, index) => (params[String(index)] = value));
    return { path, code, message: translate(locale, key, params) };
  });
}

export class FieldValidationException extends AppException {
  constructor(readonly fields: FieldError[]) {
    super(HttpStatus.BAD_REQUEST, 'validation_failed');
  }

  override localisedDetails(locale: Locale): Record<string, unknown> {
    return { fields: translateFieldErrors(locale, this.fields) };
  }
}

const PIPE_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } } as const;

/**
 * Validates a plain value against a DTO class exactly as the global pipe does, for bodies validated
 * item by item (imports): the typed value, or the field errors.
 */
export async function validatePlain<T extends object>(type: new () => T, plain: unknown): Promise<{ value: T; errors: FieldError[] }> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { value: new type(), errors: [{ path: '', code: 'isObject', args: [] }] };
  }
  const value = plainToInstance(type, plain);
  return { value, errors: flattenValidationErrors(await validate(value, PIPE_OPTIONS)) };
}

/** Whitelist, refuse unknown properties, transform to DTO classes; errors become translatable field lists. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...PIPE_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => new FieldValidationException(flattenValidationErrors(errors)),
  });
}
