'use client';

import { useState, type BaseSyntheticEvent } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';

import { useT } from '@/i18n/i18n-provider';

import { isApiError } from './api-error';
import { applyApiError } from './forms';

type SubmitForm<T extends FieldValues> = Pick<UseFormReturn<T>, 'handleSubmit' | 'setError'>;

/**
 * The submit handler of a form that sends its values to the API: validation by the form's schema,
 * then `action`; the server's field errors go to their fields, anything else to `formError`.
 */
export function useApiFormSubmit<T extends FieldValues>(
  form: SubmitForm<T>,
  fields: readonly Path<T>[],
  action: (values: T) => Promise<void>,
): { formError: string | null; onSubmit: (event?: BaseSyntheticEvent) => Promise<void> } {
  const { formError, onSubmit } = useSubmit(form, fields, action, false);
  return { formError, onSubmit };
}

/**
 * The same for a form that sends the version it read: a 409 `version_conflict` sets `conflict` (the
 * page offers a reload in words, see `ConflictAlert`) instead of a form-level message.
 */
export function useVersionedFormSubmit<T extends FieldValues>(
  form: SubmitForm<T>,
  fields: readonly Path<T>[],
  action: (values: T) => Promise<void>,
): { formError: string | null; conflict: boolean; onSubmit: (event?: BaseSyntheticEvent) => Promise<void> } {
  return useSubmit(form, fields, action, true);
}

function useSubmit<T extends FieldValues>(form: SubmitForm<T>, fields: readonly Path<T>[], action: (values: T) => Promise<void>, versioned: boolean) {
  const t = useT();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setConflict(false);
    try {
      await action(values);
    } catch (error) {
      if (versioned && isApiError(error, 'version_conflict')) {
        setConflict(true);
        return;
      }
      setFormError(applyApiError(error, { setError: form.setError, fields, t }));
    }
  });
  return { formError, conflict, onSubmit };
}
