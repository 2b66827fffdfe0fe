'use client';

import { useState } from 'react';

import { FieldFrame } from '@/components/fields';
import { useT } from '@/i18n/i18n-provider';
import { errorMessage } from '@/lib/forms';

/** A record offered in a picker, named as people know it (never by its id). */
export interface PickedRecord {
  id: string;
  label: string;
}

/**
 * Finding records by name inside a larger form: the text, the results (null before any search) and the
 * error of the last search. With `emptyClears`, an empty search clears the results rather than asking
 * the server (whose answer to no text would be the whole register).
 */
export function useRecordSearch(find: (text: string) => Promise<PickedRecord[]>, options: { emptyClears?: boolean } = {}) {
  const t = useT();
  const [text, setText] = useState('');
  const [found, setFound] = useState<PickedRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (load: () => Promise<PickedRecord[]>) => {
    setError(null);
    try {
      return await load();
    } catch (failure) {
      setError(errorMessage(failure, t));
      return null;
    }
  };
  const search = async () => {
    if (options.emptyClears && !text.trim()) {
      setFound(null);
      setError(null);
      return;
    }
    const result = await run(() => find(text));
    if (result) setFound(result);
  };
  return { text, setText, found, error, search, run };
}

/** The search box and its button; Enter searches and does not send the surrounding form. */
export function SearchPickerBox({
  id,
  label,
  buttonLabel,
  text,
  onText,
  onSearch,
  submitTestId,
}: {
  id: string;
  label: string;
  buttonLabel: string;
  text: string;
  onText: (text: string) => void;
  onSearch: () => void;
  submitTestId?: string;
}) {
  return (
    <FieldFrame id={id} label={label}>
      {(describedBy) => (
        <div className="button-row">
          <input
            id={id}
            className="field__control"
            type="search"
            aria-describedby={describedBy}
            value={text}
            onChange={(event) => {
              onText(event.target.value);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                onSearch();
              }
            }}
          />
          <button type="button" className="button" onClick={onSearch} data-testid={submitTestId}>
            {buttonLabel}
          </button>
        </div>
      )}
    </FieldFrame>
  );
}

/**
 * What a search gave: "nothing found" in words, the error, then the ticked records and the others
 * offered (each once, ticked ones left out of `offered`).
 */
export function PickerChoices({
  idPrefix,
  chosen,
  offered,
  notFound,
  error,
  onToggle,
  choiceTestId,
}: {
  idPrefix: string;
  chosen: readonly PickedRecord[];
  offered: readonly PickedRecord[];
  /** Shown when the last search found nothing. */
  notFound: string | null;
  error: string | null;
  onToggle: (record: PickedRecord, on: boolean) => void;
  choiceTestId?: string;
}) {
  const ticked = new Set(chosen.map((record) => record.id));
  const others = offered.filter((record, index, all) => !ticked.has(record.id) && all.findIndex((r) => r.id === record.id) === index);
  const box = (record: PickedRecord, checked: boolean) => {
    const id = `${idPrefix}-${record.id}`;
    return (
      <div className="check" key={record.id}>
        <input
          id={id}
          type="checkbox"
          className="check__box"
          checked={checked}
          onChange={(event) => {
            onToggle(record, event.target.checked);
          }}
          data-testid={choiceTestId}
          data-label={choiceTestId ? record.label : undefined}
        />
        <label className="check__label" htmlFor={id}>
          {record.label}
        </label>
      </div>
    );
  };
  return (
    <>
      {notFound ? <p className="field__hint">{notFound}</p> : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {chosen.map((record) => box(record, true))}
      {others.map((record) => box(record, false))}
    </>
  );
}

/** Ticking adds a record to the list (once), unticking takes it out. */
export function toggled(value: readonly PickedRecord[], record: PickedRecord, on: boolean): PickedRecord[] {
  const rest = value.filter((r) => r.id !== record.id);
  return on ? [...rest, record] : rest;
}
