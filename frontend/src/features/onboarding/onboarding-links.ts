import type { OnboardingStep } from '@domain/organizations/onboarding';

import type { MessageKey } from '@/i18n/translate';
import { orgPath } from '@/lib/paths';

/** Where each step is done: its links, with the message key of each (the register step offers three ways to start). */
export function onboardingLinks(organizationId: string, step: OnboardingStep): { href: string; labelKey: MessageKey }[] {
  switch (step) {
    case 'identity':
      return [{ href: orgPath(organizationId, 'settings'), labelKey: 'onboarding.links.identity' }];
    case 'dpo':
      return [{ href: `${orgPath(organizationId, 'settings')}#organization-dpo`, labelKey: 'onboarding.links.dpo' }];
    case 'departments':
      return [{ href: orgPath(organizationId, 'settings/departments'), labelKey: 'onboarding.links.departments' }];
    case 'members':
      return [{ href: orgPath(organizationId, 'settings/members'), labelKey: 'onboarding.links.members' }];
    case 'register':
      return [
        { href: orgPath(organizationId, 'exports'), labelKey: 'onboarding.links.import' },
        { href: orgPath(organizationId, 'register/new'), labelKey: 'onboarding.links.templates' },
        { href: orgPath(organizationId, 'design-grid'), labelKey: 'onboarding.links.grid' },
      ];
  }
}
