'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { get, useController, useFormState, type FieldError, type FieldValues, type UseFormReturn } from 'react-hook-form';

import { TextAreaField, TextField, useFieldErrorText } from '@/components/fields';
import type { CatalogueOption } from '@/features/activities/catalogue';
import { CatalogueCheckboxGroup, CatalogueSelect, CheckOption, DurationInput } from '@/features/activities/components/choice-controls';
import { useT } from '@/i18n/i18n-provider';

/*
 * The grid's form controls: the register's own pickers (catalogue select with the chosen entry's help,
 * catalogue checkbox group, number + unit duration), bound to one step's form. Ids derive from the
 * field path, so errors and focus land on the control.
 */

interface StepFormContextValue {
  // Each step has its own form type; the controls only read and write by path.
  form: UseFormReturn;
  readOnly: boolean;
}

const StepFormContext = createContext<StepFormContextValue | null>(null);

export function StepFormProvider<T extends FieldValues>({ form, readOnly, children }: { form: UseFormReturn<T>; readOnly: boolean; children: ReactNode }) {
  return <StepFormContext value={{ form: form as unknown as UseFormReturn, readOnly }}>{children}</StepFormContext>;
}

export function useStepForm(): StepFormContextValue {
  const value = useContext(StepFormContext);
  if (!value) throw new Error('useStepForm must be used inside <StepFormProvider>.');
  return value;
}

/** `data.processors.0.name` → `grid-data-processors-0-name` */
export function gridFieldId(path: string): string {
  return `grid-${path.replace(/\./g, '-')}`;
}

function useError(path: string): FieldError | undefined {
  const { form } = useStepForm();
  const { errors } = useFormState({ control: form.control });
  return get<typeof errors, FieldError | undefined>(errors, path);
}

export function GridText({ path, label, hint, testId }: { path: string; label: string; hint?: string; testId?: string }) {
  const { form } = useStepForm();
  return <TextField id={gridFieldId(path)} label={label} hint={hint} testId={testId} registration={form.register(path)} error={useError(path)} />;
}

export function GridTextArea({ path, label, hint, rows = 3, testId }: { path: string; label: string; hint?: string; rows?: number; testId?: string }) {
  const { form } = useStepForm();
  return <TextAreaField id={gridFieldId(path)} label={label} hint={hint} rows={rows} testId={testId} registration={form.register(path)} error={useError(path)} />;
}

/** A select over a catalogue (or any options), with the help of the chosen entry under it. */
export function GridSelect({
  path,
  label,
  options,
  emptyLabel,
  hint,
  testId,
}: {
  path: string;
  label: string;
  options: readonly CatalogueOption[];
  emptyLabel?: string;
  hint?: string;
  testId?: string;
}) {
  const { form } = useStepForm();
  const { field, fieldState } = useController({ control: form.control, name: path });
  const errorText = useFieldErrorText(fieldState.error);
  return <CatalogueSelect id={gridFieldId(path)} field={field} label={label} options={options} emptyLabel={emptyLabel} hint={hint} errorText={errorText} testId={testId} />;
}

export function GridCheckbox({ path, label, hint, testId }: { path: string; label: string; hint?: string; testId?: string }) {
  const { form } = useStepForm();
  return <CheckOption id={gridFieldId(path)} label={label} hint={hint} data-testid={testId} {...form.register(path)} />;
}

/** Radio buttons for a small set of choices, in a fieldset with its legend. */
export function GridRadios({ path, legend, options, hint }: { path: string; legend: string; options: readonly { value: string; label: string }[]; hint?: string }) {
  const { form } = useStepForm();
  const errorText = useFieldErrorText(useError(path));
  const id = gridFieldId(path);
  return (
    <fieldset className={errorText ? 'radios field--invalid' : 'radios'} id={id} tabIndex={-1}>
      <legend className="field__label">{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {options.map((option) => (
        <div className="check check--inline" key={option.value}>
          <input id={`${id}-${option.value || 'unknown'}`} type="radio" className="check__box" value={option.value} {...form.register(path)} />
          <label className="check__label" htmlFor={`${id}-${option.value || 'unknown'}`}>
            {option.label}
          </label>
        </div>
      ))}
      {errorText ? <p className="field__error">{errorText}</p> : null}
    </fieldset>
  );
}

/** Several codes ticked from a catalogue, each with its help. */
export function GridCheckboxGroup({ path, legend, hint, options }: { path: string; legend: string; hint?: string; options: readonly CatalogueOption[] }) {
  const { form, readOnly } = useStepForm();
  const { field } = useController({ control: form.control, name: path });
  return (
    <CatalogueCheckboxGroup
      id={gridFieldId(path)}
      legend={legend}
      hint={hint}
      options={options}
      values={Array.isArray(field.value) ? (field.value as string[]) : []}
      readOnly={readOnly}
      inputRef={field.ref}
      onChange={field.onChange}
      onBlur={field.onBlur}
    />
  );
}

/** A period typed as a number and a unit (stored as an ISO 8601 duration). */
export function GridDuration({ amountPath, unitPath, label, hint }: { amountPath: string; unitPath: string; label: string; hint?: string }) {
  const { form } = useStepForm();
  const errorText = useFieldErrorText(useError(amountPath));
  return (
    <DurationInput
      id={gridFieldId(amountPath)}
      unitId={gridFieldId(unitPath)}
      label={label}
      hint={hint}
      errorText={errorText}
      amount={form.register(amountPath)}
      unit={form.register(unitPath)}
    />
  );
}

/** The "remove this item" button of a list row, named after the row for screen readers. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  const t = useT();
  const { readOnly } = useStepForm();
  if (readOnly) return null;
  return (
    <button type="button" className="button button--small button--danger" aria-label={label} onClick={onClick}>
      {t('designGrid.wizard.remove')}
    </button>
  );
}

export function AddButton({ label, onClick, testId }: { label: string; onClick: () => void; testId?: string }) {
  const { readOnly } = useStepForm();
  if (readOnly) return null;
  return (
    <div className="list__add">
      <button type="button" className="button button--small" data-testid={testId} onClick={onClick}>
        {label}
      </button>
    </div>
  );
}
