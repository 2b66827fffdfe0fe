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

import { countedCriteria, estimatedPersons, screeningCriteria, type ScreenedCriterion, type ScreeningActivityFacts } from '@domain/activities/screening-criteria';
import { reasonParams } from '@domain/activities/screening-words';

import { codeLabel, type CatalogueFacts } from '../catalogue';
import type { ActivityForm } from '../schemas';
import { DPIA_SCREENING_DECISIONS } from '../types';
import { useEditor } from './editor-context';
import { FormCheckbox, FormCheckboxGroup, FormRadios, FormSelect, FormTextArea } from './form-controls';

export { DPIA_CRITERIA_THRESHOLD };

/** The form's values as the shared screening reads them (the server reads the saved document the same way). */
function screeningFacts(form: Pick<ActivityForm, 'dataSubjects' | 'dataCategories' | 'automatedDecisionMaking' | 'dpiaScreening'>): ScreeningActivityFacts {
  return {
    dataSubjects: form.dataSubjects.map((subject) => {
      const count = Number.parseInt(subject.estimatedCount.trim(), 10);
      return { category: subject.category, estimatedCount: Number.isFinite(count) ? count : null, vulnerable: subject.vulnerable };
    }),
    dataCategories: form.dataCategories.map((category) => ({ category: category.category, art9Condition: category.art9Condition || null })),
    automatedDecisionMaking: form.automatedDecisionMaking,
    dpiaScreening: { criteria: form.dpiaScreening.criteria, dismissed: form.dpiaScreening.dismissed.filter((entry) => entry.reason.trim() !== '') },
  };
}

/** The criteria the activity meets, each with its reasons in words; the DPO may find a derived one not met here, and says why. */
function ScreeningCriteria({ screened, persons, dpoMayDismiss }: { screened: ScreenedCriterion[]; persons: number; dpoMayDismiss: boolean }) {
  const t = useT();
  const { form, catalogues, locale, thresholds } = useEditor();
  const dismissed = useWatch({ control: form.control, name: 'dpiaScreening.dismissed' });
  const labelOf = (catalogue: 'data-subject-categories' | 'data-categories' | 'dpia-criteria', code: string) => codeLabel(catalogues[catalogue], code, locale);
  const setDismissed = (next: ActivityForm['dpiaScreening']['dismissed']) => form.setValue('dpiaScreening.dismissed', next, { shouldDirty: true });

  return (
    <section className="screening-criteria" aria-labelledby="screening-criteria-title" data-testid="screening-criteria">
      <h3 id="screening-criteria-title">{t('activity.dpia.metTitle')}</h3>
      {screened.length === 0 ? <p className="muted">{t('activity.dpia.noneMet')}</p> : null}
      {/* Why large scale is not met: the persons counted stay below the organisation's figure. */}
      {persons > 0 && !screened.some((criterion) => criterion.code === 'large_scale') ? (
        <p className="muted" data-testid="below-large-scale">
          {t('activity.dpia.belowLargeScale', { count: persons, threshold: new Intl.NumberFormat(locale).format(thresholds.largeScalePersons) })}
        </p>
      ) : null}
      <ul className="screening-criteria__list">
        {screened.map((criterion) => {
          const declared = criterion.reasons.some((reason) => reason.kind === 'declared');
          const index = dismissed.findIndex((entry) => entry.criterion === criterion.code);
          return (
            <li key={criterion.code} data-criterion={criterion.code} data-counted={criterion.dismissal === null}>
              <strong>{labelOf('dpia-criteria', criterion.code)}</strong>
              <ul>
                {criterion.reasons.map((reason) => (
                  <li key={`${reason.kind}-${reason.item ?? ''}`}>{t(`activity.dpia.reasons.${reason.kind}`, reasonParams(reason, labelOf, locale))}</li>
                ))}
                {criterion.dismissal !== null ? <li data-testid="screening-dismissal">{t('activity.dpia.reasons.dismissed', { reason: criterion.dismissal })}</li> : null}
              </ul>
              {dpoMayDismiss && !declared ? (
                index === -1 ? (
                  <button type="button" className="button button--secondary button--small" onClick={() => setDismissed([...dismissed, { criterion: criterion.code, reason: '' }])}>
                    {t('activity.dpia.dismiss')}
                  </button>
                ) : (
                  <>
                    <FormTextArea path={`dpiaScreening.dismissed.${index}.reason`} label={t('activity.dpia.dismissReason')} hint={t('activity.dpia.dismissHint')} rows={2} />
                    <button type="button" className="button button--secondary button--small" onClick={() => setDismissed(dismissed.filter((_, i) => i !== index))}>
                      {t('activity.dpia.countAgain')}
                    </button>
                  </>
                )
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The screening of the form as it stands, with the organisation's thresholds: derived and declared criteria, then the decision rule. */
function useScreening(facts: CatalogueFacts) {
  const { form, thresholds } = useEditor();
  const [dataSubjects, dataCategories, automatedDecisionMaking, dpiaScreening] = useWatch({
    control: form.control,
    name: ['dataSubjects', 'dataCategories', 'automatedDecisionMaking', 'dpiaScreening'],
  });
  const activity = screeningFacts({ dataSubjects, dataCategories, automatedDecisionMaking, dpiaScreening });
  const screened = screeningCriteria(activity, facts, thresholds);
  return { screened, counted: countedCriteria(screened), persons: estimatedPersons(activity.dataSubjects), dpiaScreening };
}

/**
 * The DPIA screening: the EDPB criteria the register's facts meet (each with its reason) and those
 * declared, the CNIL lists, with the result computed live by the server's own rule (the server
 * computes it again on saving); the decision is the DPO's only when one criterion is met. Below, the
 * activity's DPIA, or the button that starts it.
 */
export function DpiaTab() {
  const t = useT();
  const { form, options, readOnly, facts } = useEditor();
  const ability = useAppAbility();
  const { screened, counted, persons, dpiaScreening } = useScreening(facts);
  const { criteria, onCnilRequiredList: required, onCnilExemptList: exempt, decision, justification } = dpiaScreening;
  const count = counted.length;
  const lists = { criteria: counted, onCnilRequiredList: required || null, onCnilExemptList: exempt || null };
  const outcome = screenDpia(lists, { decision, justification: justification || null });
  const dpoMayDecide = ability.can('validate', 'Dpia') && !readOnly;

  // The stored decision is the rule's: keep the form's in step with it, and when the answers come to
  // one criterion, a result computed before is nobody's decision: the activity awaits the DPO's.
  const basis = screenDpia(lists).basis;
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
      <ScreeningCriteria screened={screened} persons={persons} dpoMayDismiss={dpoMayDecide} />
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
  const { facts } = useEditor();
  const { counted, dpiaScreening } = useScreening(facts);
  const required = screenDpia({ criteria: counted, onCnilRequiredList: dpiaScreening.onCnilRequiredList || null, onCnilExemptList: dpiaScreening.onCnilExemptList || null }).decision === 'required';
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
    <section className="panel activity-dpia" aria-labelledby="activity-dpia-title" data-testid="activity-dpia">
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
