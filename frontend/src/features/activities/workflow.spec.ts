import { packRules } from '@casl/ability/extra';

import { buildAbility, type AppRawRule } from '@/lib/abilities';

import { activityPermissions, isReadOnly } from './workflow';

const ORG = 'org-1';
const ME = 'user-me';
const org = { organizationId: ORG };

/** The server's rules for each role (backend/src/authorization/ability.factory.ts), as it sends them. */
const RULES: Record<string, AppRawRule[]> = {
  dpo: [
    { action: 'read', subject: 'Activity', conditions: org },
    { action: ['create', 'update', 'delete', 'submit', 'validate'], subject: 'Activity', conditions: org },
  ],
  contributor: [
    { action: 'read', subject: 'Activity', conditions: org },
    { action: 'create', subject: 'Activity', conditions: org },
    { action: 'update', subject: 'Activity', conditions: { ...org, ownerId: ME, status: { $in: ['draft', 'in_review'] } } },
    { action: 'update', subject: 'Activity', conditions: { ...org, departmentId: 'dep-1', status: { $in: ['draft', 'in_review'] } } },
    { action: 'submit', subject: 'Activity', conditions: { ...org, ownerId: ME, status: 'draft' } },
    { action: 'delete', subject: 'Activity', conditions: { ...org, ownerId: ME, status: 'draft' } },
  ],
  auditor: [{ action: 'read', subject: 'Activity', conditions: org }],
};

const ability = (role: string) => buildAbility(packRules(RULES[role] ?? []));
const mine = (status: 'draft' | 'in_review' | 'validated' | 'archived') => ({ ownerId: ME, departmentId: null, status });
const others = (status: 'draft' | 'in_review' | 'validated' | 'archived', departmentId: string | null = null) => ({
  ownerId: 'someone',
  departmentId,
  status,
});

describe('what each role may do with an activity', () => {
  it('lets a contributor edit, submit and delete their own draft, not validate it', () => {
    const permissions = activityPermissions(ability('contributor'), ORG, mine('draft'));
    expect(permissions).toEqual({
      edit: true,
      delete: true,
      duplicate: true,
      transitions: { submit: true, validate: false, archive: false, reopen: false },
    });
  });

  it('lets a contributor pull back their activity under review, and nothing once validated', () => {
    expect(activityPermissions(ability('contributor'), ORG, mine('in_review')).transitions).toEqual({
      submit: false,
      validate: false,
      archive: false,
      reopen: true,
    });
    const validated = activityPermissions(ability('contributor'), ORG, mine('validated'));
    expect(validated.edit).toBe(false);
    expect(isReadOnly(validated)).toBe(true);
  });

  it('lets a contributor edit the drafts of their department, not those of others', () => {
    expect(activityPermissions(ability('contributor'), ORG, others('draft', 'dep-1')).edit).toBe(true);
    expect(activityPermissions(ability('contributor'), ORG, others('draft', 'dep-1')).transitions.submit).toBe(false);
    expect(activityPermissions(ability('contributor'), ORG, others('draft', 'dep-2')).edit).toBe(false);
  });

  it('gives the DPO the whole workflow', () => {
    const dpo = ability('dpo');
    expect(activityPermissions(dpo, ORG, others('in_review')).transitions).toEqual({ submit: false, validate: true, archive: false, reopen: true });
    expect(activityPermissions(dpo, ORG, others('validated')).transitions).toEqual({ submit: false, validate: false, archive: true, reopen: true });
    const archived = activityPermissions(dpo, ORG, others('archived'));
    expect(archived.edit).toBe(false);
    expect(archived.transitions.reopen).toBe(true);
  });

  it('leaves the auditor reading only', () => {
    for (const status of ['draft', 'in_review', 'validated', 'archived'] as const) {
      const permissions = activityPermissions(ability('auditor'), ORG, others(status));
      expect(isReadOnly(permissions)).toBe(true);
      expect(permissions.duplicate).toBe(false);
    }
  });

  it('never allows anything on another organisation’s activity', () => {
    expect(isReadOnly(activityPermissions(ability('dpo'), 'org-2', others('draft')))).toBe(true);
  });
});
