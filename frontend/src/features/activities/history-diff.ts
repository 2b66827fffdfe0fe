/**
 * A version diff made readable: the API answers `{ "purposes[0].legalBasis": { before, after } }`;
 * people read "Purpose 1 › Legal basis: — → Contract". Pure (messages and catalogues are passed in).
 */
import { dateInWords } from '@domain/words/dates';

import type { Locale } from '@/i18n/config';
import { interpolate, lookup, type Messages, type TranslateVars } from '@/i18n/translate';

import { codeLabel } from './catalogue';
import { describeIsoDuration } from './duration';
import { FREE_MEASURE_PREFIX, type ActivityCatalogueName, type ActivityCatalogues, type FieldChange } from './types';

export interface DiffRow {
  path: string;
  label: string;
  before: string;
  after: string;
}

export interface DiffContext {
  locale: Locale;
  messages: Messages;
  catalogues: ActivityCatalogues;
  countryName: (code: string) => string;
}

/** Top-level fields in the order the activity page shows them. */
const FIELD_ORDER = [
  'reference',
  'name',
  'description',
  'status',
  'role',
  'department',
  'owner',
  'nextReviewDate',
  'jointControllers',
  'clientControllers',
  'purposes',
  'dataSubjects',
  'dataCategories',
  'recipients',
  'processors',
  'transfers',
  'securityMeasures',
  'dataSubjectInformation',
  'rightsProcedure',
  'automatedDecisionMaking',
  'dpiaScreening',
];
/** Ids repeat what department and owner say in words. */
const HIDDEN_FIELDS = new Set(['departmentId', 'ownerId']);
const OBJECT_LISTS = new Set(['jointControllers', 'clientControllers', 'purposes', 'dataSubjects', 'dataCategories', 'recipients', 'transfers', 'validationOverrides']);
const VALUE_LISTS = new Set(['securityMeasures', 'processors']);

type Token = string | number;

/** `purposes[0].legitimateInterestAssessment.purpose` → ['purposes', 0, 'legitimateInterestAssessment', 'purpose'] */
export function pathTokens(path: string): Token[] {
  const tokens: Token[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) tokens.push(Number(match[2]));
    else if (match[1] !== undefined) tokens.push(match[1]);
  }
  return tokens;
}

function message(messages: Messages, key: string, vars?: TranslateVars): string | undefined {
  const template = lookup(messages, key);
  return template === undefined ? undefined : interpolate(template, vars);
}

/** "Purpose 1 › Legal basis"; the raw path when the catalogue has no words for it. */
export function describeFieldPath(path: string, messages: Messages): string {
  const tokens = pathTokens(path);
  const names = tokens.filter((token): token is string => typeof token === 'string');
  const head = names[0] ?? path;
  const base = `activityFields.${head}`;
  // A dismissed criterion reads as the list it belongs to (its entries say which criterion and why).
  if (head === 'dpiaScreening' && names[1] === 'dismissed') return message(messages, `${base}.dismissed`) ?? path;
  if (VALUE_LISTS.has(head) || (head === 'dpiaScreening' && names[1] === 'criteria')) {
    return message(messages, VALUE_LISTS.has(head) ? `${base}.label` : `${base}.criteria`) ?? path;
  }
  if (OBJECT_LISTS.has(head) && typeof tokens[1] === 'number') {
    const item = message(messages, `${base}.item`, { position: tokens[1] + 1 }) ?? `${head} ${String(tokens[1] + 1)}`;
    const rest = names.slice(1);
    if (rest.length === 0) return item;
    return `${item} › ${message(messages, `${base}.${rest.join('.')}`) ?? rest.join('.')}`;
  }
  return message(messages, `activityFields.${names.join('.')}`) ?? message(messages, `activityFields.${names.join('.')}.label`) ?? path;
}

const CODE_FIELDS: Readonly<Record<string, ActivityCatalogueName>> = {
  'purposes.legalBasis': 'legal-bases',
  'dataCategories.category': 'data-categories',
  'dataCategories.art9Condition': 'art9-conditions',
  'dataCategories.retention.startEvent': 'retention-start-events',
  'dataSubjects.category': 'data-subject-categories',
  'recipients.category': 'recipient-categories',
  'transfers.mechanism': 'transfer-mechanisms',
  'dpiaScreening.criteria': 'dpia-criteria',
  'dpiaScreening.onCnilRequiredList': 'dpia-cnil-required',
  'dpiaScreening.onCnilExemptList': 'dpia-cnil-exempt',
  'dpiaScreening.dismissed.criterion': 'dpia-criteria',
};

