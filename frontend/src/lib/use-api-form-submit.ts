'use client';

import { useState, type BaseSyntheticEvent } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';

import { useT } from '@/i18n/i18n-provider';

import { applyApiError } from './forms';

/**
 * The submit handler of a form that sends its values to the API: validation by the form's schema,
 * then `action`; the server's field errors go to their fields, anything else to `formError`.
 */
export function useApiFormSubmit<T extends FieldValues>(
  form: Pick<UseFormReturn<T>, 'handleSubmit' | 'setError'>,
  fields: readonly Path<T>[],
  action: (values: T) => Promise<void>,
): { formError: string | null; onSubmit: (event?: BaseSyntheticEvent) => Promise<void> } {
  const t = useT();
  const [formError, setFormError] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await action(values);
    } catch (error) {
      setFormError(applyApiError(error, { setError: form.setError, fields, t }));
    }
  });
  return { formError, onSubmit };
}
