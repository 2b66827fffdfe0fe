'use client';

import type { ReactNode } from 'react';

import {
  KitAddButton,
  KitCheckbox,
  KitCheckboxGroup,
  KitDate,
  KitDuration,
  KitRadios,
  KitRemoveButton,
  KitSelect,
  KitText,
  KitTextArea,
} from '@/components/form/kit-controls';
import { useT } from '@/i18n/i18n-provider';

import type { CatalogueOption } from '../catalogue';
import type { CheckboxGroupSection } from './choice-controls';
import type { ActivityFieldPath } from './editor-context';

/*
 * The activity form's controls: the form kit's controls, typed by the activity form's paths (a
 * misspelt path fails to compile). Ids derive from the path (`fieldDomId`, set by the editor's provider).
 */

/** A one-line text field of the activity form. */
export function FormText(props: { path: ActivityFieldPath; label: string; hint?: string; required?: boolean; inputMode?: 'numeric' }) {
  return <KitText {...props} />;
}

/** A date of the activity form (typed in the app's format or picked in its calendar). */
export function FormDate(props: { path: ActivityFieldPath; label: string; hint?: string; required?: boolean }) {
  return <KitDate {...props} />;
}

export function FormTextArea(props: { path: ActivityFieldPath; label: string; hint?: string; required?: boolean; rows?: number }) {
  return <KitTextArea {...props} />;
}

/** A select over a catalogue: labels in the user's language, the chosen entry's help under it. */
export function FormSelect(props: {
  path: ActivityFieldPath;
  label: string;
  options: readonly CatalogueOption[];
  emptyLabel?: string;
  hint?: string;
  required?: boolean;
  onPicked?: (value: string) => void;
  testId?: string;
}) {
  return <KitSelect {...props} />;
}

export function FormCheckbox(props: { path: ActivityFieldPath; label: string; hint?: string; testId?: string }) {
  return <KitCheckbox {...props} />;
}

export function FormRadios(props: { path: ActivityFieldPath; legend: string; options: readonly { value: string; label: string; hint?: string }[]; hint?: string }) {
  return <KitRadios {...props} />;
}

export function FormCheckboxGroup(props: { path: ActivityFieldPath; legend: string; hint?: ReactNode; sections: readonly CheckboxGroupSection[] }) {
  return <KitCheckboxGroup {...props} />;
}

export function FormDuration(props: { amountPath: ActivityFieldPath; unitPath: ActivityFieldPath; label: string; hint?: string; required?: boolean }) {
  return <KitDuration {...props} />;
}

/** The "add an item" button of a list; it carries the list's id so problems about the list focus it. */
export function AddItemButton({ path, label, onClick, testId }: { path: ActivityFieldPath; label: string; onClick: () => void; testId?: string }) {
  return <KitAddButton listPath={path} label={label} onClick={onClick} testId={testId} />;
}

export function RemoveItemButton({ label, onClick }: { label: string; onClick: () => void }) {
  const t = useT();
  return <KitRemoveButton label={label} text={t('activity.actions.remove')} onClick={onClick} />;
}
