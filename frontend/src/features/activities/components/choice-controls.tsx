'use client';

import type { InputHTMLAttributes, ReactNode, Ref } from 'react';

import type { CatalogueOption } from '../catalogue';

/*
 * The rendering of the register's checkbox controls, without a form: the activity editor and the
 * design grid bind them to their own forms (each with its own ids and context) and share this markup.
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
