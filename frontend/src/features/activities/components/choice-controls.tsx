'use client';

import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import type { RefCallBack, UseFormRegisterReturn } from 'react-hook-form';

import { FieldFrame } from '@/components/fields';
import { useT } from '@/i18n/i18n-provider';

import type { CatalogueOption } from '../catalogue';
import { DURATION_UNITS } from '../duration';

/*
 * The rendering of the register's pickers (checkboxes, catalogue select, duration), without a form:
 * the activity editor and the design grid bind them to their own forms (each with its own ids and
 * context) and share this markup.
 */

/** One checkbox with its label and, when given, a hint that describes it. */
export function CheckOption({
  id,
  label,
  hint,
  hintId = `${id}-hint`,
  ...input
}: { id: string; label: ReactNode; hint?: ReactNode; hintId?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & {
    ref?: Ref<HTMLInputElement>;
  }) {
  return (
    <div className="check">
      <input id={id} type="checkbox" className="check__box" aria-describedby={hint ? hintId : undefined} {...input} />
      <label className="check__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="check__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export interface CheckboxGroupSection {
  title: string | null;
  options: readonly CatalogueOption[];
}

/**
 * Several codes of a catalogue ticked in a fieldset, each with its help text; given `sections`, the
 * options are grouped under their titles. The first box takes `inputRef` so an error can focus it.
 */
export function CatalogueCheckboxGroup({
  id,
  legend,
  hint,
  errorText,
  options,
  sections,
  values,
  readOnly,
  inputRef,
  onChange,
  onBlur,
}: {
  id: string;
  legend: string;
  hint?: ReactNode;
  errorText?: string;
  options?: readonly CatalogueOption[];
  sections?: readonly CheckboxGroupSection[];
  values: readonly string[];
  readOnly: boolean;
  inputRef: Ref<HTMLInputElement>;
  onChange: (values: string[]) => void;
  onBlur: () => void;
}) {
  const toggle = (code: string, checked: boolean) => {
    const others = values.filter((value) => value !== code);
    onChange(checked ? [...others, code] : others);
  };
  let first = true;
  const renderOption = (option: CatalogueOption) => {
    const optionId = `${id}-${option.value}`;
    const ref = first ? inputRef : undefined;
    first = false;
    return (
      <CheckOption
        key={option.value}
        id={optionId}
        ref={ref}
        label={option.label}
        hint={option.help}
        hintId={`${optionId}-help`}
        checked={values.includes(option.value)}
        disabled={readOnly}
        onChange={(event) => {
          toggle(option.value, event.target.checked);
        }}
        onBlur={onBlur}
      />
    );
  };
  return (
    <fieldset className={errorText ? 'check-group field--invalid' : 'check-group'} id={id} tabIndex={-1}>
      <legend className="field__label">{legend}</legend>
      {hint ? <div className="field__hint">{hint}</div> : null}
      {sections
        ? sections.map((section, sectionIndex) => (
            <div className="check-group__section" key={section.title ?? sectionIndex}>
              {section.title ? <p className="check-group__title">{section.title}</p> : null}
              {section.options.map(renderOption)}
            </div>
          ))
        : options?.map(renderOption)}
      {errorText ? <p className="field__error">{errorText}</p> : null}
    </fieldset>
  );
}

/**
 * A select over a catalogue (or any list of options), with the help of the chosen entry under it.
 * `onPicked` runs after a choice (to fill dependent fields).
 */
export function CatalogueSelect({
  id,
  field,
  label,
  options,
  emptyLabel,
  hint,
  required,
  errorText,
  onPicked,
  testId,
}: {
  id: string;
  field: { name: string; value: unknown; ref: RefCallBack; onChange: (value: string) => void; onBlur: () => void };
  label: string;
  options: readonly CatalogueOption[];
  emptyLabel?: string;
  hint?: string;
  required?: boolean;
  errorText?: string;
  onPicked?: (value: string) => void;
  testId?: string;
}) {
  const value = typeof field.value === 'string' ? field.value : '';
  const selected = options.find((option) => option.value === value);
  const help = selected?.help ?? null;
  const helpId = `${id}-help`;
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} errorText={errorText}>
      {(describedBy) => (
        <>
          <select
            id={id}
            ref={field.ref}
            name={field.name}
            className="field__control"
            value={value}
            data-testid={testId}
            aria-invalid={errorText ? true : undefined}
            aria-describedby={[describedBy, help ? helpId : undefined].filter(Boolean).join(' ') || undefined}
            onChange={(event) => {
              field.onChange(event.target.value);
              onPicked?.(event.target.value);
            }}
            onBlur={field.onBlur}
          >
            {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
            {value !== '' && !selected ? (
              // A value the list no longer offers is shown as it is rather than silently replaced.
              <option value={value}>{value}</option>
            ) : null}
          </select>
          {help ? (
            <p className="field__help" id={helpId}>
              {help}
            </p>
          ) : null}
        </>
      )}
    </FieldFrame>
  );
}

/** A period entered as a number and a unit (stored as an ISO 8601 duration). */
export function DurationInput({
  id,
  unitId,
  label,
  hint,
  required,
  errorText,
  amount,
  unit,
}: {
  id: string;
  unitId: string;
  label: string;
  hint?: string;
  required?: boolean;
  errorText?: string;
  amount: UseFormRegisterReturn;
  unit: UseFormRegisterReturn;
}) {
  const t = useT();
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} errorText={errorText}>
      {(describedBy) => (
        <div className="duration">
          <input
            id={id}
            type="text"
            inputMode="numeric"
            className="field__control duration__amount"
            aria-invalid={errorText ? true : undefined}
            aria-describedby={describedBy}
            aria-required={required}
            {...amount}
          />
          <select id={unitId} className="field__control duration__unit" aria-label={t('activity.duration.unit', { field: label })} {...unit}>
            {DURATION_UNITS.map((value) => (
              <option key={value} value={value}>
                {t(`activity.duration.units.${value}`)}
              </option>
            ))}
          </select>
        </div>
      )}
    </FieldFrame>
  );
}
