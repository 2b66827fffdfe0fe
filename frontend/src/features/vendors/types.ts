/**
 * Vendors as the API returns and takes them: names for the generated contract (lib/api/schema.d.ts).
 * The vendor document itself (its stored content) is the server's interchange format, `VendorSnapshot`.
 */

// The vendor format and the transfer statuses are defined once, by the server's pure modules.
export {
  END_OF_CONTRACT,
  REVIEW_RESULTS,
  SUB_PROCESSOR_CHANGE_NOTICES,
  VENDOR_ROLES,
  VENDOR_CONTACTS_MAX,
  VENDOR_STATUSES,
  type Dpa,
  type EndOfContract,
  type ReviewAnswers,
  type ReviewResult,
  type SubProcessorChangeNotice,
  type Tia,
  type VendorContact,
  type VendorRole,
  type VendorStatus,
} from '@domain/vendors/vendor.types';
export { TRANSFER_STATUSES, type TransferStatus } from '@domain/transfers/transfer-status';
import type { VendorSnapshot } from '@domain/vendors/vendor.types';

import type { ApiSchemas } from '@/lib/api-types';

export type CountryZone = ApiSchemas['CountryBreakdownRow']['zone'];
export const COUNTRY_ZONES = ['eea', 'adequate', 'needs_safeguards'] as const satisfies readonly CountryZone[];

export type DocumentKind = ApiSchemas['DocumentView']['kind'];
export const DOCUMENT_KINDS = ['dpa', 'tia', 'certificate', 'questionnaire', 'contract', 'policy', 'other'] as const satisfies readonly DocumentKind[];

export type Reason = ApiSchemas['TransferReasonView'];
export type TransferAssessment = ApiSchemas['TransferAssessmentView'];
export type VendorAssessment = ApiSchemas['VendorAssessmentView'];
export type VendorListItem = ApiSchemas['VendorListItem'];
export type LinkedActivity = ApiSchemas['LinkedActivityView'];
export type VendorReference = ApiSchemas['VendorReferenceView'];
export type ChainNode = ApiSchemas['ChainNodeView'];
export type Concern = ApiSchemas['ConcernView'];
export type Review = ApiSchemas['ReviewView'];
export type AdequacyConfirmation = ApiSchemas['AdequacyConfirmationView'];

/** A vendor as the API returns it: what the server computes, with the stored content in the server's own type. */
export type Vendor = Omit<ApiSchemas['VendorView'], keyof VendorSnapshot> & VendorSnapshot;
export type TerminatedVendor = Vendor & Pick<ApiSchemas['TerminatedVendorView'], 'activitiesStillUsing'>;

export type VendorDocument = ApiSchemas['DocumentView'];
export type CountryRow = ApiSchemas['CountryBreakdownRow'];
export type ZoneTotals = ApiSchemas['ZoneTotals'];
export type CountryBreakdown = ApiSchemas['CountryBreakdownView'];

/** The body of POST /:id/review. */
export type ReviewBody = ApiSchemas['ReviewVendorDto'];
/** The body of PATCH /:id (the DPA form sends `version`, `dpa` and `comment`). */
export type DpaPatch = ApiSchemas['UpdateVendorDto'];
/** The body of POST /vendors (a contributor may only propose: status under_review). */
export type VendorInput = ApiSchemas['CreateVendorDto'];

/** A vendor linked to an activity (its processors name it), as GET /activities/:id returns it. */
export type LinkedVendor = ApiSchemas['LinkedVendorView'];
