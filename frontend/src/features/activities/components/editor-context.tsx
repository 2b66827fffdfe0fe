'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { FieldPath, UseFormReturn } from 'react-hook-form';

import { FormKit } from '@/components/form/form-kit';
import type { Locale } from '@/i18n/config';
import { useLocale } from '@/i18n/i18n-provider';
import type { LinkedVendor } from '@/features/vendors/types';
import type { Department } from '@/lib/api-types';

import type { ScreeningThresholds } from '@domain/activities/screening-criteria';

import { catalogueFacts, catalogueOptions, type CatalogueFacts, type CatalogueOption } from '../catalogue';
import { fieldDomId } from '../field-paths';
import type { ActivityForm } from '../schemas';
import type { ActivityCatalogueName, ActivityCatalogues, OwnerOption, RecipientScopeConfirmation } from '../types';

export type ActivityFieldPath = FieldPath<ActivityForm>;

interface EditorContextValue {
  form: UseFormReturn<ActivityForm>;
  readOnly: boolean;
  locale: Locale;
  catalogues: ActivityCatalogues;
  facts: CatalogueFacts;
  /** The organisation's screening thresholds (the large-scale figure the DPO set), as the server screens with them. */
  thresholds: ScreeningThresholds;
  departments: readonly Department[];
  owners: readonly OwnerOption[];
  /** The vendors the saved processors name, with their flags (the activity as it is, not a past version). */
  linkedVendors: readonly LinkedVendor[];
  /** The DPO's scope confirmations for the recipients the saved transfers name (partial adequacy). */
  scopeConfirmations: readonly RecipientScopeConfirmation[];
  options: (name: ActivityCatalogueName, keep?: readonly (string | null | undefined)[]) => CatalogueOption[];
}

const EditorContext = createContext<EditorContextValue | null>(null);

// One empty list for every render: a new [] each time would change the context's value and re-render every field.
const NONE: readonly never[] = [];

/** What every tab of the activity form needs: the form, the catalogues, the pick-lists, read-only or not. */
export function ActivityEditorProvider({
  form,
  readOnly,
  catalogues,
  departments,
  owners,
  linkedVendors = NONE,
  scopeConfirmations = NONE,
  thresholds,
  children,
}: {
  form: UseFormReturn<ActivityForm>;
  readOnly: boolean;
  catalogues: ActivityCatalogues;
  departments: readonly Department[];
  owners: readonly OwnerOption[];
  linkedVendors?: readonly LinkedVendor[];
  scopeConfirmations?: readonly RecipientScopeConfirmation[];
  /** The organisation's (required: a default would screen with a figure the server does not use). */
  thresholds: ScreeningThresholds;
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
      thresholds,
      departments,
      owners,
      linkedVendors,
      scopeConfirmations,
      options: (name, keep) => catalogueOptions(catalogues[name], locale, keep),
    }),
    [form, readOnly, locale, catalogues, departments, owners, linkedVendors, scopeConfirmations, thresholds],
  );
  return (
    <EditorContext value={value}>
      <FormKit form={form} readOnly={readOnly} fieldId={fieldDomId}>
        {children}
      </FormKit>
    </EditorContext>
  );
}

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor must be used inside <ActivityEditorProvider>.');
  return value;
}
