import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ValidationArguments, ValidationOptions } from 'class-validator';
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

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({ path, code, args: argsOf(message) }));
    return [...own, ...flatten(error.children ?? [], path)];
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
}

/** Whitelist, refuse unknown properties, transform to DTO classes; errors become translatable field lists. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new FieldValidationException(flatten(errors)),
  });
}
