'use client';

import { useId } from 'react';

import type { Transition } from '@/features/activities/types';
import type { ActivityPermissions } from '@/features/activities/workflow';
import { useT } from '@/i18n/i18n-provider';

const TRANSITION_STYLE: Record<Transition, string> = {
  submit: 'button button--primary',
  validate: 'button button--primary',
  archive: 'button button--secondary',
  reopen: 'button button--secondary',
};

export type ActivityBusy = Transition | 'request_changes' | 'delete' | 'duplicate' | null;

/** The workflow buttons of an activity and the note that goes with a save or a transition. */
export function WorkflowPanel({
  permissions,
  transitions,
  busy,
  isDirty,
  isSubmitting,
  showRequestChanges,
  note,
  onNoteChange,
  onTransition,
  onRequestChanges,
  onDuplicate,
  onDelete,
}: {
  permissions: ActivityPermissions;
  transitions: readonly Transition[];
  busy: ActivityBusy;
  isDirty: boolean;
  isSubmitting: boolean;
  showRequestChanges: boolean;
  note: string;
  onNoteChange: (note: string) => void;
  onTransition: (transition: Transition) => void;
  onRequestChanges: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
}) {
  const t = useT();
  const ids = useId();
  return (
    <div className="workflow" data-testid="workflow">
      {transitions.length > 0 || permissions.delete || permissions.duplicate ? (
        <div className="workflow__buttons">
          {transitions.map((transition) => (
            <button
              key={transition}
              type="button"
              className={TRANSITION_STYLE[transition]}
              data-testid={`workflow-${transition}`}
              disabled={busy !== null || isDirty || isSubmitting}
              aria-describedby={isDirty ? `${ids}-dirty` : undefined}
              onClick={() => {
                onTransition(transition);
              }}
            >
              {busy === transition ? t('activity.workflow.working') : t(`activity.workflow.${transition}`)}
            </button>
          ))}
          {/* Same permission as validating: the DPO's answer to a submission. */}
          {showRequestChanges ? (
            <button
              type="button"
              className="button button--secondary"
              data-testid="workflow-request-changes"
              disabled={busy !== null || isDirty || isSubmitting}
              aria-describedby={`${ids}-note-hint`}
              onClick={() => {
                onRequestChanges();
              }}
            >
              {busy === 'request_changes' ? t('activity.workflow.working') : t('activity.workflow.request_changes')}
            </button>
          ) : null}
          {permissions.duplicate ? (
            <button
              type="button"
              className="button button--secondary"
              data-testid="activity-duplicate"
              disabled={busy !== null || isDirty}
              onClick={() => {
                onDuplicate();
              }}
            >
              {t('activity.actions.duplicate')}
            </button>
          ) : null}
          {permissions.delete ? (
            <button
              type="button"
              className="button button--danger"
              data-testid="activity-delete"
              disabled={busy !== null}
              onClick={() => {
                onDelete();
              }}
            >
              {t('activity.actions.delete')}
            </button>
          ) : null}
        </div>
      ) : null}
      {isDirty && (transitions.length > 0 || permissions.duplicate) ? (
        <p className="field__hint" id={`${ids}-dirty`}>
          {t('activity.workflow.saveFirst')}
        </p>
      ) : null}
      <div className="field workflow__note">
        <label className="field__label" htmlFor={`${ids}-note`}>
          {t('activity.note.label')}
        </label>
        <p className="field__hint" id={`${ids}-note-hint`}>
          {t('activity.note.hint')}
        </p>
        <input
          id={`${ids}-note`}
          className="field__control"
          maxLength={2000}
          value={note}
          aria-describedby={`${ids}-note-hint`}
          data-testid="activity-note"
          onChange={(event) => {
            onNoteChange(event.target.value);
          }}
        />
      </div>
    </div>
  
  );
}
