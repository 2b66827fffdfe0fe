import type { ScopeConfirmation, VendorTransferInput } from '../domain/transfers/transfer-status';
import type { Vendor } from './vendor.entity';
import { DPA_ROLES, VendorSnapshot } from '../domain/vendors/vendor.types';

/** A vendors row as the entity, read with raw SQL (dates as YYYY-MM-DD text, like the entity's). */
export const VENDOR_COLUMNS = `
  v.organization_id AS "organizationId", v.id, v.name, v.legal_entity AS "legalEntity", v.service, v.role,
  v.headquarters_country AS "headquartersCountry", v.parent_company AS "parentCompany", v.parent_country AS "parentCountry",
  v.data_locations AS "dataLocations", v.certifications, v.dpa_signed AS "dpaSigned",
  to_char(v.dpa_signed_on, 'YYYY-MM-DD') AS "dpaSignedOn", v.dpa_document_id AS "dpaDocumentId",
  v.transfer_mechanism AS "transferMechanism", to_char(v.tia_date, 'YYYY-MM-DD') AS "tiaDate",
  v.tia_conclusion AS "tiaConclusion", v.tia_document_id AS "tiaDocumentId", v.status,
  to_char(v.next_review_date, 'YYYY-MM-DD') AS "nextReviewDate", v.notes, v.contacts, v.version,
  v.created_at AS "createdAt", v.updated_at AS "updatedAt"`;

/** `confirmations`: the DPO's scope confirmations by lower-case recipient name (partial adequacy). */
export function transferInputOf(vendor: Vendor, confirmations?: ReadonlyMap<string, readonly ScopeConfirmation[]>): VendorTransferInput {
  return {
    scopeConfirmations: confirmations?.get(vendor.name.toLowerCase()) ?? [],
    headquartersCountry: vendor.headquartersCountry,
    parentCompany: vendor.parentCompany,
    parentCountry: vendor.parentCountry,
    dataLocations: vendor.dataLocations,
    certifications: vendor.certifications,
    transferMechanism: vendor.transferMechanism,
    tiaDate: vendor.tiaDate,
  };
}

/** The vendor in its interchange format, key order as in the sample register. */
export function toVendorSnapshot(row: Vendor, subProcessors: string[]): VendorSnapshot {
  return {
    name: row.name,
    legalEntity: row.legalEntity,
    service: row.service,
    role: row.role,
    headquartersCountry: row.headquartersCountry,
    parentCompany: row.parentCompany,
    parentCountry: row.parentCountry,
    dataLocations: row.dataLocations,
    dpa: { signed: row.dpaSigned, signedOn: row.dpaSignedOn, documentId: row.dpaDocumentId },
    certifications: row.certifications,
    transferMechanism: row.transferMechanism,
    tia: { date: row.tiaDate, conclusion: row.tiaConclusion, documentId: row.tiaDocumentId },
    subProcessors,
    status: row.status,
    nextReviewDate: row.nextReviewDate,
    notes: row.notes,
    contacts: row.contacts,
  };
}

/** A processor without a signed DPA, unless it is terminated. */
export const isDpaMissing = (row: Pick<Vendor, 'role' | 'dpaSigned' | 'status'>) => DPA_ROLES.includes(row.role) && !row.dpaSigned && row.status !== 'terminated';

/** Next review date passed, unless terminated; `today` is the database's CURRENT_DATE. */
export const isReviewOverdue = (row: Pick<Vendor, 'nextReviewDate' | 'status'>, today: string) => row.status !== 'terminated' && row.nextReviewDate !== null && row.nextReviewDate < today;
