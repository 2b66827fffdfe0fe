/**
 * Names for the generated API types (`lib/api/schema.d.ts`, generated from backend/openapi.json by
 * `npm run openapi`). No shape is written here: change the backend's DTO, regenerate, and these follow.
 */
import type { components } from './api/schema';

export type ApiSchemas = components['schemas'];

export type Role = ApiSchemas['MemberView']['roles'][number];
/** The roles in the order the pages list them (the values are the contract's). */
export const ROLES = ['admin', 'dpo', 'contributor', 'auditor'] as const satisfies readonly Role[];

export type User = ApiSchemas['UserView'];
export type Membership = ApiSchemas['MembershipView'];
export type Me = ApiSchemas['MeResponse'];
export type AuthResponse = ApiSchemas['AuthResponse'];
/** The same answer whether or not an account uses the address (sign-up, proof resend, reset request). */
export type AcceptedResponse = ApiSchemas['AcceptedResponse'];
export type CsrfResponse = ApiSchemas['CsrfResponse'];

export type Organization = ApiSchemas['OrganizationView'];
export type OrganizationEditableFields = Omit<Organization, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type OrganizationPatch = ApiSchemas['UpdateOrganizationDto'];

/** A page of a list: the envelope every `*Page` of the contract shares. */
export type PageOf<T> = Omit<ApiSchemas['DepartmentPage'], 'items'> & { items: T[] };

export type Member = ApiSchemas['MemberView'];
export type MemberCreate = ApiSchemas['AddMemberDto'];
export type MemberPatch = ApiSchemas['UpdateMemberDto'];

export type Department = ApiSchemas['DepartmentView'];
export type DepartmentInput = ApiSchemas['CreateDepartmentDto'];
export type DepartmentPatch = ApiSchemas['UpdateDepartmentDto'];

export type AbilitiesResponse = ApiSchemas['AbilitiesView'];

/** Every error answer: `{ code, message, details }`. */
export type ApiErrorBody = ApiSchemas['ErrorView'];

/** One field error of a 400 `validation_failed`, as `fieldErrorsOf` normalises it (path joined with dots). */
export interface FieldErrorDetail {
  path: string;
  code: string;
  message: string;
}
