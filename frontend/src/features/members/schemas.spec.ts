import { addMemberFormToApi, editMemberFormToApi, memberToEditForm, ZAddMemberSchema } from './schemas';

describe('member forms', () => {
  it('omits an empty department when adding', () => {
    expect(addMemberFormToApi({ email: ' bob@example.com ', roles: ['dpo', 'admin'], departmentId: '' })).toEqual({
      email: 'bob@example.com',
      roles: ['admin', 'dpo'],
    });
    expect(addMemberFormToApi({ email: 'bob@example.com', roles: ['dpo'], departmentId: 'd1' })).toEqual({
      email: 'bob@example.com',
      roles: ['dpo'],
      departmentId: 'd1',
    });
  });

  it('clears the department with null when editing', () => {
    const member = { id: 'm1', userId: 'u1', email: 'a@example.com', name: 'A', roles: ['auditor' as const, 'contributor' as const], departmentId: null, version: 1 };
    expect(memberToEditForm(member)).toEqual({ roles: ['contributor', 'auditor'], departmentId: '' });
    expect(editMemberFormToApi({ roles: ['admin'], departmentId: '' })).toEqual({ roles: ['admin'], departmentId: null });
  });

  it('rejects an unknown role, no role at all and a bad e-mail', () => {
    const result = ZAddMemberSchema.safeParse({ email: 'nope', roles: ['owner'], departmentId: '' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['email', 'validation.email'],
      ['roles.0', 'validation.required'],
    ]);
    const none = ZAddMemberSchema.safeParse({ email: 'bob@example.com', roles: [], departmentId: '' });
    expect(none.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['roles', 'members.rolesRequired']]);
  });
});
