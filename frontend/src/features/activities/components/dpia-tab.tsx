'use client';

import Link from 'next/link';
import { useParams, useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';

import { ErrorAlert } from '@/components/alerts';
import { DpiaStatusBadge } from '@/features/dpias/components/dpia-status-badge';
import { activityDpias, startDpia } from '@/features/dpias/dpias-api';
import { DPIA_CRITERIA_THRESHOLD, screenDpia, type DpiaSummary } from '@/features/dpias/types';
import { useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import { isApiError } from '@/lib/api-error';
import { errorMessage } from '@/lib/forms';
import { orgPath } from '@/lib/paths';
import { useApi } from '@/lib/use-api';

import { DPIA_SCREENING_DECISIONS } from '../types';
import { useEditor } from './editor-context';
import { FormCheckbox, FormCheckboxGroup, FormRadios, FormSelect, FormTextArea } from './form-controls';

export { DPIA_CRITERIA_THRESHOLD };

/**
 * The DPIA screening: the EDPB criteria met and the CNIL lists, with the result computed live by the
 * server's own rule (the server computes it again on saving); the decision is the DPO's only when one
 * criterion is met. Below, the activity's DPIA, or the button that starts it.
 */
export function DpiaTab() {
  const t = useT();
  const { form, options, readOnly } = useEditor();
  const ability = useAppAbility();
  const [criteria, required, exempt, decision, justification] = useWatch({
    control: form.control,
    name: ['dpiaScreening.criteria', 'dpiaScreening.onCnilRequiredList', 'dpiaScreening.onCnilExemptList', 'dpiaScreening.decision', 'dpiaScreening.justification'],
  });
  const count = criteria.length;
  const outcome = screenDpia({ criteria, onCnilRequiredList: required || null, onCnilExemptList: exempt || null }, { decision, justification: justification || null });
  const dpoMayDecide = ability.can('validate', 'Dpia') && !readOnly;

  // The stored decision is the rule's: keep the form's in step with it, and when the answers come to
  // one criterion, a result computed before is nobody's decision: the activity awaits the DPO's.
  const basis = screenDpia({ criteria, onCnilRequiredList: required || null, onCnilExemptList: exempt || null }).basis;
  const previousBasis = useRef<string | null>(null);
  useEffect(() => {
    const before = previousBasis.current;
    previousBasis.current = basis;
    if (readOnly) return;
    const current = form.getValues('dpiaScreening.decision');
    let next = current;
    if (basis !== 'one_criterion') next = outcome.decision;
    else if (before !== null && before !== 'one_criterion') next = 'to_assess';
    // On opening, aligning with the rule is not a change of the user's (the server stores the same).
    if (next !== current) form.setValue('dpiaScreening.decision', next, { shouldDirty: before !== null });
  }, [basis, outcome.decision, form, readOnly]);

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
            {count >= DPIA_CRITERIA_THRESHOLD ? t('activity.dpia.likelyRequired', { count }) : t('activity.dpia.criteriaCount', { count })}
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

      <div className="notice" role="status" aria-live="polite" data-testid="screening-result" data-decision={outcome.decision} data-basis={outcome.basis}>
        <p>
          <strong>{t('dpias.screening.title')} : </strong>
          <span data-testid="screening-decision">{t(`dpias.screening.result.${outcome.decision}`)}</span>
        </p>
        <p>{t(`dpias.screening.basis.${outcome.basis}`)}</p>
        {outcome.dpoDecides && outcome.decision === 'to_assess' ? <p>{t('dpias.screening.awaitingDpo')}</p> : null}
        {outcome.justificationMissing ? <p data-testid="screening-justification-missing">{t('dpias.screening.justificationMissing')}</p> : null}
        <p className="muted">{t('dpias.screening.rule')}</p>
      </div>

      {outcome.dpoDecides && dpoMayDecide ? (
        <FormRadios
          path="dpiaScreening.decision"
          legend={t('dpias.screening.dpoDecision')}
          hint={t('dpias.screening.dpoOnly')}
          options={DPIA_SCREENING_DECISIONS.map((value) => ({ value, label: t(`activity.dpiaDecisions.${value}`) }))}
        />
      ) : null}
      <FormTextArea path="dpiaScreening.justification" label={t('activityFields.dpiaScreening.justification')} hint={t('activity.dpia.justificationHint')} rows={3} />
    </div>
  );
}

/**
 * The activity's DPIA (one per activity): a link to it, or the button that starts it. Outside the
 * form's fieldset, so it works on a validated (read-only) activity too.
 */
export function ActivityDpia() {
  const t = useT();
  const { form } = useEditor();
  const [criteria, requiredList, exempt] = useWatch({ control: form.control, name: ['dpiaScreening.criteria', 'dpiaScreening.onCnilRequiredList', 'dpiaScreening.onCnilExemptList'] });
  const required = screenDpia({ criteria, onCnilRequiredList: requiredList || null, onCnilExemptList: exempt || null }).decision === 'required';
  const api = useApi();
  const router = useRouter();
  const ability = useAppAbility();
  const params = useParams<{ orgId: string; activityId?: string }>();
  const { orgId, activityId } = params;
  const [dpia, setDpia] = useState<DpiaSummary | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!activityId) return;
    let live = true;
    activityDpias(api, orgId, activityId).then(
      (page) => {
        if (live) setDpia(page.items[0] ?? null);
      },
      () => {
        if (live) setDpia(null);
      },
    );
    return () => {
      live = false;
    };
  }, [api, orgId, activityId]);

  if (!activityId) return <p className="muted">{t('dpias.screening.saveFirst')}</p>;
  const dpiaHref = (id: string) => orgPath(orgId, `dpias/${encodeURIComponent(id)}`);

  async function onStart() {
    if (!activityId) return;
    setError(null);
    setBusy(true);
    try {
      const created = await startDpia(api, orgId, activityId);
      router.push(dpiaHref(created.id));
    } catch (caught) {
      const existing = isApiError(caught, 'dpia_exists') ? (caught.details as { dpiaId?: string } | null)?.dpiaId : undefined;
      if (existing) router.push(dpiaHref(existing));
      else setError(errorMessage(caught, t));
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="activity-dpia-title" data-testid="activity-dpia">
      <h3 id="activity-dpia-title">{t('dpias.screening.dpia')}</h3>
      {dpia ? (
        <p>
          <Link href={dpiaHref(dpia.id)} data-testid="activity-dpia-link">
            {t('dpias.screening.open', { status: t(`dpias.status.${dpia.status}`) })}
          </Link>{' '}
          <DpiaStatusBadge status={dpia.status} />
        </p>
      ) : dpia === null && ability.can('create', 'Dpia') ? (
        <>
          <ErrorAlert>{error}</ErrorAlert>
          <button type="button" className={required ? 'button button--primary' : 'button button--secondary'} disabled={busy} data-testid="activity-dpia-start" onClick={() => void onStart()}>
            {t('dpias.screening.start')}
          </button>
        </>
      ) : null}
    </section>
  );
}
