/**
 * A list page's state as it lives in the URL (`?q=…&status=…&sort=-name&page=2`) and as the API takes it,
 * declared once per list as a table of fields. Pure: the server page parses its searchParams with it,
 * the client page writes new URLs with it. Anything unknown or malformed in the URL is dropped rather
 * than sent to the API.
 */

export type SearchParamsRecord = Readonly<Record<string, string | string[] | undefined>>;

/** One URL parameter of a list. Method syntax on purpose: a table of fields of different types is one record. */
export interface ListField<T> {
  readonly empty: T;
  /** Reads the parameter's (first, trimmed) text; anything malformed gives `empty`. */
  parse(text: string): T;
  /** The parameter's text, '' when the value is the default (left out of the URL). */
  format(value: T): string;
  /** A filter narrows the list (`hasFilters`); sort and dates-as-of are not filters. */
  readonly filter: boolean;
  /** The parameter's name in the page URL when it differs from the field's. */
  readonly urlKey?: string;
  /** The parameter's name in the API query when it differs from the field's. */
  readonly apiKey?: string;
  /** The API's form of the text, when it differs from the URL's. */
  toApi?(text: string): string;
  /** Written after the page number, in the URL and in the API query (the register's as-of date). */
  readonly afterPage?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_PAGE = 100_000;

/** A real calendar date `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function textOf(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function pageOf(text: string): number {
  const page = /^\d{1,9}$/.test(text) ? Number(text) : 0;
  return page >= 1 && page <= MAX_PAGE ? page : 1;
}

type Extra<T> = Partial<Pick<ListField<T>, 'filter' | 'urlKey' | 'apiKey' | 'toApi' | 'afterPage'>>;

function field<T>(empty: T, parse: (text: string) => T, format: (value: T) => string, extra: Extra<T> = {}): ListField<T> {
  return { empty, parse, format, filter: true, ...extra };
}

/** Free text (a search), cut at `max` characters. */
export function textField(max = 200, extra?: Extra<string>): ListField<string> {
  return field('', (text) => text.slice(0, max), (value) => value.trim(), extra);
}

/** One value of a closed list, '' for any. */
export function oneOfField<T extends string>(values: readonly T[], extra?: Extra<T | ''>): ListField<T | ''> {
  return field<T | ''>('', (text) => ((values as readonly string[]).includes(text) ? (text as T) : ''), (value) => value, extra);
}

/** Text matching a pattern (an identifier, a code), '' for any. */
export function patternField(pattern: RegExp, extra?: Extra<string>): ListField<string> {
  return field('', (text) => (pattern.test(text) ? text : ''), (value) => value, extra);
}

/** A record's id, '' for any. */
export function uuidField(extra?: Extra<string>): ListField<string> {
  return patternField(UUID, extra);
}

/** A real date `YYYY-MM-DD`, '' for none. */
export function dateField(extra?: Extra<string>): ListField<string> {
  return field('', (text) => (isIsoDate(text) ? text : ''), (value) => value, extra);
}

/** A check box: `true` in the URL when ticked, absent otherwise. */
export function flagField(extra?: Extra<boolean>): ListField<boolean> {
  return field(false, (text) => text === 'true', (value) => (value ? 'true' : ''), extra);
}

export type SortValue<K extends string> = K | `-${K}`;

/** The sort: a column key, descending with a leading `-`; '' is the API's default order. */
export function sortField<K extends string>(keys: readonly K[]): ListField<SortValue<K> | ''> {
  const isSort = (text: string): text is SortValue<K> => (keys as readonly string[]).includes(text.replace(/^-/, ''));
  return field<SortValue<K> | ''>('', (text) => (isSort(text) ? text : ''), (value) => value, { filter: false });
}

/** Clicking a column: ascending first, then descending, then back to ascending. */
export function nextSort<K extends string>(current: SortValue<K> | '', key: K): SortValue<K> {
  return current === key ? `-${key}` : key;
}

/** `aria-sort` of a column header; `defaultKey` is the column the API orders by without a sort. */
export function sortDirection<K extends string>(current: SortValue<K> | '', key: K, defaultKey: K | null): 'ascending' | 'descending' | 'none' {
  if (current === key) return 'ascending';
  if (current === `-${key}`) return 'descending';
  return current === '' && key === defaultKey ? 'ascending' : 'none';
}

export type ListFields<Q> = { readonly [K in Exclude<keyof Q, 'page'> & string]: ListField<Q[K]> };

export interface ListQueryCodec<Q extends { page: number }> {
  readonly empty: Q;
  readonly pageSize: number;
  readonly parse: (params: SearchParamsRecord) => Q;
  /** The page's URL search string (`?…`, or '' when everything is at its default). */
  readonly toSearch: (query: Q) => string;
  /** The API's query string: the filters, the page and the page size. */
  readonly toApi: (query: Q, pageSize?: number) => string;
  /** True when a filter narrows the list (sort, paging and dates-as-of aside). */
  readonly hasFilters: (query: Q) => boolean;
  /** A change of filter or sort goes back to the first page. */
  readonly withChange: (query: Q, change: Partial<Q>) => Q;
}

/** The codec of one list, from its fields in URL order (the page number comes after them). */
export function defineListQuery<Q extends { page: number }>(fields: ListFields<Q>, options: { pageSize: number }): ListQueryCodec<Q> {
  const keys = Object.keys(fields) as (Exclude<keyof Q, 'page'> & string)[];
  const before = keys.filter((key) => !fields[key].afterPage);
  const after = keys.filter((key) => fields[key].afterPage);
  const empty = { page: 1, ...Object.fromEntries(keys.map((key) => [key, fields[key].empty])) } as Q;

  function write(params: URLSearchParams, query: Q, list: typeof keys, api: boolean) {
    for (const key of list) {
      const spec = fields[key];
      const text = spec.format(query[key]);
      if (!text) continue;
      params.set((api ? spec.apiKey : spec.urlKey) ?? key, api && spec.toApi ? spec.toApi(text) : text);
    }
  }

  return {
    empty,
    pageSize: options.pageSize,
    parse: (params) => {
      const query: Record<string, unknown> = { page: pageOf(textOf(params.page)) };
      for (const key of keys) query[key] = fields[key].parse(textOf(params[fields[key].urlKey ?? key]));
      return query as Q;
    },
    toSearch: (query) => {
      const params = new URLSearchParams();
      write(params, query, before, false);
      if (query.page > 1) params.set('page', String(query.page));
      write(params, query, after, false);
      const text = params.toString();
      return text ? `?${text}` : '';
    },
    toApi: (query, pageSize = options.pageSize) => {
      const params = new URLSearchParams();
      write(params, query, before, true);
      params.set('page', String(query.page));
      params.set('pageSize', String(pageSize));
      write(params, query, after, true);
      return params.toString();
    },
    hasFilters: (query) => {
      return keys.some((key) => fields[key].filter && fields[key].format(query[key]) !== '');
    },
    withChange: (query, change) => {
      return { ...query, page: 1, ...change };
    },
  };
}
