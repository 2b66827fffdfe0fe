'use client';

import { useFieldArray, useWatch } from 'react-hook-form';

import { useT } from '@/i18n/i18n-provider';

import { codeLabel } from '../catalogue';
import { EMPTY_DATA_CATEGORY, OTHER_START_EVENT, RETENTION_MODES } from '../schemas';
import { DATA_SOURCES, END_ACTIONS } from '../types';
import { useEditor } from './editor-context';
import {
  AddItemButton,
  FormCheckbox,
  FormDuration,
  FormRadios,
  FormSelect,
  FormText,
  FormTextArea,
  RemoveItemButton,
} from './form-controls';

/** The personal data processed, each category with its source, minimisation and retention rule. */
export function DataTab() {
  const t = useT();
  const { form } = useEditor();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'dataCategories' });
  return (
    <div className="form-panel">
      <p className="form-panel__intro">{t('activity.intros.data')}</p>
      {fields.map((item, index) => (
        <DataCategoryItem
          key={item.id}
          index={index}
          onRemove={() => {
            remove(index);
          }}
        />
      ))}
      <AddItemButton
        path="dataCategories"
        label={t('activity.actions.add.dataCategories')}
        testId="add-data-category"
        onClick={() => {
          append({ ...EMPTY_DATA_CATEGORY });
        }}
      />
    </div>
  );
}

function DataCategoryItem({ index, onRemove }: { index: number; onRemove: () => void }) {
  const t = useT();
  const { form, options, facts, catalogues, locale } = useEditor();
  const base = `dataCategories.${index}` as const;
  const [category, art9Condition] = useWatch({ control: form.control, name: [`${base}.category`, `${base}.art9Condition`] });
  const special = facts.specialDataCategories.has(category);
  const criminal = facts.criminalDataCategories.has(category);
  const nationalIdentifier = facts.nationalIdentifierCategories.has(category);
  const position = index + 1;
  const itemLabel = category
    ? t('activity.dataItem', { position, label: codeLabel(catalogues['data-categories'], category, locale) })
    : t('activityFields.dataCategories.item', { position });

  return (
    <fieldset className="item" data-testid={`data-category-${String(index)}`}>
      <legend>{itemLabel}</legend>
      <FormSelect
        path={`${base}.category`}
        label={t('activityFields.dataCategories.category')}
        options={options('data-categories', [category])}
        emptyLabel={t('activity.choose')}
        required
        testId={`data-category-${String(index)}-category`}
      />
      {special || criminal || nationalIdentifier ? (
        <ul className="flags" aria-label={t('activity.flags.label')}>
          {special ? <li className="tag tag--danger">{t('activity.flags.special')}</li> : null}
          {criminal ? <li className="tag tag--danger">{t('activity.flags.criminal')}</li> : null}
          {nationalIdentifier ? <li className="tag tag--warning">{t('activity.flags.nationalIdentifier')}</li> : null}
        </ul>
      ) : null}
      {special || art9Condition !== '' ? (
        <FormSelect
          path={`${base}.art9Condition`}
          label={t('activityFields.dataCategories.art9Condition')}
          hint={special ? t('activity.hints.art9Needed') : t('activity.hints.art9NotSpecial')}
          options={options('art9-conditions', [art9Condition])}
          emptyLabel={t('activity.toBeDetermined')}
          testId={`data-category-${String(index)}-art9`}
        />
      ) : null}
      <FormTextArea path={`${base}.description`} label={t('activityFields.dataCategories.description')} hint={t('activity.hints.dataDescription')} rows={2} />
      <div className="form-grid">
        <FormSelect
          path={`${base}.source`}
          label={t('activityFields.dataCategories.source')}
          options={DATA_SOURCES.map((value) => ({ value, label: t(`activity.sources.${value}`), help: null }))}
          emptyLabel={t('activity.notSpecified')}
        />
        <FormText path={`${base}.sourceDetail`} label={t('activityFields.dataCategories.sourceDetail')} hint={t('activity.hints.sourceDetail')} />
      </div>
      <FormCheckbox path={`${base}.mandatory`} label={t('activityFields.dataCategories.mandatory')} hint={t('activity.hints.mandatory')} />
      <FormTextArea
        path={`${base}.minimisationJustification`}
        label={t('activityFields.dataCategories.minimisationJustification')}
        hint={t('activity.hints.minimisation')}
        rows={2}
      />
      <RetentionFields index={index} />
      <div className="item__actions">
        <RemoveItemButton label={t('activity.actions.removeItem', { item: itemLabel })} onClick={onRemove} />
      </div>
    </fieldset>
  );
}

function RetentionFields({ index }: { index: number }) {
  const t = useT();
  const { form, options } = useEditor();
  const base = `dataCategories.${index}.retention` as const;
  const [mode, startEventCode] = useWatch({ control: form.control, name: [`${base}.mode`, `${base}.startEventCode`] });
  return (
    <fieldset className="subsection" data-testid={`data-category-${String(index)}-retention`}>
      <legend>{t('activity.retention.title')}</legend>
      <FormRadios
        path={`${base}.mode`}
        legend={t('activity.retention.mode')}
        options={RETENTION_MODES.map((value) => ({
          value,
          label: t(`activity.retention.modes.${value}`),
          hint: t(`activity.retention.modeHints.${value}`),
        }))}
      />
      {mode === 'limited' ? (
        <>
          <div className="form-grid">
            <FormDuration
              amountPath={`${base}.activeAmount`}
              unitPath={`${base}.activeUnit`}
              label={t('activityFields.dataCategories.retention.activePeriod')}
              hint={t('activity.retention.hints.activePeriod')}
              required
            />
            <FormDuration
              amountPath={`${base}.archiveAmount`}
              unitPath={`${base}.archiveUnit`}
              label={t('activityFields.dataCategories.retention.archivePeriod')}
              hint={t('activity.retention.hints.archivePeriod')}
            />
          </div>
          <div className="form-grid">
            <FormSelect
              path={`${base}.startEventCode`}
              label={t('activityFields.dataCategories.retention.startEvent')}
              options={[
                ...options('retention-start-events'),
                { value: OTHER_START_EVENT, label: t('activity.retention.otherStartEvent'), help: null },
              ]}
              emptyLabel={t('activity.notSpecified')}
            />
            {startEventCode === OTHER_START_EVENT ? (
              <FormText path={`${base}.startEventText`} label={t('activity.retention.startEventText')} />
            ) : null}
          </div>
          <FormSelect
            path={`${base}.endAction`}
            label={t('activityFields.dataCategories.retention.endAction')}
            options={END_ACTIONS.map((value) => ({ value, label: t(`activity.endActions.${value}`), help: null }))}
          />
        </>
      ) : null}
      {mode === 'unlimited' ? (
        <FormTextArea
          path={`${base}.unlimitedJustification`}
          label={t('activityFields.dataCategories.retention.unlimitedJustification')}
          hint={t('activity.retention.hints.unlimitedJustification')}
          rows={2}
        />
      ) : null}
      {mode !== 'none' ? (
        <FormText
          path={`${base}.legalReference`}
          label={t('activityFields.dataCategories.retention.legalReference')}
          hint={t('activity.retention.hints.legalReference')}
        />
      ) : null}
    </fieldset>
  );
}
