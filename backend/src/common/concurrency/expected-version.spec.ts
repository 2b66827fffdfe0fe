import { AppException } from '../errors/app-exception';
import type { FieldValidationException } from '../http/validation';
import { assertVersion, expectedVersion } from './expected-version';

describe('expectedVersion', () => {
  it('takes the body version first, then If-Match in its strong or weak form', () => {
    expect(expectedVersion(4, '"9"')).toBe(4);
    expect(expectedVersion(undefined, '"7"')).toBe(7);
    expect(expectedVersion(undefined, 'W/"12"')).toBe(12);
  });

  it('refuses an update that names no version', () => {
    expect(() => expectedVersion(undefined, undefined)).toThrow(AppException);
    expect(() => expectedVersion(undefined, 'abc')).toThrow(AppException);
    // In the caller's language, the field named by its label.
    try {
      expectedVersion(undefined, undefined);
    } catch (error) {
      expect((error as FieldValidationException).localisedDetails('fr')).toEqual({ fields: [{ path: 'version', code: 'isDefined', message: '« Version » est obligatoire.' }] });
    }
  });

  it('reports the current version on a conflict', () => {
    try {
      assertVersion(5, 4);
      throw new Error('expected a conflict');
    } catch (error) {
      expect(error).toBeInstanceOf(AppException);
      expect((error as AppException).status).toBe(409);
      expect((error as AppException).details).toEqual({ currentVersion: 5 });
    }
  });
});
