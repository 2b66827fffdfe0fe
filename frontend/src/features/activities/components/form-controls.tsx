'use client';

import type { ReactNode } from 'react';
import { useController } from 'react-hook-form';

import { TextAreaField, TextField, useFieldErrorText } from '@/components/fields';
import { useT } from '@/i18n/i18n-provider';

import type { CatalogueOption } from '../catalogue';
import { CatalogueCheckboxGroup, CatalogueSelect, CheckOption, DurationInput, type CheckboxGroupSection } from './choice-controls';
import { fieldDomId } from '../field-paths';
import { useEditor, useFieldError, useListError, type ActivityFieldPath } from './editor-context';

/** A one-line text field of the activity form, its id and error derived from its path. */
export function FormText({
  path,
  label,
  hint,
  required,
  type,
  inputMode,
}: {
  path: ActivityFieldPath;
  label: string;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'date';
  inputMode?: 'numeric';
}) {
  const { form } = useEditor();
  const error = useFieldError(path);
  return (
    <TextField
      id={fieldDomId(path)}
      label={label}
      hint={hint}
      required={required}
      type={type}
      inputMode={inputMode}
      registration={form.register(path)}
      error={error}
    />
  );
}

export function FormTextArea({
  path,
  label,
  hint,
  required,
  rows,
}: {
  path: ActivityFieldPath;
  label: string;
  hint?: string;
  required?: boolean;
  rows?: number;
}) {
  const { form } = useEditor();
  const error = useFieldError(path);
  return (
    <TextAreaField
      id={fieldDomId(path)}
      label={label}
      hint={hint}
      required={required}
      rows={rows}
      registration={form.register(path)}
      error={error}
    />
  );
}

/**
 * A select over a catalogue (or any list of options): labels in the user's language, and the help
 * of the chosen entry under it. `onPicked` runs after a choice (to fill dependent fields).
 */
export function FormSelect({
  path,
  label,
  options,
  emptyLabel,
  hint,
  required,
  onPicked,
  testId,
}: {
  path: ActivityFieldPath;
  label: string;
  options: readonly CatalogueOption[];
  emptyLabel?: string;
  hint?: string;
  required?: boolean;
  onPicked?: (value: string) => void;
  testId?: string;
}) {
  const { form } = useEditor();
  const { field, fieldState } = useController({ control: form.control, name: path });
  const errorText = useFieldErrorText(fieldState.error);
  return (
    <CatalogueSelect
      id={fieldDomId(path)}
      field={field}
      label={label}
      options={options}
      emptyLabel={emptyLabel}
      hint={hint}
      required={required}
      errorText={errorText}
      onPicked={onPicked}
      testId={testId}
    />
  );
}

export function FormCheckbox({ path, label, hint, testId }: { path: ActivityFieldPath; label: string; hint?: string; testId?: string }) {
  const { form } = useEditor();
  return <CheckOption id={fieldDomId(path)} label={label} hint={hint} data-testid={testId} {...form.register(path)} />;
}

/** Radio buttons for a small set of choices; the group takes the field's id so it can be focused. */
export function FormRadios({
  path,
  legend,
  options,
  hint,
}: {
  path: ActivityFieldPath;
  legend: string;
  options: readonly { value: string; label: string; hint?: string }[];
  hint?: string;
}) {
  const { form } = useEditor();
  const error = useFieldError(path);
  const errorText = useFieldErrorText(error);
  const id = fieldDomId(path);
  return (
    <fieldset className={errorText ? 'radios field--invalid' : 'radios'} id={id} tabIndex={-1} aria-describedby={errorText ? `${id}-error` : undefined}>
      <legend className="field__label">{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {options.map((option) => (
        <div className="check" key={option.value}>
          <input
            id={`${id}-${option.value}`}
            type="radio"
            className="check__box"
            value={option.value}
            aria-describedby={option.hint ? `${id}-${option.value}-hint` : undefined}
            {...form.register(path)}
          />
          <label className="check__label" htmlFor={`${id}-${option.value}`}>
            {option.label}
          </label>
          {option.hint ? (
            <p className="check__hint" id={`${id}-${option.value}-hint`}>
              {option.hint}
            </p>
          ) : null}
        </div>
      ))}
      {errorText ? (
        <p className="field__error" id={`${id}-error`}>
          {errorText}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Several codes of a catalogue, ticked; each with its help text. */
export function FormCheckboxGroup({
  path,
  legend,
  hint,
  sections,
}: {
  path: ActivityFieldPath;
  legend: string;
  hint?: ReactNode;
  sections: readonly CheckboxGroupSection[];
}) {
  const { form, readOnly } = useEditor();
  const { field, fieldState } = useController({ control: form.control, name: path });
  const errorText = useFieldErrorText(fieldState.error);
  return (
    <CatalogueCheckboxGroup
      id={fieldDomId(path)}
      legend={legend}
      hint={hint}
      errorText={errorText}
      sections={sections}
      values={Array.isArray(field.value) ? (field.value as string[]) : []}
      readOnly={readOnly}
      inputRef={field.ref}
      onChange={field.onChange}
      onBlur={field.onBlur}
    />
  );
}

/** A period entered as a number and a unit (stored as an ISO 8601 duration). */
export function FormDuration({
  amountPath,
  unitPath,
  label,
  hint,
  required,
}: {
  amountPath: ActivityFieldPath;
  unitPath: ActivityFieldPath;
  label: string;
  hint?: string;
  required?: boolean;
}) {
  const { form } = useEditor();
  const errorText = useFieldErrorText(useFieldError(amountPath));
  return (
    <DurationInput
      id={fieldDomId(amountPath)}
      unitId={fieldDomId(unitPath)}
      label={label}
      hint={hint}
      required={required}
      errorText={errorText}
      amount={form.register(amountPath)}
      unit={form.register(unitPath)}
    />
  );
}

/** The error of a whole list ("give at least one purpose"), beside its "add" button. */
export function ListError({ path }: { path: ActivityFieldPath }) {
  const error = useListError(path);
  const errorText = useFieldErrorText(error);
  if (!errorText) return null;
  return (
    <p className="field__error" id={`${fieldDomId(path)}-error`}>
      {errorText}
    </p>
  );
}

/** The "add an item" button of a list; it carries the list's id so problems about the list focus it. */
export function AddItemButton({
  path,
  label,
  onClick,
  testId,
}: {
  path: ActivityFieldPath;
  label: string;
  onClick: () => void;
  testId?: string;
}) {
  const { readOnly } = useEditor();
  if (readOnly) return null;
  const id = fieldDomId(path);
  return (
    <div className="list__add">
      <ListError path={path} />
      <button type="button" className="button button--small" id={id} data-testid={testId} aria-describedby={`${id}-error`} onClick={onClick}>
        {label}
      </button>
    </div>
  );
}

export function RemoveItemButton({ label, onClick }: { label: string; onClick: () => void }) {
  const t = useT();
  const { readOnly } = useEditor();
  if (readOnly) return null;
  return (
    <button type="button" className="button button--small button--danger" aria-label={label} onClick={onClick}>
      {t('activity.actions.remove')}
    </button>
  );
}
