import type { VendorAssessment } from '../domain/transfers/transfer-status';
import { DPA_ROLES, ReviewAnswers, VendorRole } from '../domain/vendors/vendor.types';

export type VendorConcernCode =
  | 'dpa_missing'
  | 'transfer_needs_mechanism'
  | 'tia_missing'
  | 'exposed'
  | 'certifications_not_verified'
  | 'data_locations_differ'
  | 'sub_processors_not_listed'
  | 'sub_processor_changes_not_announced'
  | 'no_breach_commitment'
  | 'breach_delay_too_long'
  | 'no_deletion_or_return'
  | 'no_audit_rights';

/** A point a review raises. Blocking ones forbid approving the vendor until settled. */
export interface VendorConcern {
  code: VendorConcernCode;
  blocking: boolean;
  params: Record<string, string>;
}

/**
 * A processor must tell the controller of a breach "without undue delay" (Art 33(2)) so that the
 * controller can notify within 72 hours: a contractual delay above this leaves it too little time.
 */
export const MAX_BREACH_NOTIFICATION_HOURS = 48;

interface VendorFacts {
  role: VendorRole;
  dpaSigned: boolean;
  dataLocations: readonly string[];
  transferMechanism: string | null;
}

/** What stands in the way of approving the vendor as it is recorded (no questionnaire needed). */
export function blockingConcerns(vendor: VendorFacts, assessment: VendorAssessment): VendorConcern[] {
  const concerns: VendorConcern[] = [];
  if (DPA_ROLES.includes(vendor.role) && !vendor.dpaSigned) concerns.push({ code: 'dpa_missing', blocking: true, params: {} });
  const uncovered = assessment.locations.filter((location) => location.needsMechanism).map((location) => location.country);
  if (uncovered.length) concerns.push({ code: 'transfer_needs_mechanism', blocking: true, params: { countries: uncovered.join(', ') } });
  return concerns;
}

/** Every concern of a review: the record's blocking ones, then what the assessment and the answers show. */
export function reviewConcerns(vendor: VendorFacts, assessment: VendorAssessment, answers: ReviewAnswers): VendorConcern[] {
  const concerns = blockingConcerns(vendor, assessment);
  const warn = (code: VendorConcernCode, params: Record<string, string> = {}) => concerns.push({ code, blocking: false, params });
  if (assessment.tiaMissing) warn('tia_missing', { mechanism: vendor.transferMechanism ?? '' });
  if (assessment.exposed) warn('exposed', { countries: [...new Set(assessment.exposure.map((reason) => reason.params.country))].join(', ') });
  if (answers.certificationsVerified === false) warn('certifications_not_verified');
  if (answers.dataLocations !== null) {
    const declared = [...new Set(answers.dataLocations)].sort();
    const recorded = [...new Set(vendor.dataLocations)].sort();
    if (declared.join() !== recorded.join()) warn('data_locations_differ', { declared: declared.join(', ') || '—', recorded: recorded.join(', ') || '—' });
  }
  if (answers.subProcessorsListed === false) warn('sub_processors_not_listed');
  if (answers.subProcessorChangeNotice === 'after_the_fact' || answers.subProcessorChangeNotice === 'none') warn('sub_processor_changes_not_announced');
  if (answers.breachNotificationCommitment === false) warn('no_breach_commitment');
  else if (answers.breachNotificationDelayHours !== null && answers.breachNotificationDelayHours > MAX_BREACH_NOTIFICATION_HOURS) {
    warn('breach_delay_too_long', { hours: String(answers.breachNotificationDelayHours), max: String(MAX_BREACH_NOTIFICATION_HOURS) });
  }
  if (answers.endOfContract === 'none') warn('no_deletion_or_return');
  if (answers.auditRights === false) warn('no_audit_rights');
  return concerns;
}
