'use client';

import { useFieldArray, useWatch } from 'react-hook-form';

import { useT } from '@/i18n/i18n-provider';

import type { CatalogueOption } from '../catalogue';
import { useEditor } from './editor-context';
import { type CheckboxGroupSection } from './choice-controls';
import { AddItemButton, FormCheckboxGroup, FormText, RemoveItemButton } from './form-controls';

const KINDS = ['organisational', 'technical'] as const;

/** Security measures: ticked from the catalogue (by kind) and written in one's own words. */
export function SecurityTab() {
  const t = useT();
  const { form, options, catalogues } = useEditor();
  const selected = useWatch({ control: form.control, name: 'securityMeasures' });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'freeMeasures' });

  const all = options('security-measures', selected);
  const kindOf = new Map(catalogues['security-measures'].map((item) => [item.code, item.custom ? 'custom' : item.kind]));
  const sectionOf = (kind: string): CatalogueSection => ({
    title: kind === 'organisational' || kind === 'technical' ? t(`activity.measureKinds.${kind}`) : t('activity.measureKinds.other'),
    options: [],
  });
  const sections = new Map<string, CatalogueSection>(KINDS.map((kind) => [kind, sectionOf(kind)]));
  for (const option of all) {
    const kind = kindOf.get(option.value);
    const key = kind === 'organisational' || kind === 'technical' ? kind : 'other';
    const section = sections.get(key) ?? sectionOf(key);
    section.options.push(option);
    sections.set(key, section);
  }

  return (
    <div className="form-panel">
      <p className="form-panel__intro">{t('activity.intros.security')}</p>
      <FormCheckboxGroup
        path="securityMeasures"
        legend={t('activityFields.securityMeasures.label')}
        sections={[...sections.values()].filter((section) => section.options.length > 0)}
      />
      <section className="list" aria-labelledby="security-free-title">
        <h3 className="list__title" id="security-free-title">
          {t('activity.freeMeasures.title')}
        </h3>
        <p className="field__hint">{t('activity.freeMeasures.hint')}</p>
        {fields.map((item, index) => (
          <div className="item item--inline" key={item.id}>
            <FormText path={`freeMeasures.${index}.text`} label={t('activity.freeMeasures.item', { position: index + 1 })} required />
            <RemoveItemButton
              label={t('activity.actions.removeItem', { item: t('activity.freeMeasures.item', { position: index + 1 }) })}
              onClick={() => {
                remove(index);
              }}
            />
          </div>
        ))}
        <AddItemButton
          path="freeMeasures"
          label={t('activity.actions.add.freeMeasures')}
          onClick={() => {
            append({ text: '' });
          }}
        />
      </section>
    </div>
  );
}

interface CatalogueSection extends CheckboxGroupSection {
  options: CatalogueOption[];
}
