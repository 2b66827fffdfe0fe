import { FINDING_CODES, SEVERITIES, type FindingCode, type Severity } from './types';

/** The dashboard's findings filters, as the page URL carries them (`?severity=high&code=…&department=…&page=2`). */
export interface FindingsQuery {
  severity: Severity | '';
  code: FindingCode | '';
  departmentId: string;
  page: number;
}

export const EMPTY_FINDINGS_QUERY: FindingsQuery = { severity: '', code: '', departmentId: '', page: 1 };
export const FINDINGS_PAGE_SIZE = 25;

type SearchParams = Readonly<Record<string, string | string[] | undefined>>;

const single = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Unknown values fall back to "all" rather than failing the page. */
export function parseFindingsQuery(params: SearchParams): FindingsQuery {
  const severity = single(params.severity);
  const code = single(params.code);
  const department = single(params.department);
  const page = Number(single(params.page));
  return {
    severity: (SEVERITIES as readonly string[]).includes(severity) ? (severity as Severity) : '',
    code: (FINDING_CODES as readonly string[]).includes(code) ? (code as FindingCode) : '',
    departmentId: UUID.test(department) ? department : '',
    page: Number.isInteger(page) && page >= 1 && page <= 100000 ? page : 1,
  };
}

/** The page URL's search string (`?severity=high`), empty when nothing is filtered. */
export function findingsQueryToSearch(query: FindingsQuery): string {
  const search = new URLSearchParams();
  if (query.severity) search.set('severity', query.severity);
  if (query.code) search.set('code', query.code);
  if (query.departmentId) search.set('department', query.departmentId);
  if (query.page > 1) search.set('page', String(query.page));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The API query of the findings list for this page query. */
export function findingsApiSearch(query: FindingsQuery): string {
  const search = new URLSearchParams({ page: String(query.page), pageSize: String(FINDINGS_PAGE_SIZE) });
  if (query.severity) search.set('severity', query.severity);
  if (query.code) search.set('code', query.code);
  if (query.departmentId) search.set('departmentId', query.departmentId);
  return search.toString();
}
