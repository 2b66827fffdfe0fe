import { defineListQuery, oneOfField, uuidField } from '@/components/list/list-query';

import { FINDING_CODES, SEVERITIES, type FindingCode, type Severity } from './types';

/** The dashboard's findings filters, as the page URL carries them (`?severity=high&code=…&department=…&page=2`). */
export interface FindingsQuery {
  severity: Severity | '';
  code: FindingCode | '';
  departmentId: string;
  page: number;
}

export const FINDINGS_PAGE_SIZE = 25;

const findingsList = defineListQuery<FindingsQuery>(
  {
    severity: oneOfField(SEVERITIES),
    code: oneOfField(FINDING_CODES),
    // The page URL says `department`, the API `departmentId`.
    departmentId: uuidField({ urlKey: 'department' }),
  },
  { pageSize: FINDINGS_PAGE_SIZE },
);

export const EMPTY_FINDINGS_QUERY: FindingsQuery = findingsList.empty;

/** Unknown values fall back to "all" rather than failing the page. */
export const parseFindingsQuery = findingsList.parse;
/** The page URL's search string (`?severity=high`), empty when nothing is filtered. */
export const findingsQueryToSearch = findingsList.toSearch;
/** The API query of the findings list for this page query. */
export const findingsApiSearch = (query: FindingsQuery): string => findingsList.toApi(query);
/** A change of filter goes back to the first page. */
export const withFindingsChange = findingsList.withChange;
