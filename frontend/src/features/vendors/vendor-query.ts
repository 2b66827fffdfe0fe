/**
 * The vendors page's state as it lives in the URL (`?q=…&status=approved&dpaMissing=true&page=2`) and
 * as the API takes it, declared with the list kit's codec.
 */
import {
  defineListQuery,
  flagField,
  nextSort,
  oneOfField,
  patternField,
  sortDirection,
  sortField,
  textField,
  type ListField,
  type SortValue,
} from '@/components/list/list-query';

import { VENDOR_ROLES, VENDOR_STATUSES, type VendorRole, type VendorStatus } from './types';

export const VENDOR_SORT_KEYS = ['name', 'status', 'nextReviewDate', 'updatedAt'] as const;
export type VendorSortKey = (typeof VENDOR_SORT_KEYS)[number];
export type VendorSortValue = SortValue<VendorSortKey>;

export const VENDORS_PAGE_SIZE = 50;

export const VENDOR_FLAGS = ['dpaMissing', 'exposed', 'needsMechanism', 'reviewOverdue'] as const;
export type VendorFlag = (typeof VENDOR_FLAGS)[number];

export interface VendorQuery {
  q: string;
  status: VendorStatus | '';
  role: VendorRole | '';
  /** ISO 3166-1 alpha-2, '' for any. */
  country: string;
  dpaMissing: boolean;
  exposed: boolean;
  needsMechanism: boolean;
  reviewOverdue: boolean;
  sort: VendorSortValue | '';
  page: number;
}

/** A country code, whatever its case in the URL. */
const countryField: ListField<string> = { ...patternField(/^[A-Z]{2}$/), parse: (text) => (/^[A-Z]{2}$/.test(text.toUpperCase()) ? text.toUpperCase() : '') };

const vendorList = defineListQuery<VendorQuery>(
  {
    q: textField(),
    status: oneOfField(VENDOR_STATUSES),
    role: oneOfField(VENDOR_ROLES),
    country: countryField,
    dpaMissing: flagField(),
    exposed: flagField(),
    needsMechanism: flagField(),
    reviewOverdue: flagField(),
    sort: sortField(VENDOR_SORT_KEYS),
  },
  { pageSize: VENDORS_PAGE_SIZE },
);

export const EMPTY_VENDOR_QUERY: VendorQuery = vendorList.empty;
export const parseVendorQuery = vendorList.parse;
export const vendorQueryToSearch = vendorList.toSearch;
/** The API's query string for GET /vendors. */
export const vendorQueryToApi = vendorList.toApi;
export const hasVendorFilters = vendorList.hasFilters;
export const withVendorChange = vendorList.withChange;

export function nextVendorSort(current: VendorSortValue | '', key: VendorSortKey): VendorSortValue {
  return nextSort(current, key);
}

export function vendorSortDirection(current: VendorSortValue | '', key: VendorSortKey): 'ascending' | 'descending' | 'none' {
  return sortDirection(current, key, 'name');
}
