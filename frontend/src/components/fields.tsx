'use client';

import type { ReactNode } from 'react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';

import { useMessages, useT } from '@/i18n/i18n-provider';
import { isMessageKey } from '@/i18n/translate';
import { SERVER_ERROR_TYPE } from '@/lib/forms';

/**
 * The text of a field error: messages from the server are already translated; messages from the
 * zod schemas are catalogue keys (e.g. `validation.required`).
 */
export function useFieldErrorText(error: FieldError | undefined): string | undefined {
  const t = useT();
  const messages = useMessages();
  if (!error) return undefined;
  const message = error.message ?? '';
  if (error.type === SERVER_ERROR_TYPE) return message || t('validation.invalid');
  return isMessageKey(messages, message) ? t(message) : t('validation.invalid');
}

export interface FieldFrameProps {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  errorText?: string;
  children: (describedBy: string | undefined) => ReactNode;
}

export function FieldFrame({ id, label, required, hint, errorText, children }: FieldFrameProps) {
  const t = useT();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errorText ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={errorText ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required ? <span className="field__required"> ({t('common.required')})</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children(describedBy)}
      {errorText ? (
        <p className="field__error" id={errorId}>
          {errorText}
        </p>
      ) : null}
    </div>
  );
}

interface BaseFieldProps {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  error?: FieldError;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
  testId?: string;
}

export function TextField({
  type = 'text',
  autoComplete,
  ...props
}: BaseFieldProps & { type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'datetime-local'; autoComplete?: string; inputMode?: 'numeric' }) {
  const errorText = useFieldErrorText(props.error);
  return (
    <FieldFrame id={props.id} label={props.label} required={props.required} hint={props.hint} errorText={errorText}>
      {(describedBy) => (
        <input
          id={props.id}
          className="field__control"
          type={type}
          autoComplete={autoComplete}
          inputMode={props.inputMode}
          data-testid={props.testId}
          aria-invalid={errorText ? true : undefined}
          aria-describedby={describedBy}
          aria-required={props.required}
          disabled={props.disabled}
          {...props.registration}
        />
      )}
    </FieldFrame>
  );
}

export function TextAreaField({ rows = 3, ...props }: BaseFieldProps & { rows?: number }) {
  const errorText = useFieldErrorText(props.error);
  return (
    <FieldFrame id={props.id} label={props.label} required={props.required} hint={props.hint} errorText={errorText}>
      {(describedBy) => (
        <textarea
          id={props.id}
          className="field__control"
          rows={rows}
          data-testid={props.testId}
          aria-invalid={errorText ? true : undefined}
          aria-describedby={describedBy}
          aria-required={props.required}
          disabled={props.disabled}
          {...props.registration}
        />
      )}
    </FieldFrame>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export function SelectField({
  options,
  emptyLabel,
  ...props
}: BaseFieldProps & { options: readonly SelectOption[]; emptyLabel?: string }) {
  const errorText = useFieldErrorText(props.error);
  return (
    <FieldFrame id={props.id} label={props.label} required={props.required} hint={props.hint} errorText={errorText}>
      {(describedBy) => (
        <select
          id={props.id}
          className="field__control"
          aria-invalid={errorText ? true : undefined}
          aria-describedby={describedBy}
          aria-required={props.required}
          disabled={props.disabled}
          {...props.registration}
        >
          {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
