import { translate, type Locale } from '../common/i18n/i18n';
import { AdequacyChangeKind, concernedByAdequacyChange } from '../domain/transfers/transfer-status';
import type { ActivityRow, VendorRow } from '../findings/finding.types';

/** A record named in a notice: an activity (by reference and name) or a vendor (by name). */
export interface NoticeRecord {
  type: 'activity' | 'vendor';
  id: string;
  reference: string;
  name: string;
}

export interface CatalogueChangeRow {
  id: string;
  code: string;
  kind: AdequacyChangeKind;
  decision: string;
  scope: 'full' | 'partial' | null;
  effective_on: string | null;
}

export interface ConcernedRecords {
  /** Transfers of activities (an activity with two transfers to the country counts two). */
  transfers: number;
  /** Vendors with data in the country (sub-processors are vendors of their own). */
  vendors: number;
  /** Every activity and vendor concerned, activities first, once each. */
  records: NoticeRecord[];
}

/**
 * What a change of a country's adequacy decision concerns in one organisation: the transfers of its
 * activities still in use (not archived) and the vendors it still works with (not terminated) with data
 * in that country, as `concernedByAdequacyChange` says (the vendor's own mechanism for its locations).
 */
export function concernedRecords(change: Pick<CatalogueChangeRow, 'code' | 'kind'>, activities: readonly ActivityRow[], vendors: readonly VendorRow[]): ConcernedRecords {
  let transfers = 0;
  const records: NoticeRecord[] = [];
  for (const activity of activities) {
    if (activity.status === 'archived') continue;
    const concerned = activity.transfers.filter((transfer) => transfer.country === change.code && concernedByAdequacyChange(change.kind, transfer.mechanism)).length;
    if (concerned === 0) continue;
    transfers += concerned;
    records.push({ type: 'activity', id: activity.id, reference: activity.reference, name: activity.name });
  }
  const concernedVendors = vendors.filter(
    (vendor) => vendor.status !== 'terminated' && vendor.dataLocations.includes(change.code) && concernedByAdequacyChange(change.kind, vendor.transferMechanism),
  );
  for (const vendor of concernedVendors) records.push({ type: 'vendor', id: vendor.id, reference: vendor.name, name: vendor.name });
  return { transfers, vendors: concernedVendors.length, records };
}

/** What the notice line reads: the change, the country's names and what was found in the organisation. */
export interface AdequacyNoticeWords {
  change: AdequacyChangeKind;
  scope: 'full' | 'partial' | null;
  effectiveOn: string | null;
  country: { fr: string; en: string };
  transfers: number;
  vendors: number;
  records: NoticeRecord[];
}

/** How many records a line names; the others are counted ("and 3 others"). */
export const NAMED_RECORDS = 5;

/** A day in words: « 1er mars 2027 », "1 March 2027", with no-break spaces (a date is not split across lines). */
export function dayInWords(date: string, locale: Locale): string {
  const words = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  return (locale === 'fr' ? words.replace(/^1 /, '1er ') : words).replace(/ /g, '\u00a0');
}

const TEMPLATE: Record<AdequacyChangeKind, string> = {
  annulled: 'adequacy_annulled',
  ended: 'adequacy_ended',
  withdrawn: 'adequacy_withdrawn',
  valid_until_changed: 'adequacy_valid_until_changed',
  adopted: 'adequacy_adopted',
  scope_changed: 'adequacy_scope_changed',
};

/**
 * The sentence a DPO reads, in words: « Japon : la décision d’adéquation est annulée à compter du
 * 1er mars 2027 ; 3 transferts et 1 fournisseur doivent s’appuyer sur un autre outil de transfert.
 * Concernés : T-0001 Paie, Nuage Nippon. » No code, no ISO date.
 */
export function adequacyLine(words: AdequacyNoticeWords, locale: Locale): string {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, `notifications.${key}`, params);
  const counted = [
    words.transfers > 0 ? t('adequacy_transfers', { count: words.transfers }) : null,
    words.vendors > 0 ? t('adequacy_vendors', { count: words.vendors }) : null,
  ].filter((part): part is string => part !== null);
  const records = counted.length === 2 ? t('adequacy_and', { first: counted[0], second: counted[1] }) : (counted[0] ?? '');
  const date = words.effectiveOn ? dayInWords(words.effectiveOn, locale) : null;
  const when = date ? t(words.change === 'valid_until_changed' ? 'adequacy_until' : 'adequacy_from', { date }) : t(words.change === 'valid_until_changed' ? 'adequacy_no_end' : 'adequacy_from_now');
  const key = words.change === 'adopted' && words.scope === 'partial' ? 'adequacy_adopted_partial' : TEMPLATE[words.change];
  const sentence = t(key, { country: words.country[locale], when, records, count: words.transfers + words.vendors });
  if (words.records.length === 0) return sentence;
  const named = words.records.slice(0, NAMED_RECORDS).map((record) => (record.type === 'activity' ? `${record.reference} ${record.name}` : record.name));
  const more = words.records.length - named.length;
  return `${sentence} ${more > 0 ? t('adequacy_named_more', { names: named.join(', '), more }) : t('adequacy_named', { names: named.join(', ') })}`;
}

/** Where the notice leads: the findings its change raises on the dashboard. */
export function adequacyLink(organizationId: string, words: Pick<AdequacyNoticeWords, 'change' | 'scope'>): string {
  const lapses = words.change === 'annulled' || words.change === 'ended' || words.change === 'withdrawn';
  const code = lapses ? 'transfer_without_mechanism' : words.scope === 'partial' ? 'transfer_scope_to_confirm' : null;
  return `/orgs/${organizationId}/dashboard${code ? `?code=${code}` : ''}`;
}
