import { subject } from '@casl/ability';
import type { OrganizationAccess } from '../authorization/request-auth';
import type { VendorName } from './vendor-links.service';
import type { Vendor } from './vendor.entity';

/** What the vendor services need of the caller: the organisation and its abilities. */
export type VendorAccess = Pick<OrganizationAccess, 'organizationId' | 'ability'>;

/** The vendor as CASL rules see it. */
export const asSubject = (row: Pick<Vendor, 'organizationId' | 'status'>) => subject('Vendor', { organizationId: row.organizationId, status: row.status });

export const names = (vendors: VendorName[]) => vendors.map((vendor) => vendor.name);
