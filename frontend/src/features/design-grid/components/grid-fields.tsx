'use client';

import type { ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

import { FormKit, useFormKit } from '@/components/form/form-kit';
import { KitAddButton, KitCheckbox, KitCheckboxGroup, KitDuration, KitRadios, KitRemoveButton, KitSelect, KitText, KitTextArea } from '@/components/form/kit-controls';
import type { CatalogueOption } from '@/features/activities/catalogue';
import { useT } from '@/i18n/i18n-provider';

/*
 * The grid's form controls: the form kit's controls (the register's own pickers: catalogue select with
 * the chosen entry's help, catalogue checkbox group, number + unit duration), bound to one step's form.
 * Ids derive from the field path, so errors and focus land on the control.
 */

/** `data.processors.0.name` → `grid-data-processors-0-name` */
export function gridFieldId(path: string): string {
  return `grid-${path.replace(/\./g, '-')}`;
}

export function StepFormProvider<T extends FieldValues>({ form, readOnly, children }: { form: UseFormReturn<T>; readOnly: boolean; children: ReactNode }) {
  return (
    <FormKit form={form} readOnly={readOnly} fieldId={gridFieldId}>
      {children}
    </FormKit>
  );
}

/** The step's form (each step has its own form type; the controls only read and write by path). */
export function useStepForm(): { form: UseFormReturn; readOnly: boolean } {
  const { form, readOnly } = useFormKit();
  return { form, readOnly };
}

export function GridText(props: { path: string; label: string; hint?: string; testId?: string }) {
  return <KitText {...props} />;
}

export function GridTextArea({ rows = 3, ...props }: { path: string; label: string; hint?: string; rows?: number; testId?: string }) {
  return <KitTextArea rows={rows} {...props} />;
}

/** A select over a catalogue (or any options), with the help of the chosen entry under it. */
export function GridSelect(props: { path: string; label: string; options: readonly CatalogueOption[]; emptyLabel?: string; hint?: string; testId?: string }) {
  return <KitSelect {...props} />;
}

export function GridCheckbox(props: { path: string; label: string; hint?: string; testId?: string }) {
  return <KitCheckbox {...props} />;
}

/** Radio buttons for a small set of choices, side by side, in a fieldset with its legend. */
export function GridRadios(props: { path: string; legend: string; options: readonly { value: string; label: string }[]; hint?: string }) {
  return <KitRadios inline {...props} />;
}

/** Several codes ticked from a catalogue, each with its help. */
export function GridCheckboxGroup(props: { path: string; legend: string; hint?: string; options: readonly CatalogueOption[] }) {
  return <KitCheckboxGroup {...props} />;
}

/** A period typed as a number and a unit (stored as an ISO 8601 duration). */
export function GridDuration(props: { amountPath: string; unitPath: string; label: string; hint?: string }) {
  return <KitDuration {...props} />;
}

/** The "remove this item" button of a list row, named after the row for screen readers. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  const t = useT();
  return <KitRemoveButton label={label} text={t('designGrid.wizard.remove')} onClick={onClick} />;
}

export function AddButton(props: { label: string; onClick: () => void; testId?: string }) {
  return <KitAddButton {...props} />;
}
