'use client';

import { useT } from '@/i18n/i18n-provider';

interface RowActionsProps {
  /** Accessible names that say which row the buttons act on. */
  editLabel: string;
  deleteLabel: string;
  /** Visible text of the first button when it is not "Edit" (e.g. "Send again" for an invitation). */
  editText?: string;
  /** Visible text of the destructive button (e.g. "Remove" for a member). */
  deleteText?: string;
  onEdit?: () => void;
  onDelete?: () => void;
}

/** The edit / delete buttons of a table row; each appears only when its handler is given (the role allows it). */
export function RowActions({ editLabel, deleteLabel, editText, deleteText, onEdit, onDelete }: RowActionsProps) {
  const t = useT();
  return (
    <td>
      <div className="table__actions">
        {onEdit ? (
          <button type="button" className="button button--small" aria-label={editLabel} onClick={onEdit}>
            {editText ?? t('common.edit')}
          </button>
        ) : null}
        {onDelete ? (
          <button type="button" className="button button--small button--danger" aria-label={deleteLabel} onClick={onDelete}>
            {deleteText ?? t('common.delete')}
          </button>
        ) : null}
      </div>
    </td>
  );
}
