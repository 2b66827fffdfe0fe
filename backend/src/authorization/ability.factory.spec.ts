import { subject } from '@casl/ability';
import { defineAbilityFor } from './ability.factory';

const organizationId = 'org-1';
type Role = 'admin' | 'dpo' | 'contributor' | 'auditor';
const member = (role: Role, departmentId: string | null = null) => defineAbilityFor({ organizationId, userId: 'user-1', roles: [role], departmentId });
const holding = (...roles: Role[]) => defineAbilityFor({ organizationId, userId: 'user-1', roles, departmentId: null });

const activity = (fields: { ownerId?: string; departmentId?: string | null; status?: string; organizationId?: string }) =>
  subject('Activity', { organizationId, ownerId: 'someone-else', departmentId: null, status: 'draft', ...fields });

describe('the ability factory (PRODUCT.md role matrix)', () => {
  it('lets only the admin manage the organisation and its members', () => {
    expect(member('admin').can('update', 'Organization')).toBe(true);
    expect(member('admin').can('create', 'Membership')).toBe(true);
    // The DPO keeps only the profile the rules read (issue 17: public authority, sector).
    expect(member('dpo').can('update', subject('Organization', { organizationId }), 'publicBody')).toBe(true);
    expect(member('dpo').can('update', subject('Organization', { organizationId }), 'sector')).toBe(true);
    expect(member('dpo').can('update', subject('Organization', { organizationId }), 'legalName')).toBe(false);
    // …and their own contact block, printed on the register (Art 37(7)).
    for (const field of ['dpoName', 'dpoEmail', 'dpoPhone', 'dpoDesignationNumber']) {
      expect({ field, allowed: member('dpo').can('update', subject('Organization', { organizationId }), field) }).toEqual({ field, allowed: true });
    }
    for (const role of ['contributor', 'auditor'] as const) {
      expect(member(role).can('update', 'Organization')).toBe(false);
      expect(member(role).can('create', 'Membership')).toBe(false);
      expect(member(role).can('read', 'Organization')).toBe(true);
    }
    expect(member('dpo').can('create', 'Membership')).toBe(false);
  });

  it('keeps validation to the DPO', () => {
    expect(member('dpo').can('validate', 'Activity')).toBe(true);
    for (const role of ['admin', 'contributor', 'auditor'] as const) expect(member(role).can('validate', 'Activity')).toBe(false);
  });

  it('lets a contributor edit own or own-department activities only while not validated', () => {
    const contributor = member('contributor', 'dept-hr');
    expect(contributor.can('update', activity({ ownerId: 'user-1' }))).toBe(true);
    expect(contributor.can('update', activity({ ownerId: 'user-1', status: 'in_review' }))).toBe(true);
    expect(contributor.can('update', activity({ ownerId: 'user-1', status: 'validated' }))).toBe(false);
    expect(contributor.can('update', activity({ departmentId: 'dept-hr' }))).toBe(true);
    expect(contributor.can('update', activity({ departmentId: 'dept-finance' }))).toBe(false);
    expect(contributor.can('submit', activity({ ownerId: 'user-1' }))).toBe(true);
    expect(contributor.can('submit', activity({ departmentId: 'dept-hr' }))).toBe(false);
  });

  it('design grids: contributors, admins and the DPO answer (contributors their own); only the DPO reviews; auditors read', () => {
    const grid = (createdById: string) => subject('DesignGrid', { organizationId, createdById });
    for (const role of ['admin', 'dpo', 'contributor'] as const) expect(member(role).can('create', 'DesignGrid')).toBe(true);
    expect(member('contributor').can('update', grid('user-1'))).toBe(true);
    expect(member('contributor').can('update', grid('someone-else'))).toBe(false);
    for (const role of ['admin', 'dpo'] as const) expect(member(role).can('update', grid('someone-else'))).toBe(true);
    expect(member('dpo').can('validate', grid('someone-else'))).toBe(true);
    for (const role of ['admin', 'contributor', 'auditor'] as const) expect(member(role).can('validate', grid('user-1'))).toBe(false);
    expect(member('auditor').can('read', grid('someone-else'))).toBe(true);
    expect(member('auditor').can('update', grid('user-1'))).toBe(false);
  });

  it('never matches a record of another organisation, whatever the role', () => {
    for (const role of ['admin', 'dpo', 'contributor', 'auditor'] as const) {
      expect(member(role).can('read', activity({ organizationId: 'org-2', ownerId: 'user-1' }))).toBe(false);
    }
  });

  it('gives the audit trail to admin, DPO and auditor, and the register export to every role', () => {
    expect(member('contributor').can('read', 'AuditEvent')).toBe(false);
    for (const role of ['admin', 'dpo', 'auditor'] as const) expect(member(role).can('read', 'AuditEvent')).toBe(true);
    for (const role of ['admin', 'dpo', 'contributor', 'auditor'] as const) expect(member(role).can('export', 'Register')).toBe(true);
    expect(member('contributor').can('export', 'Evidence')).toBe(false);
  });

  it('leaves the auditor read-only', () => {
    const auditor = member('auditor');
    for (const action of ['create', 'update', 'delete', 'submit', 'validate'] as const) {
      for (const type of ['Organization', 'Membership', 'Department', 'Activity', 'DesignGrid', 'Vendor', 'Dpia', 'Evidence'] as const) {
        expect({ action, type, allowed: auditor.can(action, type) }).toEqual({ action, type, allowed: false });
      }
    }
  });

  it('lets a contributor propose a vendor but not approve one', () => {
    const contributor = member('contributor');
    expect(contributor.can('create', subject('Vendor', { organizationId, status: 'under_review' }))).toBe(true);
    expect(contributor.can('create', subject('Vendor', { organizationId, status: 'approved' }))).toBe(false);
  });

  it('keeps changing, approving and terminating vendors to the DPO and the admin', () => {
    const proposal = subject('Vendor', { organizationId, status: 'under_review' });
    for (const role of ['admin', 'dpo'] as const) {
      for (const action of ['create', 'update', 'delete', 'validate'] as const) {
        expect({ role, action, allowed: member(role).can(action, proposal) }).toEqual({ role, action, allowed: true });
      }
    }
    for (const role of ['contributor', 'auditor'] as const) {
      for (const action of ['update', 'delete', 'validate'] as const) {
        expect({ role, action, allowed: member(role).can(action, proposal) }).toEqual({ role, action, allowed: false });
      }
    }
    expect(member('dpo').can('validate', subject('Vendor', { organizationId: 'org-2', status: 'under_review' }))).toBe(false);
  });

  it('lets a contributor add evidence and remove only their own; DPO and admin remove any', () => {
    const own = subject('Evidence', { organizationId, uploadedById: 'user-1' });
    const others = subject('Evidence', { organizationId, uploadedById: 'someone-else' });
    expect(member('contributor').can('create', 'Evidence')).toBe(true);
    expect(member('contributor').can('delete', own)).toBe(true);
    expect(member('contributor').can('delete', others)).toBe(false);
    for (const role of ['admin', 'dpo'] as const) expect(member(role).can('delete', others)).toBe(true);
    expect(member('auditor').can('delete', own)).toBe(false);
    for (const role of ['admin', 'dpo', 'contributor', 'auditor'] as const) expect(member(role).can('read', others)).toBe(true);
  });

  describe('several roles: the union of their rights (PRODUCT.md)', () => {
    it('admin + DPO manages the members and the settings AND validates activities, gives the DPIA opinion', () => {
      const both = holding('admin', 'dpo');
      expect(both.can('create', 'Membership')).toBe(true);
      expect(both.can('update', subject('Organization', { organizationId }), 'legalName')).toBe(true);
      expect(both.can('validate', activity({ status: 'in_review' }))).toBe(true);
      expect(both.can('validate', 'Dpia')).toBe(true);
      expect(both.can('validate', subject('DesignGrid', { organizationId, createdById: 'someone-else' }))).toBe(true);
      // Neither role alone has both.
      expect(member('admin').can('validate', 'Activity')).toBe(false);
      expect(member('dpo').can('create', 'Membership')).toBe(false);
      // Still within its organisation.
      expect(both.can('validate', activity({ organizationId: 'org-2' }))).toBe(false);
    });

    it('contributor + auditor reads the audit trail and the intake registers, edits own drafts, but cannot validate', () => {
      const mixed = holding('contributor', 'auditor');
      expect(mixed.can('read', 'AuditEvent')).toBe(true);
      expect(mixed.can('export', 'Evidence')).toBe(true);
      expect(mixed.can('read', subject('RightsRequest', { organizationId, recordedById: 'someone-else' }))).toBe(true);
      expect(mixed.can('update', activity({ ownerId: 'user-1' }))).toBe(true);
      expect(mixed.can('update', activity({ ownerId: 'someone-else' }))).toBe(false);
      for (const type of ['Activity', 'Dpia', 'Vendor'] as const) expect({ type, allowed: mixed.can('validate', type) }).toEqual({ type, allowed: false });
      expect(mixed.can('create', 'Membership')).toBe(false);
    });

    it('is the same whatever the order of the roles', () => {
      const rulesOf = (...roles: Role[]) => JSON.stringify([...holding(...roles).rules].map((rule) => JSON.stringify(rule)).sort());
      expect(rulesOf('dpo', 'admin')).toEqual(rulesOf('admin', 'dpo'));
    });
  });
});
