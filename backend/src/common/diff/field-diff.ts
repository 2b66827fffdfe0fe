export interface FieldChange {
  before: unknown;
  after: unknown;
}

function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Stable JSON: same value, same text, whatever the key order (used for hashes and comparisons). */
export function canonicalJson(value: unknown): string {
  return canonical(value);
}

/**
 * Field-level difference between two versions of a record (top-level fields; nested values are
 * compared as a whole). A created record has `before` null, a deleted one `after` null.
 */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null, ignore: string[] = []): Record<string, FieldChange> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Record<string, FieldChange> = {};
  for (const key of [...keys].sort()) {
    if (ignore.includes(key)) continue;
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    // Against nothing (a creation, a deletion) a value is a change without comparing texts: the
    // canonical text of a non-null value is never "null". Imports write thousands of these events.
    const changed = a === null || b === null ? a !== b : canonical(a) !== canonical(b);
    if (changed) changes[key] = { before: a, after: b };
  }
  return changes;
}

/**
 * A nested value as one level of field paths (`purposes[0].legalBasis`), so diffFields reports the
 * very field that changed rather than a whole list. Empty lists and objects stay as leaves.
 */
export function flattenFields(value: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const walk = (current: unknown, path: string) => {
    if (Array.isArray(current) && current.length > 0) {
      current.forEach((item, index) => walk(item, `${path}[${index}]`));
    } else if (current && typeof current === 'object' && !(current instanceof Date) && !Array.isArray(current) && Object.keys(current).length > 0) {
      for (const [key, child] of Object.entries(current as Record<string, unknown>)) {
        if (child !== undefined) walk(child, path ? `${path}.${key}` : key);
      }
    } else {
      fields[path] = current ?? null;
    }
  };
  walk(value, '');
  return fields;
}
