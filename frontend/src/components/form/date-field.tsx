'use client';

import { useEffect, useId, useRef, useState, type Ref } from 'react';
import { DayPicker } from 'react-day-picker';
import { enGB, fr } from 'react-day-picker/locale';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';

import { FieldFrame, useFieldErrorText } from '@/components/fields';
import { useLocale, useT } from '@/i18n/i18n-provider';

import { datePlaceholder, dayToIso, isoToDay, isoToText, textToIso } from './date-text';

/*
 * One date field for every form: a text box in the app's format (31/12/2026 in French and in English,
 * whatever the browser's language) and a calendar in a popover, in the app's language. The form sees
 * an ISO date (2026-12-31), '' when empty, or the typed text as it is when it is no date (so the form's
 * schema refuses it with its message).
 */

const CALENDAR_LOCALES = { fr, en: enGB } as const;

export interface DateInputProps {
  id: string;
  /** What the calendar dialog is called (the field's label). */
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  /** For plain HTML forms (a GET filter): a hidden input of this name carries the ISO date. */
  name?: string;
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
  disabled?: boolean;
  /** The last day the calendar offers (ISO), e.g. today for a date that cannot be in the future. */
  max?: string;
  testId?: string;
}

export function DateInput({ id, label, value, onChange, onBlur, inputRef, name, describedBy, invalid, required, disabled, max, testId }: DateInputProps) {
  const t = useT();
  const locale = useLocale();
  const [text, setText] = useState(() => isoToText(value) ?? value);
  const [lastValue, setLastValue] = useState(value);
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const formatId = `${id}-format`;
  const dialogId = useId();

  // A value set from outside (a reset, a reload) replaces the text, unless it is what the text says.
  if (value !== lastValue) {
    setLastValue(value);
    if ((textToIso(text) ?? text.trim()) !== value) setText(isoToText(value) ?? value);
  }

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: MouseEvent) => {
      if (wrapper.current && !wrapper.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const change = (next: string) => {
    setText(next);
    const trimmed = next.trim();
    onChange(trimmed === '' ? '' : (textToIso(trimmed) ?? trimmed));
  };

  const selected = isoToDay(value);
  const maxDay = isoToDay(max);
  return (
    <div
      className="date-field"
      ref={wrapper}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <input
        id={id}
        ref={inputRef}
        className="field__control date-field__input"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={datePlaceholder(locale)}
        value={text}
        onChange={(event) => change(event.target.value)}
        onBlur={() => {
          // A complete date is shown in the one format once the user leaves the box (1/2/2027 → 01/02/2027).
          const iso = textToIso(text);
          if (iso) setText(isoToText(iso) ?? text);
          onBlur?.();
        }}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={[formatId, describedBy].filter(Boolean).join(' ')}
        aria-required={required}
        disabled={disabled}
        data-testid={testId}
      />
      <span className="visually-hidden" id={formatId}>
        {t('dateField.format', { format: datePlaceholder(locale) })}
      </span>
      {name ? <input type="hidden" name={name} value={textToIso(text) ?? ''} /> : null}
      <button
        ref={button}
        type="button"
        className="button button--small date-field__toggle"
        aria-label={t('dateField.pick', { label })}
        aria-expanded={open}
        aria-controls={open ? dialogId : undefined}
        disabled={disabled}
        onClick={() => setOpen((current) => !current)}
      >
        <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16">
          <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
          <path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor" fill="none" />
        </svg>
      </button>
      {open ? (
        <div className="date-field__popover" id={dialogId} role="dialog" aria-label={label}>
          <DayPicker
            mode="single"
            locale={CALENDAR_LOCALES[locale]}
            selected={selected}
            defaultMonth={selected ?? new Date()}
            autoFocus
            disabled={maxDay ? { after: maxDay } : undefined}
            onSelect={(day) => {
              if (!day) return;
              const iso = dayToIso(day);
              setText(isoToText(iso) ?? iso);
              onChange(iso);
              setOpen(false);
              button.current?.focus();
            }}
          />
        </div>
      ) : null}
    </div>
  );
}

/** A labelled date field (label, hint, error) around the date input. */
export function DateField({
  id,
  label,
  hint,
  required,
  errorText,
  ...input
}: Omit<DateInputProps, 'describedBy' | 'invalid'> & { hint?: string; errorText?: string }) {
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} errorText={errorText}>
      {(describedBy) => <DateInput id={id} label={label} required={required} describedBy={describedBy} invalid={Boolean(errorText)} {...input} />}
    </FieldFrame>
  );
}

/** A field of a react-hook-form form bound by its `control` and the field's name (outside the form kit). */
export interface BoundFieldProps<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  id: string;
  label: string;
  hint?: string;
  required?: boolean;
  testId?: string;
}

/** The date field of a react-hook-form form outside the form kit. */
export function FormDateField<T extends FieldValues>({ control, name, id, label, hint, required, testId }: BoundFieldProps<T>) {
  const { field, fieldState } = useController({ control, name });
  const errorText = useFieldErrorText(fieldState.error);
  return (
    <DateField
      id={id}
      label={label}
      hint={hint}
      required={required}
      errorText={errorText}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
      testId={testId}
    />
  );
}
