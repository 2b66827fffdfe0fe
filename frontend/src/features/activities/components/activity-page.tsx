'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

import { ErrorAlert, StatusMessage } from '@/components/alerts';
import {
  deleteActivity,
  duplicateActivity,
  getActivity,
  getVersionDiff,
  listVersions,
  requestActivityChanges,
  transitionActivity,
  updateActivity,
} from '@/features/activities/activities-api';
import { catalogueFacts } from '@/features/activities/catalogue';
import { ActivityTabs } from '@/features/activities/components/activity-tabs';
import { ChangeRequestNotice } from '@/features/activities/components/change-request';
import { ActivityHeader } from '@/features/activities/components/activity-header';
import { ConflictDialog, type ConflictState } from '@/features/activities/components/conflict-dialog';
import { ActivityEditorProvider } from '@/features/activities/components/editor-context';
import { TransferScopePanel } from '@/features/activities/components/transfer-scope-panel';
import { HistoryTab, useDiffContext } from '@/features/activities/components/history-tab';
import { LiveCompleteness, ValidationProblems } from '@/features/activities/components/problems';
import { OverrideBlockersForm, ValidationOverridesNotice } from '@/features/activities/components/validation-override';
import { useActivityForm } from '@/features/activities/components/use-activity-form';
import { type ActivityBusy, WorkflowPanel } from '@/features/activities/components/workflow-panel';
import { currentVersionOf, problemsOf, type Problem } from '@/features/activities/errors';
import { ACTIVITY_TABS, type ActivityTab } from '@/features/activities/field-paths';
import { describeDiff } from '@/features/activities/history-diff';
import {
  activityToForm,
  formToActivityPatch,
  overridableCodes,
  patchChangesSomething,
  type ActivityForm,
  type ValidationOverrideForm,
} from '@/features/activities/schemas';
import {
  TRANSITIONS,
  type Activity,
  type ActivityCatalogues,
  type ActivityVersionView,
  type OwnerOption,
  type Transition,
} from '@/features/activities/types';
import { activityPermissions } from '@/features/activities/workflow';
import { useT } from '@/i18n/i18n-provider';
import { SaveAsTemplate } from '@/features/activities/components/save-as-template';
import { useAppAbility } from '@/lib/ability-context';
import { isApiError } from '@/lib/api-error';
import type { Department } from '@/lib/api-types';
import { errorMessage } from '@/lib/forms';
import { orgPath } from '@/lib/paths';
import { useApi } from '@/lib/use-api';
import { useUnsavedChangesWarning } from '@/lib/use-unsaved-changes';

import type { ScreeningThresholds } from '@domain/activities/screening-criteria';

