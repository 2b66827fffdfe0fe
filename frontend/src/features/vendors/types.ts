/** Vendors as the API returns them (backend/src/vendors/dto/vendor.dto.ts). */

export const VENDOR_ROLES = ['processor', 'sub_processor', 'recipient'] as const;
export type VendorRole = (typeof VENDOR_ROLES)[number];

export const VENDOR_STATUSES = ['under_review', 'approved', 'restricted', 'terminated'] as const;
export type VendorStatus = (typeof VENDOR_STATUSES)[number];

export const REVIEW_RESULTS = ['under_review', 'approved', 'restricted'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

export const SUB_PROCESSOR_CHANGE_NOTICES = ['prior_notice_with_objection', 'prior_notice', 'after_the_fact', 'none'] as const;
export type SubProcessorChangeNotice = (typeof SUB_PROCESSOR_CHANGE_NOTICES)[number];

export const END_OF_CONTRACT = ['delete', 'return', 'return_then_delete', 'none'] as const;
export type EndOfContract = (typeof END_OF_CONTRACT)[number];

export const TRANSFER_STATUSES = ['eea', 'adequate', 'safeguarded', 'derogation', 'needs_mechanism'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export const COUNTRY_ZONES = ['eea', 'adequate', 'needs_safeguards'] as const;
export type CountryZone = (typeof COUNTRY_ZONES)[number];

export const DOCUMENT_KINDS = ['dpa', 'tia', 'certificate', 'questionnaire', 'contract', 'policy', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface Reason {
  code: string;
  params: Record<string, string>;
}

export interface TransferAssessment {
  country: string;
  mechanism: string | null;
  status: TransferStatus;
  needsMechanism: boolean;
  tiaRequired: boolean;
  occasionalOnly: boolean;
  reasons: Reason[];
}

export interface VendorAssessment {
  dpfCertified: boolean;
  locations: TransferAssessment[];
  needsMechanism: boolean;
  tiaRequired: boolean;
  tiaMissing: boolean;
  occasionalOnly: boolean;
  exposed: boolean;
  exposure: Reason[];
}

export interface VendorListItem {
  id: string;
  name: string;
  legalEntity: string | null;
  service: string | null;
  role: VendorRole;
  status: VendorStatus;
  headquartersCountry: string | null;
  parentCompany: string | null;
  parentCountry: string | null;
  dataLocations: string[];
  certifications: string[];
  dpaSigned: boolean;
  transferMechanism: string | null;
  nextReviewDate: string | null;
  dpaMissing: boolean;
  reviewOverdue: boolean;
  exposed: boolean;
  needsMechanism: boolean;
  activityCount: number;
  version: number;
  updatedAt: string;
}

export interface LinkedActivity {
  id: string;
  reference: string;
  name: string;
  status: string;
}

export interface VendorReference {
  id: string;
  name: string;
  status: VendorStatus;
}

export interface ChainNode extends VendorReference {
  parentId: string;
  depth: number;
  role: VendorRole;
  exposed: boolean;
  needsMechanism: boolean;
}

export interface Concern {
  code: string;
  blocking: boolean;
  params: Record<string, string>;
  message?: string;
}

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

export interface Review {
  id: string;
  vendorVersion: number;
  answers: Partial<ReviewAnswers>;
  concerns: Concern[];
  previousStatus: VendorStatus;
  result: ReviewResult;
  nextReviewDate: string | null;
  comment: string | null;
  reviewerId: string | null;
  reviewerName: string | null;
  reviewedAt: string;
}

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

export interface Vendor {
  id: string;
  version: number;
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
  subProcessors: string[];
  status: VendorStatus;
  nextReviewDate: string | null;
  notes: string | null;
  assessment: VendorAssessment;
  dpaMissing: boolean;
  reviewOverdue: boolean;
  subProcessorChain: ChainNode[];
  usedBy: VendorReference[];
  activities: LinkedActivity[];
  lastReview: Review | null;
  createdAt: string;
  updatedAt: string;
}

export interface TerminatedVendor extends Vendor {
  activitiesStillUsing: LinkedActivity[];
}

export interface VendorDocument {
  id: string;
  kind: DocumentKind;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  description: string | null;
  uploadedByName: string | null;
  uploadedAt: string;
}

export interface CountryRow {
  country: string;
  zone: CountryZone;
  vendors: number;
  activityTransfers: number;
  needsMechanism: number;
}

export interface ZoneTotals {
  zone: CountryZone;
  countries: number;
  vendors: number;
  activityTransfers: number;
  needsMechanism: number;
}

export interface CountryBreakdown {
  countries: CountryRow[];
  zones: ZoneTotals[];
}

/** The body of POST /:id/review. */
export interface ReviewBody {
  version: number;
  answers: ReviewAnswers;
  result: ReviewResult;
  nextReviewDate?: string | null;
  comment?: string | null;
}

/** The DPA part of a PATCH. */
export interface DpaPatch {
  version: number;
  dpa: Dpa;
  comment?: string | null;
}

/** The body of POST /vendors (a contributor may only propose: status under_review). */
export interface VendorInput {
  name: string;
  legalEntity: string | null;
  service: string | null;
  role: VendorRole;
  headquartersCountry: string | null;
  parentCompany: string | null;
  parentCountry: string | null;
  dataLocations: string[];
  certifications: string[];
  transferMechanism: string | null;
  status: ReviewResult;
  nextReviewDate: string | null;
  notes: string | null;
}

/** A vendor linked to an activity (its processors name it), as GET /activities/:id returns it. */
export interface LinkedVendor {
  id: string;
  name: string;
  legalEntity: string | null;
  role: VendorRole;
  status: VendorStatus;
  dpaSigned: boolean;
  dpfCertified: boolean;
  exposed: boolean;
  needsMechanism: boolean;
}
