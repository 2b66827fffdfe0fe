import { QueryFailedError } from 'typeorm';
import { toAppException } from './error-response';

/** A failed query as TypeORM throws it, carrying the driver's SQLSTATE. */
function failedQuery(code: string): QueryFailedError {
  return new QueryFailedError('INSERT …', [], Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code }));
}

// The safety net behind the services' own conflict codes: a race they did not foresee is a 409, never a 500.
describe('database races become conflicts', () => {
  it.each([
    ['23505', 'unique violation', 409, 'already_exists'],
    ['40P01', 'deadlock', 409, 'concurrent_conflict'],
    ['40001', 'serialization failure', 409, 'concurrent_conflict'],
    ['22021', 'invalid byte sequence', 400, 'invalid_characters'],
  ])('%s (%s) → %i %s', (code, _name, status, expected) => {
    const mapped = toAppException(failedQuery(code));
    expect({ status: mapped?.status, code: mapped?.code }).toEqual({ status, code: expected });
  });

  it('leaves other database errors to the 500 path (logged with their request id)', () => {
    expect(toAppException(failedQuery('42P01'))).toBeUndefined();
  });
});