export function ActivityPageContent({
  organizationId,
  initialActivity,
  snapshot,
  initialTab,
  initialField = null,
  catalogues,
  departments,
  owners,
  thresholds,
  designGrid = null,
}: {
  organizationId: string;
  initialActivity: Activity;
  /** The design grid this activity was designed with, if any. */
  designGrid?: { id: string; projectName: string } | null;
  /** A past version to show read-only (`?version=n`), or null for the activity as it is. */
  snapshot: ActivityVersionView | null;
  initialTab: ActivityTab;
  /** A form field to focus on arrival (a finding's link). */
  initialField?: string | null;
  catalogues: ActivityCatalogues;
  departments: readonly Department[];
  owners: readonly OwnerOption[];
  /**
   * The organisation's screening thresholds for the live DPIA screening: today's, or for a past version
   * those that stood when it was written (the route passes the version's own).
   */
  thresholds: ScreeningThresholds;
}) {
  const t = useT();
  const api = useApi();
  const router = useRouter();
  const ability = useAppAbility();
  const diffContext = useDiffContext(catalogues);
  const [facts] = useState(() => catalogueFacts(catalogues));

  const [activity, setActivity] = useState(initialActivity);
  const shown = snapshot ? snapshot.activity : activity;
  const [baseline, setBaseline] = useState<ActivityForm>(() => activityToForm(shown, facts.startEventCodes));
  const { form, tab, selectTab, focusField, onInvalid, applyProblems } = useActivityForm(baseline, initialTab);
  const { isDirty, isSubmitting } = form.formState;

  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<ActivityBusy>(null);
  const [pageError, setPageError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  // `onEdit`: the points refuse a change to a validated activity (not saved), not its validation.
  const [validation, setValidation] = useState<{ message: string; problems: Problem[]; onEdit: boolean } | null>(null);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const problemsHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (initialField) focusField(initialField);
  }, [initialField, focusField]);

  const permissions = activityPermissions(ability, organizationId, activity);
  const editable = snapshot === null && permissions.edit;
  const transitions = snapshot === null ? TRANSITIONS.filter((transition) => permissions.transitions[transition]) : [];
  const hasActions = editable || transitions.length > 0 || (snapshot === null && permissions.delete);
  const activityPath = orgPath(organizationId, `register/${encodeURIComponent(activity.id)}`);
  const registerPath = orgPath(organizationId, 'register');

  useUnsavedChangesWarning(editable && isDirty, t('activity.unsavedWarning'));

  /** Shows the activity as the server now has it; unsaved edits are dropped. */
  function load(next: Activity) {
    const nextForm = activityToForm(next, facts.startEventCodes);
    setActivity(next);
    setBaseline(nextForm);
    form.reset(nextForm);
  }

  function clearMessages() {
    setPageError(null);
    setStatus(null);
  }

  /** 409 version_conflict: what changed since the version this page started from. */
  async function showConflict(error: unknown) {
    const currentVersion = currentVersionOf(error) ?? activity.version;
    const baseVersion = activity.version;
    const [diff, versions] = await Promise.allSettled([
      currentVersion > baseVersion ? getVersionDiff(api, organizationId, activity.id, baseVersion, currentVersion) : Promise.resolve(null),
      listVersions(api, organizationId, activity.id),
    ]);
    setConflict({
      baseVersion,
      currentVersion,
      rows: diff.status === 'fulfilled' && diff.value ? describeDiff(diff.value.changes, diffContext) : null,
      latest: versions.status === 'fulfilled' ? (versions.value.items[0] ?? null) : null,
    });
  }

  async function reloadAfterConflict() {
    try {
      load(await getActivity(api, organizationId, activity.id));
      setConflict(null);
      setValidation(null);
      setStatus(t('activity.conflict.reloaded'));
    } catch (error) {
      setConflict(null);
      setPageError(errorMessage(error, t));
    }
  }

  /** 400 and 422 answers: the list above the form, each problem beside its field. */
  function showProblems(error: unknown, problems: Problem[], onEdit = false) {
    applyProblems(problems);
    setValidation({ message: errorMessage(error, t), problems, onEdit });
    requestAnimationFrame(() => {
      problemsHeading.current?.focus();
    });
  }

  const onSave = form.handleSubmit(async (values) => {
    clearMessages();
    const patch = formToActivityPatch(values, baseline, activity.version, note);
    if (!patchChangesSomething(patch)) {
      setStatus(t('activity.noChanges'));
      return;
    }
    try {
      const updated = await updateActivity(api, organizationId, activity.id, patch);
      load(updated);
      setNote('');
      setValidation(null);
      setStatus(t('activity.saved', { version: updated.version }));
    } catch (error) {
      if (isApiError(error, 'version_conflict')) {
        await showConflict(error);
        return;
      }
      const problems = problemsOf(error);
      if (problems.length > 0) showProblems(error, problems, isApiError(error, 'activity_incomplete'));
      else setPageError(errorMessage(error, t));
    }
  }, onInvalid);

  async function runTransition(transition: Transition, overrides?: ValidationOverrideForm['overrides']) {
    clearMessages();
    setBusy(transition);
    try {
      const updated = await transitionActivity(api, organizationId, activity.id, transition, activity.version, note, overrides);
      load(updated);
      setNote('');
      setValidation(null);
      setStatus(overrides?.length ? t('activity.override.done') : t(`activity.workflow.done.${transition}`));
    } catch (error) {
      if (isApiError(error, 'version_conflict')) await showConflict(error);
      else if (isApiError(error, 'activity_incomplete')) showProblems(error, problemsOf(error));
      else setPageError(errorMessage(error, t));
    } finally {
      setBusy(null);
    }
  }

  /** The DPO sends it back to its owner; the note is the comment they will read. */
  async function onRequestChanges() {
    clearMessages();
    if (!note.trim()) {
      setPageError(t('activity.workflow.commentRequired'));
      return;
    }
    setBusy('request_changes');
    try {
      const updated = await requestActivityChanges(api, organizationId, activity.id, activity.version, note);
      load(updated);
      setNote('');
      setValidation(null);
      setStatus(t('activity.workflow.done.request_changes'));
    } catch (error) {
      if (isApiError(error, 'version_conflict')) await showConflict(error);
      else setPageError(errorMessage(error, t));
    } finally {
      setBusy(null);
    }
  }

  async function onDuplicate() {
    clearMessages();
    setBusy('duplicate');
    try {
      const copy = await duplicateActivity(api, organizationId, activity.id);
      router.push(orgPath(organizationId, `register/${encodeURIComponent(copy.id)}`));
    } catch (error) {
      setPageError(errorMessage(error, t));
      setBusy(null);
    }
  }

  async function onDelete() {
    if (!window.confirm(t('activity.confirmDelete', { reference: activity.reference, name: activity.name }))) return;
    clearMessages();
    setBusy('delete');
    try {
      await deleteActivity(api, organizationId, activity.id);
      form.reset(form.getValues());
      router.push(registerPath);
    } catch (error) {
      setPageError(errorMessage(error, t));
      setBusy(null);
    }
  }

  const tabs = ACTIVITY_TABS;
  // A refusal for blockers only: the DPO may validate despite them, with a reason each.
  const overrideCodes = validation && snapshot === null && permissions.transitions.validate && activity.status === 'in_review' ? overridableCodes(validation.problems) : [];

  return (
    <section className="page page--wide" aria-labelledby="page-title">
      <ActivityHeader
        organizationId={organizationId}
        activity={activity}
        snapshot={snapshot}
        owners={owners}
        designGrid={designGrid}
        editable={editable}
      />
      <ValidationOverridesNotice activity={shown} />
      {snapshot === null ? <ChangeRequestNotice organizationId={organizationId} activityId={activity.id} status={activity.status} version={activity.version} /> : null}

      {hasActions ? (
        <WorkflowPanel
          permissions={permissions}
          transitions={transitions}
          busy={busy}
          isDirty={isDirty}
          isSubmitting={isSubmitting}
          showRequestChanges={permissions.transitions.validate && snapshot === null}
          note={note}
          onNoteChange={setNote}
          onTransition={(transition) => {
            void runTransition(transition);
          }}
          onRequestChanges={() => {
            void onRequestChanges();
          }}
          onDuplicate={() => {
            void onDuplicate();
          }}
          onDelete={() => {
            void onDelete();
          }}
        />
      ) : null}

      {snapshot === null && ability.can('create', 'ActivityTemplate') ? (
        <SaveAsTemplate organizationId={organizationId} activityId={activity.id} activityName={activity.name} />
      ) : null}

      <ErrorAlert>{pageError}</ErrorAlert>
      <StatusMessage>{status}</StatusMessage>
      {validation ? (
        <ValidationProblems
          title={validation.onEdit ? t('activity.validatedEditRefused') : t('activity.validationRefused')}
          message={validation.message}
          problems={validation.problems}
          onSelect={focusField}
          headingRef={problemsHeading}
        />
      ) : null}
      {validation && overrideCodes.length > 0 ? (
        <OverrideBlockersForm
          key={overrideCodes.join(' ')}
          codes={overrideCodes}
          problems={validation.problems}
          busy={busy !== null}
          onSubmit={(overrides) => runTransition('validate', overrides)}
        />
      ) : null}

      {snapshot === null ? (
        <TransferScopePanel organizationId={organizationId} activity={activity} canConfirm={ability.can('create', 'AdequacyConfirmation')} onConfirmed={setActivity} />
      ) : null}

      <ActivityEditorProvider
        form={form}
        readOnly={!editable}
        catalogues={catalogues}
        departments={departments}
        owners={owners}
        linkedVendors={snapshot === null ? activity.vendors : undefined}
        scopeConfirmations={snapshot === null ? activity.scopeConfirmations : undefined}
        thresholds={thresholds}
      >
        {snapshot === null ? (
          <LiveCompleteness
            onSelect={(formPath) => {
              focusField(formPath);
            }}
          />
        ) : null}
        <form
          className="form activity-form"
          noValidate
          aria-labelledby="page-title"
          onSubmit={(event) => {
            void onSave(event);
          }}
        >
          <ActivityTabs
            tabs={tabs}
            active={tab}
            onSelect={selectTab}
            history={
              tab === 'history' ? (
                <HistoryTab
                  organizationId={organizationId}
                  activityId={activity.id}
                  currentVersion={activity.version}
                  catalogues={catalogues}
                  versionHref={(number) => `${activityPath}?version=${String(number)}`}
                />
              ) : null
            }
          />
          {editable && (tab !== 'history' || isDirty) ? (
            <div className="form__actions form__actions--sticky">
              <button type="submit" className="button button--primary" data-testid="activity-save" disabled={isSubmitting || busy !== null}>
                {isSubmitting ? t('common.saving') : t('common.save')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                data-testid="activity-discard"
                disabled={!isDirty || isSubmitting}
                onClick={() => {
                  form.reset(baseline);
                  setStatus(t('activity.discarded'));
                }}
              >
                {t('activity.actions.discard')}
              </button>
              {isDirty ? <span className="form__dirty">{t('activity.unsaved')}</span> : null}
            </div>
          ) : null}
        </form>
      </ActivityEditorProvider>

      {conflict ? (
        <ConflictDialog
          conflict={conflict}
          onReload={() => {
            void reloadAfterConflict();
          }}
          onClose={() => {
            setConflict(null);
            setPageError(t('activity.conflict.notSaved'));
          }}
        />
      ) : null}
    </section>
  );
}
