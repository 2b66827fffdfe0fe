/**
 * The audit trail as a story: actions, record types, field labels and values in words, people by
 * their names, never an id, a field path, a code or JSON; a change from nothing to nothing is no
 * change. Pure (the translator, the messages and the members are passed in).
 */
import { dateInWords } from '@domain/words/dates';
import { durationInWords } from '@domain/words/durations';

import { codeLabel } from '@/features/activities/catalogue';
import { describeFieldPath, formatFieldValue, pathTokens } from '@/features/activities/history-diff';
import type { ActivityCatalogueName, ActivityCatalogues } from '@/features/activities/types';
import type { Locale } from '@/i18n/config';
import { lookup, type Messages, type Translate } from '@/i18n/translate';

import type { AuditEvent } from './audit-query';

export interface AuditWordsContext {
  t: Translate;
  messages: Messages;
  locale: Locale;
  /** userId → name, for the people an event names by id. */
  people: ReadonlyMap<string, string>;
  /** The register's catalogues, so that codes (legal bases, measures, criteria…) read as labels. */
  catalogues?: ActivityCatalogues;
  /** ISO country code → name in the page's language. */
  countryName?: (code: string) => string;
}

export interface AuditChangeRow {
  field: string;
  before: string;
  after: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The words of a key when the messages have it. */
const known = (context: AuditWordsContext, key: string): string | undefined => {
  const template = lookup(context.messages, key);
  return template === undefined ? undefined : context.t(key as never);
};

/** "Création", "Avis du DPO sur l’AIPD"; a generic "Modification" for an action the page does not know. */
export function actionLabel(action: string, context: AuditWordsContext): string {
  return known(context, `audit.actions.${action}`) ?? context.t('audit.actions.update');
}

/** "Traitement", "AIPD", "Grille de conception"; "Élément" for a type the page does not know. */
export function entityLabel(type: string, context: AuditWordsContext): string {
  return known(context, `audit.entities.${type}`) ?? context.t('audit.columns.record');
}

/** The field's label: the register's words for an activity's paths, the trail's own for the others. */
export function fieldLabel(path: string, context: AuditWordsContext, entityType?: string): string {
  // The registers' fields have their own words (a breach's "data categories" are not an activity's).
  const own = entityType && entityType !== 'Activity' ? known(context, `audit.fields.${entityType}.${path.replace(/\[\d+\]/g, '').replace(/\./g, '_')}`) : undefined;
  if (own) return own;
  const described = describeFieldPath(path, context.messages);
  if (described !== path) return described;
  const names = pathTokens(path).filter((token): token is string => typeof token === 'string');
  const positions = pathTokens(path).filter((token): token is number => typeof token === 'number');
  const last = names[names.length - 1] ?? '';
  const label = known(context, `audit.fields.${names.join('_')}`) ?? known(context, `audit.fields.${last}`) ?? context.t('audit.fields.other');
  return positions.length ? `${label} ${positions.map((position) => String(position + 1)).join('.')}` : label;
}

const STATUS_WORDS = ['activity.status', 'vendors.status', 'dpias.status', 'designGrid.statuses', 'rightsRequests.statuses'];

/** The words of the registers' own codes, by record type and field (the activity's are the register's). */
const ENTITY_VALUE_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  RightsRequest: {
    type: 'rightsRequests.types',
    channel: 'rightsRequests.form.channels',
    identityCheckStatus: 'rightsRequests.identity',
    status: 'rightsRequests.statuses',
  },
  Breach: {
    natures: 'breaches.natures',
    risk: 'breaches.risks',
    'personsCommunication.exception': 'breaches.exceptions',
  },
};

function valueWords(field: string, value: unknown, context: AuditWordsContext, entityType?: string): string {
  const { t, locale, people } = context;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => valueWords(field, item, context, entityType)).filter((item) => item !== '—');
    return items.length ? items.join(', ') : '—';
  }
  if (typeof value !== 'string') return t('audit.detailChanged');
  const text = value;
  if (UUID.test(text)) return people.get(text) ?? t('audit.otherRecord');
  if (ISO_DURATION.test(text)) return durationInWords(text, locale) ?? text;
  if (ISO_DATE.test(text)) return dateInWords(text, locale) ?? text;
  const entityWords = entityType ? ENTITY_VALUE_WORDS[entityType]?.[field.replace(/\[\d+\]/g, '')] : undefined;
  if (entityWords) {
    const words = known(context, `${entityWords}.${text}`);
    if (words) return words;
  }
  if (/(^|\.)status$/.test(field)) {
    for (const base of STATUS_WORDS) {
      const words = known(context, `${base}.${text}`);
      if (words) return words;
    }
  }
  return codeWords(field, text, context) ?? text;
}

/**
 * A code in words: first as the register's own field (its catalogue or its word list), then as an
 * entry of any catalogue (a DPIA's measures, a grid's answers use the same codes), then a country.
 */
function codeWords(field: string, code: string, context: AuditWordsContext): string | undefined {
  const { catalogues, countryName, locale, messages } = context;
  const named = (name: string) => (countryName && /^[A-Z]{2}$/.test(code) && /country|countries|headquarters|location/i.test(name) ? countryName(code) : undefined);
  if (catalogues) {
    const asField = formatFieldValue(field, code, { locale, messages, catalogues, countryName: countryName ?? ((value) => value) });
    if (asField !== code) return asField;
    for (const name of Object.keys(catalogues) as ActivityCatalogueName[]) {
      if (catalogues[name].some((item) => item.code === code)) return codeLabel(catalogues[name], code, locale);
    }
  }
  return named(field);
}

/**
 * Ids an event also carries in words: an activity's snapshot has `owner` (name and e-mail at the time)
 * beside `ownerId`, `department` beside `departmentId`. The words make the row; the id would repeat it.
 */
const NAMED_BY: Readonly<Record<string, string>> = { ownerId: 'owner', departmentId: 'department' };

/** The event's changes, one row per field that changed in words (nothing → nothing is left out). */
export function auditChangeRows(event: Pick<AuditEvent, 'changes'> & { entityType?: string }, context: AuditWordsContext): AuditChangeRow[] {
  return Object.entries(event.changes).flatMap(([path, change]) => {
    if (NAMED_BY[path] && NAMED_BY[path] in event.changes) return [];
    const before = valueWords(path, change.before, context, event.entityType);
    const after = valueWords(path, change.after, context, event.entityType);
    return before === after ? [] : [{ field: fieldLabel(path, context, event.entityType), before, after }];
  });
}
