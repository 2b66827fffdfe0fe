/** SQL pieces of the paged lists (vendors, DPIAs): free-text search and the `sort` parameter. */

/** Every value a list's `sort` takes: each key, ascending, or descending with a leading `-`. */
export function sortValues<K extends string>(keys: readonly K[]): string[] {
  return keys.flatMap((key) => [key, `-${key}`]);
}

/** The ORDER BY term of a validated `sort` value, over the list's column expressions; empty values last. */
export function sortTerm<K extends string>(sort: string, columns: Record<K, string>): string {
  const descending = sort.startsWith('-');
  return `${columns[sort.replace(/^-/, '') as K]} ${descending ? 'DESC' : 'ASC'} NULLS LAST`;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
 * "The text contains the search", accent- and case-insensitive: `expression` is the SQL text searched,
 * `param` adds the (escaped) search to the query's parameters and returns its placeholder.
 */
export function containsSearch(expression: string, search: string, param: (value: unknown) => string): string {
  return `lower(registre_unaccent(${expression})) LIKE '%' || lower(registre_unaccent(${param(escapeLike(search))})) || '%' ESCAPE '\\'`;
}
