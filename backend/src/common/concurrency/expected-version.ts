import { AppException } from '../errors/app-exception';
import { FieldValidationException } from '../http/validation';

/**
 * The version the client last saw: `version` in the body or an `If-Match` header (`"3"` or `W/"3"`).
 * One of them is required on every update, so no write can silently overwrite another.
 */
export function expectedVersion(bodyVersion: number | undefined, ifMatch: string | undefined): number {
  if (bodyVersion !== undefined) return bodyVersion;
  const match = ifMatch?.match(/^(?:W\/)?"?(\d+)"?$/);
  if (match) return Number(match[1]);
  // Translated like every field error (« « Version » est obligatoire. »), never English in a French page.
  throw new FieldValidationException([{ path: 'version', code: 'isDefined', args: [] }]);
}

export function assertVersion(currentVersion: number, expected: number): void {
  if (currentVersion !== expected) throw AppException.versionConflict(currentVersion);
}
