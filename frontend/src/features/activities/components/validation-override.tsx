'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';

import type { OverridableBlockerCode } from '@domain/activities/activity-rules';

import { TextAreaField } from '@/components/fields';
import { useT } from '@/i18n/i18n-provider';

import type { Problem } from '../errors';
import { ZValidationOverrideSchema, type ValidationOverrideForm } from '../schemas';
import type { Activity } from '../types';

/** The blocker's words start a sentence in the override line, a heading here. */
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * The DPO's answer to a validation refused for blockers only: each kind of blocker in words (the
 * server's sentences), a reason for each, and « Valider malgré tout ». Register content that is
 * missing is never overridden: the page does not offer this then.
 */
export function OverrideBlockersForm({
  codes,
  problems,
  busy,
  onSubmit,
}: {
  codes: readonly OverridableBlockerCode[];
  problems: readonly Problem[];
  busy: boolean;
  onSubmit: (overrides: ValidationOverrideForm['overrides']) => Promise<void>;
}) {
  const t = useT();
  const form = useForm<ValidationOverrideForm>({
    resolver: zodResolver(ZValidationOverrideSchema),
    defaultValues: { overrides: codes.map((code) => ({ code, reason: '' })) },
  });
  return (
    <section className="panel validation-override" aria-labelledby="validation-override-title" data-testid="validation-override">
      <h2 id="validation-override-title">{t('activity.override.title')}</h2>
      <p className="panel__intro">{t('activity.override.intro')}</p>
      <form noValidate onSubmit={(event) => void form.handleSubmit((values) => onSubmit(values.overrides))(event)}>
        {codes.map((code, index) => (
          <fieldset key={code} className="plain-fieldset" data-testid={`override-${code}`}>
            <legend className="field__label">{capitalised(t(`activity.override.blockers.${code}`))}</legend>
            <ul className="problems__list">
              {problems
                .filter((problem) => problem.code === code)
                .map((problem, position) => (
                  <li key={`${problem.path}-${String(position)}`}>{problem.message}</li>
                ))}
            </ul>
            <TextAreaField
              id={`override-reason-${code}`}
              label={t('activity.override.reason')}
              hint={t('activity.override.reasonHint')}
              registration={form.register(`overrides.${index}.reason`)}
              error={form.formState.errors.overrides?.[index]?.reason}
              testId={`override-reason-${code}`}
              required
            />
          </fieldset>
        ))}
        <button type="submit" className="button button--primary" data-testid="validate-anyway" disabled={busy}>
          {busy ? t('activity.workflow.working') : t('activity.override.submit')}
        </button>
      </form>
    </section>
  );
}

/** On a validated (or archived) activity: what the DPO validated despite, and why. */
export function ValidationOverridesNotice({ activity }: { activity: Pick<Activity, 'status' | 'validationOverrides'> }) {
  const t = useT();
  const overrides = activity.validationOverrides ?? [];
  if (overrides.length === 0 || (activity.status !== 'validated' && activity.status !== 'archived')) return null;
  return (
    <section className="notice notice--warning" aria-labelledby="validation-overrides-title" data-testid="validation-overrides">
      <h2 id="validation-overrides-title">{t('activity.override.shownTitle')}</h2>
      <ul>
        {overrides.map((override) => (
          <li key={override.code}>{t('activity.override.line', { blocker: t(`activity.override.blockers.${override.code}`), reason: override.reason })}</li>
        ))}
      </ul>
    </section>
  );
}
