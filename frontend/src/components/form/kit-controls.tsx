'use client';

import type { ReactNode } from 'react';
import { useController } from 'react-hook-form';

import { SelectField, TextAreaField, TextField, useFieldErrorText, type SelectOption } from '@/components/fields';
import { FormDateField } from '@/components/form/date-field';
import { useFormKit, useKitFieldError } from '@/components/form/form-kit';
import { ReadList, ReadValue } from '@/components/form/read-value';
import { durationInWords } from '@domain/words/durations';
import { dateInWords } from '@domain/words/dates';
import { useLocale, useT } from '@/i18n/i18n-provider';
import type { CatalogueOption } from '@/features/activities/catalogue';
import { CatalogueCheckboxGroup, CatalogueSelect, CheckOption, DurationInput, type CheckboxGroupSection } from '@/features/activities/components/choice-controls';

/*
 * The controls of the form kit, for any form under <FormKit>: each takes its field's path; its id and
 * its error derive from the path.
 */

/** A one-line text field. */
export function KitText({
  path,
  label,
  hint,
  required,
  type,
  inputMode,
  testId,
}: {
  path: string;
  label: string;
  hint?: string;
  required?: boolean;
  type?: 'text';
  inputMode?: 'numeric';
  testId?: string;
}) {
  const { form, fieldId, readOnly } = useFormKit();
  const error = useKitFieldError(path);
  if (readOnly) return <ReadText path={path} label={label} testId={testId} />;
  return (
    <TextField
      id={fieldId(path)}
      label={label}
      hint={hint}
      required={required}
      type={type}
      inputMode={inputMode}
      testId={testId}
      registration={form.register(path)}
      error={error}
    />
  );
}

/** A date, typed in the app's format or picked in its calendar; the form holds an ISO date. */
export function KitDate({ path, label, hint, required, testId }: { path: string; label: string; hint?: string; required?: boolean; testId?: string }) {
  const { form, fieldId, readOnly } = useFormKit();
  const locale = useLocale();
  const value: unknown = form.watch(path);
  if (readOnly) {
    const text = typeof value === 'string' ? value : '';
    return (
      <ReadValue id={fieldId(path)} label={label} testId={testId}>
        {dateInWords(text, locale) ?? text}
      </ReadValue>
    );
  }
  return <FormDateField control={form.control} name={path} id={fieldId(path)} label={label} hint={hint} required={required} testId={testId} />;
}

export function KitTextArea({ path, label, hint, required, rows, testId }: { path: string; label: string; hint?: string; required?: boolean; rows?: number; testId?: string }) {
  const { form, fieldId, readOnly } = useFormKit();
  const error = useKitFieldError(path);
  if (readOnly) return <ReadText path={path} label={label} testId={testId} multiline />;
  return <TextAreaField id={fieldId(path)} label={label} hint={hint} required={required} rows={rows} testId={testId} registration={form.register(path)} error={error} />;
}

/**
 * A select over a catalogue (or any list of options): labels in the user's language, and the help
 * of the chosen entry under it. `onPicked` runs after a choice (to fill dependent fields).
 */