const WORD_FIELDS: Readonly<Record<string, string>> = {
  status: 'activity.status',
  role: 'activity.roles',
  'dataCategories.source': 'activity.sources',
  'dataCategories.retention.endAction': 'activity.endActions',
  'dpiaScreening.decision': 'activity.dpiaDecisions',
  'validationOverrides.code': 'activity.override.blockers',
};

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** A field's value in words: catalogue labels for codes, "5 years" for durations, Yes/No, dates. */
export function formatFieldValue(path: string, value: unknown, context: DiffContext): string {
  const { messages, locale, catalogues } = context;
  if (isEmpty(value)) return '—';
  if (typeof value === 'boolean') return message(messages, value ? 'common.yes' : 'common.no') ?? String(value);
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  if (pathTokens(path)[1] === 'dismissed' && typeof value === 'object') {
    // « Personnes vulnérables : reason », one per dismissed criterion.
    const entries = (Array.isArray(value) ? value : [value]) as { criterion?: string; reason?: string }[];
    return entries.map((entry) => `${codeLabel(catalogues['dpia-criteria'], entry.criterion ?? '', locale)}${locale === 'fr' ? ' : ' : ': '}${entry.reason ?? ''}`).join(locale === 'fr' ? ' ; ' : '; ');
  }
  if (typeof value !== 'string') return JSON.stringify(value);

  const names = pathTokens(path).filter((token): token is string => typeof token === 'string');
  const field = names.join('.');
  const head = names[0] ?? '';
  if (head === 'securityMeasures') {
    return value.startsWith(FREE_MEASURE_PREFIX)
      ? value.slice(FREE_MEASURE_PREFIX.length)
      : codeLabel(catalogues['security-measures'], value, locale);
  }
  const catalogue = CODE_FIELDS[field];
  if (catalogue) return codeLabel(catalogues[catalogue], value, locale);
  const words = WORD_FIELDS[field];
  if (words) return message(messages, `${words}.${value}`) ?? value;
  if (field === 'dataCategories.retention.activePeriod' || field === 'dataCategories.retention.archivePeriod') {
    return describeIsoDuration(value, locale);
  }
  if (field === 'transfers.country') return context.countryName(value);
  if (field === 'nextReviewDate') return formatDate(value, locale);
  return value;
}

/** `2027-05-25` → "25 mai 2027" / "25 May 2027" (the date as written, whatever the time zone). */
/** A date (YYYY-MM-DD) or an instant (ISO 8601) in words, in the app's language (the shared helper). */
export function formatDate(date: string, locale: Locale): string {
  return dateInWords(date, locale) ?? date;
}

function sortKey(path: string): [number, string] {
  const tokens = pathTokens(path);
  const head = typeof tokens[0] === 'string' ? tokens[0] : '';
  const position = FIELD_ORDER.indexOf(head);
  const rest = tokens
    .slice(1)
    .map((token) => (typeof token === 'number' ? String(token).padStart(6, '0') : token))
    .join('.');
  return [position === -1 ? FIELD_ORDER.length : position, rest];
}

/** The rows of a diff, in page order; ids and "an empty list became a filled one" noise left out. */
export function describeDiff(changes: Readonly<Record<string, FieldChange>>, context: DiffContext): DiffRow[] {
  return Object.entries(changes)
    .filter(([path, change]) => {
      const head = pathTokens(path)[0];
      if (typeof head === 'string' && HIDDEN_FIELDS.has(head)) return false;
      // Flattened lists: `securityMeasures: [] → null` only says the list now has items, listed beside it.
      return !(isEmpty(change.before) && isEmpty(change.after));
    })
    .sort(([a], [b]) => {
      const [positionA, restA] = sortKey(a);
      const [positionB, restB] = sortKey(b);
      return positionA - positionB || (restA < restB ? -1 : restA > restB ? 1 : 0);
    })
    .map(([path, change]) => ({
      path,
      label: describeFieldPath(path, context.messages),
      before: formatFieldValue(path, change.before, context),
      after: formatFieldValue(path, change.after, context),
    }));
}
