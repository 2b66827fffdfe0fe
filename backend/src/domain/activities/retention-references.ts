/**
 * Retention against the reference durations (issue #17 item 7; GDPR Art 5(1)(e), storage limitation).
 * The retention catalogue (catalogues/data/retention-references.json) gives, per kind of processing,
 * the duration the CNIL or a French text sets. A data category whose rule keeps data longer than the
 * reference of the same kind of processing is reported, citing the reference, unless the rule cites
 * the text that requires the longer duration (its legal reference). Pure: the web app may use it too.
 */
import retentionCatalogue from '../catalogues/data/retention-references.json';
import type { ActivityContent, Retention } from './activity.types';
import { ISO_DURATION } from './activity.types';

export interface RetentionReference {
  code: string;
  fr: string;
  en: string;
  activePeriod: string;
  archivePeriod: string | null;
  startEventCode: string;
  legalReference: string | null;
  source: string;
  status: string;
}

const REFERENCES = new Map((retentionCatalogue.items as RetentionReference[]).map((item) => [item.code, item]));

/**
 * Which reference applies to a category's rule: its start event names the kind of processing, and
 * where one start event serves several kinds, the people concerned tell them apart. Only references
 * that cap a duration (CNIL recommendations and référentiels, legal limits, limitation periods) are
 * here: a legal obligation to keep is a minimum, never a reason to report a longer rule.
 */
interface Matcher {
  reference: string;
  startEvents: readonly string[];
  /** The activity concerns at least one of these data subjects (any when absent). */
  subjects?: readonly string[];
  /** The category is one of these (any when absent). */
  categories?: readonly string[];
}

const MATCHERS: readonly Matcher[] = [
  // CNIL référentiel « recrutement » (2023): a candidate not hired, 2 years after the last contact.
  { reference: 'hr_candidate_pool', startEvents: ['last_contact_from_subject'], subjects: ['candidates'] },
  // CNIL référentiel « gestion commerciale » (2021): prospects, 3 years after the last contact.
  { reference: 'prospect_data', startEvents: ['last_contact_from_subject'], subjects: ['prospects'] },
  { reference: 'customer_marketing', startEvents: ['last_contact_from_subject', 'last_purchase'], subjects: ['customers'] },
  // An inactive account: 2 years after the last activity (CNIL).
  { reference: 'inactive_customer_account', startEvents: ['last_activity'], subjects: ['customers', 'users'] },
  // CNIL délibération 2018-303: card data kept for disputes, 13 months (15 for deferred debit).
  { reference: 'payment_card_deferred_debit', startEvents: ['transaction_or_debit'], categories: ['economic_financial'] },
  // CNIL: an opposition list, 3 years; a rights request's file, up to 3 years (objection).
  { reference: 'objection_list', startEvents: ['objection'] },
  { reference: 'rights_request_objection', startEvents: ['request_date'] },
  // CNIL lignes directrices cookies (2020): trackers 13 months, audience data 25 months.
  { reference: 'tracker_lifetime', startEvents: ['tracker_deposit'] },
  { reference: 'audience_measurement_data', startEvents: ['collection'], subjects: ['website_visitors'], categories: ['connection', 'internet'] },
  // CNIL: employee vehicle geolocation, 2 months; video surveillance, one month.
  { reference: 'vehicle_geolocation', startEvents: ['recording_or_event'], subjects: ['employees'], categories: ['location'] },
  // CNIL référentiel « alertes professionnelles »: a report with no follow-up, 2 months after closure.
  { reference: 'whistleblowing_no_action', startEvents: ['case_closure'], subjects: ['employees'] },
  // CNIL référentiel « cabinets médicaux » (2020): 20 years after the last care.
  { reference: 'private_practice_patient_file', startEvents: ['last_care'], subjects: ['patients'], categories: ['health'] },
];

/** A reference of the catalogue by its code. */
export function retentionReference(code: string): RetentionReference | null {
  return REFERENCES.get(code) ?? null;
}

/** Days in a duration, by the calendar's averages (a year 365.25 days, a month 30.44): for comparing only. */
export function durationDays(iso: string | null): number {
  const match = iso ? ISO_DURATION.exec(iso.trim().toUpperCase()) : null;
  if (!match) return 0;
  const [years, months, weeks, days] = match.slice(1).map((part) => (part ? Number.parseInt(part, 10) : 0));
  return years * 365.25 + months * 30.44 + weeks * 7 + days;
}

/** How long a rule keeps data in all: the active period, then the archive. */
const keptDays = (retention: Pick<Retention, 'activePeriod' | 'archivePeriod'>) => durationDays(retention.activePeriod) + durationDays(retention.archivePeriod);

export interface RetentionBeyondReference {
  /** Index of the data category in the activity. */
  index: number;
  category: string;
  retention: Retention;
  reference: RetentionReference;
}

/** The reference of the kind of processing a category's rule belongs to, or null when none is known. */
export function referenceFor(category: string, retention: Pick<Retention, 'startEvent'>, subjects: readonly string[]): RetentionReference | null {
  const matcher = MATCHERS.find(
    (candidate) =>
      retention.startEvent !== null &&
      candidate.startEvents.includes(retention.startEvent) &&
      (!candidate.subjects || candidate.subjects.some((subject) => subjects.includes(subject))) &&
      (!candidate.categories || candidate.categories.includes(category)),
  );
  return matcher ? (REFERENCES.get(matcher.reference) ?? null) : null;
}

/**
 * The data categories kept longer than their reference. A rule without a duration (unlimited, not
 * decided) has its own rule; one that cites a legal reference states why it departs from the guide.
 */
export function retentionBeyondReferences(activity: Pick<ActivityContent, 'dataSubjects' | 'dataCategories'>): RetentionBeyondReference[] {
  const subjects = activity.dataSubjects.map((subject) => subject.category);
  return activity.dataCategories.flatMap((category, index): RetentionBeyondReference[] => {
    const retention = category.retention;
    if (!retention || retention.activePeriod === null || (retention.legalReference ?? '').trim() !== '') return [];
    const reference = referenceFor(category.category, retention, subjects);
    if (!reference || keptDays(retention) <= keptDays(reference)) return [];
    return [{ index, category: category.category, retention, reference }];
  });
}
