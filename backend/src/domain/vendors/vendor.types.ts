/**
 * A vendor in its interchange format (the fixture's `vendors`): what the API returns, what POST and
 * the JSON import take, what every version snapshot holds.
 */

export const VENDOR_ROLES = ['processor', 'sub_processor', 'recipient'] as const;
export type VendorRole = (typeof VENDOR_ROLES)[number];

export const VENDOR_STATUSES = ['under_review', 'approved', 'restricted', 'terminated'] as const;
export type VendorStatus = (typeof VENDOR_STATUSES)[number];

/** What a review may conclude; terminating has its own route, which lists the activities affected. */
export const REVIEW_RESULTS = ['under_review', 'approved', 'restricted'] as const satisfies readonly VendorStatus[];
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

/** Roles bound by an Art 28 contract (a DPA): recipients acting on their own account are not. */
export const DPA_ROLES: readonly VendorRole[] = ['processor', 'sub_processor'];

export interface Dpa {
  signed: boolean;
  signedOn: string | null;
  documentId: string | null;
}

export interface Tia {
  date: string | null;
  conclusion: string | null;
  documentId: string | null;
}

/** Someone to reach at the vendor: its DPO, the account or security contact… `role` is said in words. */
export interface VendorContact {
  role: string;
  name: string;
  email: string | null;
  phone: string | null;
}

/** At most this many contacts per vendor. */
export const VENDOR_CONTACTS_MAX = 20;

export interface VendorSnapshot {
  name: string;
  legalEntity: string | null;
  service: string | null;
  role: VendorRole;
  headquartersCountry: string | null;
  parentCompany: string | null;
  parentCountry: string | null;
  dataLocations: string[];
  certifications: string[];
  dpa: Dpa;
  transferMechanism: string | null;
  tia: Tia;
  /** Names of the vendor's own sub-processors (vendors of the organisation). */
  subProcessors: string[];
  status: VendorStatus;
  nextReviewDate: string | null;
  notes: string | null;
  /** Its DPO, account or security contacts. Versions stored before contacts were recorded lack the key (the vendors sheet as of a past date reads it as none). */
  contacts: VendorContact[];
}

export const SUB_PROCESSOR_CHANGE_NOTICES = ['prior_notice_with_objection', 'prior_notice', 'after_the_fact', 'none'] as const;
export type SubProcessorChangeNotice = (typeof SUB_PROCESSOR_CHANGE_NOTICES)[number];

export const END_OF_CONTRACT = ['delete', 'return', 'return_then_delete', 'none'] as const;
export type EndOfContract = (typeof END_OF_CONTRACT)[number];

/** The review questionnaire, as stored with each review (unanswered questions are null). */
export interface ReviewAnswers {
  certifications: string[] | null;
  certificationsVerified: boolean | null;
  dataLocations: string[] | null;
  subProcessorsListed: boolean | null;
  subProcessorChangeNotice: SubProcessorChangeNotice | null;
  breachNotificationCommitment: boolean | null;
  breachNotificationDelayHours: number | null;
  endOfContract: EndOfContract | null;
  auditRights: boolean | null;
  securityMeasures: string | null;
}
