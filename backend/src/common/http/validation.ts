import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { AppException } from '../errors/app-exception';
import { fieldLabel, isUuid } from '../i18n/field-labels';
import { hasMessage, Locale, translate } from '../i18n/i18n';
import { countryList } from '../../domain/words/country-names';
import { PHONE_PATTERN } from '../../domain/contacts';

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

/** A telephone number (`PHONE_PATTERN`); the constraint's name is the error code (`validation.phone` says it in words). */
export const IsPhone = () => ValidateBy({ name: 'phone', validator: { validate: (value: unknown) => typeof value === 'string' && PHONE_PATTERN.test(value) } });

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
/** Status codes an error may carry as argument, by the message that carries them. */
const STATUS_ARGUMENTS: Record<string, string> = { statusNotAllowed: 'exports.status_', vendorStatusNotAllowed: 'exports.vendor_status_' };

/**
 * Field errors in the caller's language; `errors.validation_failed` is the summary. `path` stays the
 * API's (for clients and tests); the message names the field by its label (« Finalité 2 › Base
 * légale »), or by `nameOf` when the caller knows better (a workbook import names the column), and
 * says statuses in words, never their codes or ids.
 */
export function translateFieldErrors(
  locale: Locale,
  fields: FieldError[],
  nameOf: (path: string) => string | null = () => null,
): { path: string; code: string; message: string }[] {
  return fields.map(({ path, code, args }) => {
    const idVariant = args[0] !== undefined && isUuid(args[0]) && hasMessage(`validation.${code}_id`);
    const key = idVariant ? `validation.${code}_id` : hasMessage(`validation.${code}`) ? `validation.${code}` : 'validation.invalid';
    // A field the body should not have is named as it was sent: it has no label.
    const params: Record<string, string> = { field: code === 'whitelistValidation' ? path : (nameOf(path) ?? fieldLabel(path, locale)) };
    args.forEach((value, index) => (params[String(index)] = value));
    const status = STATUS_ARGUMENTS[code];
    if (status && args[0] !== undefined && hasMessage(`${status}${args[0]}`)) params['0'] = translate(locale, `${status}${args[0]}`);
    // Positions in the file are counted from 1 for people (the API's indexes from 0).
    if ((code === 'duplicateInFile' || code === 'nameDuplicateInFile') && args[1] !== undefined && /^\d+$/.test(args[1])) params['1'] = String(Number(args[1]) + 1);
    if (code === 'mismatch' && args[0] !== undefined) params['0'] = nameOf(args[0]) ?? fieldLabel(args[0], locale);
    if (code === 'mechanismRequiredToApprove' && args[0]) params['0'] = countryList(args[0].split(/,\s*/), locale, 'the');
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
