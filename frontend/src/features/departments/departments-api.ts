import type { ApiClient } from '@/lib/api-client';
import type { Department, DepartmentInput, DepartmentPatch, PageOf } from '@/lib/api-types';
import { orgApiPath } from '@/lib/paths';

/** Departments are few; one large page lists them all for pick-lists. */
export const DEPARTMENTS_PAGE_SIZE = 100;

export function departmentsPath(organizationId: string, page = 1, pageSize = DEPARTMENTS_PAGE_SIZE): string {
  return `${orgApiPath(organizationId, 'departments')}?page=${String(page)}&pageSize=${String(pageSize)}`;
}

export function listDepartments(api: ApiClient, organizationId: string, page = 1): Promise<PageOf<Department>> {
  return api.get<PageOf<Department>>(departmentsPath(organizationId, page));
}

export function createDepartment(api: ApiClient, organizationId: string, body: DepartmentInput): Promise<Department> {
  return api.post<Department>(orgApiPath(organizationId, 'departments'), body);
}

export function updateDepartment(
  api: ApiClient,
  organizationId: string,
  departmentId: string,
  body: DepartmentPatch,
): Promise<Department> {
  return api.patch<Department>(orgApiPath(organizationId, `departments/${encodeURIComponent(departmentId)}`), body);
}

/** 409 `department_in_use` while members belong to it. */
export function deleteDepartment(api: ApiClient, organizationId: string, departmentId: string): Promise<undefined> {
  return api.delete(orgApiPath(organizationId, `departments/${encodeURIComponent(departmentId)}`));
}
