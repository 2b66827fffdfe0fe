import { unwrap, type TypedApiClient } from '@/lib/api-client';
import type { DepartmentInput, DepartmentPatch } from '@/lib/api-types';

/** Departments are few; one large page lists them all for pick-lists. */
export const DEPARTMENTS_PAGE_SIZE = 100;

export function listDepartments(api: TypedApiClient, organizationId: string, page = 1, pageSize = DEPARTMENTS_PAGE_SIZE) {
  return unwrap(api.GET('/api/v1/organizations/{orgId}/departments', { params: { path: { orgId: organizationId }, query: { page, pageSize } } }));
}

export function createDepartment(api: TypedApiClient, organizationId: string, body: DepartmentInput) {
  return unwrap(api.POST('/api/v1/organizations/{orgId}/departments', { params: { path: { orgId: organizationId } }, body }));
}

export function updateDepartment(api: TypedApiClient, organizationId: string, departmentId: string, body: DepartmentPatch) {
  return unwrap(
    api.PATCH('/api/v1/organizations/{orgId}/departments/{departmentId}', { params: { path: { orgId: organizationId, departmentId } }, body }),
  );
}

/** 409 `department_in_use` while members belong to it. */
export function deleteDepartment(api: TypedApiClient, organizationId: string, departmentId: string) {
  return unwrap(api.DELETE('/api/v1/organizations/{orgId}/departments/{departmentId}', { params: { path: { orgId: organizationId, departmentId } } }));
}
