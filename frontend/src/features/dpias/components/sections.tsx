'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useFieldArray, useForm, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';

import { FormKit } from '@/components/form/form-kit';
import { KitDate, KitRadios, KitSelectField, KitText, KitTextArea } from '@/components/form/kit-controls';
import { ReadList, ReadValue } from '@/components/form/read-value';
import { catalogueOptions } from '@/features/activities/catalogue';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';

import { fearedEventLabel, scaleLabel, type DpiaCatalogues } from '../catalogues';
import {
  actionPlanFromForm,
  actionPlanToForm,
  contextFromForm,
  contextToForm,
  principlesFromForm,
  principlesToForm,
  risksFromForm,
  risksToForm,
  ZActionPlanFormSchema,
  ZContextFormSchema,
  ZPrinciplesFormSchema,
  ZRisksFormSchema,
  type ActionPlanForm,
  type ContextForm,
  type PrinciplesForm,
  type RisksForm,
  type SectionPatch,
} from '../schemas';
import {
  ACTION_STATUSES,
  CONTEXT_FIELDS,
  FEARED_EVENTS,
  JUDGEMENTS,
  PROPORTIONALITY_ITEMS,
  residualLevel,
  RIGHTS_ITEMS,
  riskLevel,
  SCALE_VALUES,
  type DpiaDetail,
  type PrincipleItem,
} from '../types';
import { RiskBadge } from './dpia-status-badge';
import { SaveBar } from './section-form';

export type SaveSections = (sections: SectionPatch) => Promise<DpiaDetail>;

interface SectionProps {
  dpia: DpiaDetail;
  editable: boolean;
  save: SaveSections;
}

/** `risk` + `misuse.before.severity` → `risk-misuse-before-severity`: the ids the sections always had. */
const dpiaFieldId = (prefix: string) => (path: string) => `${prefix}-${path.replace(/\./g, '-')}`;
/** `actions.0.measure` → `action-0-measure` */
const actionFieldId = (path: string) => path.replace(/^actions\./, 'action-').replace(/\./g, '-');

/** The submit of a section form: validates, saves through the API, says "saved". */
function useSectionSubmit<T extends FieldValues>(form: UseFormReturn<T>, fields: readonly Path<T>[], save: (values: T) => Promise<unknown>) {
  const [saved, setSaved] = useState(false);
  const { formError, onSubmit } = useApiFormSubmit(form, fields, async (values) => {
    setSaved(false);
    await save(values);
    setSaved(true);
  });
  return { formError, onSubmit, saved };
}

// ——— 1. Context ———

export function ContextSection({ dpia, editable, save }: SectionProps) {
  const t = useT();
  const form = useForm<ContextForm>({ resolver: zodResolver(ZContextFormSchema), defaultValues: contextToForm(dpia.content.context) });
  const { formError, onSubmit, saved } = useSectionSubmit(form, CONTEXT_FIELDS, (values) => save({ context: contextFromForm(values) }));
  return (
    <FormKit form={form} readOnly={!editable} fieldId={dpiaFieldId('context')}>
      <form noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="dpia-context-title">
        <fieldset className="plain-fieldset" disabled={!editable}>
          {CONTEXT_FIELDS.map((field) => (
            <KitTextArea key={field} path={field} label={t(`dpias.context.${field}`)} hint={t(`dpias.context.${field}Hint`)} rows={3} />
          ))}
        </fieldset>
        <SaveBar editable={editable} busy={form.formState.isSubmitting} formError={formError} saved={saved} testId="save-context" />
      </form>
    </FormKit>
  );
}

// ——— 2. Fundamental principles ———

