/** Vendors as the API returns them (backend/src/vendors/dto/vendor.dto.ts). */

// The vendor format and the transfer statuses are defined once, by the server's pure modules.
export {
  END_OF_CONTRACT,
  REVIEW_RESULTS,
  SUB_PROCESSOR_CHANGE_NOTICES,
  VENDOR_ROLES,
  VENDOR_STATUSES,
  type Dpa,
  type EndOfContract,
  type ReviewAnswers,
  type ReviewResult,
  type SubProcessorChangeNotice,
  type Tia,
  type VendorRole,
  type VendorStatus,
} from '@backend/vendors/vendor.types';
export { TRANSFER_STATUSES, type TransferStatus } from '@backend/transfers/transfer-status';
import type { Dpa, ReviewAnswers, ReviewResult, VendorRole, VendorSnapshot, VendorStatus } from '@backend/vendors/vendor.types';
import type { TransferStatus } from '@backend/transfers/transfer-status';

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

/** A vendor as the API returns it: the stored content (the server's own type) and what it computes. */
export interface Vendor extends VendorSnapshot {
  id: string;
  version: number;
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
