'use client';

import type { ReactNode, SubmitEvent } from 'react';

/** The filters above a list: a search landmark holding a search box and a row of filters. */
export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="filters" role="search" aria-label={label}>
      {children}
    </div>
  );
}

export function FilterRow({ children }: { children: ReactNode }) {
  return <div className="filters__row">{children}</div>;
}

/** Free-text search, sent on submit; the box is reset when the URL's text changes. */
export function SearchBox({
  id,
  label,
  placeholder,
  buttonLabel,
  value,
  testId,
  onSearch,
}: {
  id: string;
  label: string;
  placeholder: string;
  buttonLabel: string;
  value: string;
  testId: string;
  onSearch: (q: string) => void;
}) {
  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get('q');
    onSearch(typeof q === 'string' ? q : '');
  }
  return (
    <form className="filters__search" onSubmit={onSubmit} key={`q-${value}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="filters__search-row">
        <input id={id} name="q" type="search" className="field__control" defaultValue={value} placeholder={placeholder} data-testid={testId} />
        <button type="submit" className="button">
          {buttonLabel}
        </button>
      </div>
    </form>
  );
}

/** A yes/no filter: ticked narrows the list. */
export function FilterCheck({
  id,
  label,
  checked,
  testId,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  testId: string;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="filters__check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        data-testid={testId}
        onChange={(event) => {
          onChange(event.target.checked);
        }}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** Clears the filters; shown only while a filter narrows the list. */
export function ResetFilters({ label, testId, onReset }: { label: string; testId: string; onReset: () => void }) {
  return (
    <button type="button" className="button button--secondary button--small filters__reset" data-testid={testId} onClick={onReset}>
      {label}
    </button>
  );
}
