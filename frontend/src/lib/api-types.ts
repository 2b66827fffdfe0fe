/**
 * Shapes of the backend's JSON (see the API contract). Kept in one file so that, once the backend
 * publishes its OpenAPI document, they can be replaced by generated types in one place.
 */
import type { PackRule } from '@casl/ability/extra';
import type { RawRuleOf } from '@casl/ability';

import type { AppAbility } from './abilities';

export const ROLES = ['admin', 'dpo', 'contributor', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  locale: 'fr' | 'en';
}

export interface Membership {
  organizationId: string;
  organizationName: string;
  role: Role;
}

export interface Me extends User {
  memberships: Membership[];
}

export interface AuthResponse {
  user: User;
}

/** The same answer whether or not an account uses the address (sign-up, proof resend, reset request). */
export interface AcceptedResponse {
  status: 'check_email';
}

export interface CsrfResponse {
  token: string;
}

export interface Organization {
  id: string;
  name: string;
  legalName: string | null;
  registrationNumber: string | null;
  address: string | null;
  country: string | null;
  legalRepresentative: string | null;
  dpoName: string | null;
  dpoEmail: string | null;
  dpoPhone: string | null;
  euRepresentativeName: string | null;
  euRepresentativeAddress: string | null;
  euRepresentativeEmail: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type OrganizationEditableFields = Omit<Organization, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export type OrganizationPatch = Partial<OrganizationEditableFields> & { version: number };

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Member {
  id: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
  version: number;
}

export interface MemberCreate {
  email: string;
  role: Role;
  departmentId?: string;
}

export interface MemberPatch {
  role?: Role;
  departmentId?: string | null;
}

export interface Department {
  id: string;
  name: string;
  description: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DepartmentInput {
  name: string;
  description?: string | null;
}

export type DepartmentPatch = Partial<DepartmentInput> & { version?: number };

export type PackedRules = PackRule<RawRuleOf<AppAbility>>[];

export interface AbilitiesResponse {
  role: Role;
  rules: PackedRules;
}

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export interface FieldErrorDetail {
  path: string;
  code: string;
  message: string;
}
