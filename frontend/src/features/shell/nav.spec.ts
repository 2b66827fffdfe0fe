import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { packRules } from '@casl/ability/extra';

import { buildAbility, type AppAbility } from '@/lib/abilities';
import type { Role } from '@/lib/api-types';

import { visibleNavItems } from './nav';

/** Rules shaped like the server's role matrix (PRODUCT.md), packed as the abilities endpoint sends them. */
function packedRulesFor(role: Role) {
  const { can, rules } = new AbilityBuilder<AppAbility>(createMongoAbility);
  const org = { organizationId: 'o1' };
  const ownActivity = { organizationId: 'o1', ownerId: 'u1' };
  if (role === 'admin') {
    can('manage', 'Organization', org);
    can('manage', 'Membership', org);
    can('manage', 'Department', org);
  }
  // The DPO keeps the organisation profile the rules read (issue 17), and reaches it from settings.
  if (role === 'dpo') can('update', 'Organization', ['publicBody', 'sector'], org);
  for (const subject of ['Organization', 'Membership', 'Department', 'Activity', 'Vendor', 'Dpia', 'Evidence'] as const) {
    can('read', subject, org);
  }
  if (role !== 'auditor') {
    can('create', 'Activity', org);
    can('create', 'DesignGrid', org);
  }
  if (role === 'contributor') can('update', 'Activity', ownActivity);
  if (role !== 'contributor') can('read', 'AuditEvent', org);
  if (role === 'admin' || role === 'dpo') can('read', 'ReviewQueue', org);
  return packRules(rules);
}

const keysFor = (role: Role) => visibleNavItems(buildAbility(packedRulesFor(role))).map((item) => item.key);

describe('side navigation per role', () => {
  it('shows everything to an admin', () => {
    expect(keysFor('admin')).toEqual(['register', 'design-grid', 'review', 'vendors', 'dpias', 'dashboard', 'audit', 'settings']);
  });

  it('shows settings to a DPO, who keeps the organisation profile', () => {
    expect(keysFor('dpo')).toEqual(['register', 'design-grid', 'review', 'vendors', 'dpias', 'dashboard', 'audit', 'settings']);
  });

  it('hides the audit trail and settings from a contributor', () => {
    expect(keysFor('contributor')).toEqual(['register', 'design-grid', 'vendors', 'dpias', 'dashboard']);
  });

  it('hides the design grid and settings from an auditor', () => {
    expect(keysFor('auditor')).toEqual(['register', 'vendors', 'dpias', 'dashboard', 'audit']);
  });

  it('shows nothing without rules', () => {
    expect(visibleNavItems(buildAbility([]))).toEqual([]);
  });
});
