'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { get, useFormState, type FieldError, type FieldPath, type UseFormReturn } from 'react-hook-form';

import type { Locale } from '@/i18n/config';
import { useLocale } from '@/i18n/i18n-provider';
import type { LinkedVendor } from '@/features/vendors/types';
import type { Department } from '@/lib/api-types';

import { catalogueFacts, catalogueOptions, type CatalogueFacts, type CatalogueOption } from '../catalogue';
import type { ActivityForm } from '../schemas';
import type { ActivityCatalogueName, ActivityCatalogues, OwnerOption } from '../types';

export type ActivityFieldPath = FieldPath<ActivityForm>;

interface EditorContextValue {
  form: UseFormReturn<ActivityForm>;
  readOnly: boolean;
  locale: Locale;
  catalogues: ActivityCatalogues;
  facts: CatalogueFacts;
  departments: readonly Department[];
  owners: readonly OwnerOption[];
  /** The vendors the saved processors name, with their flags (the activity as it is, not a past version). */
  linkedVendors: readonly LinkedVendor[];
  options: (name: ActivityCatalogueName, keep?: readonly (string | null | undefined)[]) => CatalogueOption[];
}

const EditorContext = createContext<EditorContextValue | null>(null);

/** What every tab of the activity form needs: the form, the catalogues, the pick-lists, read-only or not. */
export function ActivityEditorProvider({
  form,
  readOnly,
  catalogues,
  departments,
  owners,
  linkedVendors = [],
  children,
}: {
  form: UseFormReturn<ActivityForm>;
  readOnly: boolean;
  catalogues: ActivityCatalogues;
  departments: readonly Department[];
  owners: readonly OwnerOption[];
  linkedVendors?: readonly LinkedVendor[];
  children: ReactNode;
}) {
  const locale = useLocale();
  const value = useMemo<EditorContextValue>(
    () => ({
      form,
      readOnly,
      locale,
      catalogues,
      facts: catalogueFacts(catalogues),
      departments,
      owners,
      linkedVendors,
      options: (name, keep) => catalogueOptions(catalogues[name], locale, keep),
    }),
    [form, readOnly, locale, catalogues, departments, owners, linkedVendors],
  );
  return <EditorContext value={value}>{children}</EditorContext>;
}

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor must be used inside <ActivityEditorProvider>.');
  return value;
}

/** The error of one field (re-renders when the form's errors change). */
export function useFieldError(path: string): FieldError | undefined {
  const { form } = useEditor();
  const { errors } = useFormState({ control: form.control });
  return get<typeof errors, FieldError | undefined>(errors, path);
}

/** The error attached to a whole list (`purposes.root`, e.g. "give at least one purpose"). */
export function useListError(path: string): FieldError | undefined {
  const { form } = useEditor();
  const { errors } = useFormState({ control: form.control });
  return get<typeof errors, FieldError | undefined>(errors, `${path}.root`);
}
