/**
 * The vendors page's state as it lives in the URL (`?q=…&status=approved&dpaMissing=true&page=2`) and
 * as the API takes it. Pure: the server page parses its searchParams with it, the client page writes
 * new URLs with it.
 */
import { VENDOR_ROLES, VENDOR_STATUSES, type VendorRole, type VendorStatus } from './types';

export const VENDOR_SORT_KEYS = ['name', 'status', 'nextReviewDate', 'updatedAt'] as const;
export type VendorSortKey = (typeof VENDOR_SORT_KEYS)[number];
export type VendorSortValue = VendorSortKey | `-${VendorSortKey}`;

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

export const EMPTY_VENDOR_QUERY: VendorQuery = {
  q: '',
  status: '',
  role: '',
  country: '',
  dpaMissing: false,
  exposed: false,
  needsMechanism: false,
  reviewOverdue: false,
  sort: '',
  page: 1,
};

type SearchParamsRecord = Readonly<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function oneOf<T extends string>(values: readonly T[], value: string): T | '' {
  return (values as readonly string[]).includes(value) ? (value as T) : '';
}

function isSortValue(value: string): value is VendorSortValue {
  return (VENDOR_SORT_KEYS as readonly string[]).includes(value.replace(/^-/, ''));
}

/** Reads the URL's search parameters; anything unknown or malformed is dropped rather than sent to the API. */
export function parseVendorQuery(params: SearchParamsRecord): VendorQuery {
  const page = Number.parseInt(first(params.page), 10);
  const sort = first(params.sort);
  const country = first(params.country).toUpperCase();
  return {
    q: first(params.q).slice(0, 200),
    status: oneOf(VENDOR_STATUSES, first(params.status)),
    role: oneOf(VENDOR_ROLES, first(params.role)),
    country: /^[A-Z]{2}$/.test(country) ? country : '',
    dpaMissing: first(params.dpaMissing) === 'true',
    exposed: first(params.exposed) === 'true',
    needsMechanism: first(params.needsMechanism) === 'true',
    reviewOverdue: first(params.reviewOverdue) === 'true',
    sort: isSortValue(sort) ? sort : '',
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

function entries(query: VendorQuery): [string, string][] {
  const list: [string, string][] = [];
  if (query.q.trim()) list.push(['q', query.q.trim()]);
  if (query.status) list.push(['status', query.status]);
  if (query.role) list.push(['role', query.role]);
  if (query.country) list.push(['country', query.country]);
  for (const flag of VENDOR_FLAGS) if (query[flag]) list.push([flag, 'true']);
  if (query.sort) list.push(['sort', query.sort]);
  return list;
}

/** The page's URL search string (`?…`, or '' when everything is at its default). */
export function vendorQueryToSearch(query: VendorQuery): string {
  const params = new URLSearchParams(entries(query));
  if (query.page > 1) params.set('page', String(query.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The API's query string for GET /vendors. */
export function vendorQueryToApi(query: VendorQuery, pageSize = VENDORS_PAGE_SIZE): string {
  const params = new URLSearchParams(entries(query));
  params.set('page', String(query.page));
  params.set('pageSize', String(pageSize));
  return params.toString();
}

/** True when a filter narrows the list (sort and paging aside). */
export function hasVendorFilters(query: VendorQuery): boolean {
  return Boolean(query.q.trim() || query.status || query.role || query.country || VENDOR_FLAGS.some((flag) => query[flag]));
}

/** A change of filter or sort goes back to the first page. */
export function withVendorChange(query: VendorQuery, change: Partial<VendorQuery>): VendorQuery {
  return { ...query, page: 1, ...change };
}

export function nextVendorSort(current: VendorSortValue | '', key: VendorSortKey): VendorSortValue {
  return current === key ? `-${key}` : key;
}

export function vendorSortDirection(current: VendorSortValue | '', key: VendorSortKey): 'ascending' | 'descending' | 'none' {
  if (current === key) return 'ascending';
  if (current === `-${key}`) return 'descending';
  return current === '' && key === 'name' ? 'ascending' : 'none';
}
