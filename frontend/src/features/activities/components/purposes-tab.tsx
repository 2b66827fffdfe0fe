'use client';

import { useFieldArray, useWatch } from 'react-hook-form';

import { useT } from '@/i18n/i18n-provider';

import { emptyPurpose } from '../schemas';
import { LEGAL_BASES_NEEDING_REFERENCE, LIA_PARTS } from '../types';
import { useEditor } from './editor-context';
import { AddItemButton, FormCheckbox, FormSelect, FormText, FormTextArea, RemoveItemButton } from './form-controls';

/** Each purpose with its own legal basis (Art 6(1)), the legal text or the legitimate-interest test it needs. */
export function PurposesTab() {
  const t = useT();
  const { form } = useEditor();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'purposes' });
  return (
    <div className="form-panel">
      <p className="form-panel__intro">{t('activity.intros.purposes')}</p>
      {fields.map((item, index) => (
        <PurposeItem
          key={item.id}
          index={index}
          onRemove={() => {
            remove(index);
          }}
        />
      ))}
      <AddItemButton
        path="purposes"
        label={t('activity.actions.add.purposes')}
        testId="add-purpose"
        onClick={() => {
          append(emptyPurpose(fields.length === 0));
        }}
      />
    </div>
  );
}

function PurposeItem({ index, onRemove }: { index: number; onRemove: () => void }) {
  const t = useT();
  const { form, options } = useEditor();
  const base = `purposes.${index}` as const;
  const [legalBasis, legalReference, assessment] = useWatch({
    control: form.control,
    name: [`${base}.legalBasis`, `${base}.legalReference`, `${base}.legitimateInterestAssessment`],
  });
  const needsReference = legalBasis !== '' && LEGAL_BASES_NEEDING_REFERENCE.includes(legalBasis);
  const interests = legalBasis === 'legitimate_interests';
  const assessmentFilled = LIA_PARTS.some((part) => assessment[part].trim() !== '');
  const itemLabel = t('activityFields.purposes.item', { position: index + 1 });

  return (
    <fieldset className="item" data-testid={`purpose-${String(index)}`}>
      <legend>{itemLabel}</legend>
      <FormTextArea path={`${base}.description`} label={t('activityFields.purposes.description')} hint={t('activity.hints.purpose')} rows={2} required />
      <FormCheckbox path={`${base}.main`} label={t('activityFields.purposes.main')} />
      <FormSelect
        path={`${base}.legalBasis`}
        label={t('activityFields.purposes.legalBasis')}
        hint={t('activity.hints.legalBasis')}
        options={options('legal-bases', [legalBasis])}
        emptyLabel={t('activity.toBeDetermined')}
        testId={`purpose-${String(index)}-legal-basis`}
      />
      {needsReference || legalReference.trim() !== '' ? (
        <FormText
          path={`${base}.legalReference`}
          label={t('activityFields.purposes.legalReference')}
          hint={needsReference ? t('activity.hints.legalReferenceNeeded') : t('activity.hints.legalReference')}
        />
      ) : null}
      {interests || assessmentFilled ? (
        <fieldset className="subsection" data-testid={`purpose-${String(index)}-lia`}>
          <legend>{t('activity.lia.title')}</legend>
          <p className="field__hint">{interests ? t('activity.lia.intro') : t('activity.lia.notApplicable')}</p>
          {LIA_PARTS.map((part) => (
            <FormTextArea
              key={part}
              path={`${base}.legitimateInterestAssessment.${part}`}
              label={t(`activityFields.purposes.legitimateInterestAssessment.${part}`)}
              hint={t(`activity.lia.hints.${part}`)}
              rows={3}
            />
          ))}
        </fieldset>
      ) : null}
      <div className="item__actions">
        <RemoveItemButton label={t('activity.actions.removeItem', { item: itemLabel })} onClick={onRemove} />
      </div>
    </fieldset>
  );
}
