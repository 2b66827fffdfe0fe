import { apiHref, unwrap, type TypedApiClient } from '@/lib/api-client';

import { DOCUMENT_KINDS, type DocumentKind, type DpaPatch, type ReviewBody, type TerminatedVendor, type Vendor, type VendorInput } from './types';
import { vendorQueryToApi, type VendorQuery } from './vendor-query';

const VENDORS = '/api/v1/organizations/{orgId}/vendors';
const VENDOR = '/api/v1/organizations/{orgId}/vendors/{vendorId}';
const LISTED = { page: 1, pageSize: 100 };

// A vendor's stored content is the server's `VendorSnapshot` (see types.ts): the generated view's
// document part is widened to it here, once.
const asVendor = (view: Promise<object>) => view as Promise<Vendor>;

export function getVendor(api: TypedApiClient, organizationId: string, vendorId: string): Promise<Vendor> {
  return asVendor(unwrap(api.GET(VENDOR, { params: { path: { orgId: organizationId, vendorId } } })));
}

export function listReviews(api: TypedApiClient, organizationId: string, vendorId: string) {
  return unwrap(api.GET(`${VENDOR}/reviews`, { params: { path: { orgId: organizationId, vendorId }, query: LISTED } }));
}

export function listDocuments(api: TypedApiClient, organizationId: string, vendorId: string) {
  return unwrap(api.GET(`${VENDOR}/documents`, { params: { path: { orgId: organizationId, vendorId }, query: LISTED } }));
}

/** Vendors whose name, legal entity or service matches `q` (all when empty), by name: the processor picker. */
export async function searchVendors(api: TypedApiClient, organizationId: string, q: string) {
  const query = { ...LISTED, sort: 'name' as const, ...(q.trim() ? { q: q.trim() } : {}) };
  return (await unwrap(api.GET(VENDORS, { params: { path: { orgId: organizationId }, query } }))).items;
}

/** The vendors page's query, as its URL codec writes it. */
export function listVendors(api: TypedApiClient, organizationId: string, query: VendorQuery) {
  return unwrap(api.GET(VENDORS, { params: { path: { orgId: organizationId } }, querySerializer: () => vendorQueryToApi(query) }));
}

export function getCountries(api: TypedApiClient, organizationId: string) {
  return unwrap(api.GET(`${VENDORS}/countries`, { params: { path: { orgId: organizationId } } }));
}

/** The download URL of a document (served as an attachment). */
export function documentPath(organizationId: string, vendorId: string, documentId: string): string {
  return apiHref(`${VENDOR}/documents/{documentId}`, { orgId: organizationId, vendorId, documentId });
}

/** 409 `version_conflict` when `patch.version` is stale. */
export function updateVendorDpa(api: TypedApiClient, organizationId: string, vendorId: string, patch: DpaPatch): Promise<Vendor> {
  return asVendor(unwrap(api.PATCH(VENDOR, { params: { path: { orgId: organizationId, vendorId } }, body: patch })));
}

/** 422 `vendor_cannot_approve` (details.concerns) when approving without a DPA or a needed mechanism. */
export function reviewVendor(api: TypedApiClient, organizationId: string, vendorId: string, body: ReviewBody): Promise<Vendor> {
  return asVendor(unwrap(api.POST(`${VENDOR}/review`, { params: { path: { orgId: organizationId, vendorId } }, body })));
}

export function terminateVendor(api: TypedApiClient, organizationId: string, vendorId: string, version: number, comment: string): Promise<TerminatedVendor> {
  const body = { version, comment: comment.trim() || null };
  return unwrap(api.POST(`${VENDOR}/terminate`, { params: { path: { orgId: organizationId, vendorId } }, body })) as Promise<TerminatedVendor>;
}

export function uploadDocument(api: TypedApiClient, organizationId: string, vendorId: string, file: File, kindName: string) {
  const kind: DocumentKind = (DOCUMENT_KINDS as readonly string[]).includes(kindName) ? (kindName as DocumentKind) : 'other';
  return unwrap(
    api.POST(`${VENDOR}/documents`, {
      params: { path: { orgId: organizationId, vendorId } },
      body: { kind, file },
      bodySerializer: (body) => {
        const form = new FormData();
        if (body.kind) form.set('kind', body.kind);
        form.set('file', body.file);
        return form;
      },
    }),
  );
}

/** 409 while the document is the vendor's DPA or TIA; 403 unless DPO, admin or its uploader. */
export function deleteDocument(api: TypedApiClient, organizationId: string, vendorId: string, documentId: string) {
  return unwrap(api.DELETE(`${VENDOR}/documents/{documentId}`, { params: { path: { orgId: organizationId, vendorId, documentId } } }));
}

/** 400 `validation_failed` with field errors; a contributor may only propose (status under_review). */
export function createVendor(api: TypedApiClient, organizationId: string, body: VendorInput): Promise<Vendor> {
  return asVendor(unwrap(api.POST(VENDORS, { params: { path: { orgId: organizationId } }, body })));
}

/** Who confirmed that the vendor is in the scope of a partial adequacy decision, when and why; newest first. */
export function listAdequacyConfirmations(api: TypedApiClient, organizationId: string, vendorId: string) {
  return unwrap(api.GET(`${VENDOR}/adequacy-confirmations`, { params: { path: { orgId: organizationId, vendorId } } }));
}

/** DPO only; 422 `adequacy_not_partial` when no partial decision applies to the country today. */
export function confirmAdequacyScope(api: TypedApiClient, organizationId: string, vendorId: string, body: { country: string; reason: string }) {
  return unwrap(api.POST(`${VENDOR}/adequacy-confirmations`, { params: { path: { orgId: organizationId, vendorId } }, body: { country: body.country, reason: body.reason.trim() } }));
}
