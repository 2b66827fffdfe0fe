import type { DataCategory, Retention } from './activity.types';
import { durationDays, referenceFor, retentionBeyondReferences } from './retention-references';

const rule = (activePeriod: string | null, archivePeriod: string | null, startEvent: string | null, legalReference: string | null = null): Retention => ({
  activePeriod,
  archivePeriod,
  startEvent,
  legalReference,
  endAction: 'delete',
  unlimitedJustification: activePeriod === null ? 'Archives historiques' : null,
});

const category = (code: string, retention: Retention | null): DataCategory => ({
  category: code,
  description: 'Données de l’activité « test »',
  source: 'direct',
  sourceDetail: null,
  mandatory: true,
  minimisationJustification: null,
  art9Condition: null,
  retention,
});

const subjects = (...codes: string[]) => codes.map((code) => ({ category: code, estimatedCount: null, vulnerable: false }));

describe('retention against the reference durations (Art 5(1)(e))', () => {
  it.each([
    // [why, subjects, category, retention, the reference reported or null]
    ['CNIL référentiel recrutement: a candidate kept 3 years after the last contact exceeds 2 years', ['candidates'], 'professional_life', rule('P3Y', null, 'last_contact_from_subject'), 'hr_candidate_pool'],
    ['CNIL référentiel recrutement: 2 years is the reference itself', ['candidates'], 'professional_life', rule('P2Y', null, 'last_contact_from_subject'), null],
    ['CNIL référentiel recrutement: 1 year active + 1 year archived is 2 years in all', ['candidates'], 'identity', rule('P1Y', 'P1Y', 'last_contact_from_subject'), null],
    ['CNIL gestion commerciale: prospects 3 years + 2 archived exceeds 3 years', ['prospects'], 'identity', rule('P3Y', 'P2Y', 'last_contact_from_subject'), 'prospect_data'],
    ['CNIL gestion commerciale: customers prospected 5 years after the last purchase', ['customers'], 'identity', rule('P5Y', null, 'last_purchase'), 'customer_marketing'],
    ['CNIL: an inactive customer account kept 36 months', ['users'], 'connection', rule('P36M', null, 'last_activity'), 'inactive_customer_account'],
    ['CNIL délibération 2018-303: card data archived 2 years after the debit exceeds 15 months', ['customers'], 'economic_financial', rule('P0D', 'P2Y', 'transaction_or_debit'), 'payment_card_deferred_debit'],
    ['CNIL délibération 2018-303: 13 months after the debit is within the reference', ['customers'], 'economic_financial', rule('P0D', 'P13M', 'transaction_or_debit'), null],
    ['CNIL lignes directrices cookies: a tracker kept 24 months exceeds 13 months', ['website_visitors'], 'internet', rule('P24M', null, 'tracker_deposit'), 'tracker_lifetime'],
    ['CNIL lignes directrices cookies: audience data 25 months is the reference', ['website_visitors'], 'connection', rule('P25M', null, 'collection'), null],
    ['CNIL géolocalisation des véhicules: employees’ positions kept 1 year exceed 2 months', ['employees'], 'location', rule('P1Y', null, 'recording_or_event'), 'vehicle_geolocation'],
    ['CNIL référentiel alertes: a report without follow-up kept 6 months after closure', ['employees'], 'personal_life', rule('P6M', null, 'case_closure'), 'whistleblowing_no_action'],
    ['CNIL référentiel cabinets médicaux: 30 years after the last care exceeds 20 years', ['patients'], 'health', rule('P30Y', null, 'last_care'), 'private_practice_patient_file'],
    ['No reference for the kind: payroll kept 5 years after the document’s issue', ['employees'], 'economic_financial', rule('P5Y', null, 'document_issue'), null],
    ['A start event shared by kinds, with people of no kind known: not reported', ['suppliers_contacts'], 'identity', rule('P10Y', null, 'last_contact_from_subject'), null],
    ['The rule cites the text requiring the longer duration (Code de commerce, art. L123-22)', ['customers'], 'economic_financial', rule('P0D', 'P10Y', 'transaction_or_debit', 'Code de commerce, art. L123-22'), null],
    ['Unlimited retention has its own rule (retention_unlimited), not this one', ['candidates'], 'identity', rule(null, null, 'last_contact_from_subject'), null],
  ])('%s', (_why, people, code, retention, expected) => {
    const found = retentionBeyondReferences({ dataSubjects: subjects(...people), dataCategories: [category('identity', null), category(code, retention)] });
    expect(found.map((item) => [item.index, item.reference.code])).toEqual(expected ? [[1, expected]] : []);
  });

  it('compares whole durations: 12 months is a year, 2 years and 1 day is more than 2 years', () => {
    expect(durationDays('P12M')).toBeCloseTo(durationDays('P1Y'), 0);
    expect(durationDays('P2Y1D')).toBeGreaterThan(durationDays('P2Y'));
    expect(durationDays('P0D')).toBe(0);
  });

  it('finds the reference of a kind by its start event and people, whatever the category when the kind does not say', () => {
    expect(referenceFor('identity', { startEvent: 'objection' }, [])?.code).toBe('objection_list');
    expect(referenceFor('location', { startEvent: 'recording_or_event' }, ['customers'])).toBeNull();
    expect(referenceFor('identity', { startEvent: null }, ['candidates'])).toBeNull();
  });
});
