/**
 * The register page's state as it lives in the URL (`?q=…&status=…&sort=-name&page=2&asOf=2026-05-25`)
 * and as the API takes it, declared with the list kit's codec.
 */
import {
  ACTIVITY_STATUSES,
  DPIA_SCREENING_DECISIONS,
  LEGAL_BASES,
  type ActivityStatus,
  type DpiaScreeningDecision,
  type LegalBasis,
} from './types';
import {
  dateField,
  defineListQuery,
  flagField,
  nextSort as nextSortOf,
  oneOfField,
  sortDirection as sortDirectionOf,
  sortField,
  textField,
  uuidField,
  type SortValue as SortValueOf,
} from '@/components/list/list-query';

export const SORT_KEYS = ['reference', 'name', 'status', 'department', 'nextReviewDate', 'updatedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortValue = SortValueOf<SortKey>;

export const REGISTER_PAGE_SIZE = 20;

export type TriState = '' | 'true' | 'false';

export interface RegisterQuery {
  q: string;
  status: ActivityStatus | '';
  departmentId: string;
  legalBasis: LegalBasis | '';
  specialData: TriState;
  dpiaDecision: DpiaScreeningDecision | '';
  reviewOverdue: boolean;
  /** '' is the API's default order (relevance with q, else reference). */
  sort: SortValue | '';
  page: number;
  /** `YYYY-MM-DD`: the register as it stood at the end of that day (UTC); '' for now. */
  asOf: string;
}

export type { SearchParamsRecord } from '@/components/list/list-query';
export { isIsoDate } from '@/components/list/list-query';

/** The instant an as-of date stands for: the end of that day, UTC. */
export function asOfInstant(date: string): string {
  return `${date}T23:59:59.999Z`;
}

const registerList = defineListQuery<RegisterQuery>(
  {
    q: textField(),
    status: oneOfField(ACTIVITY_STATUSES),
    departmentId: uuidField(),
    legalBasis: oneOfField(LEGAL_BASES),
    specialData: oneOfField(['true', 'false'] as const),
    dpiaDecision: oneOfField(DPIA_SCREENING_DECISIONS),
    reviewOverdue: flagField(),
    sort: sortField(SORT_KEYS),
    asOf: dateField({ filter: false, afterPage: true, toApi: asOfInstant }),
  },
  { pageSize: REGISTER_PAGE_SIZE },
);

export const EMPTY_REGISTER_QUERY: RegisterQuery = registerList.empty;
export const parseRegisterQuery = registerList.parse;
export const registerQueryToSearch = registerList.toSearch;
/** The API's query string for GET /activities. */
export const registerQueryToApi = registerList.toApi;
export const hasFilters = registerList.hasFilters;
export const withChange = registerList.withChange;

export function nextSort(current: SortValue | '', key: SortKey): SortValue {
  return nextSortOf(current, key);
}

/** `aria-sort` of a column header. Without an explicit sort the API orders by relevance when searching, else by reference. */
export function sortDirection(current: SortValue | '', key: SortKey, searching = false): 'ascending' | 'descending' | 'none' {
  return sortDirectionOf(current, key, searching ? null : 'reference');
}
