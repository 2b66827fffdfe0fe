'use client';

import { useState } from 'react';

import { FieldFrame } from '@/components/fields';
import { PickerChoices, SearchPickerBox, toggled, useRecordSearch } from '@/components/search-picker';
import { findActivities, type ActivityChoice } from '@/features/activities/activities-api';
import type { CatalogueOption } from '@/features/activities/catalogue';
import { useT } from '@/i18n/i18n-provider';
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
  const search = useRecordSearch(async (text) => (await findActivities(api, organizationId, { q: text })).map(label), { emptyClears: true });
  // The activities linked when the form opened stay listed once unticked, so a slip is undone by ticking again.
  const [linkedAtFirst] = useState(value);

  const suggest = async (code: string) => {
    setCategory(code);
    onCategoryChange?.(code);
    if (!code) {
      setSuggestions(null);
      return;
    }
    const result = await search.run(async () => (await findActivities(api, organizationId, { dataSubject: code })).map(label));
    if (result) setSuggestions(result);
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
      <SearchPickerBox
        id={`${idPrefix}-activitySearch`}
        label={t('rightsRequests.activities.search')}
        buttonLabel={t('rightsRequests.activities.searchButton')}
        text={search.text}
        onText={search.setText}
        onSearch={() => void search.search()}
        submitTestId={`${idPrefix}-activitySearch-submit`}
      />
      {/* Ticked ones first, then those linked before, the suggestions and search results not ticked. */}
      <PickerChoices
        idPrefix={`${idPrefix}-activity`}
        chosen={value}
        offered={[...linkedAtFirst, ...(suggestions ?? []), ...(search.found ?? [])]}
        notFound={search.found?.length === 0 ? t('rightsRequests.activities.notFound') : null}
        error={search.error}
        onToggle={(record, on) => {
          onChange(toggled(value, record, on));
        }}
        choiceTestId="activity-choice"
      />
    </fieldset>
  );
}
