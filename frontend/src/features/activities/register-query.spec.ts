import {
  EMPTY_REGISTER_QUERY,
  hasFilters,
  nextSort,
  parseRegisterQuery,
  registerQueryToApi,
  registerQueryToSearch,
  sortDirection,
  withChange,
} from './register-query';

const DEPARTMENT = '55b7cff1-f269-4d42-a6ac-641403cb3105';

describe('the register URL', () => {
  it('reads every filter from the search parameters', () => {
    expect(
      parseRegisterQuery({
        q: ' paie ',
        status: 'in_review',
        departmentId: DEPARTMENT,
        legalBasis: 'contract',
        specialData: 'true',
        dpiaDecision: 'required',
        reviewOverdue: 'true',
        sort: '-nextReviewDate',
        page: '3',
        asOf: '2026-05-25',
      }),
    ).toEqual({
      q: 'paie',
      status: 'in_review',
      departmentId: DEPARTMENT,
      legalBasis: 'contract',
      specialData: 'true',
      dpiaDecision: 'required',
      reviewOverdue: true,
      sort: '-nextReviewDate',
      page: 3,
      asOf: '2026-05-25',
    });
  });

  it('drops what the API would refuse', () => {
    expect(
      parseRegisterQuery({
        status: 'lost',
        departmentId: 'not-a-uuid',
        legalBasis: 'whim',
        specialData: 'maybe',
        sort: 'owner',
        page: '-2',
        asOf: '2026-02-30',
        reviewOverdue: 'yes',
      }),
    ).toEqual(EMPTY_REGISTER_QUERY);
    expect(parseRegisterQuery({ page: 'abc' }).page).toBe(1);
    expect(parseRegisterQuery({ status: ['draft', 'validated'] }).status).toBe('draft');
  });

  it('writes only what differs from the defaults, and reads it back', () => {
    expect(registerQueryToSearch(EMPTY_REGISTER_QUERY)).toBe('');
    const query = { ...EMPTY_REGISTER_QUERY, q: 'paie', status: 'draft' as const, page: 2, asOf: '2026-05-25' };
    const search = registerQueryToSearch(query);
    expect(search).toBe('?q=paie&status=draft&page=2&asOf=2026-05-25');
    expect(parseRegisterQuery(Object.fromEntries(new URLSearchParams(search)))).toEqual(query);
  });

  it('asks the API for a page, with the as-of date as the end of that day', () => {
    expect(registerQueryToApi({ ...EMPTY_REGISTER_QUERY, specialData: 'false', reviewOverdue: true, asOf: '2026-05-25' })).toBe(
      'specialData=false&reviewOverdue=true&page=1&pageSize=20&asOf=2026-05-25T23%3A59%3A59.999Z',
    );
  });

  it('sorts a column ascending, then descending, and reports it for aria-sort', () => {
    expect(nextSort('', 'name')).toBe('name');
    expect(nextSort('name', 'name')).toBe('-name');
    expect(nextSort('-name', 'name')).toBe('name');
    expect(nextSort('-name', 'status')).toBe('status');
    expect(sortDirection('-name', 'name')).toBe('descending');
    expect(sortDirection('', 'reference')).toBe('ascending');
    expect(sortDirection('', 'reference', true)).toBe('none');
    expect(sortDirection('name', 'reference')).toBe('none');
  });

  it('goes back to the first page when a filter changes', () => {
    const query = { ...EMPTY_REGISTER_QUERY, page: 4 };
    expect(withChange(query, { status: 'validated' })).toMatchObject({ page: 1, status: 'validated' });
    expect(hasFilters(query)).toBe(false);
    expect(hasFilters({ ...query, reviewOverdue: true })).toBe(true);
    expect(hasFilters({ ...query, sort: 'name', asOf: '2026-01-01' })).toBe(false);
  });
});
