'use client';

import { useId, useMemo } from 'react';
import { useController, type FieldValues } from 'react-hook-form';

import { FieldFrame, useFieldErrorText } from '@/components/fields';
import type { BoundFieldProps } from '@/components/form/date-field';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { countryName, countryOptions } from '@/lib/countries';

/*
 * Several countries picked by their names in the user's language (never typed as codes): the chosen
 * ones listed, each with a button to remove it, and a list to add another. The form holds the codes,
 * as the text the API's comma-separated list expects ("FR, DE").
 */

function codesOf(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(/[,;\s]+/)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== '');
}

export function CountriesField<T extends FieldValues>({ control, name, id, label, hint, testId }: Omit<BoundFieldProps<T>, 'required'>) {
  const t = useT();
  const locale = useLocale();
  const listId = useId();
  const { field, fieldState } = useController({ control, name });
  const errorText = useFieldErrorText(fieldState.error);
  const codes = codesOf(field.value);
  const all = useMemo(() => countryOptions(locale), [locale]);
  const remaining = all.filter((option) => !codes.includes(option.value));
  const set = (next: string[]) => field.onChange(next.join(', '));
  return (
    <FieldFrame id={id} label={label} hint={hint} errorText={errorText}>
      {(describedBy) => (
        <div className="countries-field" data-testid={testId}>
          {codes.length > 0 ? (
            <ul className="countries-field__list" id={listId} aria-label={label}>
              {codes.map((code) => (
                <li key={code} className="countries-field__item" data-country={code}>
                  <span>{countryName(code, locale)}</span>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('countriesField.remove', { country: countryName(code, locale) })}
                    onClick={() => set(codes.filter((other) => other !== code))}
                  >
                    {t('countriesField.removeText')}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <select
            id={id}
            ref={field.ref}
            className="field__control"
            value=""
            aria-describedby={describedBy}
            aria-invalid={errorText ? true : undefined}
            onBlur={field.onBlur}
            onChange={(event) => {
              if (event.target.value) set([...codes, event.target.value]);
            }}
          >
            <option value="">{codes.length > 0 ? t('countriesField.addAnother') : t('countriesField.add')}</option>
            {remaining.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </FieldFrame>
  );
}