export function KitSelect({
  path,
  label,
  options,
  emptyLabel,
  hint,
  required,
  onPicked,
  testId,
}: {
  path: string;
  label: string;
  options: readonly CatalogueOption[];
  emptyLabel?: string;
  hint?: string;
  required?: boolean;
  onPicked?: (value: string) => void;
  testId?: string;
}) {
  const { form, fieldId, readOnly } = useFormKit();
  const { field, fieldState } = useController({ control: form.control, name: path });
  const errorText = useFieldErrorText(fieldState.error);
  if (readOnly) {
    return (
      <ReadValue id={fieldId(path)} label={label} testId={testId}>
        {options.find((option) => option.value === field.value)?.label}
      </ReadValue>
    );
  }
  return (
    <CatalogueSelect
      id={fieldId(path)}
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

/** A plain select (no help text under it): a short closed list such as a scale or a status. */
export function KitSelectField({
  path,
  label,
  options,
  emptyLabel,
  hint,
  required,
}: {
  path: string;
  label: string;
  options: readonly SelectOption[];
  emptyLabel?: string;
  hint?: string;
  required?: boolean;
}) {
  const { form, fieldId, readOnly } = useFormKit();
  const error = useKitFieldError(path);
  if (readOnly) return <ReadChoice path={path} label={label} options={options} />;
  return (
    <SelectField
      id={fieldId(path)}
      label={label}
      options={options}
      emptyLabel={emptyLabel}
      hint={hint}
      required={required}
      registration={form.register(path)}
      error={error}
    />
  );
}

export function KitCheckbox({ path, label, hint, testId }: { path: string; label: string; hint?: string; testId?: string }) {
  const { form, fieldId, readOnly } = useFormKit();
  if (readOnly) return <ReadCheck path={path} label={label} testId={testId} />;
  return <CheckOption id={fieldId(path)} label={label} hint={hint} data-testid={testId} {...form.register(path)} />;
}

/** Radio buttons for a small set of choices; the group takes the field's id so it can be focused. */
export function KitRadios({
  path,
  legend,
  options,
  hint,
  inline = false,
}: {
  path: string;
  legend: string;
  options: readonly { value: string; label: string; hint?: string }[];
  hint?: string;
  /** Choices side by side (short labels). */
  inline?: boolean;
}) {
  const { form, fieldId, readOnly } = useFormKit();
  const errorText = useFieldErrorText(useKitFieldError(path));
  const id = fieldId(path);
  if (readOnly) return <ReadChoice path={path} label={legend} options={options} />;
  return (
    <fieldset className={errorText ? 'radios field--invalid' : 'radios'} id={id} tabIndex={-1} aria-describedby={errorText ? `${id}-error` : undefined}>
      <legend className="field__label">{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {options.map((option) => {
        // An empty value ("not known") still needs an id of its own.
        const optionId = `${id}-${option.value || 'unknown'}`;
        return (
          <div className={inline ? 'check check--inline' : 'check'} key={option.value}>
            <input
              id={optionId}
              type="radio"
              className="check__box"
              value={option.value}
              aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              {...form.register(path)}
            />
            <label className="check__label" htmlFor={optionId}>
              {option.label}
            </label>
            {option.hint ? (
              <p className="check__hint" id={`${optionId}-hint`}>
                {option.hint}
              </p>
            ) : null}
          </div>
        );
      })}
      {errorText ? (
        <p className="field__error" id={`${id}-error`}>
          {errorText}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Several codes of a catalogue, ticked; each with its help text (flat options, or sections). */
export function KitCheckboxGroup({
  path,
  legend,
  hint,
  options,
  sections,
}: {
  path: string;
  legend: string;
  hint?: ReactNode;
  options?: readonly CatalogueOption[];
  sections?: readonly CheckboxGroupSection[];
}) {
  const { form, readOnly, fieldId } = useFormKit();
  const { field, fieldState } = useController({ control: form.control, name: path });
  const errorText = useFieldErrorText(fieldState.error);
  if (readOnly) {
    const values = Array.isArray(field.value) ? (field.value as string[]) : [];
    const all = [...(options ?? []), ...(sections ?? []).flatMap((section) => section.options)];
    const labels = values.map((value) => all.find((option) => option.value === value)?.label ?? value);
    return (
      <ReadValue id={fieldId(path)} label={legend}>
        {labels.length > 0 ? <ReadList items={labels} /> : null}
      </ReadValue>
    );
  }
  return (
    <CatalogueCheckboxGroup
      id={fieldId(path)}
      legend={legend}
      hint={hint}
      errorText={errorText}
      options={options}
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
export function KitDuration({ amountPath, unitPath, label, hint, required }: { amountPath: string; unitPath: string; label: string; hint?: string; required?: boolean }) {
  const { form, fieldId, readOnly } = useFormKit();
  const locale = useLocale();
  const errorText = useFieldErrorText(useKitFieldError(amountPath));
  const [amount, unit] = form.watch([amountPath, unitPath]) as [unknown, unknown];
  if (readOnly) {
    const iso = typeof amount === 'string' && /^\d+$/.test(amount.trim()) && typeof unit === 'string' ? `P${amount.trim()}${unit}` : '';
    return (
      <ReadValue id={fieldId(amountPath)} label={label}>
        {durationInWords(iso, locale)}
      </ReadValue>
    );
  }
  return (
    <DurationInput
      id={fieldId(amountPath)}
      unitId={fieldId(unitPath)}
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
export function KitListError({ path }: { path: string }) {
  const { fieldId } = useFormKit();
  const errorText = useFieldErrorText(useKitFieldError(`${path}.root`));
  if (!errorText) return null;
  return (
    <p className="field__error" id={`${fieldId(path)}-error`}>
      {errorText}
    </p>
  );
}

/**
 * The "add an item" button of a list. With `listPath` it carries the list's id and shows the list's
 * error, so that problems about the list focus it.
 */
export function KitAddButton({ label, onClick, testId, listPath }: { label: string; onClick: () => void; testId?: string; listPath?: string }) {
  const { readOnly, fieldId } = useFormKit();
  if (readOnly) return null;
  const id = listPath ? fieldId(listPath) : undefined;
  return (
    <div className="list__add">
      {listPath ? <KitListError path={listPath} /> : null}
      <button type="button" className="button button--small" id={id} data-testid={testId} aria-describedby={id ? `${id}-error` : undefined} onClick={onClick}>
        {label}
      </button>
    </div>
  );
}

/** The "remove this item" button of a list row; `label` names the row for screen readers. */
export function KitRemoveButton({ label, text, onClick }: { label: string; text: string; onClick: () => void }) {
  const { readOnly } = useFormKit();
  if (readOnly) return null;
  return (
    <button type="button" className="button button--small button--danger" aria-label={label} onClick={onClick}>
      {text}
    </button>
  );
}

/** A text field of a record its reader cannot edit: the text as it was typed (line breaks kept). */
function ReadText({ path, label, testId, multiline = false }: { path: string; label: string; testId?: string; multiline?: boolean }) {
  const { form, fieldId } = useFormKit();
  const value: unknown = form.watch(path);
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  return (
    <ReadValue id={fieldId(path)} label={label} testId={testId}>
      {text === '' ? null : multiline ? <span className="read-field__text">{text}</span> : text}
    </ReadValue>
  );
}

/** A choice among labelled options, read: the chosen option's label. */
function ReadChoice({ path, label, options }: { path: string; label: string; options: readonly { value: string; label: string }[] }) {
  const { form, fieldId } = useFormKit();
  const value: unknown = form.watch(path);
  return (
    <ReadValue id={fieldId(path)} label={label}>
      {options.find((option) => option.value === value)?.label}
    </ReadValue>
  );
}

/** A yes/no box, read: « Oui » or « Non ». */
function ReadCheck({ path, label, testId }: { path: string; label: string; testId?: string }) {
  const { form, fieldId } = useFormKit();
  const t = useT();
  const value: unknown = form.watch(path);
  return (
    <ReadValue id={fieldId(path)} label={label} testId={testId}>
      {value === true ? t('common.yes') : t('common.no')}
    </ReadValue>
  );
}
