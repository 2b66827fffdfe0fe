/**
 * The register page's state as it lives in the URL (`?q=…&status=…&sort=-name&page=2&asOf=2026-05-25`)
 * and as the API takes it. Pure: the server page parses its searchParams with it, the client page
 * writes new URLs with it.
 */
import {
  ACTIVITY_STATUSES,
  DPIA_SCREENING_DECISIONS,
  LEGAL_BASES,
  type ActivityStatus,
  type DpiaScreeningDecision,
  type LegalBasis,
} from './types';

export const SORT_KEYS = ['reference', 'name', 'status', 'department', 'nextReviewDate', 'updatedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortValue = SortKey | `-${SortKey}`;

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

export const EMPTY_REGISTER_QUERY: RegisterQuery = {
  q: '',
  status: '',
  departmentId: '',
  legalBasis: '',
  specialData: '',
  dpiaDecision: '',
  reviewOverdue: false,
  sort: '',
  page: 1,
  asOf: '',
};

export type SearchParamsRecord = Readonly<Record<string, string | string[] | undefined>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function oneOf<T extends string>(values: readonly T[], value: string): T | '' {
  return (values as readonly string[]).includes(value) ? (value as T) : '';
}

export function isSortValue(value: string): value is SortValue {
  return (SORT_KEYS as readonly string[]).includes(value.replace(/^-/, ''));
}

/** A real calendar date `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Reads the URL's search parameters; anything unknown or malformed is dropped rather than sent to the API. */
export function parseRegisterQuery(params: SearchParamsRecord): RegisterQuery {
  const page = Number.parseInt(first(params.page), 10);
  const sort = first(params.sort);
  const departmentId = first(params.departmentId);
  const asOf = first(params.asOf);
  return {
    q: first(params.q).slice(0, 200),
    status: oneOf(ACTIVITY_STATUSES, first(params.status)),
    departmentId: UUID.test(departmentId) ? departmentId : '',
    legalBasis: oneOf(LEGAL_BASES, first(params.legalBasis)),
    specialData: oneOf(['true', 'false'], first(params.specialData)),
    dpiaDecision: oneOf(DPIA_SCREENING_DECISIONS, first(params.dpiaDecision)),
    reviewOverdue: first(params.reviewOverdue) === 'true',
    sort: isSortValue(sort) ? sort : '',
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
    asOf: isIsoDate(asOf) ? asOf : '',
  };
}

/** The filters in URL order, without the defaults. */
function entries(query: RegisterQuery): [string, string][] {
  const list: [string, string][] = [];
  if (query.q.trim()) list.push(['q', query.q.trim()]);
  if (query.status) list.push(['status', query.status]);
  if (query.departmentId) list.push(['departmentId', query.departmentId]);
  if (query.legalBasis) list.push(['legalBasis', query.legalBasis]);
  if (query.specialData) list.push(['specialData', query.specialData]);
  if (query.dpiaDecision) list.push(['dpiaDecision', query.dpiaDecision]);
  if (query.reviewOverdue) list.push(['reviewOverdue', 'true']);
  if (query.sort) list.push(['sort', query.sort]);
  return list;
}

/** The page's URL search string (`?…`, or '' when everything is at its default). */
export function registerQueryToSearch(query: RegisterQuery): string {
  const params = new URLSearchParams(entries(query));
  if (query.page > 1) params.set('page', String(query.page));
  if (query.asOf) params.set('asOf', query.asOf);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The instant an as-of date stands for: the end of that day, UTC. */
export function asOfInstant(date: string): string {
  return `${date}T23:59:59.999Z`;
}

/** The API's query string for GET /activities. */
export function registerQueryToApi(query: RegisterQuery, pageSize = REGISTER_PAGE_SIZE): string {
  const params = new URLSearchParams(entries(query));
  params.set('page', String(query.page));
  params.set('pageSize', String(pageSize));
  if (query.asOf) params.set('asOf', asOfInstant(query.asOf));
  return params.toString();
}

/** True when a filter narrows the list (search, sort and paging aside). */
export function hasFilters(query: RegisterQuery): boolean {
  return Boolean(
    query.q.trim() ||
      query.status ||
      query.departmentId ||
      query.legalBasis ||
      query.specialData ||
      query.dpiaDecision ||
      query.reviewOverdue,
  );
}

/** Clicking a column: ascending first, then descending, then back to ascending. */
export function nextSort(current: SortValue | '', key: SortKey): SortValue {
  return current === key ? `-${key}` : key;
}

/** `aria-sort` of a column header. */
export function sortDirection(
  current: SortValue | '',
  key: SortKey,
  searching = false,
): 'ascending' | 'descending' | 'none' {
  if (current === key) return 'ascending';
  if (current === `-${key}`) return 'descending';
  // Without an explicit sort the API orders by relevance when searching, else by reference.
  return current === '' && !searching && key === 'reference' ? 'ascending' : 'none';
}

/** A change of filter or sort goes back to the first page. */
export function withChange(query: RegisterQuery, change: Partial<RegisterQuery>): RegisterQuery {
  return { ...query, page: 1, ...change };
}
