import { z } from 'zod';

import { TEXT_LIMITS } from '@domain/field-limits';

import type { Department, DepartmentInput, DepartmentPatch } from '@/lib/api-types';
import { emptyToNull, nullToEmpty, optionalText, requiredText } from '@/lib/validation';

export const ZDepartmentSchema = z.object({
  name: requiredText(TEXT_LIMITS.name),
  description: optionalText(TEXT_LIMITS.long),
});
export type DepartmentForm = z.infer<typeof ZDepartmentSchema>;

export const EMPTY_DEPARTMENT_FORM: DepartmentForm = { name: '', description: '' };

export function departmentToForm(department: Department): DepartmentForm {
  return { name: department.name, description: nullToEmpty(department.description) };
}

export function departmentFormToApi(form: DepartmentForm): DepartmentInput {
  return { name: form.name.trim(), description: emptyToNull(form.description) };
}

/** The PATCH body: the edited fields and the version the edit started from (409 `version_conflict` if stale). */
export function departmentFormToPatch(form: DepartmentForm, version: number): DepartmentPatch {
  return { ...departmentFormToApi(form), version };
}
