/**
 * Turning API errors into form feedback: a 400 `validation_failed` answer's field errors go to
 * react-hook-form's `setError` on the matching fields; everything else becomes one form-level message.
 */
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

import type { Translate } from '@/i18n/translate';

import { fieldErrorsOf, isApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from './api-error';

/** The `type` given to errors set from the server's answer: their message is already translated. */
export const SERVER_ERROR_TYPE = 'server';

/** A message for any error, preferring the server's translated message. */
export function errorMessage(error: unknown, t: Translate): string {
  if (isApiError(error, NETWORK_ERROR)) return t('errors.network');
  // A 5xx without our JSON body comes from the proxy in front of the API: the backend is down or restarting.
  if (isApiError(error, UNEXPECTED_RESPONSE) && error.status >= 500) return t('errors.unavailable');
  if (isApiError(error) && error.message) return error.message;
  return t('errors.generic');
}

/**
 * Applies `error` to the form. Returns the message to show above the form, or null when every
 * problem was attached to one of `fields`.
 */
export function applyApiError<T extends FieldValues>(
  error: unknown,
  options: { setError: UseFormSetError<T>; fields: readonly Path<T>[]; t: Translate },
): string | null {
  const fieldErrors = fieldErrorsOf(error);
  if (fieldErrors.length === 0) return errorMessage(error, options.t);

  const known = new Set<string>(options.fields);
  const unmatched: string[] = [];
  let focused = false;
  for (const fieldError of fieldErrors) {
    if (known.has(fieldError.path)) {
      options.setError(
        fieldError.path as Path<T>,
        { type: SERVER_ERROR_TYPE, message: fieldError.message || options.t('validation.invalid') },
        { shouldFocus: !focused },
      );
      focused = true;
    } else if (fieldError.message) {
      unmatched.push(fieldError.message);
    }
  }
  if (unmatched.length > 0) return unmatched.join(' ');
  return focused ? null : errorMessage(error, options.t);
}
