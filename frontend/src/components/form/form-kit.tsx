'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { FormProvider, get, useFormContext, useFormState, type FieldError, type FieldValues, type UseFormReturn } from 'react-hook-form';

/*
 * The form kit: one react-hook-form `FormProvider` per form, and controls that find their form with
 * `useFormContext` and address their field by path. What the kit adds to the provider: read-only (a
 * validated record, a reader's role) and the rule that turns a field path into the control's DOM id,
 * so that a problem's link focuses the control.
 */

interface FormKitValue {
  readOnly: boolean;
  fieldId: (path: string) => string;
}

const FormKitContext = createContext<FormKitValue | null>(null);

/** Gives the controls inside it their form, whether it may be edited, and how ids derive from paths. */
export function FormKit<T extends FieldValues>({
  form,
  readOnly,
  fieldId,
  children,
}: {
  form: UseFormReturn<T>;
  readOnly: boolean;
  fieldId: (path: string) => string;
  children: ReactNode;
}) {
  return (
    <FormProvider {...form}>
      <FormKitContext value={{ readOnly, fieldId }}>{children}</FormKitContext>
    </FormProvider>
  );
}

/** The form of the nearest `<FormKit>`, read by path (each editor keeps its own typed paths). */
export function useFormKit(): FormKitValue & { form: UseFormReturn } {
  const kit = useContext(FormKitContext);
  const form = useFormContext();
  if (!kit) throw new Error('Form controls must be used inside <FormKit>.');
  return { ...kit, form };
}

/** The error of one field (re-renders when the form's errors change). */
export function useKitFieldError(path: string): FieldError | undefined {
  const { errors } = useFormState();
  return get<typeof errors, FieldError | undefined>(errors, path);
}
