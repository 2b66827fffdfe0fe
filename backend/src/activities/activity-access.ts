import { subject } from '@casl/ability';
import type { OrganizationAccess } from '../authorization/request-auth';
import type { VendorName } from '../vendors/vendor-links.service';
import type { ProcessingActivity } from './activity.entity';

/** What the activity services need of the caller: the organisation and its abilities. */
export type ActivityAccess = Pick<OrganizationAccess, 'organizationId' | 'ability'>;
export type ActivityFields = Pick<ProcessingActivity, 'organizationId' | 'ownerId' | 'departmentId' | 'status'>;

/** The record as CASL rules see it (organisation, owner, department, status). */
export function asSubject(row: ActivityFields) {
  return subject('Activity', { organizationId: row.organizationId, ownerId: row.ownerId, departmentId: row.departmentId, status: row.status });
}

export const names = (vendors: VendorName[]) => vendors.map((vendor) => vendor.name);

export function label(row: Pick<ProcessingActivity, 'reference' | 'name'>): string {
  return `${row.reference} ${row.name}`;
}
