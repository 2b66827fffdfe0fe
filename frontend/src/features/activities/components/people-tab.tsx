'use client';

import { useFieldArray, useWatch } from 'react-hook-form';

import { useT } from '@/i18n/i18n-provider';

import { EMPTY_DATA_SUBJECT, EMPTY_RECIPIENT } from '../schemas';
import { useEditor } from './editor-context';
import { AddItemButton, FormCheckbox, FormSelect, FormText, FormTextArea, RemoveItemButton } from './form-controls';
import { ProcessorsAndTransfers } from './processors-transfers';

/** Whose data, who receives them, how people are informed and exercise their rights. */
export function PeopleTab() {
  const t = useT();
  return (
    <div className="form-panel">
      <DataSubjects />
      <Recipients />
      <section className="list" aria-labelledby="people-rights-title">
        <h3 className="list__title" id="people-rights-title">
          {t('activity.sections.informationAndRights')}
        </h3>
        <FormTextArea path="dataSubjectInformation" label={t('activityFields.dataSubjectInformation')} hint={t('activity.hints.information')} rows={3} />
        <FormTextArea path="rightsProcedure" label={t('activityFields.rightsProcedure')} hint={t('activity.hints.rights')} rows={3} />
      </section>
      <ProcessorsAndTransfers />
    </div>
  );
}

function DataSubjects() {
  const t = useT();
  const { form } = useEditor();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'dataSubjects' });
  return (
    <section className="list" aria-labelledby="people-subjects-title">
      <h3 className="list__title" id="people-subjects-title">
        {t('activityFields.dataSubjects.label')}
      </h3>
      <p className="field__hint">{t('activity.intros.dataSubjects')}</p>
      {fields.map((item, index) => (
        <DataSubjectItem
          key={item.id}
          index={index}
          onRemove={() => {
            remove(index);
          }}
        />
      ))}
      <AddItemButton
        path="dataSubjects"
        label={t('activity.actions.add.dataSubjects')}
        testId="add-data-subject"
        onClick={() => {
          append({ ...EMPTY_DATA_SUBJECT });
        }}
      />
    </section>
  );
}

function DataSubjectItem({ index, onRemove }: { index: number; onRemove: () => void }) {
  const t = useT();
  const { form, options, facts } = useEditor();
  const base = `dataSubjects.${index}` as const;
  const category = useWatch({ control: form.control, name: `${base}.category` });
  const itemLabel = t('activityFields.dataSubjects.item', { position: index + 1 });
  return (
    <fieldset className="item" data-testid={`data-subject-${String(index)}`}>
      <legend>{itemLabel}</legend>
      <div className="form-grid">
        <FormSelect
          path={`${base}.category`}
          label={t('activityFields.dataSubjects.category')}
          options={options('data-subject-categories', [category])}
          emptyLabel={t('activity.choose')}
          required
          testId={`data-subject-${String(index)}-category`}
          onPicked={(code) => {
            // Minors, patients…: vulnerable unless the DPO says otherwise.
            if (facts.vulnerableSubjectCategories.has(code)) form.setValue(`${base}.vulnerable`, true, { shouldDirty: true });
          }}
        />
        <FormText
          path={`${base}.estimatedCount`}
          label={t('activityFields.dataSubjects.estimatedCount')}
          hint={t('activity.hints.estimatedCount')}
          inputMode="numeric"
        />
      </div>
      <FormCheckbox path={`${base}.vulnerable`} label={t('activityFields.dataSubjects.vulnerable')} hint={t('activity.hints.vulnerable')} />
      <div className="item__actions">
        <RemoveItemButton label={t('activity.actions.removeItem', { item: itemLabel })} onClick={onRemove} />
      </div>
    </fieldset>
  );
}

function Recipients() {
  const t = useT();
  const { form, options } = useEditor();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'recipients' });
  const categories = useWatch({ control: form.control, name: 'recipients' }).map((recipient) => recipient.category);
  return (
    <section className="list" aria-labelledby="people-recipients-title">
      <h3 className="list__title" id="people-recipients-title">
        {t('activityFields.recipients.label')}
      </h3>
      <p className="field__hint">{t('activity.intros.recipients')}</p>
      {fields.map((item, index) => {
        const itemLabel = t('activityFields.recipients.item', { position: index + 1 });
        return (
          <fieldset className="item" key={item.id} data-testid={`recipient-${String(index)}`}>
            <legend>{itemLabel}</legend>
            <div className="form-grid">
              <FormSelect
                path={`recipients.${index}.category`}
                label={t('activityFields.recipients.category')}
                options={options('recipient-categories', categories)}
                emptyLabel={t('activity.choose')}
                required
              />
              <FormText path={`recipients.${index}.name`} label={t('activityFields.recipients.name')} hint={t('activity.hints.recipientName')} />
            </div>
            <div className="item__actions">
              <RemoveItemButton
                label={t('activity.actions.removeItem', { item: itemLabel })}
                onClick={() => {
                  remove(index);
                }}
              />
            </div>
          </fieldset>
        );
      })}
      <AddItemButton
        path="recipients"
        label={t('activity.actions.add.recipients')}
        onClick={() => {
          append({ ...EMPTY_RECIPIENT });
        }}
      />
    </section>
  );
}

