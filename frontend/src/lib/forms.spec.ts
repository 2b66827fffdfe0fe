import type { ErrorOption, UseFormSetError } from 'react-hook-form';

import { catalogues } from '@/i18n/catalogues';
import { createTranslator } from '@/i18n/translate';

import { ApiError } from './api-error';
import { applyApiError, errorMessage, SERVER_ERROR_TYPE } from './forms';

const t = createTranslator(catalogues.en);

interface Form {
  name: string;
  dpoEmail: string;
}

function recorder() {
  const calls: { name: string; error: ErrorOption; focus?: boolean }[] = [];
  const setError: UseFormSetError<Form> = (name, error, options) => {
    calls.push({ name, error, focus: options?.shouldFocus });
  };
  return { calls, setError };
}

const validation = (fields: unknown[]) =>
  new ApiError(400, { code: 'validation_failed', message: 'Invalid input.', details: { fields } });

describe('applyApiError', () => {
  it('puts server field errors on the matching fields, focusing the first', () => {
    const { calls, setError } = recorder();
    const message = applyApiError<Form>(
      validation([
        { path: 'name', code: 'required', message: 'Name is required.' },
        { path: ['dpoEmail'], code: 'email', message: 'Not an e-mail.' },
      ]),
      { setError, fields: ['name', 'dpoEmail'], t },
    );

    expect(message).toBeNull();
    expect(calls).toEqual([
      { name: 'name', error: { type: SERVER_ERROR_TYPE, message: 'Name is required.' }, focus: true },
      { name: 'dpoEmail', error: { type: SERVER_ERROR_TYPE, message: 'Not an e-mail.' }, focus: false },
    ]);
  });

  it('reports errors on unknown paths above the form', () => {
    const { calls, setError } = recorder();
    const message = applyApiError<Form>(validation([{ path: 'version', code: 'required', message: 'Version missing.' }]), {
      setError,
      fields: ['name'],
      t,
    });
    expect(calls).toEqual([]);
    expect(message).toBe('Version missing.');
  });

  it("shows other errors' server message, or a translated fallback", () => {
    const { setError } = recorder();
    const conflict = new ApiError(409, { code: 'email_taken', message: 'This e-mail is already used.' });
    expect(applyApiError<Form>(conflict, { setError, fields: ['name'], t })).toBe('This e-mail is already used.');
    expect(errorMessage(ApiError.network(), t)).toBe(t('errors.network'));
    expect(errorMessage(new Error('boom'), t)).toBe(t('errors.generic'));
    expect(errorMessage(ApiError.fromBody(500, 'Internal Server Error'), t)).toBe(t('errors.unavailable'));
  });
});
