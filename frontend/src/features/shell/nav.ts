import type { Action, AppAbility, Subject } from '@/lib/abilities';

export type NavKey = 'register' | 'design-grid' | 'review' | 'vendors' | 'dpias' | 'rights-requests' | 'breaches' | 'dashboard' | 'audit' | 'settings';

export interface NavItem {
  /** Also the route segment under /orgs/[orgId]/ and the `data-testid="nav-<key>"` suffix. */
  key: NavKey;
  labelKey: `nav.${NavKey}`;
  action: Action;
  subject: Subject;
}

/** The side navigation, in order; each item appears only when the ability allows `action` on `subject`. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'register', labelKey: 'nav.register', action: 'read', subject: 'Activity' },
  { key: 'design-grid', labelKey: 'nav.design-grid', action: 'create', subject: 'DesignGrid' },
  // What waits for the DPO (DPO and administrators).
  { key: 'review', labelKey: 'nav.review', action: 'read', subject: 'ReviewQueue' },
  { key: 'vendors', labelKey: 'nav.vendors', action: 'read', subject: 'Vendor' },
  { key: 'dpias', labelKey: 'nav.dpias', action: 'read', subject: 'Dpia' },
  { key: 'rights-requests', labelKey: 'nav.rights-requests', action: 'read', subject: 'RightsRequest' },
  { key: 'breaches', labelKey: 'nav.breaches', action: 'read', subject: 'Breach' },
  { key: 'dashboard', labelKey: 'nav.dashboard', action: 'read', subject: 'Activity' },
  { key: 'audit', labelKey: 'nav.audit', action: 'read', subject: 'AuditEvent' },
  { key: 'settings', labelKey: 'nav.settings', action: 'update', subject: 'Organization' },
];

export function visibleNavItems(ability: AppAbility): NavItem[] {
  return NAV_ITEMS.filter((item) => ability.can(item.action, item.subject));
}
