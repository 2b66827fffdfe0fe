'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';

import { FormDateField } from '@/components/form/date-field';
import { FormKit } from '@/components/form/form-kit';
import { KitSelectField, KitTextArea } from '@/components/form/kit-controls';
import { ErrorAlert } from '@/components/alerts';
import { SelectField, TextAreaField, TextField } from '@/components/fields';
import { formatDate } from '@/features/activities/history-diff';
import { useLocale, useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { errorMessage } from '@/lib/forms';
import { useApi } from '@/lib/use-api';
import { useApiFormSubmit } from '@/lib/use-api-form-submit';

import { dpiaStep, giveOpinion, recordDecision, type DpiaStep } from '../dpias-api';
import {
  dataSubjectsViewFromForm,
  dataSubjectsViewToForm,
  decisionDefaults,
  decisionFormSchema,
  decisionFromForm,
  opinionDefaults,
  ZDataSubjectsViewFormSchema,
  ZOpinionFormSchema,
  type DataSubjectsViewForm,
  type DecisionForm,
  type OpinionForm,
} from '../schemas';
import { DPIA_DECISIONS, OPINION_STATUSES, type DpiaDetail, type DpiaRevisionItem } from '../types';
import { ConsultationBlock } from './consultation-block';
import { SaveBar } from './section-form';
import type { SaveSections } from './sections';

const day = (value: string | Date) => (typeof value === 'string' ? value : value.toISOString()).slice(0, 10);

/**
 * Section 5: the people's view (saved like the other sections), then the workflow — submit to the DPO,
 * the DPO's opinion, the decision (admin or DPO), a new revision — and the list of revisions.
 */
/** The data subjects' view form: its controls' ids are `view-<field>`. */
const viewFieldId = (path: string) => `view-${path}`;

export function ValidationSection({
  organizationId,
  dpia,
  editable,
  save,
  onChange,
  revisions,
  revisionHref,
}: {
  organizationId: string;
  dpia: DpiaDetail;
  editable: boolean;
  save: SaveSections;
  onChange: (next: DpiaDetail) => void;
  revisions: DpiaRevisionItem[];
  revisionHref: (revision: number) => string;
}) {
  const t = useT();
  const locale = useLocale();
  const api = useApi();
  const ability = useAppAbility();
  const [stepError, setStepError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const viewForm = useForm<DataSubjectsViewForm>({ resolver: zodResolver(ZDataSubjectsViewFormSchema), defaultValues: dataSubjectsViewToForm(dpia.content.dataSubjectsView) });
  const [viewSaved, setViewSaved] = useState(false);
  const view = useApiFormSubmit(viewForm, [], async (values) => {
    setViewSaved(false);
    await save({ dataSubjectsView: dataSubjectsViewFromForm(values) });
    setViewSaved(true);
  });
  const sought = viewForm.watch('sought');

  const opinionForm = useForm<OpinionForm>({ resolver: zodResolver(ZOpinionFormSchema), defaultValues: opinionDefaults() });
  const opinion = useApiFormSubmit(opinionForm, ['opinion'], async (values) => {
    onChange(await giveOpinion(api, organizationId, dpia.id, dpia.version, { status: values.status, opinion: values.opinion.trim() }));
  });
  // Art 36(1): a residual risk still high is validated only with the prior consultation of the authority.
  const consultationRequired = dpia.priorConsultationRequired;
  const decisionSchema = useMemo(() => decisionFormSchema(consultationRequired), [consultationRequired]);
  const decisionForm = useForm<DecisionForm>({ resolver: zodResolver(decisionSchema), defaultValues: decisionDefaults() });
  const decision = useApiFormSubmit(decisionForm, ['comment', 'sentOn', 'reference'], async (values) => {
    onChange(await recordDecision(api, organizationId, dpia.id, dpia.version, decisionFromForm(values, consultationRequired)));
  });
  const chosenDecision = decisionForm.watch('decision');
  const consulting = consultationRequired && chosenDecision !== 'refused';

  async function step(name: DpiaStep) {
    setStepError(null);
    setBusy(true);
    try {
      onChange(await dpiaStep(api, organizationId, dpia.id, name, dpia.version));
    } catch (error) {
      setStepError(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  const awaiting = dpia.status === 'awaiting_dpo_opinion';
  const canSubmit = ability.can('submit', 'Dpia') && (dpia.status === 'draft' || dpia.status === 'in_progress');
  const canReopen = ability.can('update', 'Dpia') && awaiting;
  const canOpine = ability.can('validate', 'Dpia') && awaiting;
  const canDecide = ability.can('decide', 'Dpia') && awaiting && dpia.dpoOpinion !== null;
  const canRevise = ability.can('update', 'Dpia') && dpia.locked;

  return (
    <>
      <FormKit form={viewForm} readOnly={!editable} fieldId={viewFieldId}>
        <form noValidate onSubmit={(event) => void view.onSubmit(event)} aria-labelledby="dpia-data-subjects-title">
          <h3 id="dpia-data-subjects-title">{t('dpias.validation.dataSubjects')}</h3>
          <p className="panel__intro">{t('dpias.validation.dataSubjectsHint')}</p>
          <KitSelectField
            path="sought"
            label={t('dpias.validation.sought')}
            options={[
              { value: 'yes', label: t('dpias.validation.soughtYes') },
              { value: 'no', label: t('dpias.validation.soughtNo') },
            ]}
            emptyLabel={t('dpias.validation.soughtUnknown')}
          />
          {sought === 'no' ? <KitTextArea path="reasonNotSought" label={t('dpias.validation.reasonNotSought')} /> : null}
          {sought === 'yes' ? (
            <>
              <KitTextArea path="names" label={t('dpias.validation.names')} rows={2} />
              <KitSelectField
                path="status"
                label={t('dpias.validation.status')}
                options={OPINION_STATUSES.map((status) => ({ value: status, label: t(`dpias.opinions.${status}`) }))}
                emptyLabel={t('dpias.validation.statusNone')}
              />
              <KitTextArea path="opinion" label={t('dpias.validation.opinion')} />
            </>
          ) : null}
          <SaveBar editable={editable} busy={viewForm.formState.isSubmitting} formError={view.formError} saved={viewSaved} testId="save-dataSubjectsView" />
        </form>
      </FormKit>

      <ErrorAlert>{stepError}</ErrorAlert>
      {canSubmit ? (
        <div className="dpia-step">
          <h3>{t('dpias.validation.submitTitle')}</h3>
          <p className="panel__intro">{t('dpias.validation.submitHint')}</p>
          <button type="button" className="button button--primary" disabled={busy} data-testid="dpia-submit" onClick={() => void step('submit')}>
            {t('dpias.validation.submit')}
          </button>
        </div>
      ) : null}
      {canReopen ? (
        <button type="button" className="button button--secondary" disabled={busy} data-testid="dpia-reopen" onClick={() => void step('reopen')}>
          {t('dpias.validation.reopen')}
        </button>
      ) : null}

      <h3>{t('dpias.validation.dpoOpinion')}</h3>
      <div data-testid="dpia-opinion">
        {dpia.dpoOpinion ? (
          <p data-status={dpia.dpoOpinion.status}>
            <strong>{t(`dpias.opinions.${dpia.dpoOpinion.status}`)}</strong> — {dpia.dpoOpinion.opinion}
            <br />
            <span className="muted">{t('dpias.validation.givenBy', { name: dpia.dpoOpinion.givenByName ?? t('dpias.validation.unknownPerson'), date: formatDate(day(dpia.dpoOpinion.givenAt), locale) })}</span>
          </p>
        ) : (
          <p>{t('dpias.validation.noOpinion')}</p>
        )}
      </div>
      {canOpine ? (
        <form noValidate onSubmit={(event) => void opinion.onSubmit(event)} className="panel" aria-label={t('dpias.validation.dpoOpinion')}>
          <p className="panel__intro">{t('dpias.validation.dpoOpinionHint')}</p>
          <SelectField
            id="opinion-status"
            label={t('dpias.validation.opinionStatus')}
            options={OPINION_STATUSES.map((status) => ({ value: status, label: t(`dpias.opinions.${status}`) }))}
            registration={opinionForm.register('status')}
            required
          />
          <TextAreaField id="opinion-text" label={t('dpias.validation.opinionText')} registration={opinionForm.register('opinion')} error={opinionForm.formState.errors.opinion} required />
          <ErrorAlert>{opinion.formError}</ErrorAlert>
          <button type="submit" className="button button--primary" disabled={opinionForm.formState.isSubmitting} data-testid="opinion-submit">
            {t('dpias.validation.giveOpinion')}
          </button>
        </form>
      ) : null}

      <h3>{t('dpias.validation.decision')}</h3>
      <div data-testid="dpia-decision">
        {dpia.decision ? (
          <p data-decision={dpia.decision.decision}>
            <strong>{t(`dpias.decisions.${dpia.decision.decision}`)}</strong>
            {dpia.decision.comment ? ` — ${dpia.decision.comment}` : ''}
            <br />
            <span className="muted">{t('dpias.validation.decidedBy', { name: dpia.decision.decidedByName ?? t('dpias.validation.unknownPerson'), date: formatDate(day(dpia.decision.decidedAt), locale) })}</span>
          </p>
        ) : (
          <p>{t('dpias.report.noDecision')}</p>
        )}
      </div>
      {canDecide ? (
        <form noValidate onSubmit={(event) => void decision.onSubmit(event)} className="panel" aria-label={t('dpias.validation.decision')}>
          <p className="panel__intro">{t('dpias.validation.decisionHint')}</p>
          <SelectField
            id="decision-choice"
            label={t('dpias.validation.decisionChoice')}
            options={DPIA_DECISIONS.map((value) => ({ value, label: t(`dpias.decisions.${value}`) }))}
            registration={decisionForm.register('decision')}
            required
          />
          {consulting ? (
            <div className="dpia-consultation-request" data-testid="decision-consultation">
              <p className="notice">{t(ability.can('validate', 'Dpia') ? 'dpias.consultation.required' : 'dpias.consultation.requiredDpoOnly')}</p>
              <FormDateField control={decisionForm.control} name="sentOn" id="decision-sentOn" label={t('dpias.consultation.sentOn')} required />
              <TextField
                id="decision-reference"
                label={t('dpias.consultation.reference')}
                hint={t('dpias.consultation.referenceHint')}
                registration={decisionForm.register('reference')}
                error={decisionForm.formState.errors.reference}
                required
              />
            </div>
          ) : null}
          <TextAreaField
            id="decision-comment"
            label={t('dpias.validation.decisionComment')}
            hint={t('dpias.validation.decisionCommentHint')}
            registration={decisionForm.register('comment')}
            error={decisionForm.formState.errors.comment}
          />
          <ErrorAlert>{decision.formError}</ErrorAlert>
          <button type="submit" className="button button--primary" disabled={decisionForm.formState.isSubmitting} data-testid="decision-submit">
            {t('dpias.validation.decide')}
          </button>
        </form>
      ) : null}

      <ConsultationBlock organizationId={organizationId} dpia={dpia} onChange={onChange} />

      {canRevise ? (
        <div className="dpia-step">
          <p className="panel__intro">{t('dpias.validation.newRevisionHint')}</p>
          <button type="button" className="button button--secondary" disabled={busy} data-testid="dpia-new-revision" onClick={() => void step('revisions')}>
            {t('dpias.validation.newRevision')}
          </button>
        </div>
      ) : null}

      <h3>{t('dpias.validation.revisions')}</h3>
      <ul data-testid="dpia-revisions">
        {revisions.map((item) => (
          <li key={item.revision} data-revision={item.revision} data-status={item.status}>
            {item.current ? (
              <>
                {t('dpias.editor.revision', { revision: item.revision })} — {t(`dpias.status.${item.status}`)} ({t('dpias.validation.currentRevision')})
              </>
            ) : (
              <Link href={revisionHref(item.revision)}>
                {t('dpias.validation.readRevision', { revision: item.revision })} — {item.decision ? t(`dpias.decisions.${item.decision}`) : t(`dpias.status.${item.status}`)}
                {item.closedAt ? `, ${t('dpias.validation.closedOn', { date: formatDate(day(item.closedAt), locale) })}` : ''}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
