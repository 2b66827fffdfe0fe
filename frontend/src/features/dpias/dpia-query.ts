/**
 * The DPIA list's state as it lives in the URL (`?q=…&status=in_progress&sort=-nextActionDue&page=2`) and
 * as the API takes it, declared with the list kit's codec.
 */
import { defineListQuery, nextSort, oneOfField, sortDirection, sortField, textField, type SortValue } from '@/components/list/list-query';

import { DPIA_STATUSES, type DpiaStatus } from './types';

/** The columns the API sorts by (GET /dpias `sort`); the residual risk and the decision are not among them. */
export const DPIA_SORT_KEYS = ['activity', 'status', 'revision', 'nextActionDue', 'updatedAt'] as const;
export type DpiaSortKey = (typeof DPIA_SORT_KEYS)[number];
export type DpiaSortValue = SortValue<DpiaSortKey>;

export const DPIAS_PAGE_SIZE = 50;

export interface DpiaQuery {
  q: string;
  status: DpiaStatus | '';
  sort: DpiaSortValue | '';
  page: number;
}

const dpiaList = defineListQuery<DpiaQuery>({ q: textField(), status: oneOfField(DPIA_STATUSES), sort: sortField(DPIA_SORT_KEYS) }, { pageSize: DPIAS_PAGE_SIZE });

export const EMPTY_DPIA_QUERY: DpiaQuery = dpiaList.empty;
export const parseDpiaQuery = dpiaList.parse;
export const dpiaQueryToSearch = dpiaList.toSearch;
/** The API's query string for GET /dpias. */
export const dpiaQueryToApi = dpiaList.toApi;
export const hasDpiaFilters = dpiaList.hasFilters;
export const withDpiaChange = dpiaList.withChange;

export function nextDpiaSort(current: DpiaSortValue | '', key: DpiaSortKey): DpiaSortValue {
  return nextSort(current, key);
}

/** Without a sort, the API orders by the activity's reference. */
export function dpiaSortDirection(current: DpiaSortValue | '', key: DpiaSortKey): 'ascending' | 'descending' | 'none' {
  return sortDirection(current, key, 'activity');
}
