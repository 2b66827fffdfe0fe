'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { ErrorAlert } from '@/components/alerts';
import { createActivity } from '@/features/activities/activities-api';
import { ActivityTabs } from '@/features/activities/components/activity-tabs';
import { ActivityEditorProvider } from '@/features/activities/components/editor-context';
import { LiveCompleteness } from '@/features/activities/components/problems';
import { TemplateChoice } from '@/features/activities/components/template-choice';
import { useActivityForm } from '@/features/activities/components/use-activity-form';
import { problemsOf } from '@/features/activities/errors';
import { ACTIVITY_TABS, apiPathToFormPath } from '@/features/activities/field-paths';
import { emptyActivityForm, formToActivityInput } from '@/features/activities/schemas';
import type { ActivityCatalogues, OwnerOption } from '@/features/activities/types';
import { useT } from '@/i18n/i18n-provider';
import { useAppAbility } from '@/lib/ability-context';
import type { Department } from '@/lib/api-types';
import { errorMessage } from '@/lib/forms';
import { orgPath } from '@/lib/paths';
import { useApi } from '@/lib/use-api';
import { useUnsavedChangesWarning } from '@/lib/use-unsaved-changes';

import type { ScreeningThresholds } from '@domain/activities/screening-criteria';

const FORM_TABS = ACTIVITY_TABS.filter((tab) => tab !== 'history');

/** A new activity: saved as a draft (half-filled is fine), then edited, submitted and validated on its page. */
export function NewActivityPageContent({
  organizationId,
  me,
  catalogues,
  departments,
  owners,
  thresholds,
}: {
  organizationId: string;
  me: { id: string; departmentId: string | null };
  catalogues: ActivityCatalogues;
  departments: readonly Department[];
  owners: readonly OwnerOption[];
  /** The organisation's screening thresholds, for the live DPIA screening. */
  thresholds: ScreeningThresholds;
}) {
  const t = useT();
  const api = useApi();
  const router = useRouter();
  const canCreate = useAppAbility().can('create', 'Activity');
  const [defaults] = useState(() => emptyActivityForm({ ownerId: me.id, departmentId: me.departmentId }));
  const { form, tab, selectTab, focusField, onInvalid, applyProblems } = useActivityForm(defaults, 'overview');
  const [formError, setFormError] = useState<string | null>(null);
  const { isDirty, isSubmitting } = form.formState;
  const registerPath = orgPath(organizationId, 'register');

  useUnsavedChangesWarning(isDirty, t('activity.unsavedWarning'));

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const activity = await createActivity(api, organizationId, formToActivityInput(values));
      form.reset(values);
      router.replace(orgPath(organizationId, `register/${encodeURIComponent(activity.id)}`));
    } catch (error) {
      const problems = problemsOf(error);
      const unmatched = applyProblems(problems);
      setFormError(unmatched.length > 0 ? unmatched.join(' ') : errorMessage(error, t));
      const [first] = problems;
      if (first) focusField(apiPathToFormPath(first.path, first.code));
    }
  }, onInvalid);

  return (
    <section className="page page--wide" aria-labelledby="page-title">
      <p className="breadcrumb">
        <Link href={registerPath}>{t('activity.backToRegister')}</Link>
      </p>
      <h1 id="page-title">{t('activity.new.title')}</h1>
      {canCreate ? (
        <>
          <p className="page__intro">{t('activity.new.intro')}</p>
          <TemplateChoice organizationId={organizationId} />
          <ActivityEditorProvider form={form} readOnly={false} catalogues={catalogues} departments={departments} owners={owners} thresholds={thresholds}>
            <LiveCompleteness onSelect={focusField} />
            <form
              className="form activity-form"
              noValidate
              aria-labelledby="page-title"
              onSubmit={(event) => {
                void onSubmit(event);
              }}
            >
              <ErrorAlert>{formError}</ErrorAlert>
              <ActivityTabs tabs={FORM_TABS} active={tab} onSelect={selectTab} />
              <div className="form__actions form__actions--sticky">
                <button type="submit" className="button button--primary" data-testid="activity-save" disabled={isSubmitting}>
                  {isSubmitting ? t('activity.new.creating') : t('activity.new.create')}
                </button>
                <Link href={registerPath} className="button button--secondary">
                  {t('common.cancel')}
                </Link>
              </div>
            </form>
          </ActivityEditorProvider>
        </>
      ) : (
        <p className="notice" data-testid="read-only-notice">
          {t('activity.new.notAllowed')}
        </p>
      )}
    </section>
  );
}
