import type { Translate } from '@/i18n/translate';
import { ROLES, type Role } from '@/lib/api-types';

/** A member's roles in words, in the pages' order: « Administrateur, DPO ». */
export function rolesLabel(t: Translate, roles: readonly Role[]): string {
  return ROLES.filter((role) => roles.includes(role))
    .map((role) => t(`roles.${role}`))
    .join(', ');
}
