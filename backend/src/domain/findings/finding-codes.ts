/** The findings' severities and codes, without dependencies: the frontend imports them too. */

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Stable codes: stored in notifications and used by filters and links, so never renamed. Their
 * FR/EN messages are `findings.<code>` in the backend catalogues.
 */
export const FINDING_CODES = [
  'purpose_missing',
  'purpose_without_legal_basis',
  'legal_reference_missing',
  'legitimate_interest_assessment_missing',
  'data_subjects_missing',
  'data_categories_missing',
  'special_category_without_condition',
  'retention_missing',
  'retention_unlimited',
  'retention_beyond_reference',
  'information_missing',
  'rights_procedure_missing',
  'joint_controllers_missing',
  'client_controllers_missing',
  'transfer_without_mechanism',
  'transfer_scope_to_confirm',
  'activity_uses_terminated_vendor',
  'activity_uses_restricted_vendor',
  'activity_review_overdue',
  'activity_stale',
  'processor_dpa_missing',
  'vendor_exposed_non_eu_law',
  'vendor_scope_to_confirm',
  'vendor_review_overdue',
  'dpia_required_missing',
  'dpia_screening_undecided',
  'dpia_not_validated',
  'dpia_refused',
  'dpia_actions_overdue',
  'dpia_prior_consultation_pending',
  'dpia_processing_prohibited',
  'public_body_without_dpo',
  'no_dpo_member',
  'rights_request_overdue',
  'rights_request_due_soon',
  'rights_request_erasure_unconfirmed',
  'breach_not_assessed',
  'breach_authority_not_notified',
  'breach_persons_not_informed',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];
