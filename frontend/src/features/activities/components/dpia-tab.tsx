'use client';

import { useWatch } from 'react-hook-form';

import { useT } from '@/i18n/i18n-provider';

import { DPIA_SCREENING_DECISIONS } from '../types';
import { useEditor } from './editor-context';
import { FormCheckbox, FormCheckboxGroup, FormRadios, FormSelect, FormTextArea } from './form-controls';

/** Two or more criteria of the EDPB guidelines: a DPIA is generally required. */
export const DPIA_CRITERIA_THRESHOLD = 2;

/** The DPIA screening: the EDPB criteria met, the CNIL lists, and the decision (the DPIA itself lives elsewhere). */
export function DpiaTab() {
  const t = useT();
  const { form, options } = useEditor();
  const [criteria, required, exempt] = useWatch({
    control: form.control,
    name: ['dpiaScreening.criteria', 'dpiaScreening.onCnilRequiredList', 'dpiaScreening.onCnilExemptList'],
  });
  const count = criteria.length;
  return (
    <div className="form-panel">
      <p className="form-panel__intro">{t('activity.intros.dpia')}</p>
      <FormCheckbox path="automatedDecisionMaking" label={t('activityFields.automatedDecisionMaking')} hint={t('activity.hints.automatedDecisionMaking')} />
      <FormCheckboxGroup
        path="dpiaScreening.criteria"
        legend={t('activityFields.dpiaScreening.criteria')}
        sections={[{ title: null, options: options('dpia-criteria', criteria) }]}
        hint={
          <span data-testid="dpia-criteria-count">
            {count >= DPIA_CRITERIA_THRESHOLD
              ? t('activity.dpia.likelyRequired', { count })
              : t('activity.dpia.criteriaCount', { count })}
          </span>
        }
      />
      <FormSelect
        path="dpiaScreening.onCnilRequiredList"
        label={t('activityFields.dpiaScreening.onCnilRequiredList')}
        hint={t('activity.dpia.requiredListHint')}
        options={options('dpia-cnil-required', [required])}
        emptyLabel={t('activity.dpia.none')}
      />
      <FormSelect
        path="dpiaScreening.onCnilExemptList"
        label={t('activityFields.dpiaScreening.onCnilExemptList')}
        hint={t('activity.dpia.exemptListHint')}
        options={options('dpia-cnil-exempt', [exempt])}
        emptyLabel={t('activity.dpia.none')}
      />
      <FormRadios
        path="dpiaScreening.decision"
        legend={t('activityFields.dpiaScreening.decision')}
        options={DPIA_SCREENING_DECISIONS.map((value) => ({ value, label: t(`activity.dpiaDecisions.${value}`) }))}
      />
      <FormTextArea path="dpiaScreening.justification" label={t('activityFields.dpiaScreening.justification')} hint={t('activity.dpia.justificationHint')} rows={3} />
    </div>
  );
}
