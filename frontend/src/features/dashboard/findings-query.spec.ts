import { findingsApiSearch, findingsQueryToSearch, parseFindingsQuery } from './findings-query';

describe('findings filters in the URL', () => {
  it('round-trips the filters and ignores unknown values', () => {
    const department = '3f1e4b8a-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
    const query = parseFindingsQuery({ severity: 'high', code: 'retention_missing', department, page: '2' });
    expect(query).toEqual({ severity: 'high', code: 'retention_missing', departmentId: department, page: 2 });
    expect(findingsQueryToSearch(query)).toBe(`?severity=high&code=retention_missing&department=${department}&page=2`);
    expect(parseFindingsQuery({ severity: 'urgent', code: 'nope', department: 'x', page: '-1' })).toEqual({ severity: '', code: '', departmentId: '', page: 1 });
    expect(findingsQueryToSearch(parseFindingsQuery({}))).toBe('');
  });

  it('builds the API path with the server’s parameter names', () => {
    expect(findingsApiSearch({ severity: 'low', code: '', departmentId: '', page: 1 })).toBe('severity=low&page=1&pageSize=25');
  });
});
