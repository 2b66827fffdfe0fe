'use client';

import { useState } from 'react';

import { FieldFrame } from '@/components/fields';
import { findActivities, type ActivityChoice } from '@/features/activities/activities-api';
import type { CatalogueOption } from '@/features/activities/catalogue';
import { useT } from '@/i18n/i18n-provider';
import { errorMessage } from '@/lib/forms';
import { useApi } from '@/lib/use-api';

import type { LinkedRecord } from '../linked-records';

const label = (activity: ActivityChoice): LinkedRecord => ({ id: activity.id, label: `${activity.reference} ${activity.name}` });

/**
 * The activities of the register a request touches. The person's category (picked by its label) asks
 * the register for the activities about such people, which the DPO ticks; any other is found by name or
 * reference. What is ticked is `value`, each activity named as people know it, never by its id.
 */
export function ActivityPicker({
  organizationId,
  subjectCategories,
  value,
  onChange,
  idPrefix,
  hint,
  categoryLabel,
  initialCategory = '',
  onCategoryChange,
}: {
  organizationId: string;
  subjectCategories: readonly CatalogueOption[];
  value: readonly LinkedRecord[];
  onChange: (next: LinkedRecord[]) => void;
  idPrefix: string;
  /** What to tick, for the record at hand (a request by default). */
  hint?: string;
  categoryLabel?: string;
  /** The person's category as recorded (a catalogue code); kept by the request, told back on change. */
  initialCategory?: string;
  onCategoryChange?: (code: string) => void;
}) {
  const t = useT();
  const api = useApi();
  const [category, setCategory] = useState(initialCategory);
  const [suggestions, setSuggestions] = useState<LinkedRecord[] | null>(null);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<LinkedRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The activities linked when the form opened stay listed once unticked, so a slip is undone by ticking again.
  const [linkedAtFirst] = useState(value);
  const chosen = new Set(value.map((record) => record.id));

  const toggle = (record: LinkedRecord, on: boolean) => onChange(on ? [...value.filter((r) => r.id !== record.id), record] : value.filter((r) => r.id !== record.id));
  const suggest = async (code: string) => {
    setCategory(code);
    onCategoryChange?.(code);
    setError(null);
    if (!code) {
      setSuggestions(null);
      return;
    }
    try {
      setSuggestions((await findActivities(api, organizationId, { dataSubject: code })).map(label));
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };
  const find = async () => {
    setError(null);
    if (!search.trim()) {
      setFound(null);
      return;
    }
    try {
      setFound((await findActivities(api, organizationId, { q: search })).map(label));
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };
  // Ticked ones first, then those linked before, the suggestions and search results not ticked.
  const others = [...linkedAtFirst, ...(suggestions ?? []), ...(found ?? [])].filter((record, index, all) => !chosen.has(record.id) && all.findIndex((r) => r.id === record.id) === index);
  const box = (record: LinkedRecord, checked: boolean) => {
    const id = `${idPrefix}-activity-${record.id}`;
    return (
      <div className="check" key={record.id}>
        <input id={id} type="checkbox" className="check__box" checked={checked} onChange={(event) => toggle(record, event.target.checked)} data-testid="activity-choice" data-label={record.label} />
        <label className="check__label" htmlFor={id}>
          {record.label}
        </label>
      </div>
    );
  };

  return (
    <fieldset className="check-group activity-picker" data-testid={`${idPrefix}-activities`}>
      <legend className="check-group__title">{t('rightsRequests.activities.legend')}</legend>
      <p className="field__hint">{hint ?? t('rightsRequests.activities.hint')}</p>
      <FieldFrame id={`${idPrefix}-subjectCategory`} label={categoryLabel ?? t('rightsRequests.activities.category')}>
        {(describedBy) => (
          <select id={`${idPrefix}-subjectCategory`} className="field__control" aria-describedby={describedBy} value={category} onChange={(event) => void suggest(event.target.value)}>
            <option value="">{t('rightsRequests.activities.noCategory')}</option>
            {subjectCategories.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      {suggestions?.length === 0 ? <p className="field__hint">{t('rightsRequests.activities.noSuggestion')}</p> : null}
      <FieldFrame id={`${idPrefix}-activitySearch`} label={t('rightsRequests.activities.search')}>
        {(describedBy) => (
          <div className="button-row">
            <input
              id={`${idPrefix}-activitySearch`}
              className="field__control"
              type="search"
              aria-describedby={describedBy}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              onKeyDown={(event) => {
                // Enter searches the register; it does not send the request's form.
                if (event.key === 'Enter') {
                  event.preventDefault();
                  void find();
                }
              }}
            />
            <button type="button" className="button" onClick={() => void find()} data-testid={`${idPrefix}-activitySearch-submit`}>
              {t('rightsRequests.activities.searchButton')}
            </button>
          </div>
        )}
      </FieldFrame>
      {found?.length === 0 ? <p className="field__hint">{t('rightsRequests.activities.notFound')}</p> : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {value.map((record) => box(record, true))}
      {others.map((record) => box(record, false))}
    </fieldset>
  );
}
