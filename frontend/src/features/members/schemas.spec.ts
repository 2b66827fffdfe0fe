import { addMemberFormToApi, editMemberFormToApi, memberToEditForm, ZAddMemberSchema } from './schemas';

describe('member forms', () => {
  it('omits an empty department when adding', () => {
    expect(addMemberFormToApi({ email: ' bob@example.com ', role: 'dpo', departmentId: '' })).toEqual({
      email: 'bob@example.com',
      role: 'dpo',
    });
    expect(addMemberFormToApi({ email: 'bob@example.com', role: 'dpo', departmentId: 'd1' })).toEqual({
      email: 'bob@example.com',
      role: 'dpo',
      departmentId: 'd1',
    });
  });

  it('clears the department with null when editing', () => {
    const member = { id: 'm1', userId: 'u1', email: 'a@example.com', name: 'A', role: 'auditor' as const, departmentId: null, version: 1 };
    expect(memberToEditForm(member)).toEqual({ role: 'auditor', departmentId: '' });
    expect(editMemberFormToApi({ role: 'admin', departmentId: '' })).toEqual({ role: 'admin', departmentId: null });
  });

  it('rejects an unknown role and a bad e-mail', () => {
    const result = ZAddMemberSchema.safeParse({ email: 'nope', role: 'owner', departmentId: '' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['email', 'validation.email'],
      ['role', 'validation.required'],
    ]);
  });
});
