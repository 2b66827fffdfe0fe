/** The field-level problems of an API answer about an activity. */
import { isApiError } from '@/lib/api-error';

export interface Problem {
  /** The API's path (`purposes[0].legalBasis`). */
  path: string;
  code: string;
  /** Already translated by the server. */
  message: string;
}

/**
 * `details.fields` of a 400 `validation_failed` (the shape of what was sent) or of a 422
 * `activity_incomplete` (what validation needs); [] for any other answer.
 */
export function problemsOf(error: unknown): Problem[] {
  if (!isApiError(error, 'validation_failed') && !isApiError(error, 'activity_incomplete')) return [];
  const fields = (error.details as { fields?: unknown } | null | undefined)?.fields;
  if (!Array.isArray(fields)) return [];
  return (fields as unknown[]).flatMap((field): Problem[] => {
    if (typeof field !== 'object' || field === null) return [];
    const { path, code, message } = field as Record<string, unknown>;
    if (typeof path !== 'string') return [];
    return [{ path, code: typeof code === 'string' ? code : 'invalid', message: typeof message === 'string' ? message : '' }];
  });
}

/** `details.currentVersion` of a 409 `version_conflict`. */
export function currentVersionOf(error: unknown): number | null {
  if (!isApiError(error, 'version_conflict')) return null;
  const version = (error.details as { currentVersion?: unknown } | null | undefined)?.currentVersion;
  return typeof version === 'number' && Number.isInteger(version) ? version : null;
}
