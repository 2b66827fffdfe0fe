import { z } from 'zod';

import { ROLES, type Member, type Role, type MemberCreate, type MemberPatch } from '@/lib/api-types';
import { requiredEmail } from '@/lib/validation';

/** '' stands for "no department" in the forms. */
const departmentField = z.string();
/** One or more roles (ticked boxes); the member has the union of their rights. */
const rolesField = z.array(z.enum(ROLES, { error: 'validation.required' })).min(1, { error: 'members.rolesRequired' });

/** The roles in the pages' order, whatever the order ticked. */
const ordered = (roles: readonly Role[]): Role[] => ROLES.filter((role) => roles.includes(role));

export const ZAddMemberSchema = z.object({
  email: requiredEmail(),
  roles: rolesField,
  departmentId: departmentField,
});
export type AddMemberForm = z.infer<typeof ZAddMemberSchema>;

export const ZEditMemberSchema = z.object({
  roles: rolesField,
  departmentId: departmentField,
});
export type EditMemberForm = z.infer<typeof ZEditMemberSchema>;

export const EMPTY_ADD_MEMBER_FORM: AddMemberForm = { email: '', roles: ['contributor'], departmentId: '' };

export function addMemberFormToApi(form: AddMemberForm): MemberCreate {
  const body: MemberCreate = { email: form.email.trim(), roles: ordered(form.roles) };
  if (form.departmentId) body.departmentId = form.departmentId;
  return body;
}

export function memberToEditForm(member: Member): EditMemberForm {
  return { roles: ordered(member.roles), departmentId: member.departmentId ?? '' };
}

export function editMemberFormToApi(form: EditMemberForm): MemberPatch {
  return { roles: ordered(form.roles), departmentId: form.departmentId === '' ? null : form.departmentId };
}
