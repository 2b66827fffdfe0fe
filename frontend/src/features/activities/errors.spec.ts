import { ApiError } from '@/lib/api-error';

import { currentVersionOf, problemsOf } from './errors';

describe('problems in API answers', () => {
  it('reads the fields of a 422 activity_incomplete and of a 400 validation_failed', () => {
    const incomplete = new ApiError(422, {
      code: 'activity_incomplete',
      message: 'This activity cannot be validated.',
      details: { fields: [{ path: 'purposes[0].legalBasis', code: 'legal_basis_missing', message: 'No legal basis.' }, { nope: 1 }] },
    });
    expect(problemsOf(incomplete)).toEqual([{ path: 'purposes[0].legalBasis', code: 'legal_basis_missing', message: 'No legal basis.' }]);
    const invalid = new ApiError(400, { code: 'validation_failed', message: '', details: { fields: [{ path: 'name', code: 'isNotEmpty' }] } });
    expect(problemsOf(invalid)).toEqual([{ path: 'name', code: 'isNotEmpty', message: '' }]);
    expect(problemsOf(new ApiError(409, { code: 'version_conflict', message: '' }))).toEqual([]);
    expect(problemsOf(new Error('x'))).toEqual([]);
  });

  it('reads the current version of a 409', () => {
    expect(currentVersionOf(new ApiError(409, { code: 'version_conflict', message: '', details: { currentVersion: 7 } }))).toBe(7);
    expect(currentVersionOf(new ApiError(409, { code: 'version_conflict', message: '' }))).toBeNull();
    expect(currentVersionOf(new ApiError(409, { code: 'activity_archived', message: '', details: { currentVersion: 7 } }))).toBeNull();
  });
});