export function PrinciplesSection({ dpia, editable, save }: SectionProps) {
  const t = useT();
  const form = useForm<PrinciplesForm>({ resolver: zodResolver(ZPrinciplesFormSchema), defaultValues: principlesToForm(dpia.content.principles) });
  const { formError, onSubmit, saved } = useSectionSubmit(form, [], (values) => save({ principles: principlesFromForm(values) }));
  const item = (code: PrincipleItem) => (
    <fieldset key={code} className="dpia-principle" data-testid={`principle-${code}`}>
      <legend>{t(`dpias.principles.items.${code}`)}</legend>
      <KitRadios
        path={`${code}.judgement`}
        legend={t('dpias.principles.judgement')}
        inline
        options={(['', ...JUDGEMENTS] as const).map((judgement) => ({ value: judgement, label: t(`dpias.judgements.${judgement || 'none'}`) }))}
      />
      <KitTextArea path={`${code}.comment`} label={t('dpias.principles.comment')} rows={2} />
    </fieldset>
  );
  return (
    <FormKit form={form} readOnly={!editable} fieldId={dpiaFieldId('principle')}>
      <form noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="dpia-principles-title">
        <fieldset className="plain-fieldset" disabled={!editable}>
          <h3>{t('dpias.principles.proportionality')}</h3>
          {PROPORTIONALITY_ITEMS.map(item)}
          <h3>{t('dpias.principles.rights')}</h3>
          {RIGHTS_ITEMS.map(item)}
        </fieldset>
        <SaveBar editable={editable} busy={form.formState.isSubmitting} formError={formError} saved={saved} testId="save-principles" />
      </form>
    </FormKit>
  );
}

// ——— 3. Risks ———

export function RisksSection({ dpia, editable, save, catalogues }: SectionProps & { catalogues: DpiaCatalogues }) {
  const t = useT();
  const locale = useLocale();
  const form = useForm<RisksForm>({ resolver: zodResolver(ZRisksFormSchema), defaultValues: risksToForm(dpia.content.risks) });
  const { formError, onSubmit, saved } = useSectionSubmit(form, [], (values) => save({ risks: risksFromForm(values) }));
  const measures = catalogueOptions(catalogues['security-measures'], locale);
  const scaleOptions = (name: 'dpia-severity' | 'dpia-likelihood') =>
    SCALE_VALUES.map((value) => ({ value: String(value), label: `${String(value)}. ${scaleLabel(catalogues[name], value, locale)}` }));
  return (
    <FormKit form={form} readOnly={!editable} fieldId={dpiaFieldId('risk')}>
    <form noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="dpia-risks-title">
      <fieldset className="plain-fieldset" disabled={!editable}>
        {FEARED_EVENTS.map((event) => {
          const residual = riskLevel(residualLevel(dpia.content.risks[event]));
          return (
            <fieldset key={event} className="dpia-risk" data-testid={`risk-${event}`}>
              <legend>
                {fearedEventLabel(catalogues, event, locale)} <RiskBadge level={residual} testId={`risk-${event}-residual`} />
              </legend>
              {(['riskSources', 'threats', 'impacts'] as const).map((list) => (
                <KitTextArea key={list} path={`${event}.${list}`} label={t(`dpias.risks.${list}`)} hint={t('dpias.risks.onePerLine')} rows={2} />
              ))}
              {(['existingMeasures', 'plannedMeasures'] as const).map((kind) =>
                // A reader reads the measures ticked, not a list of boxes.
                !editable ? (
                  <ReadValue key={kind} id={`risk-${event}-${kind}`} label={t(`dpias.risks.${kind}`)}>
                    {form.watch(`${event}.${kind}`).length > 0 ? (
                      <ReadList items={form.watch(`${event}.${kind}`).map((code) => measures.find((option) => option.value === code)?.label ?? code)} />
                    ) : null}
                  </ReadValue>
                ) : (
                <details key={kind} className="dpia-measures">
                  <summary>
                    {t(`dpias.risks.${kind}`)} ({form.watch(`${event}.${kind}`).length})
                  </summary>
                  <fieldset className="checkbox-grid">
                    <legend className="visually-hidden">{t(`dpias.risks.${kind}`)}</legend>
                    {measures.map((option) => (
                      <label key={option.value} className="choice">
                        <input type="checkbox" value={option.value} {...form.register(`${event}.${kind}`)} /> {option.label}
                      </label>
                    ))}
                  </fieldset>
                </details>
                ),
              )}
              <div className="dpia-risk__levels">
                {(['before', 'after'] as const).map((when) => (
                  <fieldset key={when}>
                    <legend>{t(`dpias.risks.${when}`)}</legend>
                    <KitSelectField path={`${event}.${when}.severity`} label={t('dpias.risks.severity')} options={scaleOptions('dpia-severity')} emptyLabel={t('dpias.risks.notRated')} />
                    <KitSelectField path={`${event}.${when}.likelihood`} label={t('dpias.risks.likelihood')} options={scaleOptions('dpia-likelihood')} emptyLabel={t('dpias.risks.notRated')} />
                  </fieldset>
                ))}
              </div>
            </fieldset>
          );
        })}
      </fieldset>
      <SaveBar editable={editable} busy={form.formState.isSubmitting} formError={formError} saved={saved} testId="save-risks" />
    </form>
    </FormKit>
  );
}

