import { z } from 'zod';

import { ROLES, type Member, type MemberCreate, type MemberPatch } from '@/lib/api-types';
import { requiredEmail } from '@/lib/validation';

/** '' stands for "no department" in the forms. */
const departmentField = z.string();

export const ZAddMemberSchema = z.object({
  email: requiredEmail(),
  role: z.enum(ROLES, { error: 'validation.required' }),
  departmentId: departmentField,
});
export type AddMemberForm = z.infer<typeof ZAddMemberSchema>;

export const ZEditMemberSchema = z.object({
  role: z.enum(ROLES, { error: 'validation.required' }),
  departmentId: departmentField,
});
export type EditMemberForm = z.infer<typeof ZEditMemberSchema>;

export const EMPTY_ADD_MEMBER_FORM: AddMemberForm = { email: '', role: 'contributor', departmentId: '' };

export function addMemberFormToApi(form: AddMemberForm): MemberCreate {
  const body: MemberCreate = { email: form.email.trim(), role: form.role };
  if (form.departmentId) body.departmentId = form.departmentId;
  return body;
}

export function memberToEditForm(member: Member): EditMemberForm {
  return { role: member.role, departmentId: member.departmentId ?? '' };
}

export function editMemberFormToApi(form: EditMemberForm): MemberPatch {
  return { role: form.role, departmentId: form.departmentId === '' ? null : form.departmentId };
}