// ——— 4. Action plan ———

export function ActionPlanSection({ dpia, editable, save }: SectionProps) {
  const t = useT();
  const form = useForm<ActionPlanForm>({ resolver: zodResolver(ZActionPlanFormSchema), defaultValues: actionPlanToForm(dpia.content.actionPlan) });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'actions' });
  const { formError, onSubmit, saved } = useSectionSubmit(form, [], async (values) => {
    // New rows get their id from the server: the form takes them back so the next save keeps them.
    const next = await save({ actionPlan: actionPlanFromForm(values) });
    form.reset(actionPlanToForm(next.content.actionPlan));
  });
  return (
    <FormKit form={form} readOnly={!editable} fieldId={actionFieldId}>
    <form noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="dpia-actionPlan-title">
      <fieldset className="plain-fieldset" disabled={!editable}>
        {fields.length === 0 ? <p>{t('dpias.actions.empty')}</p> : null}
        <div className="table-wrap">
          <table className="table dpia-actions" data-testid="action-plan">
            <caption className="visually-hidden">{t('dpias.actions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dpias.actions.measure')}</th>
                <th scope="col">{t('dpias.actions.owner')}</th>
                <th scope="col">{t('dpias.actions.dueDate')}</th>
                <th scope="col">{t('dpias.actions.status')}</th>
                {editable ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {fields.map((field, index) => (
                <tr key={field.id} data-testid={`action-row-${String(index)}`}>
                  <td>
                    <KitText path={`actions.${String(index)}.measure`} label={t('dpias.actions.measure')} required />
                  </td>
                  <td>
                    <KitText path={`actions.${String(index)}.owner`} label={t('dpias.actions.owner')} />
                  </td>
                  <td>
                    <KitDate path={`actions.${String(index)}.dueDate`} label={t('dpias.actions.dueDate')} />
                  </td>
                  <td>
                    <KitSelectField
                      path={`actions.${String(index)}.status`}
                      label={t('dpias.actions.status')}
                      options={ACTION_STATUSES.map((status) => ({ value: status, label: t(`dpias.actionStatus.${status}`) }))}
                    />
                  </td>
                  {editable ? (
                    <td>
                      <button type="button" className="button button--secondary" onClick={() => remove(index)}>
                        {t('dpias.actions.remove')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {editable ? (
          <button type="button" className="button button--secondary" data-testid="action-add" onClick={() => append({ id: '', measure: '', owner: '', dueDate: '', status: 'planned' })}>
            {t('dpias.actions.add')}
          </button>
        ) : null}
      </fieldset>
      <SaveBar editable={editable} busy={form.formState.isSubmitting} formError={formError} saved={saved} testId="save-actionPlan" />
    </form>
    </FormKit>
  );
}
